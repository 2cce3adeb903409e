// The module's routing on the real Port-au-Prince metro network: 1,000 random origin-destination
// pairs under random pictures built the way requests build them (areas of every level, roadblocks),
// each route's cost equal to a plain Dijkstra's, each route drivable: one-ways respected, no
// blocked segment.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dijkstra, mulberry32 } from '../../core/graph/index.ts';
import { routeProblem } from '../../core/graph/test-support.ts';
import type { ControlLevel, RiskTolerance } from '../../shared/roads.ts';
import { dataset } from '../../../test/datasets.ts';
import { prepareNetwork } from './graph-registry.ts';
import { importRoadNetwork } from './readers/index.ts';
import { riskWeights, type Picture } from './risk-weights.ts';

const LEVELS: ControlLevel[] = ['controlled', 'contested', 'influence'];
const TOLERANCES: RiskTolerance[] = ['avoid', 'accept-contested', 'accept-all'];

test('1,000 random pairs on the metro network with random blocks: Router cost (prepared picture and raw multipliers) equals Dijkstra cost, routes drivable', async () => {
  const { network } = await importRoadNetwork(dataset('haiti/roads/pap-metro-2010.geojson'));
  const loaded = prepareNetwork('metro', 'pap-metro', network);
  const { graph } = loaded.segments;
  const random = mulberry32(20100112);
  const randomNode = () => Math.floor(random() * graph.nodeCount);

  let version = 0;
  const randomPicture = (): Picture => {
    version++;
    const areas = Array.from({ length: 20 }, (_, i) => {
      const v = randomNode();
      const half = (300 + random() * 500) / 111_195 / 2;
      const halfLon = half / Math.cos((graph.lat[v]! * Math.PI) / 180);
      const [w, s, e, n] = [graph.lon[v]! - halfLon, graph.lat[v]! - half, graph.lon[v]! + halfLon, graph.lat[v]! + half];
      return {
        id: `area-${version}-${i}`, version, name: `area ${i}`, group: '', level: LEVELS[i % 3]!, bbox: [w, s, e, n] as const,
        geometry: { type: 'Polygon' as const, coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] },
      };
    });
    const points = Array.from({ length: 10 }, (_, i) => {
      const v = randomNode();
      return { kind: 'roadblock' as const, id: `block-${version}-${i}`, version, label: `block ${i}`, lon: graph.lon[v]!, lat: graph.lat[v]!, radiusMeters: 50 };
    });
    return { areas, points, overrides: [] };
  };

  let weights = riskWeights(loaded, randomPicture(), 'avoid');
  let reachable = 0;
  let blockedSegments = 0;
  for (let i = 0; i < 1000; i++) {
    if (i % 100 === 99) weights = riskWeights(loaded, randomPicture(), TOLERANCES[(i / 100) % 3 | 0]!);
    const source = randomNode();
    const target = randomNode();
    const reference = dijkstra(graph, source, target, weights.multipliers);
    const routes = { prepared: loaded.router.route(source, target, weights.prepared), raw: loaded.router.route(source, target, weights.multipliers) };
    for (const [how, route] of Object.entries(routes)) {
      if (!reference) {
        assert.equal(route, null, `${how}: ${source} -> ${target} should be unreachable`);
        continue;
      }
      assert.ok(route, `${how}: no route ${source} -> ${target}, Dijkstra found one`);
      assert.ok(Math.abs(route.cost - reference.cost) <= 1e-6, `${how}: ${source} -> ${target}: ${route.cost} vs Dijkstra ${reference.cost}`);
      assert.equal(routeProblem(graph, route, source, target, weights.multipliers), null, how);
    }
    if (!reference) continue;
    reachable++;
    if (i % 100 === 0) blockedSegments = Math.max(blockedSegments, weights.multipliers.filter((m) => m === Infinity).length);
  }
  assert.ok(blockedSegments > 100, `${blockedSegments} blocked segments: the pictures block roads`);
  // The metro network has 42 pieces and the blocks cut more: many pairs are unreachable, most not.
  assert.ok(reachable > 500 && reachable < 1000, `${reachable} of 1000 pairs reachable`);
});

test('one-way streets of the metro network are driven only their way', async () => {
  const { network } = await importRoadNetwork(dataset('haiti/roads/pap-metro-2010.geojson'));
  const loaded = prepareNetwork('metro', 'pap-metro', network);
  const { graph } = loaded.segments;
  let checked = 0;
  for (let e = 0; e < network.edgeCount && checked < 40; e++) {
    if (network.edgeOneway[e] !== 1) continue;
    // Against the one-way: from its end to its start, the route must not use the edge at all.
    const route = loaded.router.route(network.edgeTo[e]!, network.edgeFrom[e]!, loaded.open);
    if (!route) continue;
    const first = loaded.segments.firstSegment[e]!, last = loaded.segments.firstSegment[e + 1]!;
    assert.ok(!route.edges.some((s) => s >= first && s < last), `one-way edge ${e} driven backwards`);
    assert.equal(routeProblem(graph, route, network.edgeTo[e]!, network.edgeFrom[e]!, loaded.open.multipliers), null);
    checked++;
  }
  assert.ok(checked >= 20, `${checked} one-way edges checked`);
});
