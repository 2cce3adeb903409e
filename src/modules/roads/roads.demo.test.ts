import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { datasetsDir } from '../../../test/datasets.ts';
import { dbTest } from '../../db/testing.ts';
import type { Db } from '../../db/index.ts';
import { PUBLIC_VIEWER } from '../auth/index.ts';
import { buildOrganisation, buildUser } from '../auth/testing.ts';
import { loadRoadsDemo } from './roads.demo.ts';
import { reachability, planRoute } from './routing.service.ts';
import { keyRoads, roadStatusGeoJson } from './status.service.ts';

async function demoMission(db: Db) {
  await buildOrganisation(db, 'MSS-HQ', 'mission_hq');
  await buildOrganisation(db, 'HNP', 'host_police');
  await buildOrganisation(db, 'KEN');
  await buildOrganisation(db, 'JAM');
  return { hq: await buildUser(db, 'hq', 'MSS-HQ', ['analyst']), jam: await buildUser(db, 'jam', 'JAM', ['viewer']) };
}

describe('the demo road picture on the metro network', () => {
  dbTest('loads the network, illustrative areas and roadblocks on real roads; the key roads board reflects them', async ({ db }) => {
    const { hq, jam } = await demoMission(db);
    const line = await loadRoadsDemo({ db, datasetsDir });
    assert.match(line, /network pap-metro from pap-metro-2010\.geojson .* 3 illustrative areas of control, 3 illustrative roadblocks/);

    const board = await keyRoads({ db, viewer: hq.actor, network: 'pap-metro' });
    const byId = new Map(board.roads.map((road) => [road.id, road]));
    assert.deepEqual([...byId.keys()].sort(), ['delmas', 'dessalines', 'john-brown', 'kenscoff', 'rn1', 'rn2', 'rn3'], 'Route de Frères is not in the 2010 network');
    assert.ok(byId.get('rn2')!.meters > 50_000 && byId.get('rn1')!.meters > 10_000);
    assert.equal(byId.get('rn2')!.status, 'blocked', 'HQ sees the restricted HNP roadblock at Martissant');
    assert.ok(byId.get('rn2')!.causes.some((c) => c.kind === 'roadblock'));
    assert.equal(byId.get('delmas')!.status, 'blocked');
    assert.equal(byId.get('kenscoff')!.status, 'open');
    for (const road of board.roads) assert.ok(Math.abs(road.openMeters + road.riskyMeters + road.blockedMeters - road.meters) < 1e-6);

    // JAM may see neither the restricted block nor the restricted area.
    const jamBoard = new Map((await keyRoads({ db, viewer: jam.actor, network: 'pap-metro' })).roads.map((road) => [road.id, road]));
    assert.ok(!jamBoard.get('rn2')!.causes.some((c) => c.kind === 'roadblock' && /Martissant/.test(c.label)));
    const publicStatus = await roadStatusGeoJson({ db, viewer: PUBLIC_VIEWER, network: 'pap-metro', notOpen: true });
    assert.deepEqual(new Set(publicStatus.items.map((i) => i.label.replace(/:.*/, ''))), new Set(['Grand Ravine — Martissant (contested)', 'Checkpoint']), 'the public sees only the public records');

    // Downtown (Champ de Mars) to Carrefour: round the block on RN2, through contested Martissant.
    const route = await planRoute({ db, viewer: hq.actor, input: { network: 'pap-metro', from: { lat: 18.5445, lon: -72.3386 }, to: { lat: 18.534, lon: -72.41 } } });
    assert.ok(route.found);
    assert.ok(route.routes[0]!.blocksAvoided.some((b) => /RN2 at Martissant/.test(b.label)));
    assert.ok(route.routes[0]!.streets.some((s) => s.name === 'Nationale No 2'));

    const communes = await reachability({ db, viewer: hq.actor, input: { network: 'pap-metro', from: { lat: 18.5445, lon: -72.3386 }, communes: true }, datasetsDir });
    const names = communes.targets.map((t) => t.name);
    assert.ok(names.includes('Port-au-Prince') && names.includes('Delmas') && names.includes('Pétion-Ville'), names.join(', '));
    assert.ok(communes.targets.every((t) => t.status !== 'off-network'));
    assert.ok(communes.targets.some((t) => t.status === 'reachable' && t.durationSeconds! > 60));
  });

  dbTest('without the dataset, the demo says which one is missing and the command that imports one', async ({ db }) => {
    await demoMission(db);
    const line = await loadRoadsDemo({ db, datasetsDir: null });
    assert.match(line, /haiti\/roads\/pap-metro-2010\.geojson is missing .* konbit roads import FILE --network pap-metro/);
    const elsewhere = await loadRoadsDemo({ db, datasetsDir: '/nonexistent' });
    assert.match(elsewhere, /missing from \/nonexistent/);
  });
});
