// The contraction hierarchy against plain Dijkstra: a synthetic network whose streets are bent
// into chains of pass-through nodes (so sources and targets fall inside chains, on loops and on
// the same chain), random blocked and risky areas, 1,000 random pairs, costs equal on every pair.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RoadGraph } from './road-graph.ts';
import type { RoadGraphInput } from './road-graph.ts';
import { createMultipliers, EdgeAreaIndex } from './multipliers.ts';
import { dijkstra } from './dijkstra.ts';
import { Router } from './router.ts';
import { mulberry32, syntheticRoadGraph } from './synthetic.ts';
import { handGraphInput, routeProblem } from './test-support.ts';

/** Splits every edge into 1 to 4 pieces through new nodes along it, one-ways kept. */
function bent(input: RoadGraphInput, random: () => number): RoadGraphInput {
  const lon = [...input.lon];
  const lat = [...input.lat];
  const from: number[] = [], to: number[] = [], seconds: number[] = [], meters: number[] = [], oneway: number[] = [];
  for (let e = 0; e < input.edgeFrom.length; e++) {
    const pieces = 1 + Math.floor(random() * 4);
    let previous = input.edgeFrom[e]!;
    for (let k = 1; k <= pieces; k++) {
      let next = input.edgeTo[e]!;
      if (k < pieces) {
        next = lon.length;
        lon.push(lon[previous]! + (input.lon[input.edgeTo[e]!]! - lon[previous]!) / (pieces - k + 1));
        lat.push(lat[previous]! + (input.lat[input.edgeTo[e]!]! - lat[previous]!) / (pieces - k + 1));
      }
      from.push(previous); to.push(next); oneway.push(input.edgeOneway[e]!);
      // Uneven pieces, some free, so that ties and zero costs occur.
      const share = k === pieces ? 0 : random() < 0.1 ? 0 : random();
      seconds.push(input.edgeSeconds[e]! * share + 1); meters.push(input.edgeMeters[e]! / pieces);
      previous = next;
    }
  }
  return {
    nodeCount: lon.length, lon: Float64Array.from(lon), lat: Float64Array.from(lat), edgeFrom: Uint32Array.from(from), edgeTo: Uint32Array.from(to),
    edgeSeconds: Float64Array.from(seconds), edgeMeters: Float64Array.from(meters), edgeOneway: Uint8Array.from(oneway),
  };
}

const graph = new RoadGraph(bent(syntheticRoadGraph({ nodeCount: 4000, seed: 11 }), mulberry32(5)));
const router = new Router(graph, { landmarks: 8 });
const areas = new EdgeAreaIndex(graph);

function randomAreas(random: () => number, count: number): Float64Array {
  const multipliers = createMultipliers(graph);
  for (let i = 0; i < count; i++) {
    const v = Math.floor(random() * graph.nodeCount);
    const halfLat = (200 + random() * 600) / 111_195 / 2;
    const halfLon = halfLat / Math.cos((graph.lat[v]! * Math.PI) / 180);
    const factor = i % 3 === 0 ? 1 + random() * 4 : Infinity;
    areas.applyBox(multipliers, graph.lon[v]! - halfLon, graph.lat[v]! - halfLat, graph.lon[v]! + halfLon, graph.lat[v]! + halfLat, factor);
  }
  return multipliers;
}

test('a prepared picture routes at exactly Dijkstra\'s cost on 1,000 random pairs, drivable, cut-off pairs refused', () => {
  assert.ok(router.hierarchy, 'the network is small enough for a hierarchy');
  assert.ok(router.chains.junctionCount < graph.nodeCount * 0.6, 'most nodes only bend a road');
  const random = mulberry32(77);
  let multipliers = randomAreas(random, 15);
  let weighting = router.prepare(multipliers);
  let reachable = 0;
  let sameChain = 0;
  for (let i = 0; i < 1000; i++) {
    if (i % 100 === 99) weighting = router.prepare((multipliers = randomAreas(random, 15)));
    const source = Math.floor(random() * graph.nodeCount);
    // One pair in ten inside one chain, or at its ends.
    const near = i % 10 === 0 && router.chains.nodeChain[source] !== 0xffffffff;
    const target = near ? Math.min(graph.nodeCount - 1, source + 1 + Math.floor(random() * 2)) : Math.floor(random() * graph.nodeCount);
    if (router.chains.nodeChain[source] !== 0xffffffff && router.chains.nodeChain[source] === router.chains.nodeChain[target]) sameChain++;
    const reference = dijkstra(graph, source, target, multipliers);
    const route = router.route(source, target, weighting);
    if (!reference) {
      assert.equal(route, null, `${source} -> ${target} should be cut off`);
      continue;
    }
    reachable++;
    assert.ok(route, `no route ${source} -> ${target}`);
    assert.ok(Math.abs(route.cost - reference.cost) <= 1e-6, `${source} -> ${target}: ${route.cost} vs ${reference.cost}`);
    assert.equal(routeProblem(graph, route, source, target, multipliers), null, `${source} -> ${target}`);
  }
  assert.ok(reachable > 600 && reachable < 1000, `${reachable} of 1000 pairs reachable`);
  assert.ok(sameChain > 20, `${sameChain} pairs inside one chain`);
});

