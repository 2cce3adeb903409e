// 1,000 random origin-destination pairs on a 20,000-node synthetic network with random blocked
// and risky areas: every fast search must return Dijkstra's cost and a drivable route.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RoadGraph } from './road-graph.ts';
import { createMultipliers, EdgeAreaIndex } from './multipliers.ts';
import { dijkstra } from './dijkstra.ts';
import { buildLandmarks } from './landmarks.ts';
import { altRoute } from './alt.ts';
import { ChainGraph } from './chains.ts';
import { chainRoute } from './chain-route.ts';
import { mulberry32, syntheticRoadGraph } from './synthetic.ts';
import { routeProblem } from './test-support.ts';

const graph = new RoadGraph(syntheticRoadGraph({ nodeCount: 20_000, seed: 7 }));
const landmarks = buildLandmarks(graph, { count: 12 });
const chains = new ChainGraph(graph);
const areas = new EdgeAreaIndex(graph);

/** Multipliers with `count` random boxes of 300-800 m, a third of them risky rather than blocked. */
function randomAreas(random: () => number, count: number): Float64Array {
  const multipliers = createMultipliers(graph);
  for (let i = 0; i < count; i++) {
    const v = Math.floor(random() * graph.nodeCount);
    const halfLat = (300 + random() * 500) / 111_195 / 2;
    const halfLon = halfLat / Math.cos((graph.lat[v]! * Math.PI) / 180);
    const factor = i % 3 === 0 ? 1 + random() * 4 : Infinity;
    areas.applyBox(multipliers, graph.lon[v]! - halfLon, graph.lat[v]! - halfLat, graph.lon[v]! + halfLon, graph.lat[v]! + halfLat, factor);
  }
  return multipliers;
}

test('ALT, and ALT and Dijkstra on junctions, match Dijkstra on 1,000 random pairs with random blocks', () => {
  const random = mulberry32(2024);
  let reachable = 0;
  let multipliers = randomAreas(random, 20);
  for (let i = 0; i < 1000; i++) {
    // A new risk picture every 100 queries: nothing is rebuilt between them.
    if (i % 100 === 99) multipliers = randomAreas(random, 20);
    const source = Math.floor(random() * graph.nodeCount);
    const target = Math.floor(random() * graph.nodeCount);
    const reference = dijkstra(graph, source, target, multipliers);
    const candidates = {
      alt: altRoute(graph, landmarks, source, target, multipliers),
      junctionAlt: chainRoute(chains, landmarks, source, target, multipliers),
      // Same search without a heuristic; a fifth of the pairs is enough to cover it.
      ...(i % 5 === 0 ? { junctionDijkstra: chainRoute(chains, null, source, target, multipliers) } : {}),
    };
    for (const [name, route] of Object.entries(candidates)) {
      if (!reference) {
        assert.equal(route, null, `${name} ${source} -> ${target} should be unreachable`);
        continue;
      }
      assert.ok(route, `${name} found no route ${source} -> ${target}`);
      assert.ok(Math.abs(route.cost - reference.cost) <= 1e-6, `${name} ${source} -> ${target}: ${route.cost} vs ${reference.cost}`);
      assert.equal(routeProblem(graph, route, source, target, multipliers), null, `${name} ${source} -> ${target}`);
    }
    if (reference) {
      assert.equal(routeProblem(graph, reference, source, target, multipliers), null);
      reachable++;
    }
  }
  // The blocks must cut some pairs and leave most reachable, or the test proves little.
  assert.ok(reachable > 700 && reachable < 1000, `${reachable} of 1000 pairs reachable`);
});
