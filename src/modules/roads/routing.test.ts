import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { dbTest } from '../../db/testing.ts';
import type { Db } from '../../db/index.ts';
import { buildTestApp } from '../../server/testing.ts';
import { buildOrganisation, buildUser } from '../auth/testing.ts';
import type { RouteResponse } from '../../shared/roads.ts';
import { createSite } from '../sites/index.ts';
import { createArea } from './areas.service.ts';
import { loadNetwork } from './graph-registry.ts';
import { createRoadblock } from './roadblocks.service.ts';
import { gridPoint, importGrid, LAT0, LON0, STEP } from './roads.testing.ts';
import { reachability, planRoute } from './routing.service.ts';

const NOW = '2025-06-01T12:00:00.000Z';
const streetsOf = (route: RouteResponse['routes'][number]) => route.streets.map((s) => s.name);

async function setUp(db: Db) {
  await buildOrganisation(db, 'KEN');
  await buildOrganisation(db, 'JAM');
  await importGrid(db);
  return { ken: await buildUser(db, 'ken', 'KEN', ['analyst', 'reporter']), jam: await buildUser(db, 'jam', 'JAM', ['analyst', 'reporter']) };
}

const block = (db: Db, actor: Awaited<ReturnType<typeof setUp>>['ken']['actor'], x: number, y: number, extra: Record<string, unknown> = {}) =>
  createRoadblock({ db, actor, input: { ...gridPoint(x, y), reportedAt: '2025-06-01T00:00:00Z', description: `block at ${x},${y}`, classification: 'MISSION', ...extra } });

/** Every segment of the route is passable under the multipliers the route was planned with. */
async function assertNoBlockedSegment(db: Db, viewer: Parameters<typeof planRoute>[0]['viewer'], response: RouteResponse): Promise<void> {
  const loaded = await loadNetwork(db, 'grid');
  const weights = [...loaded.weights.values()].at(-1)!;
  const { graph } = loaded.segments;
  for (const route of response.routes) {
    for (let i = 1; i < route.geometry.coordinates.length; i++) {
      const [ax, ay] = route.geometry.coordinates[i - 1]!;
      const [bx, by] = route.geometry.coordinates[i]!;
      let found = false;
      for (let s = 0; s < graph.edgeCount && !found; s++) {
        const a = graph.edgeFrom[s]!, b = graph.edgeTo[s]!;
        const same = (graph.lon[a] === ax && graph.lat[a] === ay && graph.lon[b] === bx && graph.lat[b] === by) || (graph.lon[b] === ax && graph.lat[b] === ay && graph.lon[a] === bx && graph.lat[a] === by);
        if (same) {
          found = true;
          assert.ok(weights.multipliers[s]! < Infinity, `segment ${s} of the route is blocked`);
        }
      }
      assert.ok(found, 'every step of the line is a road segment');
    }
  }
  void viewer;
}

