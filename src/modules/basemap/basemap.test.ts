import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { dbTest } from '../../db/testing.ts';
import { importGrid } from '../roads/roads.testing.ts';
import { buildTestApp } from '../../server/testing.ts';
import { datasetsDir } from '../../../test/datasets.ts';

describe('the basemap routes', () => {
  dbTest('serve simplified administrative boundaries, gzipped, with an ETag', async ({ db }) => {
    const app = await buildTestApp(db, { KONBIT_DATASETS: datasetsDir });
    const index = (await app.inject('/api/v1/basemap')).json();
    assert.deepEqual(index.layers.map((l: { name: string; available: boolean }) => [l.name, l.available]), [['adm1', true], ['adm2', true], ['adm3', true], ['roads', true]]);

    const response = await app.inject({ url: '/api/v1/basemap/adm2', headers: { 'accept-encoding': 'gzip' } });
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-encoding'], 'gzip');
    assert.match(String(response.headers['content-type']), /application\/geo\+json/);
    const etag = String(response.headers.etag);
    const collection = JSON.parse(gunzipSync(response.rawPayload).toString('utf8'));
    assert.equal(collection.features.length, 140, 'all 140 communes');
    const commune = collection.features[0];
    assert.deepEqual(Object.keys(commune.properties).sort(), ['adm1', 'adm2', 'name_en', 'name_fr', 'name_ht', 'pcode']);
    const ring: number[][] = commune.geometry.coordinates[0];
    assert.ok(ring.every(([lon, lat]) => Math.round(lon! * 1e5) / 1e5 === lon && Math.round(lat! * 1e5) / 1e5 === lat), 'five decimals');
    assert.ok(response.rawPayload.length < 400_000, `gzipped communes are small (${response.rawPayload.length} bytes)`);

    const again = await app.inject({ url: '/api/v1/basemap/adm2', headers: { 'if-none-match': etag } });
    assert.equal(again.statusCode, 304);
    const plain = await app.inject({ url: '/api/v1/basemap/adm2', headers: { 'accept-encoding': 'identity' } });
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal(plain.json().features.length, 140);
    await app.close();
  });

  dbTest('name the departments and their communes without their boundaries', async ({ db }) => {
    const app = await buildTestApp(db, { KONBIT_DATASETS: datasetsDir });
    const response = await app.inject({ url: '/api/v1/basemap/admin-areas', headers: { 'accept-encoding': 'identity' } });
    assert.equal(response.statusCode, 200);
    const { departments } = response.json() as { departments: { pcode: string; names: { en: string; fr: string; ht: string }; communes: { pcode: string }[] }[] };
    assert.equal(departments.length, 10, 'the ten departments');
    assert.equal(departments.reduce((n, d) => n + d.communes.length, 0), 140, 'all 140 communes, each under its department');
    const ouest = departments.find((d) => d.names.fr === 'Ouest');
    assert.ok(ouest?.communes.some((c) => c.pcode.startsWith(ouest.pcode)), 'a commune’s P-code extends its department’s');
    assert.ok(departments.every((d) => d.communes.every((c) => c.pcode.startsWith(d.pcode))));
    const french = departments.map((d) => d.names.fr);
    assert.deepEqual(french, [...french].sort((a, b) => a.localeCompare(b, 'fr')), 'sorted by French name');
    assert.ok(response.rawPayload.length < 30_000, `names only (${response.rawPayload.length} bytes)`);
    await app.close();
  });

  dbTest('serve the road network with a road class and no rivers', async ({ db }) => {
    const app = await buildTestApp(db, { KONBIT_DATASETS: datasetsDir });
    const roads = (await app.inject({ url: '/api/v1/basemap/roads', headers: { 'accept-encoding': 'identity' } })).json();
    assert.ok(roads.features.length > 1400);
    assert.ok(roads.features.every((f: { properties: { class: string } }) => ['major', 'minor', 'track'].includes(f.properties.class)));
    assert.ok(roads.features.some((f: { properties: { class: string } }) => f.properties.class === 'major'));
    await app.close();
  });

  dbTest('draw the imported road network, when there is one, rather than the dataset file', async ({ db }) => {
    await importGrid(db);
    const app = await buildTestApp(db, { KONBIT_DATASETS: datasetsDir });
    const index = (await app.inject('/api/v1/basemap')).json();
    assert.deepEqual(index.layers.find((l: { name: string }) => l.name === 'roads'), { name: 'roads', dataset: 'road network grid', available: true, attribution: '© OpenStreetMap contributors' });
    const roads = (await app.inject({ url: '/api/v1/basemap/roads', headers: { 'accept-encoding': 'identity' } })).json();
    const names = new Set(roads.features.map((f: { properties: { name?: string } }) => f.properties.name));
    assert.ok(names.has('Rue 0') && names.has('Avenue 4'), 'the grid’s streets');
    assert.ok(roads.features.every((f: { properties: { class: string } }) => f.properties.class === 'minor'));
    await app.close();
  });

  dbTest('answer 404 naming the missing dataset and what to do', async ({ db }) => {
    const empty = mkdtempSync(path.join(tmpdir(), 'konbit-no-datasets-'));
    const app = await buildTestApp(db, { KONBIT_DATASETS: empty });
    assert.equal((await app.inject('/api/v1/basemap')).json().layers[0].available, false);
    const response = await app.inject('/api/v1/basemap/adm1');
    assert.equal(response.statusCode, 404);
    assert.equal(response.json().error.code, 'NOT_FOUND');
    assert.match(response.json().error.message, /haiti\/admin\/hti-adm1\.geojson/);
    const roads = await app.inject('/api/v1/basemap/roads');
    assert.match(roads.json().error.message, /konbit roads import FILE/);
    assert.equal((await app.inject('/api/v1/basemap/admin-areas')).statusCode, 404);
    assert.equal((await app.inject('/api/v1/basemap/elevation')).statusCode, 400);
    await app.close();
  });
});
