import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RoadGraph } from './road-graph.ts';
import { EdgeAreaIndex, createMultipliers, setMultiplier } from './multipliers.ts';
import { segmentIntersectsBox, segmentIntersectsRing } from './geo.ts';
import { mulberry32, syntheticRoadGraph } from './synthetic.ts';
import { handGraphInput } from './test-support.ts';

const graph = new RoadGraph(syntheticRoadGraph({ nodeCount: 30_000, seed: 3 }));
const areas = new EdgeAreaIndex(graph);

function segment(e: number): [number, number, number, number] {
  const a = graph.edgeFrom[e]!;
  const b = graph.edgeTo[e]!;
  return [graph.lon[a]!, graph.lat[a]!, graph.lon[b]!, graph.lat[b]!];
}

test('multipliers start open and refuse values below 1', () => {
  const multipliers = createMultipliers(graph);
  assert.equal(multipliers.length, graph.edgeCount);
  assert.ok(multipliers.every((m) => m === 1));
  setMultiplier(multipliers, 5, Infinity);
  assert.equal(multipliers[5], Infinity);
  assert.throws(() => setMultiplier(multipliers, 5, 0.5), /below 1/);
  assert.throws(() => setMultiplier(multipliers, 5, Number.NaN), /below 1/);
  assert.throws(() => setMultiplier(multipliers, graph.edgeCount, 2), /outside/);
  assert.throws(() => areas.applyBox(multipliers, 0, 0, 1, 1, 0.9), /below 1/);
  assert.equal(multipliers[5], Infinity);
});

test('a box reaches exactly the edges whose segment touches it, as a brute-force scan finds', () => {
  const random = mulberry32(11);
  for (let i = 0; i < 20; i++) {
    const v = Math.floor(random() * graph.nodeCount);
    const half = 0.002 + random() * 0.004;
    const box = [graph.lon[v]! - half, graph.lat[v]! - half, graph.lon[v]! + half, graph.lat[v]! + half] as const;
    const expected: number[] = [];
    for (let e = 0; e < graph.edgeCount; e++) if (segmentIntersectsBox(...segment(e), ...box)) expected.push(e);
    assert.ok(expected.length > 0);
    assert.deepEqual(areas.edgesInBox(...box).sort((a, b) => a - b), expected);
  }
});

test('a polygon reaches exactly the edges whose segment touches it', () => {
  const v = 15_123;
  const x = graph.lon[v]!;
  const y = graph.lat[v]!;
  const triangle = [x - 0.005, y - 0.004, x + 0.006, y - 0.003, x, y + 0.005];
  const expected: number[] = [];
  for (let e = 0; e < graph.edgeCount; e++) if (segmentIntersectsRing(...segment(e), triangle)) expected.push(e);
  const found = areas.edgesInPolygon(triangle).sort((a, b) => a - b);
  assert.deepEqual(found, expected);
  // The triangle's bounding box reaches more edges than the triangle itself.
  assert.ok(areas.edgesInBox(x - 0.005, y - 0.004, x + 0.006, y + 0.005).length > found.length);
});

test('applying areas keeps the highest factor and never lowers one', () => {
  const hand = new RoadGraph(handGraphInput());
  const index = new EdgeAreaIndex(hand);
  const multipliers = createMultipliers(hand);
  // A box around node 4 (lon -72.32, lat 18.54) cuts the edges that meet there.
  const touched = index.applyBox(multipliers, -72.3205, 18.5395, -72.3195, 18.5405, Infinity).sort((a, b) => a - b);
  assert.deepEqual(touched, [3, 4, 5]);
  index.applyBox(multipliers, -72.35, 18.53, -72.29, 18.57, 2);
  assert.equal(multipliers[3], Infinity);
  assert.equal(multipliers[0], 2);
  assert.equal(multipliers[10], 1, 'the island lies outside the box');
});

test('applying a 300-800 m blocked area on a 30k-edge network takes well under 2 ms', () => {
  const multipliers = createMultipliers(graph);
  const random = mulberry32(5);
  const times: number[] = [];
  for (let i = 0; i < 200; i++) {
    const v = Math.floor(random() * graph.nodeCount);
    const half = (300 + random() * 500) / 111_195 / 2;
    const start = performance.now();
    areas.applyBox(multipliers, graph.lon[v]! - half, graph.lat[v]! - half, graph.lon[v]! + half, graph.lat[v]! + half, Infinity);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  // The median, so that a collection pause on a busy machine does not fail the suite.
  assert.ok(times[100]! < 2, `median ${times[100]} ms`);
});