describe('routes', () => {
  dbTest('a route goes round a roadblock, says so, and never uses a blocked segment', async ({ db }) => {
    const { ken } = await setUp(db);
    const input = { network: 'grid', from: gridPoint(0, 1), to: gridPoint(4, 1), asOf: NOW };
    const clear = await planRoute({ db, viewer: ken.actor, input });
    assert.ok(clear.found);
    assert.deepEqual(streetsOf(clear.routes[0]!), ['Rue 1']);
    assert.ok(clear.routes[0]!.distanceMeters > 4 * 200 && clear.routes[0]!.distanceMeters < 4 * 220);
    assert.equal(clear.routes[0]!.durationSeconds, clear.routes[0]!.costSeconds, 'no risk: cost is time');
    assert.ok(clear.from.snapMeters < 1);

    const roadblock = await block(db, ken.actor, 2.5, 1);
    const around = await planRoute({ db, viewer: ken.actor, input });
    assert.ok(around.found);
    const best = around.routes[0]!;
    assert.ok(!streetsOf(best).every((name) => name === 'Rue 1'));
    assert.deepEqual(best.blocksAvoided.map((b) => b.id), [roadblock.id]);
    assert.equal(best.blocksAvoided[0]!.kind, 'roadblock');
    assert.ok(best.distanceMeters > clear.routes[0]!.distanceMeters);
    assert.ok(around.routes.length >= 2, 'alternatives');
    await assertNoBlockedSegment(db, ken.actor, around);
    assert.deepEqual(around.picture, { areas: 0, roadblocks: 1, overrides: 0 });
  });

  dbTest('risk: a contested area is gone round when the convoy avoids risk, crossed and measured when the patrol accepts it', async ({ db }) => {
    const { ken } = await setUp(db);
    const ring = [[1.2, 0.8], [2.8, 0.8], [2.8, 1.2], [1.2, 1.2], [1.2, 0.8]].map(([x, y]) => [LON0 + x! * STEP, LAT0 + y! * STEP]);
    const area = await createArea({ db, actor: ken.actor, input: { name: 'Market', group: 'Gang X', level: 'contested', geometry: { type: 'Polygon', coordinates: [ring] }, validFrom: '2025-01-01T00:00:00Z', classification: 'MISSION' } });
    const input = { network: 'grid', from: gridPoint(0, 1), to: gridPoint(4, 1), asOf: NOW };
    const convoy = await planRoute({ db, viewer: ken.actor, input: { ...input, profile: 'convoy' } });
    assert.equal(convoy.riskTolerance, 'avoid');
    assert.equal(convoy.routes[0]!.riskTotals.meters, 0, 'the convoy goes round');
    const patrol = await planRoute({ db, viewer: ken.actor, input: { ...input, profile: 'patrol' } });
    assert.equal(patrol.riskTolerance, 'accept-all');
    const best = patrol.routes[0]!;
    assert.deepEqual(streetsOf(best), ['Rue 1']);
    assert.equal(best.riskCrossed.length, 1);
    const crossed = best.riskCrossed[0]!;
    assert.equal(crossed.areaId, area.id);
    assert.equal(crossed.level, 'contested');
    const expected = 1.6 * STEP * 111_195 * Math.cos((LAT0 * Math.PI) / 180);
    assert.ok(Math.abs(crossed.meters - expected) < 5, `${crossed.meters} m inside, expected about ${expected}`);
    assert.ok(crossed.seconds > 0 && best.costSeconds > best.durationSeconds, 'the risky stretch weighs more than its time');
    const before = await planRoute({ db, viewer: ken.actor, input: { ...input, profile: 'patrol', asOf: '2024-12-31T00:00:00Z' } });
    assert.equal(before.routes[0]!.riskCrossed.length, 0, 'the area was not in force yet');
  });

  dbTest('one-way streets are respected', async ({ db }) => {
    const { ken } = await setUp(db);
    const east = await planRoute({ db, viewer: ken.actor, input: { network: 'grid', from: gridPoint(0, 2), to: gridPoint(4, 2), asOf: NOW } });
    assert.deepEqual(streetsOf(east.routes[0]!), ['Rue 2']);
    const west = await planRoute({ db, viewer: ken.actor, input: { network: 'grid', from: gridPoint(4, 2), to: gridPoint(0, 2), asOf: NOW } });
    for (const route of west.routes) assert.ok(!streetsOf(route).includes('Rue 2'), `westbound on the one-way Rue 2: ${streetsOf(route).join(', ')}`);
    assert.deepEqual(streetsOf(west.routes[0]!), ['Avenue 4', 'Rue 1', 'Avenue 0']);
  });

  dbTest('with no route, it says which blocks cut the destination off; points off the network are refused', async ({ db }) => {
    const { ken } = await setUp(db);
    const cut = [await block(db, ken.actor, 2.5, 0), await block(db, ken.actor, 2.5, 1), await block(db, ken.actor, 2.5, 2)];
    await block(db, ken.actor, 0.5, 0); // on a road the origin can reach, but cutting nothing
    const response = await planRoute({ db, viewer: ken.actor, input: { network: 'grid', from: gridPoint(0, 1), to: gridPoint(4, 1), asOf: NOW } });
    assert.equal(response.found, false);
    assert.deepEqual(response.routes, []);
    assert.deepEqual(response.noRoute!.cutBy.map((b) => b.id).sort(), cut.map((b) => b.id).sort());
    assert.match(response.noRoute!.reason, /^no route as of 2025-06-01T12:00:00.000Z: the destination is cut off by roadblock "Roadblock: block at 2\.5,[012]"/);
    assert.doesNotMatch(response.noRoute!.reason, /0\.5,0/, 'a block that cuts nothing is not blamed');

    const reach = await reachability({ db, viewer: ken.actor, input: { network: 'grid', from: gridPoint(0, 1), to: [{ ...gridPoint(1, 2), id: 'near' }, { ...gridPoint(4, 0), id: 'far' }, { lat: LAT0 + 0.05, lon: LON0, id: 'sea' }], asOf: NOW } });
    assert.deepEqual(reach.targets.map((t) => [t.id, t.status]), [['near', 'reachable'], ['far', 'cut-off'], ['sea', 'off-network']]);
    assert.ok(reach.targets[0]!.durationSeconds! > 0);
    assert.deepEqual(reach.cutBy.map((b) => b.id).sort(), cut.map((b) => b.id).sort());

    await assert.rejects(planRoute({ db, viewer: ken.actor, input: { network: 'grid', from: { lat: LAT0 + 0.05, lon: LON0 }, to: gridPoint(4, 1) } }), (error: { code?: string; message?: string }) => {
      assert.equal(error.code, 'OFF_NETWORK');
      assert.match(error.message!, /the origin .* is 5,[0-9]{3} m from the nearest road of network grid, farther than the snap distance of 500 m/);
      return true;
    });
    const far = await planRoute({ db, viewer: ken.actor, input: { network: 'grid', from: { lat: LAT0 + 0.05, lon: LON0 }, to: gridPoint(0, 0), snapMeters: 6000 } });
    assert.ok(far.from.snapMeters > 5000, 'a larger snap distance takes it');
  });

  dbTest('a route uses only the blocks its requester may see', async ({ db }) => {
    const { ken, jam } = await setUp(db);
    const restricted = await block(db, ken.actor, 2.5, 1, { classification: 'RESTRICTED' });
    const input = { network: 'grid', from: gridPoint(0, 1), to: gridPoint(4, 1), asOf: NOW };
    const seen = await planRoute({ db, viewer: ken.actor, input });
    assert.deepEqual(seen.routes[0]!.blocksAvoided.map((b) => b.id), [restricted.id]);
    const unseen = await planRoute({ db, viewer: jam.actor, input });
    assert.deepEqual(streetsOf(unseen.routes[0]!), ['Rue 1'], 'JAM, which may not see the block, is routed through it');
    assert.deepEqual(unseen.routes[0]!.blocksAvoided, []);
    assert.equal(unseen.picture.roadblocks, 0);

    const app = await buildTestApp(db);
    const post = (headers: Record<string, string>) => app.inject({ method: 'POST', url: '/api/v1/routes', headers, payload: input });
    assert.deepEqual(streetsOf((await post({})).json<RouteResponse>().routes[0]!), ['Rue 1'], 'the public too');
    const kenAnswer = (await post(ken.headers)).json<RouteResponse>();
    assert.deepEqual(kenAnswer.routes[0]!.blocksAvoided.map((b) => b.id), [restricted.id]);
    const bad = await app.inject({ method: 'POST', url: '/api/v1/routes', payload: { ...input, from: { lat: 95, lon: 0 } } });
    assert.equal(bad.statusCode, 400);
    await app.close();
  });

  dbTest('one multiplier array per distinct picture: repeated requests reuse it, a new block makes a new one', async ({ db }) => {
    const { ken, jam } = await setUp(db);
    await block(db, ken.actor, 2.5, 1);
    const input = { network: 'grid', from: gridPoint(0, 1), to: gridPoint(4, 1), asOf: NOW };
    const loaded = await loadNetwork(db, 'grid');
    await planRoute({ db, viewer: ken.actor, input });
    await planRoute({ db, viewer: jam.actor, input });
    assert.equal(loaded.weights.size, 1, 'KEN and JAM see the same MISSION block: one array');
    await planRoute({ db, viewer: ken.actor, input: { ...input, profile: 'patrol' } });
    assert.equal(loaded.weights.size, 2, 'another tolerance, another array');
    await block(db, ken.actor, 1.5, 0, { classification: 'RESTRICTED' });
    await planRoute({ db, viewer: jam.actor, input });
    assert.equal(loaded.weights.size, 2, 'JAM cannot see the new block: its picture is unchanged');
    await planRoute({ db, viewer: ken.actor, input });
    assert.equal(loaded.weights.size, 3);
  });

  dbTest('from and to may be named sites the requester may see', async ({ db }) => {
    const { ken, jam } = await setUp(db);
    const point = (x: number, y: number) => ({ type: 'Point', coordinates: [LON0 + x * STEP, LAT0 + y * STEP] });
    const depot = await createSite({ db, actor: ken.actor, input: { name: 'Dépôt Nord', kind: 'food_warehouse', criticality: 3, geometry: point(0, 1), classification: 'MISSION' } });
    await createSite({ db, actor: ken.actor, input: { name: 'Clinique Sud', kind: 'hospital', criticality: 4, geometry: point(4, 1), classification: 'RESTRICTED' } });
    const route = await planRoute({ db, viewer: ken.actor, input: { network: 'grid', from: { site: 'depot nord' }, to: { site: 'Clinique Sud' }, asOf: NOW } });
    assert.deepEqual(route.from.site, { id: depot.id, name: 'Dépôt Nord' });
    assert.deepEqual(streetsOf(route.routes[0]!), ['Rue 1']);
    const byId = await planRoute({ db, viewer: jam.actor, input: { network: 'grid', from: { site: depot.id }, to: gridPoint(4, 1), asOf: NOW } });
    assert.equal(byId.from.site?.name, 'Dépôt Nord');
    await assert.rejects(planRoute({ db, viewer: jam.actor, input: { network: 'grid', from: { site: depot.id }, to: { site: 'Clinique Sud' } } }), { code: 'NOT_FOUND', message: /no site named or numbered "Clinique Sud" for the destination/ });
    const reach = await reachability({ db, viewer: ken.actor, input: { network: 'grid', from: { site: depot.id }, to: [{ site: 'Clinique Sud' }], asOf: NOW } });
    assert.deepEqual(reach.targets.map((t) => [t.name, t.status]), [['Clinique Sud', 'reachable']]);
  });
});
