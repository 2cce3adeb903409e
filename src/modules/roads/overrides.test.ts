import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { dbTest } from '../../db/testing.ts';
import type { Db } from '../../db/index.ts';
import { buildTestApp } from '../../server/testing.ts';
import { buildOrganisation, buildUser } from '../auth/testing.ts';
import { loadNetwork } from './graph-registry.ts';
import { createOverride, liftOverride, listOverrides } from './overrides.service.ts';
import { createRoadblock } from './roadblocks.service.ts';
import { gridPoint, importGrid, LAT0, LON0, STEP } from './roads.testing.ts';
import { planRoute } from './routing.service.ts';
import { roadStatusGeoJson } from './status.service.ts';

const at = (x: number, y: number) => [LON0 + x * STEP, LAT0 + y * STEP];

async function setUp(db: Db) {
  await buildOrganisation(db, 'KEN');
  await importGrid(db);
  return { planner: await buildUser(db, 'ken.planner', 'KEN', ['commander']) };
}

async function streets(db: Db, viewer: Parameters<typeof planRoute>[0]['viewer'], asOf?: string) {
  const response = await planRoute({ db, viewer, input: { network: 'grid', from: gridPoint(0, 1), to: gridPoint(4, 1), asOf, alternatives: 0 } });
  return { names: response.routes[0]!.streets.map((s) => s.name), avoided: response.routes[0]!.blocksAvoided.map((b) => `${b.kind}:${b.id}`) };
}

describe('planners’ overrides', () => {
  dbTest('a closure drawn along a road holds until it expires or is lifted', async ({ db }) => {
    const { planner } = await setUp(db);
    const now = Date.now();
    const closure = await createOverride({
      db, actor: planner.actor,
      input: { network: 'grid', action: 'closed', reason: 'bridge down', line: { type: 'LineString', coordinates: [at(1, 1), at(2.02, 1.0001)] }, expiresAt: new Date(now + 3_600_000).toISOString(), classification: 'MISSION' },
    });
    const loaded = await loadNetwork(db, 'grid');
    assert.equal(closure.edges.length, 1, 'the line runs along one block of Rue 1');
    assert.equal(loaded.network.strings[loaded.network.edgeName[closure.edges[0]!]!], 'Rue 1');
    assert.ok(closure.inForce);
    const during = await streets(db, planner.actor);
    assert.notDeepEqual(during.names, ['Rue 1']);
    assert.deepEqual(during.avoided, [`closure:${closure.id}`]);
    assert.deepEqual((await streets(db, planner.actor, new Date(now + 2 * 3_600_000).toISOString())).names, ['Rue 1'], 'expired');
    const status = await roadStatusGeoJson({ db, viewer: planner.actor, network: 'grid', notOpen: true });
    assert.deepEqual(status.features.map((f) => [f.properties.edge, f.properties.status, f.properties.causes]), [[closure.edges[0], 'blocked', [closure.id]]]);

    const lifted = await liftOverride({ db, actor: planner.actor, id: closure.id });
    assert.equal(lifted.inForce, false);
    assert.deepEqual((await streets(db, planner.actor)).names, ['Rue 1']);
    await assert.rejects(liftOverride({ db, actor: planner.actor, id: closure.id }), { code: 'CONFLICT' });
  });

  dbTest('a reopening is the last word on its roads; bad segments are refused', async ({ db }) => {
    const { planner } = await setUp(db);
    await createRoadblock({ db, actor: planner.actor, input: { ...gridPoint(2.5, 1), classification: 'MISSION' } });
    assert.notDeepEqual((await streets(db, planner.actor)).names, ['Rue 1']);
    const loaded = await loadNetwork(db, 'grid');
    const edges = [...Array(loaded.network.edgeCount).keys()].filter((e) => loaded.network.strings[loaded.network.edgeName[e]!] === 'Rue 1');
    const reopening = await createOverride({ db, actor: planner.actor, input: { network: 'grid', action: 'reopened', reason: 'cleared and held by the HNP', edges, classification: 'MISSION' } });
    assert.deepEqual((await streets(db, planner.actor)).names, ['Rue 1']);
    const status = await roadStatusGeoJson({ db, viewer: planner.actor, network: 'grid' });
    assert.ok(status.features.every((f) => f.properties.status === 'open'));
    assert.deepEqual((await listOverrides({ db, viewer: planner.actor, network: 'grid' })).map((o) => o.id), [reopening.id]);

    await assert.rejects(createOverride({ db, actor: planner.actor, input: { network: 'grid', action: 'closed', reason: 'x', edges: [99_999], classification: 'MISSION' } }), { code: 'VALIDATION_FAILED', message: /not in network grid/ });
    await assert.rejects(createOverride({ db, actor: planner.actor, input: { network: 'grid', action: 'closed', reason: 'x', line: { type: 'LineString', coordinates: [[-72.0, 18.0], [-72.01, 18.01]] }, classification: 'MISSION' } }), { code: 'VALIDATION_FAILED', message: /runs along no road/ });
    await assert.rejects(createOverride({ db, actor: planner.actor, input: { network: 'grid', action: 'closed', reason: 'x', classification: 'MISSION' } }), { code: 'VALIDATION_FAILED' });
    await assert.rejects(createOverride({ db, actor: planner.actor, input: { network: 'nope', action: 'closed', reason: 'x', edges: [1], classification: 'MISSION' } }), { code: 'NOT_FOUND' });
  });

  dbTest('over HTTP only planners close roads', async ({ db }) => {
    const app = await buildTestApp(db);
    const { planner } = await setUp(db);
    const reporter = await buildUser(db, 'ken.reporter', 'KEN', ['reporter']);
    const payload = { network: 'grid', action: 'closed', reason: 'flooded', edges: [0], classification: 'PUBLIC' };
    assert.equal((await app.inject({ method: 'POST', url: '/api/v1/roads/overrides', headers: reporter.headers, payload })).statusCode, 403);
    const created = await app.inject({ method: 'POST', url: '/api/v1/roads/overrides', headers: planner.headers, payload });
    assert.equal(created.statusCode, 201, created.body);
    assert.equal((await app.inject({ method: 'GET', url: '/api/v1/roads/overrides?network=grid' })).json().length, 1);
    await app.close();
  });
});
