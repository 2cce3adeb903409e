import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildRoadNetwork } from './build.ts';
import { haversineMeters } from '../geo/index.ts';
import { edgeGeometry, edgeHighwayOf, edgeNameOf, type RoadNetwork } from './network.ts';
import { defaultSpeedProfile } from './profile.ts';
import { createRawRoadData, type RawRoadData } from './raw.ts';

/** Raw data on a grid: node id → (x, y) at lon -72.3 + 0.001 x, lat 18.54 + 0.001 y. */
function grid(nodes: Record<number, [number, number]>, ways: Array<[id: number, refs: number[], tags: Record<string, string>]>): RawRoadData {
  const raw = createRawRoadData();
  for (const [id, [x, y]] of Object.entries(nodes)) raw.nodes.set(Number(id), -72.3 + 0.001 * x, 18.54 + 0.001 * y);
  for (const [id, nodeIds, tags] of ways) raw.ways.push({ id, nodeIds, tags });
  return raw;
}

/** Edges as "fromOsmId>toOsmId" (one-way) or "a-b" (both ways), sorted. */
function edgeList(network: RoadNetwork): string[] {
  const list: string[] = [];
  for (let e = 0; e < network.edgeCount; e++) {
    const from = network.nodeOsmId[network.edgeFrom[e] ?? 0];
    const to = network.nodeOsmId[network.edgeTo[e] ?? 0];
    list.push(`${from}${network.edgeOneway[e] === 1 ? '>' : '-'}${to}`);
  }
  return list.sort();
}

function skipCount(report: { skipped: Array<{ code: string; count: number }> }, code: string): number {
  return report.skipped.filter((s) => s.code === code).reduce((sum, s) => sum + s.count, 0);
}