test('a weighting keeps the values it was prepared with and belongs to its router', () => {
  const hand = new RoadGraph(handGraphInput());
  const handRouter = new Router(hand, { landmarks: 2 });
  const multipliers = createMultipliers(hand);
  const weighting = handRouter.prepare(multipliers);
  // Blocking 4-5 after preparing does not reach the weighting: it routes 0 -> 5 through it still.
  multipliers[4] = Infinity;
  assert.deepEqual([...handRouter.route(0, 5, weighting)!.edges], [2, 3, 4]);
  assert.deepEqual([...handRouter.route(0, 5, handRouter.prepare(multipliers))!.edges], [0, 1, 6]);
  assert.throws(() => router.route(0, 1, weighting), /another router/);
  assert.throws(() => handRouter.prepare(new Float64Array(3)), /one value per edge/);
});

test('alternatives through a prepared picture match those through raw multipliers', () => {
  const random = mulberry32(3);
  const multipliers = randomAreas(random, 10);
  const weighting = router.prepare(multipliers);
  for (let i = 0; i < 50; i++) {
    const source = Math.floor(random() * graph.nodeCount);
    const target = Math.floor(random() * graph.nodeCount);
    const raw = router.alternatives(source, target, multipliers);
    const prepared = router.alternatives(source, target, weighting);
    assert.equal(prepared.length > 0, raw.length > 0);
    if (raw.length > 0) assert.ok(Math.abs(prepared[0]!.cost - raw[0]!.cost) <= 1e-6);
  }
});

test('without a hierarchy (graphs above the limit) a prepared picture is searched by ALT, same costs', () => {
  const plain = new Router(graph, { landmarks: 8, hierarchyLimit: 0 });
  assert.equal(plain.hierarchy, null);
  const random = mulberry32(9);
  const multipliers = randomAreas(random, 15);
  const weighting = plain.prepare(multipliers);
  assert.equal(weighting.metric, null);
  let reachable = 0;
  for (let i = 0; i < 200; i++) {
    const source = Math.floor(random() * graph.nodeCount);
    const target = Math.floor(random() * graph.nodeCount);
    const reference = dijkstra(graph, source, target, multipliers);
    const route = plain.route(source, target, weighting);
    if (!reference) {
      assert.equal(route, null);
      continue;
    }
    reachable++;
    assert.ok(route && Math.abs(route.cost - reference.cost) <= 1e-6, `${source} -> ${target}`);
  }
  assert.ok(reachable > 100, `${reachable} of 200 pairs reachable`);
});

test('re-customizing from the previous picture gives the same hierarchy costs as customizing afresh', () => {
  const random = mulberry32(21);
  const multipliers = createMultipliers(graph);
  let previous = router.prepare(multipliers);
  for (let step = 0; step < 30; step++) {
    // Mostly a new area; every fifth step an area lifted (multipliers back to 1 in a box).
    const v = Math.floor(random() * graph.nodeCount);
    const half = (200 + random() * 600) / 111_195 / 2;
    const halfLon = half / Math.cos((graph.lat[v]! * Math.PI) / 180);
    const box = [graph.lon[v]! - halfLon, graph.lat[v]! - half, graph.lon[v]! + halfLon, graph.lat[v]! + half] as const;
    for (const e of areas.edgesInBox(...box)) multipliers[e] = step % 5 === 4 ? 1 : step % 3 === 0 ? 2.5 : Infinity;
    const incremental = router.prepare(multipliers, previous);
    const fresh = router.prepare(multipliers);
    assert.deepEqual(incremental.chainCosts, fresh.chainCosts, `step ${step}: chain costs`);
    assert.deepEqual(incremental.metric!.cost, fresh.metric!.cost, `step ${step}: arc costs`);
    for (let i = 0; i < 20; i++) {
      const source = Math.floor(random() * graph.nodeCount);
      const target = Math.floor(random() * graph.nodeCount);
      const route = router.route(source, target, incremental);
      const reference = dijkstra(graph, source, target, multipliers);
      assert.equal(route === null, reference === null, `step ${step}: ${source} -> ${target}`);
      if (route && reference) {
        assert.ok(Math.abs(route.cost - reference.cost) <= 1e-6);
        assert.equal(routeProblem(graph, route, source, target, multipliers), null);
        // The query layout patched from the previous picture's unpacks the same shortcuts.
        assert.deepEqual([...route.edges], [...router.route(source, target, fresh)!.edges], `step ${step}: ${source} -> ${target} edges`);
      }
    }
    previous = incremental;
  }
});
