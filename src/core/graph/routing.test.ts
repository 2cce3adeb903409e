import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { RoadGraph } from './road-graph.ts';
import { createMultipliers } from './multipliers.ts';
import { dijkstra, reachableFrom } from './dijkstra.ts';
import { buildLandmarks } from './landmarks.ts';
import { altRoute } from './alt.ts';
import { ChainGraph } from './chains.ts';
import { chainRoute } from './chain-route.ts';
import { Router } from './router.ts';
import type { Route } from './search-space.ts';
import { handGraphInput, routeProblem } from './test-support.ts';

const graph = new RoadGraph(handGraphInput());
const landmarks = buildLandmarks(graph, { count: 4 });
const chains = new ChainGraph(graph);
const router = new Router(graph, { landmarks: 4 });

const engines: [string, (s: number, t: number, m: Float64Array) => Route | null][] = [
  ['dijkstra', (s, t, m) => dijkstra(graph, s, t, m)],
  ['ALT', (s, t, m) => altRoute(graph, landmarks, s, t, m)],
  ['ALT on junctions', (s, t, m) => chainRoute(chains, landmarks, s, t, m)],
  ['Dijkstra on junctions', (s, t, m) => chainRoute(chains, null, s, t, m)],
  ['Router', (s, t, m) => router.route(s, t, m)],
  ['Router, prepared (contraction hierarchy)', (s, t, m) => router.route(s, t, router.prepare(m))],
];

for (const [name, route] of engines) {
  describe(`${name} on the hand-made graph`, () => {
    const expectRoute = (s: number, t: number, m: Float64Array, cost: number, edges: number[]): void => {
      const found = route(s, t, m);
      assert.ok(found, `${s} -> ${t} should be reachable`);
      assert.equal(routeProblem(graph, found, s, t, m), null);
      assert.ok(Math.abs(found.cost - cost) < 1e-9, `${s} -> ${t} costs ${found.cost}, expected ${cost}`);
      assert.deepEqual([...found.edges], edges);
    };

    test('finds the exact cheapest route', () => {
      const open = createMultipliers(graph);
      expectRoute(0, 5, open, 15, [2, 3, 4]);
      expectRoute(0, 8, open, 24, [2, 3, 4, 7, 8, 9]);
      expectRoute(3, 6, open, 14, [3, 4, 7]);
      expectRoute(6, 3, open, 14, [7, 4, 3]);
    });

    test('respects one-way edges', () => {
      const open = createMultipliers(graph);
      expectRoute(2, 5, open, 2, [6]);
      expectRoute(5, 2, open, 18, [4, 5, 1]);
      expectRoute(1, 0, open, 3, [13, 12, 11]);
      expectRoute(0, 1, open, 10, [0]);
      // Both on the one-way chain 1 -> 12 -> 11 -> 0: forwards along it, backwards around it.
      expectRoute(12, 11, open, 1, [12]);
      expectRoute(11, 12, open, 12, [11, 0, 13]);
    });

    test('never uses a blocked edge, and weighs risky ones', () => {
      const blocked = createMultipliers(graph);
      blocked[3] = Infinity;
      expectRoute(0, 5, blocked, 18, [0, 5, 4]);
      blocked[5] = Infinity;
      expectRoute(0, 5, blocked, 22, [0, 1, 6]);
      const risky = createMultipliers(graph);
      risky[3] = 3;
      expectRoute(0, 5, risky, 18, [0, 5, 4]);
      risky[0] = 2;
      expectRoute(0, 5, risky, 25, [2, 3, 4]);
    });

    test('returns null when the target cannot be reached', () => {
      const open = createMultipliers(graph);
      assert.equal(route(0, 9, open), null);
      assert.equal(route(8, 0, open), null);
      const cut = createMultipliers(graph);
      cut[7] = Infinity;
      assert.equal(route(0, 6, cut), null);
      expectRoute(6, 8, cut, 5, [8, 9]);
    });

    test('routes a node to itself at zero cost', () => {
      const found = route(3, 3, createMultipliers(graph));
      assert.ok(found);
      assert.equal(found.cost, 0);
      assert.deepEqual([...found.nodes], [3]);
      assert.equal(found.edges.length, 0);
    });
  });
}

test('reachableFrom gives every travel time and honours the limit', () => {
  const open = createMultipliers(graph);
  const seconds = reachableFrom(graph, 0, open);
  for (let v = 0; v < graph.nodeCount; v++) {
    const expected = dijkstra(graph, 0, v, open)?.cost ?? Infinity;
    assert.equal(seconds[v], expected, `node ${v}`);
  }
  assert.equal(seconds[8], 24);
  assert.equal(seconds[9], Infinity);
  const near = reachableFrom(graph, 0, open, 14);
  assert.equal(near[4], 10);
  assert.equal(near[5], Infinity);
  const blocked = createMultipliers(graph);
  blocked[2] = Infinity;
  assert.equal(reachableFrom(graph, 0, blocked)[3], 18);
});

test('queries reject unknown nodes and mismatched multipliers', () => {
  const open = createMultipliers(graph);
  assert.throws(() => dijkstra(graph, 0, 99, open), /target 99 is not a node/);
  assert.throws(() => altRoute(graph, landmarks, -1, 2, open), /source -1 is not a node/);
  assert.throws(() => chainRoute(chains, landmarks, 0, 1, new Float64Array(3)), /one value per edge/);
});
