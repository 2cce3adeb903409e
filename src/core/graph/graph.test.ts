import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RoadGraph, reverseAdjacency } from './road-graph.ts';
import { ChainGraph } from './chains.ts';
import { buildLandmarks } from './landmarks.ts';
import { createMultipliers } from './multipliers.ts';
import { reachableFrom } from './dijkstra.ts';
import { syntheticRoadGraph } from './synthetic.ts';
import { handGraphInput } from './test-support.ts';

test('the CSR holds one arc per direction an edge may be driven', () => {
  const graph = new RoadGraph(handGraphInput());
  assert.equal(graph.edgeCount, 14);
  // 9 two-way edges make two arcs each, 5 one-way edges one.
  assert.equal(graph.arcCount, 23);
  assert.equal(graph.firstArc[graph.nodeCount], graph.arcCount);
  const arcsOf = (v: number): string[] => {
    const arcs: string[] = [];
    for (let a = graph.firstArc[v]!; a < graph.firstArc[v + 1]!; a++) arcs.push(`${graph.arcHead[a]}:${graph.arcEdge[a]}:${graph.arcBaseCost[a]}`);
    return arcs.sort();
  };
  assert.deepEqual(arcsOf(2), ['1:1:10', '5:6:2']);
  assert.deepEqual(arcsOf(5), ['4:4:5', '6:7:4']);
  assert.deepEqual(arcsOf(8), []);
  const reverse = reverseAdjacency(graph);
  const into8: number[] = [];
  for (let a = reverse.firstArc[8]!; a < reverse.firstArc[9]!; a++) into8.push(reverse.arcHead[a]!);
  assert.deepEqual(into8, [7]);
  // Coordinates 2 * 13 * 8, edges 14 * (4 + 4 + 8 + 8 + 1), CSR 14 * 4 + 23 * (4 + 8 + 4).
  assert.equal(graph.memoryBytes, 208 + 350 + 56 + 368);
});

test('the graph refuses inconsistent input', () => {
  const input = handGraphInput();
  assert.throws(() => new RoadGraph({ ...input, edgeTo: input.edgeTo.slice(1) }), /edgeTo must hold one value per edge/);
  assert.throws(() => new RoadGraph({ ...input, nodeCount: 5 }), /lon and lat/);
  const negative = input.edgeSeconds.slice();
  negative[2] = -1;
  assert.throws(() => new RoadGraph({ ...input, edgeSeconds: negative }), /invalid edgeSeconds -1/);
  const outside = input.edgeTo.slice();
  outside[0] = 40;
  assert.throws(() => new RoadGraph({ ...input, edgeTo: outside }), /outside 0\.\.12/);
});

test('chains keep junctions and fold pass-through nodes', () => {
  const graph = new RoadGraph(handGraphInput());
  const chains = new ChainGraph(graph);
  // Pass-through: 3 (0-3-4), 6 (5-6-7), 11 and 12 (one-way 1 -> 12 -> 11 -> 0).
  assert.deepEqual([...chains.junctionNode], [0, 1, 2, 4, 5, 7, 8, 9, 10]);
  const chain = chains.nodeChain[11]!;
  assert.equal(chains.nodeChain[12], chain);
  assert.equal(chains.chainOneway[chain], 1);
  assert.equal(chains.junctionNode[chains.chainStart[chain]!], 1);
  assert.equal(chains.junctionNode[chains.chainEnd[chain]!], 0);
  assert.deepEqual([...chains.chainEdges.subarray(chains.chainFirst[chain], chains.chainFirst[chain + 1])], [13, 12, 11]);
  assert.equal(chains.nodePos[12], 1);
  assert.equal(chains.nodePos[11], 2);
  assert.equal(chains.chainCount, 10);
});

test('a ring of pass-through nodes gets one junction so that it stays routable', () => {
  const ring = {
    nodeCount: 4, lon: Float64Array.of(0, 1, 1, 0), lat: Float64Array.of(0, 0, 1, 1),
    edgeFrom: Uint32Array.of(0, 1, 2, 3), edgeTo: Uint32Array.of(1, 2, 3, 0),
    edgeSeconds: Float64Array.of(1, 1, 1, 1), edgeMeters: Float64Array.of(1, 1, 1, 1), edgeOneway: Uint8Array.of(1, 1, 1, 1),
  };
  const chains = new ChainGraph(new RoadGraph(ring));
  assert.equal(chains.junctionCount, 1);
  assert.equal(chains.chainCount, 1);
  assert.equal(chains.chainEdges.length, 4);
});

test('landmarks are spread out and their distances are exact on base costs', () => {
  const graph = new RoadGraph(syntheticRoadGraph({ nodeCount: 2_500, seed: 5 }));
  const landmarks = buildLandmarks(graph, { count: 8 });
  assert.equal(landmarks.count, 8);
  assert.equal(new Set(landmarks.nodes).size, 8);
  assert.equal(landmarks.memoryBytes, 8 * 4 + 2_500 * 8 * 2 * 4);
  const open = createMultipliers(graph);
  for (let k = 0; k < landmarks.count; k++) {
    const from = reachableFrom(graph, landmarks.nodes[k]!, open);
    for (let v = 0; v < graph.nodeCount; v += 97) {
      const stored = landmarks.distances[(v * landmarks.count + k) * 2]!;
      assert.ok(Math.abs(stored - from[v]!) <= 1e-6 * from[v]! || stored === from[v], `landmark ${k}, node ${v}`);
    }
  }
  // Farthest-first: the first two landmarks lie far apart (the graph is about 4.8 km across).
  const [a, b] = [landmarks.nodes[0]!, landmarks.nodes[1]!];
  assert.ok(Math.hypot(graph.lon[a]! - graph.lon[b]!, graph.lat[a]! - graph.lat[b]!) > 0.03);
});
