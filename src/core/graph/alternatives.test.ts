import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RoadGraph } from './road-graph.ts';
import { createMultipliers } from './multipliers.ts';
import { dijkstra } from './dijkstra.ts';
import { alternativeRoutes } from './alternatives.ts';
import { Router } from './router.ts';
import { mulberry32, syntheticRoadGraph } from './synthetic.ts';
import { handGraphInput, routeProblem } from './test-support.ts';

test('on the hand-made graph the alternatives avoid the routes already proposed', () => {
  const graph = new RoadGraph(handGraphInput());
  const open = createMultipliers(graph);
  const routes = alternativeRoutes(graph, (s, t, m) => dijkstra(graph, s, t, m), 0, 5, open);
  assert.equal(routes.length, 3);
  assert.deepEqual([...routes[0]!.edges], [2, 3, 4]);
  // 0-1-4-5 (18 s) shares only edge 4 (50 of 180 m) with the best route.
  assert.deepEqual([...routes[1]!.edges], [0, 5, 4]);
  assert.equal(routes[1]!.cost, 18);
  // 0-1-2-5 (22 s, within 1.5 x 15) shares 100 of its 220 m with the second route.
  assert.deepEqual([...routes[2]!.edges], [0, 1, 6]);
  assert.equal(routes[2]!.cost, 22);
  const strict = alternativeRoutes(graph, (s, t, m) => dijkstra(graph, s, t, m), 0, 5, open, { maxShare: 0.4 });
  assert.deepEqual(strict.map((route) => route.cost), [15, 18], 'a 45% overlap is too much at maxShare 0.4');
  assert.deepEqual(alternativeRoutes(graph, (s, t, m) => dijkstra(graph, s, t, m), 0, 9, open), []);
});

test('alternatives are valid, distinct, within 1.5x of the best and carry their true cost', () => {
  const graph = new RoadGraph(syntheticRoadGraph({ nodeCount: 10_000, seed: 21 }));
  const router = new Router(graph, { landmarks: 8 });
  const multipliers = createMultipliers(graph);
  const random = mulberry32(99);
  for (let e = 0; e < graph.edgeCount; e++) if (random() < 0.02) multipliers[e] = random() < 0.5 ? Infinity : 3;
  let withAlternatives = 0;
  for (let i = 0; i < 40; i++) {
    const source = Math.floor(random() * graph.nodeCount);
    const target = Math.floor(random() * graph.nodeCount);
    const routes = router.alternatives(source, target, multipliers);
    const best = dijkstra(graph, source, target, multipliers);
    if (!best) {
      assert.equal(routes.length, 0);
      continue;
    }
    assert.ok(routes.length >= 1 && routes.length <= 3);
    assert.ok(Math.abs(routes[0]!.cost - best.cost) < 1e-6);
    if (routes.length > 1) withAlternatives++;
    for (const [k, route] of routes.entries()) {
      assert.equal(routeProblem(graph, route, source, target, multipliers), null, `route ${k} of ${source} -> ${target}`);
      assert.ok(route.cost <= 1.5 * best.cost + 1e-9);
      for (const earlier of routes.slice(0, k)) {
        const earlierEdges = new Set(earlier.edges);
        let shared = 0;
        for (const e of route.edges) if (earlierEdges.has(e)) shared += graph.edgeMeters[e]!;
        assert.ok(shared < 0.7 * route.meters, `route ${k} shares ${shared} of ${route.meters} m`);
      }
    }
  }
  assert.ok(withAlternatives >= 20, `only ${withAlternatives} of 40 pairs had an alternative`);
});
