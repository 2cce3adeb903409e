import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { AdminAreaIndex, type AreaFeatureCollection } from '../../../core/geo/index.ts';
import { datasetsDir } from '../../../../test/datasets.ts';
import { communesOf } from './admin-places.ts';
import { METRO_PLACES, PlaceIndex } from './places.ts';

const boundaries = (level: 1 | 2 | 3) => JSON.parse(readFileSync(path.join(datasetsDir, 'haiti', 'admin', `hti-adm${level}.geojson`), 'utf8')) as AreaFeatureCollection;

describe('places', () => {
  test('every built-in place lies in the commune it names (COD-AB boundaries)', () => {
    const index = new AdminAreaIndex({ adm1: boundaries(1), adm2: boundaries(2), adm3: boundaries(3) });
    for (const place of METRO_PLACES) assert.equal(index.lookup(place.lon, place.lat)?.adm2Pcode, place.adm2Pcode, place.name);
  });

  test('every commune of the boundaries gets a point inside itself', () => {
    const adm2 = boundaries(2);
    const index = new AdminAreaIndex({ adm1: boundaries(1), adm2, adm3: boundaries(3) });
    const communes = communesOf(adm2);
    assert.ok(communes.length > 100);
    for (const { place } of communes) assert.equal(index.lookup(place.lon, place.lat)?.adm2Pcode, place.adm2Pcode, place.name);
  });

  test('names in French, Creole and English; a neighbourhood beside its commune', () => {
    const places = new PlaceIndex(communesOf(boundaries(2)));
    const found = places.find('Gangs attacked Kafou Fèy, then Carrefour-Feuilles, Pòtoprens and Jérémie.').map((m) => m.place.name);
    assert.deepEqual(found, ['Carrefour-Feuilles', 'Carrefour-Feuilles', 'Port-au-Prince', 'Jérémie']);
  });
});
