// The hierarchy's skeleton: the nested-dissection order is a permutation, the contraction is
// chordal (every two upward neighbours of a junction are joined), its size is known before the
// triangles are listed, and a budget the grid exceeds leaves the Router on ALT with the same costs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RoadGraph } from './road-graph.ts';
import { ChainGraph } from './chains.ts';
import { CchContraction, CchTopology, buildHierarchy } from './cch.ts';
import { junctionNeighbours, nestedDissectionOrder } from './nested-dissection.ts';
import { createMultipliers, EdgeAreaIndex } from './multipliers.ts';
import { dijkstra } from './dijkstra.ts';
import { Router } from './router.ts';
import { mulberry32, syntheticRoadGraph } from './synthetic.ts';
import { NONE } from './search-space.ts';

const graph = new RoadGraph(syntheticRoadGraph({ nodeCount: 2500, seed: 7 }));
const chains = new ChainGraph(graph);

test('the nested-dissection order ranks every junction once', () => {
  const order = nestedDissectionOrder(chains);
  assert.equal(order.length, chains.junctionCount);
  const seen = new Uint8Array(chains.junctionCount);
  for (const j of order) seen[j]!++;
  assert.ok(seen.every((count) => count === 1));
});

test('the contraction is chordal, its upward arcs cover the junction graph, and its size is the built hierarchy\'s', () => {
  const contraction = CchContraction.of(chains)!;
  const { firstUp, upHead, rankOf } = contraction;
  const hierarchy = new CchTopology(chains, contraction);
  for (let r = 0; r < chains.junctionCount; r++) {
    for (let i = firstUp[r]!; i < firstUp[r + 1]!; i++) {
      assert.ok(upHead[i]! > r, 'arcs lead up');
      if (i > firstUp[r]!) assert.ok(upHead[i]! > upHead[i - 1]!, 'heads ascending, no duplicates');
      // Contracting r joins its upward neighbours pairwise: each must reach the next ones.
      for (let k = i + 1; k < firstUp[r + 1]!; k++) assert.notEqual(hierarchy.arcBetween(upHead[i]!, upHead[k]!), NONE);
    }
  }
  const { first, next } = junctionNeighbours(chains);
  for (let j = 0; j < chains.junctionCount; j++) {
    for (let k = first[j]!; k < first[j + 1]!; k++) {
      const a = rankOf[j]!;
      const b = rankOf[next[k]!]!;
      assert.notEqual(hierarchy.arcBetween(Math.min(a, b), Math.max(a, b)), NONE, 'every road between junctions is an arc');
    }
  }
  assert.equal(contraction.arcCount, hierarchy.arcCount);
  assert.equal(contraction.triangleCount, hierarchy.triangles.length / 3);
  assert.ok(contraction.hierarchyBytes > 24 * contraction.triangleCount);
});

test('a triangle budget below the hierarchy\'s size declines it before listing triangles', () => {
  const size = CchContraction.of(chains)!.triangleCount;
  assert.equal(CchContraction.of(chains, size - 1), null);
  assert.equal(buildHierarchy(chains, size - 1), null);
  assert.equal(buildHierarchy(chains, size)!.triangles.length / 3, size);
});

test('a Router over budget searches prepared pictures by ALT, at Dijkstra\'s costs', () => {
  const router = new Router(graph, { landmarks: 4, hierarchyTriangles: 1000 });
  assert.equal(router.hierarchy, null);
  assert.ok(new Router(graph, { landmarks: 4 }).hierarchy, 'the default budget takes this small grid');
  const random = mulberry32(4);
  const multipliers = createMultipliers(graph);
  const areas = new EdgeAreaIndex(graph);
  for (let i = 0; i < 6; i++) {
    const v = Math.floor(random() * graph.nodeCount);
    const half = 300 / 111_195;
    areas.applyBox(multipliers, graph.lon[v]! - half, graph.lat[v]! - half, graph.lon[v]! + half, graph.lat[v]! + half, Infinity);
  }
  const weighting = router.prepare(multipliers);
  for (let i = 0; i < 100; i++) {
    const source = Math.floor(random() * graph.nodeCount);
    const target = Math.floor(random() * graph.nodeCount);
    const reference = dijkstra(graph, source, target, multipliers);
    const route = router.route(source, target, weighting);
    assert.equal(route === null, reference === null, `${source} -> ${target}`);
    if (route && reference) assert.ok(Math.abs(route.cost - reference.cost) <= 1e-6, `${source} -> ${target}`);
  }
});