describe('buildRoadNetwork', () => {
  it('splits ways at nodes shared with another way, and only there', () => {
    const raw = grid({ 1: [0, 0], 2: [1, 0], 3: [2, 0], 4: [3, 0], 5: [2, 1], 6: [1, 1] }, [
      [10, [1, 2, 3, 4], { highway: 'residential', name: 'Rue A' }],
      [11, [5, 3], { highway: 'primary' }],
      [12, [2, 6], { highway: 'footway' }],
    ]);
    const { network, report } = buildRoadNetwork(raw);
    assert.deepEqual(edgeList(network), ['1-3', '3-4', '5-3']);
    assert.equal(network.nodeCount, 4, 'node 2 is shared only with a footway, so it stays inside an edge');
    assert.equal(report.components, 1);
    const first = network.edgeWayId.indexOf(10);
    assert.equal(edgeNameOf(network, first), 'Rue A');
    assert.equal(edgeHighwayOf(network, first), 'residential');
    assert.equal(edgeGeometry(network, first).length, 6, 'geometry keeps the intermediate vertex 2');
    assert.equal(skipCount(report, 'non-routable-class'), 1);
  });

  it('measures length along the geometry and derives seconds from the class speed', () => {
    const raw = grid({ 1: [0, 0], 2: [1, 0], 3: [1, 1] }, [[10, [1, 2, 3], { highway: 'secondary' }]]);
    const { network, report } = buildRoadNetwork(raw);
    const expected = haversineMeters(-72.3, 18.54, -72.299, 18.54) + haversineMeters(-72.299, 18.54, -72.299, 18.541);
    assert.ok(Math.abs((network.edgeMeters[0] ?? 0) - expected) < 1e-6);
    assert.ok(Math.abs((network.edgeSeconds[0] ?? 0) - expected / (50 / 3.6)) < 1e-6);
    assert.ok(Math.abs(report.totalKm - expected / 1000) < 1e-9);
  });

  it('uses a custom profile, and the default speed for an unknown class', () => {
    const raw = grid({ 1: [0, 0], 2: [1, 0], 3: [2, 0] }, [
      [10, [1, 2], { highway: 'road' }],
      [11, [2, 3], { highway: 'track' }],
    ]);
    const profile = { ...defaultSpeedProfile, kmhByClass: { track: 5 }, defaultKmh: 10 };
    const { network } = buildRoadNetwork(raw, { profile });
    const kmh = (e: number): number => ((network.edgeMeters[e] ?? 0) / (network.edgeSeconds[e] ?? 1)) * 3.6;
    assert.ok(Math.abs(kmh(0) - 10) < 1e-9);
    assert.ok(Math.abs(kmh(1) - 5) < 1e-9);
  });

  it('reverses oneway=-1 ways and marks implied one-ways', () => {
    const raw = grid({ 1: [0, 0], 2: [1, 0], 3: [2, 0], 4: [3, 0], 5: [4, 0], 6: [5, 0] }, [
      [10, [1, 2], { highway: 'tertiary', oneway: '-1' }],
      [11, [2, 3], { highway: 'motorway' }],
      [12, [3, 4], { highway: 'motorway', oneway: 'no' }],
      [13, [4, 5], { highway: 'residential', oneway: 'true' }],
      [14, [5, 6], { highway: 'residential', junction: 'roundabout' }],
    ]);
    const { network, report } = buildRoadNetwork(raw);
    assert.deepEqual(edgeList(network), ['2>1', '2>3', '3-4', '4>5', '5>6']);
    const reversed = network.edgeWayId.indexOf(10);
    assert.deepEqual([...edgeGeometry(network, reversed)].slice(0, 2), [-72.3 + 0.001 * 1, 18.54], 'geometry runs from the new start');
    assert.equal(report.onewayEdges, 4);
  });

  it('cuts a way at a node missing from the file and counts the dangling reference', () => {
    const raw = grid({ 1: [0, 0], 2: [1, 0], 4: [3, 0], 5: [4, 0], 7: [6, 0] }, [
      [10, [1, 2, 3, 4, 5], { highway: 'residential' }],
      [11, [6, 7, 8], { highway: 'residential' }],
    ]);
    const { network, report } = buildRoadNetwork(raw);
    assert.deepEqual(edgeList(network), ['1-2', '4-5']);
    assert.equal(skipCount(report, 'dangling-node-ref'), 3);
    assert.equal(skipCount(report, 'dangling-way-dropped'), 1);
    assert.deepEqual(report.skipped.find((s) => s.code === 'dangling-way-dropped')?.sampleWayIds, [11]);
    assert.equal(report.components, 2);
  });

  it('drops degenerate ways and zero-length segments without losing junctions', () => {
    const raw = grid({ 1: [0, 0], 2: [1, 0], 3: [1, 0], 4: [2, 0], 5: [1, 1] }, [
      [10, [1, 2, 2, 4], { highway: 'residential' }],
      [11, [5, 3], { highway: 'residential' }],
      [12, [1], { highway: 'residential' }],
      [13, [2, 3], { highway: 'residential' }],
    ]);
    const { network, report } = buildRoadNetwork(raw);
    // Node 3 sits exactly on node 2: way 11 still joins way 10 there.
    assert.equal(network.nodeCount, 4);
    assert.equal(network.edgeCount, 3);
    assert.equal(report.components, 1);
    for (let e = 0; e < network.edgeCount; e++) assert.ok((network.edgeMeters[e] ?? 0) > 0);
    assert.equal(skipCount(report, 'zero-length-segment'), 2);
    assert.equal(skipCount(report, 'degenerate-way'), 2, 'way 12 has one node; way 13 collapses to one point');
  });

  it('splits a closed roundabout where roads join it', () => {
    const raw = grid({ 1: [0, 0], 2: [1, 1], 3: [2, 0], 4: [1, -1], 5: [-1, 0], 6: [3, 0] }, [
      [10, [1, 2, 3, 4, 1], { highway: 'unclassified', junction: 'roundabout' }],
      [11, [5, 1], { highway: 'residential' }],
      [12, [3, 6], { highway: 'residential' }],
    ]);
    const { network } = buildRoadNetwork(raw);
    assert.deepEqual(edgeList(network), ['1>3', '3-6', '3>1', '5-1']);
  });

  it('keeps geometry endpoints on the edge endpoints', () => {
    const raw = grid({ 1: [0, 0], 2: [1, 0], 3: [2, 0], 4: [2, 1] }, [
      [10, [1, 2, 3], { highway: 'residential' }],
      [11, [4, 3, 2], { highway: 'residential', oneway: '-1' }],
    ]);
    const { network } = buildRoadNetwork(raw);
    for (let e = 0; e < network.edgeCount; e++) {
      const points = edgeGeometry(network, e);
      const from = network.edgeFrom[e] ?? 0;
      const to = network.edgeTo[e] ?? 0;
      assert.deepEqual([points[0], points[1]], [network.lon[from], network.lat[from]]);
      assert.deepEqual([points[points.length - 2], points[points.length - 1]], [network.lon[to], network.lat[to]]);
    }
  });

  it('gives an empty network, not an exception, when nothing is drivable', () => {
    const raw = grid({ 1: [0, 0], 2: [1, 0] }, [[10, [1, 2], { waterway: 'river' }]]);
    const { network, report } = buildRoadNetwork(raw);
    assert.equal(network.edgeCount, 0);
    assert.equal(report.components, 0);
    assert.equal(skipCount(report, 'no-highway'), 1);
  });

  it('passes the readers\' own skips through to the report', () => {
    const raw = grid({ 1: [0, 0], 2: [1, 0] }, [[10, [1, 2], { highway: 'residential' }]]);
    raw.skipped.push({ code: 'deleted-object', reason: 'deleted', count: 7, unit: 'objects' });
    const { report } = buildRoadNetwork(raw);
    assert.equal(skipCount(report, 'deleted-object'), 7);
  });
});
