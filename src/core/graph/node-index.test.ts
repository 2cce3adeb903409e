import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RoadGraph } from './road-graph.ts';
import { NodeIndex } from './node-index.ts';
import { haversineMeters } from './geo.ts';
import { mulberry32, syntheticRoadGraph } from './synthetic.ts';
import { handGraphInput } from './test-support.ts';

test('nearest node agrees with a brute-force haversine scan', () => {
  const graph = new RoadGraph(syntheticRoadGraph({ nodeCount: 5_000, seed: 4 }));
  const index = new NodeIndex(graph);
  const random = mulberry32(8);
  for (let i = 0; i < 300; i++) {
    const lon = -72.46 + random() * 0.1;
    const lat = 18.44 + random() * 0.1;
    let best = -1;
    let bestMeters = Infinity;
    for (let v = 0; v < graph.nodeCount; v++) {
      const meters = haversineMeters(lon, lat, graph.lon[v]!, graph.lat[v]!);
      if (meters < bestMeters) [best, bestMeters] = [v, meters];
    }
    const found = index.nearest(lon, lat);
    assert.ok(found);
    assert.ok(Math.abs(found.meters - bestMeters) < 1e-6, `${found.meters} vs ${bestMeters} (node ${best})`);
  }
});

test('nearest node skips nodes without roads and reports meters', () => {
  const input = handGraphInput();
  // Node 13 sits right on the query point but has no edge.
  const lon = Float64Array.from([...input.lon, -72.3]);
  const lat = Float64Array.from([...input.lat, 18.5]);
  const graph = new RoadGraph({ ...input, nodeCount: input.nodeCount + 1, lon, lat });
  const found = new NodeIndex(graph).nearest(-72.3, 18.5);
  assert.ok(found);
  assert.notEqual(found.node, 13);
  assert.equal(found.node, 5);
  assert.ok(Math.abs(found.meters - haversineMeters(-72.3, 18.5, graph.lon[5]!, graph.lat[5]!)) < 1e-9);
  assert.ok(found.meters > 4000 && found.meters < 5000);
});
