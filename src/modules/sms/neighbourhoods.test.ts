import assert from 'node:assert/strict';
import { test } from 'node:test';
import { adminAreasIn } from '../incidents/index.ts';
import { NEIGHBOURHOODS } from './neighbourhoods.ts';

const DATASETS = new URL('../../../../shared/data', import.meta.url).pathname;

test('every neighbourhood point lies in the commune it is listed in (COD-AB boundaries) and names its source', async () => {
  const areas = await adminAreasIn(DATASETS);
  assert.ok(areas, 'the admin boundaries are in the datasets folder');
  for (const place of NEIGHBOURHOODS) {
    assert.equal(areas.lookup(place.lon, place.lat)?.adm2Pcode, place.adm2Pcode, place.name);
    assert.ok(place.source.length > 3, place.name);
  }
  assert.equal(new Set(NEIGHBOURHOODS.map((n) => n.id)).size, NEIGHBOURHOODS.length);
});
