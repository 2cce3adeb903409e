import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dataset } from '../../../test/datasets.ts';
import { mulberry32 } from '../random.ts';
import { AdminAreaIndex } from './admin-index.ts';
import type { AreaFeatureCollection } from './geojson.ts';
import { PolygonIndex } from './polygon-index.ts';

const load = (level: number): AreaFeatureCollection =>
  JSON.parse(readFileSync(dataset(`haiti/admin/hti-adm${level}.geojson`), 'utf8')) as AreaFeatureCollection;
const boundaries = { adm1: load(1), adm2: load(2), adm3: load(3) };
const admin = new AdminAreaIndex(boundaries);
// Each level on its own, to check the admin index against the features themselves.
const departments = new PolygonIndex(boundaries.adm1.features);
const communes = new PolygonIndex(boundaries.adm2.features);
const sections = new PolygonIndex(boundaries.adm3.features);

test('Port-au-Prince centre is in Ouest department, commune Port-au-Prince', () => {
  const area = admin.lookup(-72.335, 18.539);
  assert.ok(area);
  assert.equal(area.adm1Pcode, 'HT01');
  assert.equal(area.adm1Name, 'Ouest');
  assert.equal(area.adm2Pcode, 'HT0111');
  assert.equal(area.adm2Name, 'Port-au-Prince');
  // The pcodes are those of the features that contain the point, level by level.
  assert.equal(departments.locate(-72.335, 18.539)?.properties['ADM1_FR'], 'Ouest');
  assert.equal(communes.locate(-72.335, 18.539)?.properties['ADM2_PCODE'], area.adm2Pcode);
  const section = sections.locate(-72.335, 18.539)?.properties;
  assert.equal(section?.['ADM3_PCODE'], area.adm3Pcode);
  assert.equal(section?.['ADM3_FR'], area.adm3Name);
});

test('Cap-Haïtien is in Nord department, commune Cap-Haïtien', () => {
  const area = admin.lookup(-72.2, 19.76);
  assert.equal(area?.adm1Pcode, 'HT03');
  assert.equal(area?.adm1Name, 'Nord');
  assert.equal(area?.adm2Name, 'Cap-Haïtien');
  assert.equal(communes.locate(-72.2, 19.76)?.properties['ADM2_PCODE'], area?.adm2Pcode);
  assert.equal(departments.locate(-72.2, 19.76)?.properties['ADM1_PCODE'], 'HT03');
});

test('points at sea or in the Dominican Republic are in no area', () => {
  assert.equal(admin.lookup(-73.0, 18.0), null, 'Caribbean Sea, south of the southern peninsula');
  assert.equal(admin.lookup(-73.3, 19.3), null, 'Gulf of Gonâve');
  // 10 km east of the border (at -71.756 on this parallel), still inside Haiti's bounding box.
  assert.equal(admin.lookup(-71.65, 19.3), null, 'Dominican Republic');
  assert.equal(admin.lookup(-69.93, 18.48), null, 'Santo Domingo');
  assert.equal(admin.lookup(Number.NaN, 18.5), null);
});

test('2,000 random points: the section found lies in the commune and department found on their own', () => {
  const next = mulberry32(2024);
  let inHaiti = 0;
  for (let i = 0; i < 2_000; i++) {
    const lon = -74.48 + 2.86 * next(), lat = 18.02 + 2.07 * next();
    const area = admin.lookup(lon, lat);
    const commune = communes.locate(lon, lat)?.properties['ADM2_PCODE'];
    const department = departments.locate(lon, lat)?.properties['ADM1_PCODE'];
    if (area === null) {
      assert.equal(commune, undefined, `(${lon}, ${lat}) is in commune ${String(commune)} but in no section`);
      assert.equal(department, undefined, `(${lon}, ${lat}) is in department ${String(department)} but in no section`);
      continue;
    }
    inHaiti++;
    assert.ok(area.adm3Pcode.startsWith(area.adm2Pcode) && area.adm2Pcode.startsWith(area.adm1Pcode), JSON.stringify(area));
    assert.equal(commune, area.adm2Pcode, `(${lon}, ${lat})`);
    assert.equal(department, area.adm1Pcode, `(${lon}, ${lat})`);
  }
  assert.ok(inHaiti > 600 && inHaiti < 1_000, `${inHaiti} of 2000 in Haiti`);
});

test('names come in French by default, in English or Haitian Creole on request (falling back to French)', () => {
  const english = new AdminAreaIndex(boundaries, { language: 'en' }).lookup(-72.335, 18.539);
  assert.equal(english?.adm1Name, 'West');
  const creole = new AdminAreaIndex(boundaries, { language: 'ht' }).lookup(-72.335, 18.539);
  assert.equal(creole?.adm1Name, 'Lwès');
  assert.equal(creole?.adm2Name, 'Port-au-Prince', 'no Creole name for communes: French');
});

test('lookups return the same frozen object for the same section', () => {
  const a = admin.lookup(-72.335, 18.539), b = admin.lookup(-72.3351, 18.5391);
  assert.equal(a, b);
  assert.ok(Object.isFrozen(a));
});

test('boundaries without pcodes or with unknown parents are refused with the feature named', () => {
  const strip = (collection: AreaFeatureCollection, index: number, key: string): AreaFeatureCollection => ({
    ...collection,
    features: collection.features.map((f, k) => (k === index ? { ...f, properties: { ...f.properties, [key]: undefined } } : f)),
  });
  assert.throws(() => new AdminAreaIndex({ ...boundaries, adm3: strip(boundaries.adm3, 5, 'ADM3_PCODE') }), /adm3 feature 5 has no ADM3_PCODE/);
  const firstCommune = boundaries.adm2.features[0]!.properties['ADM2_PCODE'];
  const fewerCommunes = { ...boundaries.adm2, features: boundaries.adm2.features.slice(1) };
  assert.throws(() => new AdminAreaIndex({ ...boundaries, adm2: fewerCommunes }), new RegExp(`names adm2 ${String(firstCommune)}, which is not in the adm2 collection`));
});
