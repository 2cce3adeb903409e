import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { dbTest } from '../../db/testing.ts';
import { buildTestApp } from '../../server/testing.ts';
import { buildOrganisation, buildUser } from '../auth/testing.ts';
import { areasGeoJson, importAreas } from './areas.geojson.ts';
import { areaHistory, createArea, listAreas, updateArea, withdrawArea } from './areas.service.ts';

const square = (west: number, south: number, size = 0.01) => [[west, south], [west + size, south], [west + size, south + size], [west, south + size], [west, south]];

async function setUp(db: Parameters<typeof buildOrganisation>[0]) {
  await buildOrganisation(db, 'KEN');
  await buildOrganisation(db, 'JAM');
  return { ken: await buildUser(db, 'ken', 'KEN', ['analyst']), jam: await buildUser(db, 'jam', 'JAM', ['analyst']) };
}

describe('areas of control', () => {
  dbTest('a drawn polygon is repaired and says so, a broken one refused with the reason', async ({ db }) => {
    const { ken } = await setUp(db);
    // Clockwise and unclosed: both repaired.
    const clockwise = [[-72.34, 18.53], [-72.34, 18.54], [-72.33, 18.54], [-72.33, 18.53]];
    const area = await createArea({ db, actor: ken.actor, input: { name: 'Bel Air', level: 'contested', geometry: { type: 'Polygon', coordinates: [clockwise] }, classification: 'MISSION' } });
    assert.equal(area.repairs?.length, 2, area.repairs?.join('; '));
    assert.ok(area.repairs?.some((r) => /closed the ring/.test(r)));
    assert.ok(area.repairs?.some((r) => /counter-clockwise/.test(r)));
    assert.equal(area.geometry.coordinates[0].length, 5);

    const bowtie = [[-72.34, 18.53], [-72.33, 18.54], [-72.33, 18.53], [-72.34, 18.54], [-72.34, 18.53]];
    await assert.rejects(createArea({ db, actor: ken.actor, input: { name: 'Bow tie', level: 'controlled', geometry: { type: 'Polygon', coordinates: [bowtie] }, classification: 'MISSION' } }),
      (error: { code?: string; message?: string; details?: { reason?: string } }) => {
        assert.equal(error.code, 'INVALID_POLYGON');
        assert.match(error.message!, /crosses itself/);
        assert.equal(error.details?.reason, 'self-intersection');
        return true;
      });
    await assert.rejects(createArea({ db, actor: ken.actor, input: { name: 'A line', level: 'controlled', geometry: { type: 'LineString', coordinates: [[0, 0], [1, 1]] }, classification: 'MISSION' } }), { code: 'INVALID_POLYGON', message: /expected a GeoJSON Polygon/ });
    assert.equal((await listAreas({ db, viewer: ken.actor })).length, 1);
  });

  dbTest('the picture can be asked as of a date: a superseding area ends its predecessor; history is kept', async ({ db }) => {
    const { ken, jam } = await setUp(db);
    const first = await createArea({ db, actor: ken.actor, input: { name: 'Martissant', group: 'Grand Ravine', level: 'influence', geometry: { type: 'Polygon', coordinates: [square(-72.38, 18.52)] }, validFrom: '2024-01-01T00:00:00Z', classification: 'MISSION' } });
    const second = await createArea({ db, actor: ken.actor, input: { name: 'Martissant', group: 'Grand Ravine', level: 'controlled', geometry: { type: 'Polygon', coordinates: [square(-72.385, 18.515, 0.02)] }, validFrom: '2024-03-01T00:00:00Z', supersedes: first.id, classification: 'MISSION' } });
    const asOf = async (when: string) => (await listAreas({ db, viewer: ken.actor, asOf: when })).map((a) => `${a.name}:${a.level}`);
    assert.deepEqual(await asOf('2023-12-31T00:00:00Z'), []);
    assert.deepEqual(await asOf('2024-02-01T00:00:00Z'), ['Martissant:influence']);
    assert.deepEqual(await asOf('2024-03-01T00:00:00Z'), ['Martissant:controlled']);
    assert.equal((await listAreas({ db, viewer: ken.actor })).length, 2, 'without asOf: every area');
    assert.equal((await areasGeoJson({ db, viewer: ken.actor, asOf: '2024-02-01T00:00:00Z' })).features[0]?.properties.level, 'influence');

    // A correction needs the version read; someone else's edit in between is a conflict.
    const corrected = await updateArea({ db, actor: ken.actor, id: second.id, input: { version: second.version, reason: 'the analyst misread the report', changes: { level: 'contested' } } });
    assert.equal(corrected.version, 2);
    await assert.rejects(updateArea({ db, actor: ken.actor, id: second.id, input: { version: 1, reason: 'stale', changes: { name: 'x' } } }), { code: 'CONFLICT' });
    await assert.rejects(updateArea({ db, actor: jam.actor, id: second.id, input: { version: 2, reason: 'not mine', changes: { name: 'x' } } }), { code: 'FORBIDDEN' });
    await assert.rejects(updateArea({ db, actor: ken.actor, id: second.id, input: { version: 2, reason: 'bad', changes: { validTo: '2024-02-01T00:00:00Z' } } }), { code: 'VALIDATION_FAILED' });
    const history = await areaHistory({ db, viewer: ken.actor, id: second.id });
    assert.deepEqual(history.map((h) => [h.version, h.action]), [[1, 'create'], [2, 'update']]);
    assert.equal((history[1]!.before as { level: string }).level, 'controlled');
    assert.equal((history[1]!.after as { level: string }).level, 'contested');
    assert.deepEqual((await areaHistory({ db, viewer: ken.actor, id: first.id })).map((h) => h.action), ['create', 'supersede']);

    await withdrawArea({ db, actor: ken.actor, id: first.id, reason: 'entered twice' });
    assert.deepEqual(await asOf('2024-02-01T00:00:00Z'), [], 'a withdrawn area is in no picture');
    assert.equal((await listAreas({ db, viewer: ken.actor, includeWithdrawn: true })).length, 2);
  });

  dbTest('GeoJSON import is all or nothing, and an export imports back', async ({ db }) => {
    const { ken } = await setUp(db);
    const feature = (properties: Record<string, unknown>, ring: number[][]) => ({ type: 'Feature', properties, geometry: { type: 'Polygon', coordinates: [ring] } });
    const bad = {
      type: 'FeatureCollection',
      features: [
        feature({ name: 'Cité Soleil', level: 'controlled' }, square(-72.345, 18.57)),
        feature({ name: 'Bow tie', level: 'contested' }, [[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]),
        feature({ name: 'No level' }, square(-72.3, 18.5)),
      ],
    };
    await assert.rejects(importAreas({ db, actor: ken.actor, collection: bad, classification: 'MISSION' }), (error: { code?: string; details?: { problems: { feature: number }[] } }) => {
      assert.equal(error.code, 'VALIDATION_FAILED');
      assert.deepEqual(error.details?.problems.map((p) => p.feature), [1, 2]);
      return true;
    });
    assert.equal((await listAreas({ db, viewer: ken.actor })).length, 0, 'nothing was written');

    const good = { type: 'FeatureCollection', features: [bad.features[0], feature({ name: 'Bel Air', level: 'influence', classification: 'RESTRICTED', validFrom: '2024-01-01T00:00:00Z' }, square(-72.34, 18.54).slice(0, 4))] };
    const result = await importAreas({ db, actor: ken.actor, collection: good, classification: 'MISSION' });
    assert.equal(result.created, 2);
    assert.deepEqual(result.repaired.map((r) => r.feature), [1]);
    const exported = await areasGeoJson({ db, viewer: ken.actor, all: true });
    assert.equal(exported.features.length, 2);
    await importAreas({ db, actor: ken.actor, collection: exported, classification: 'PUBLIC' });
    const all = await listAreas({ db, viewer: ken.actor });
    assert.equal(all.length, 4);
    assert.deepEqual(all.filter((a) => a.name === 'Bel Air').map((a) => a.classification), ['RESTRICTED', 'RESTRICTED'], 'the label travels with the export');
  });

  dbTest('the HTTP API: writers by role, a refusal looks like an absence', async ({ db }) => {
    const app = await buildTestApp(db);
    const { ken, jam } = await setUp(db);
    const viewer = await buildUser(db, 'ken.viewer', 'KEN', ['viewer']);
    const body = { name: 'Bel Air', level: 'contested', geometry: { type: 'Polygon', coordinates: [square(-72.34, 18.54)] }, classification: 'RESTRICTED' };
    assert.equal((await app.inject({ method: 'POST', url: '/api/v1/roads/areas', headers: viewer.headers, payload: body })).statusCode, 403);
    const created = await app.inject({ method: 'POST', url: '/api/v1/roads/areas', headers: ken.headers, payload: body });
    assert.equal(created.statusCode, 201, created.body);
    const id = created.json().id as string;
    const refused = await app.inject({ method: 'GET', url: `/api/v1/roads/areas/${id}`, headers: jam.headers });
    const absent = await app.inject({ method: 'GET', url: '/api/v1/roads/areas/00000000-0000-0000-0000-000000000000', headers: jam.headers });
    assert.equal(refused.statusCode, 404);
    assert.deepEqual(refused.json(), absent.json());
    const invalid = await app.inject({ method: 'POST', url: '/api/v1/roads/areas', headers: ken.headers, payload: { ...body, geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]] } } });
    assert.equal(invalid.statusCode, 422);
    assert.equal(invalid.json().error.code, 'INVALID_POLYGON');
    const geojson = await app.inject({ method: 'GET', url: '/api/v1/roads/areas.geojson', headers: ken.headers });
    assert.match(String(geojson.headers['content-type']), /application\/geo\+json/);
    assert.equal(geojson.json().features.length, 1);
    const history = await app.inject({ method: 'GET', url: `/api/v1/roads/areas/${id}/history`, headers: ken.headers });
    assert.equal(history.json()[0].by, 'KEN');
    await app.close();
  });
});
