import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { dbTest } from '../../db/testing.ts';
import type { Db } from '../../db/index.ts';
import { buildTestApp } from '../../server/testing.ts';
import { buildOrganisation, buildUser } from '../auth/testing.ts';
import { decideVerification, reportIncident } from '../incidents/index.ts';
import { clearRoadblock, confirmRoadblock, createRoadblock, listRoadblocks } from './roadblocks.service.ts';
import { gridPoint, importGrid } from './roads.testing.ts';
import { planRoute } from './routing.service.ts';

const T0 = Date.parse('2025-06-01T00:00:00Z');
const at = (hours: number) => new Date(T0 + hours * 3_600_000).toISOString();

async function setUp(db: Db) {
  await buildOrganisation(db, 'KEN');
  await importGrid(db);
  return { reporter: await buildUser(db, 'ken.reporter', 'KEN', ['reporter']), analyst: await buildUser(db, 'ken.analyst', 'KEN', ['analyst']) };
}

/** The ids of what a route from (0,1) to (4,1) goes round as of `asOf`. */
async function avoided(db: Db, viewer: Parameters<typeof planRoute>[0]['viewer'], asOf: string): Promise<string[]> {
  const response = await planRoute({ db, viewer, input: { network: 'grid', from: gridPoint(0, 1), to: gridPoint(4, 1), asOf, alternatives: 0 } });
  return response.routes[0]!.blocksAvoided.map((b) => b.id);
}

describe('roadblocks', () => {
  dbTest('an unconfirmed block stops counting after its stale time; a confirmation renews it; clearing ends it', async ({ db }) => {
    const { reporter } = await setUp(db);
    const block = await createRoadblock({ db, actor: reporter.actor, input: { ...gridPoint(2.5, 1), reportedAt: at(0), staleAfterHours: 24, classification: 'MISSION' } });
    const stateAt = async (hours: number) => (await listRoadblocks({ db, viewer: reporter.actor, asOf: at(hours) })).map((b) => b.state);
    assert.deepEqual(await stateAt(-1), [], 'not reported yet');
    assert.deepEqual(await stateAt(1), ['active']);
    assert.deepEqual(await stateAt(25), ['stale']);
    assert.deepEqual(await avoided(db, reporter.actor, at(1)), [block.id]);
    assert.deepEqual(await avoided(db, reporter.actor, at(25)), [], 'a stale block no longer counts');

    await confirmRoadblock({ db, actor: reporter.actor, id: block.id, input: { at: at(20) } });
    assert.deepEqual(await stateAt(25), ['active'], 'confirmed at 20 h, it counts until 44 h');
    assert.deepEqual(await stateAt(10), ['active'], 'reported before and confirmed after: it stood at 10 h');
    assert.deepEqual(await stateAt(45), ['stale']);
    assert.deepEqual(await avoided(db, reporter.actor, at(25)), [block.id]);

    const cleared = await clearRoadblock({ db, actor: reporter.actor, id: block.id, input: { at: at(30) } });
    assert.equal(cleared.status, 'cleared');
    assert.deepEqual(await stateAt(29), ['active']);
    assert.deepEqual(await stateAt(31), ['cleared']);
    assert.deepEqual(await avoided(db, reporter.actor, at(31)), []);
    assert.deepEqual(await avoided(db, reporter.actor, at(29)), [block.id], 'the past picture is kept');
    await assert.rejects(confirmRoadblock({ db, actor: reporter.actor, id: block.id }), { code: 'CONFLICT' });
    assert.deepEqual((await listRoadblocks({ db, viewer: reporter.actor, asOf: at(31), inForce: true })).length, 0);
  });

  dbTest('roadblock incidents feed the picture unless rejected, imprecise, or entered as a roadblock record', async ({ db }) => {
    const { reporter, analyst } = await setUp(db);
    const incident = (overrides: Record<string, unknown> = {}) => reportIncident({
      db, actor: reporter.actor, areas: null,
      input: { type: 'roadblock', title: 'Barricade on Rue 1', occurredAt: at(0), location: { ...gridPoint(2.5, 1), precision: 'exact' }, classification: 'MISSION', ...overrides },
    });
    const { incident: reported } = await incident();
    const route = await planRoute({ db, viewer: reporter.actor, input: { network: 'grid', from: gridPoint(0, 1), to: gridPoint(4, 1), asOf: at(2), alternatives: 0 } });
    assert.deepEqual(route.routes[0]!.blocksAvoided.map((b) => [b.kind, b.id, b.label]), [['incident', reported.id, 'Barricade on Rue 1']]);
    assert.deepEqual(await avoided(db, reporter.actor, at(25)), [], 'an unconfirmed incident counts for 24 hours');

    // Entered as a roadblock record, the record speaks for it (and is cleared with it).
    const record = await createRoadblock({ db, actor: reporter.actor, input: { ...gridPoint(2.5, 1), reportedAt: at(0), incidentId: reported.id, classification: 'MISSION' } });
    assert.deepEqual(await avoided(db, reporter.actor, at(2)), [record.id]);
    await clearRoadblock({ db, actor: reporter.actor, id: record.id, input: { at: at(1) } });
    assert.deepEqual(await avoided(db, reporter.actor, at(2)), []);

    const { incident: rejected } = await incident({ title: 'Rumour of a barricade' });
    assert.deepEqual(await avoided(db, reporter.actor, at(2)), [rejected.id]);
    await decideVerification({ db, actor: analyst.actor, id: rejected.id, decision: { status: 'rejected', note: 'no such barricade' } });
    assert.deepEqual(await avoided(db, reporter.actor, at(2)), []);

    await incident({ title: 'Somewhere in the commune', location: { ...gridPoint(2.5, 1), precision: 'commune' } });
    assert.deepEqual(await avoided(db, reporter.actor, at(2)), [], 'a point known only to the commune blocks no road');
  });

  dbTest('the HTTP API: reporters report and clear; the GeoJSON layer carries the state', async ({ db }) => {
    const app = await buildTestApp(db);
    const { reporter } = await setUp(db);
    const viewer = await buildUser(db, 'ken.viewer', 'KEN', ['viewer']);
    const payload = { ...gridPoint(2.5, 1), classification: 'MISSION', description: 'tyres' };
    assert.equal((await app.inject({ method: 'POST', url: '/api/v1/roads/roadblocks', headers: viewer.headers, payload })).statusCode, 403);
    const created = await app.inject({ method: 'POST', url: '/api/v1/roads/roadblocks', headers: reporter.headers, payload });
    assert.equal(created.statusCode, 201, created.body);
    assert.equal(created.json().state, 'active');
    assert.equal(created.json().radiusMeters, 50);
    const layer = await app.inject({ method: 'GET', url: '/api/v1/roads/roadblocks.geojson', headers: viewer.headers });
    assert.equal(layer.json().features[0].properties.state, 'active');
    assert.equal((await app.inject({ method: 'GET', url: '/api/v1/roads/roadblocks.geojson' })).json().features.length, 0, 'MISSION is not for the public');
    const cleared = await app.inject({ method: 'POST', url: `/api/v1/roads/roadblocks/${created.json().id}/clear`, headers: reporter.headers, payload: {} });
    assert.equal(cleared.json().state, 'cleared');
    await app.close();
  });
});
