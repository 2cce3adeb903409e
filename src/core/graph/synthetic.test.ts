// The synthetic generator against the shape of the real metro network: exactly the nodes asked
// for, the same graph for the same seed, about 14 % junctions (a quarter of them dead ends),
// about 4.5 shape points per road between junctions, one-ways only where traffic can flow on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RoadGraph } from './road-graph.ts';
import { ChainGraph } from './chains.ts';
import { createMultipliers } from './multipliers.ts';
import { reachableFrom } from './dijkstra.ts';
import { syntheticRoadGraph } from './synthetic.ts';

test('exactly nodeCount nodes, every node on a road, every edge of positive length and time', () => {
  for (const nodeCount of [4, 5, 97, 2_500, 20_011]) {
    const input = syntheticRoadGraph({ nodeCount, seed: 3 });
    assert.equal(input.nodeCount, nodeCount);
    assert.equal(input.lon.length, nodeCount);
    assert.equal(input.lat.length, nodeCount);
    const touched = new Uint8Array(nodeCount);
    for (let e = 0; e < input.edgeFrom.length; e++) {
      assert.ok(input.edgeFrom[e]! < nodeCount && input.edgeTo[e]! < nodeCount && input.edgeFrom[e] !== input.edgeTo[e], `edge ${e}`);
      touched[input.edgeFrom[e]!] = touched[input.edgeTo[e]!] = 1;
      assert.ok(input.edgeMeters[e]! > 0 && input.edgeSeconds[e]! > 0 && Number.isFinite(input.edgeSeconds[e]), `edge ${e} of ${nodeCount}`);
    }
    assert.ok(touched.every((t) => t === 1), `an isolated node among ${nodeCount}`);
  }
  assert.throws(() => syntheticRoadGraph({ nodeCount: 3 }), /at least 4/);
  assert.throws(() => syntheticRoadGraph({ nodeCount: 1000.5 }), /integer/);
});

test('the same seed gives the same graph, another seed another', () => {
  const a = syntheticRoadGraph({ nodeCount: 10_001, seed: 9 });
  const b = syntheticRoadGraph({ nodeCount: 10_001, seed: 9 });
  const c = syntheticRoadGraph({ nodeCount: 10_001, seed: 10 });
  assert.deepEqual(a, b);
  assert.notDeepEqual(a.lon, c.lon);
  assert.notDeepEqual(a.edgeFrom, c.edgeFrom);
});

test('junctions, dead ends and shape points per road as on the metro network', () => {
  const graph = new RoadGraph(syntheticRoadGraph({ nodeCount: 50_000, seed: 1 }));
  const chains = new ChainGraph(graph);
  // Metro (pap-metro-2010): 3,400 junctions of 24,588 nodes (13.8 %), 4.49 shape points per road,
  // 24 % of junctions dead ends, 1.05 edges per node.
  const share = chains.junctionCount / graph.nodeCount;
  assert.ok(share > 0.12 && share < 0.16, `junction share ${share}`);
  const perRoad = (graph.nodeCount - chains.junctionCount) / chains.chainCount;
  assert.ok(perRoad > 3.8 && perRoad < 5.2, `${perRoad} shape points per road`);
  const ends = new Uint8Array(chains.junctionCount);
  for (let c = 0; c < chains.chainCount; c++) {
    ends[chains.chainStart[c]!]!++;
    ends[chains.chainEnd[c]!]!++;
  }
  const deadEnds = ends.filter((degree) => degree === 1).length / chains.junctionCount;
  assert.ok(deadEnds > 0.15 && deadEnds < 0.35, `dead ends ${deadEnds}`);
  // A one-way road meeting a two-way one at a bend would make that bend a junction: none do.
  assert.equal(ends.filter((degree) => degree === 2).length, 0);
  const edgesPerNode = graph.edgeCount / graph.nodeCount;
  assert.ok(edgesPerNode > 1.02 && edgesPerNode < 1.1, `${edgesPerNode} edges per node`);
  const oneways = chains.chainOneway.reduce((sum, x) => sum + x, 0) / chains.chainCount;
  assert.ok(oneways > 0.01 && oneways < 0.08, `one-way roads ${oneways}`);
});

test('almost every node reaches, and is reached from, the rest: one-ways never trap traffic', () => {
  const graph = new RoadGraph(syntheticRoadGraph({ nodeCount: 20_000, seed: 2 }));
  const open = createMultipliers(graph);
  const from = reachableFrom(graph, 0, open);
  let reached = 0;
  for (let v = 0; v < graph.nodeCount; v += 50) {
    if (from[v]! < Infinity && reachableFrom(graph, v, open)[0]! < Infinity) reached++;
  }
  assert.ok(reached >= 0.99 * (graph.nodeCount / 50), `${reached} of ${graph.nodeCount / 50} sampled nodes in both directions`);
});
