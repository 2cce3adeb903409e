import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dataset } from '../../../test/datasets.ts';
import { polygonParts, type AreaFeatureCollection, type Ring } from './geojson.ts';
import { interiorPoint, largestPartCentroid, ringCentroid } from './interior-point.ts';
import { pointInPolygon } from './polygon.ts';

const square = (west: number, south: number, size: number): Ring => [
  [west, south], [west + size, south], [west + size, south + size], [west, south + size], [west, south],
];
const inside = (point: { lon: number; lat: number }, rings: readonly Ring[]): boolean =>
  pointInPolygon(point.lon, point.lat, { type: 'Polygon', coordinates: rings });

test('ringCentroid: the middle and the signed area of a square, either way round', () => {
  assert.deepEqual(ringCentroid(square(0, 0, 2)), { area: 4, lon: 1, lat: 1 });
  assert.deepEqual(ringCentroid([...square(0, 0, 2)].reverse()), { area: -4, lon: 1, lat: 1 });
  // A triangle's centroid is the mean of its corners, not the middle of its box.
  const triangle = ringCentroid([[0, 0], [3, 0], [0, 3], [0, 0]]);
  assert.deepEqual([triangle.lon, triangle.lat], [1, 1]);
  assert.deepEqual(ringCentroid([[5, 6], [7, 6], [5, 6]]), { area: 0, lon: 5, lat: 6 });
});

test('interiorPoint: the centroid of a convex area, of the largest part of a multipolygon', () => {
  assert.deepEqual(interiorPoint([[square(0, 0, 2)]]), { lon: 1, lat: 1 });
  // An island (small) and the mainland (large): the point is on the mainland, listed second.
  assert.deepEqual(interiorPoint([[square(10, 10, 1)], [square(0, 0, 4)]]), { lon: 2, lat: 2 });
});

test('largestPartCentroid: the centroid of the largest part, even outside it; null when nothing is enclosed', () => {
  assert.deepEqual(largestPartCentroid([[square(10, 10, 1)], [[...square(0, 0, 4)].reverse()]]), { lon: 2, lat: 2 });
  const crescent: Ring = [[0, 0], [4, 0], [4, 1], [1, 1], [1, 3], [4, 3], [4, 4], [0, 4], [0, 0]];
  assert.deepEqual(largestPartCentroid([[crescent]]), { lon: ringCentroid(crescent).lon, lat: 2 });
  assert.equal(largestPartCentroid([[[[5, 6], [7, 6], [5, 6]]]]), null);
  assert.equal(largestPartCentroid([]), null);
});

test('interiorPoint: a crescent whose centroid falls outside gets a point inside, on the centroid latitude', () => {
  // A C open to the east: its centroid lies in the mouth of the C.
  const crescent: Ring = [[0, 0], [4, 0], [4, 1], [1, 1], [1, 3], [4, 3], [4, 4], [0, 4], [0, 0]];
  const centroid = ringCentroid(crescent);
  assert.ok(!inside(centroid, [crescent]), 'the fixture must have its centroid outside');
  const point = interiorPoint([[crescent]]);
  assert.ok(inside(point, [crescent]), `(${point.lon}, ${point.lat}) is outside the crescent`);
  assert.deepEqual(point, { lon: 0.5, lat: centroid.lat });
});

test('interiorPoint: an area with a hole around its centroid gets a point in the ring, not the hole', () => {
  const rings = [square(0, 0, 6), square(1, 1, 4)];
  const point = interiorPoint([rings]);
  assert.ok(inside(point, rings), `(${point.lon}, ${point.lat}) is in the hole`);
  assert.deepEqual(point, { lon: 0.5, lat: 3 });
});

test('interiorPoint: an area without rings is refused with what to pass', () => {
  assert.throws(() => interiorPoint([]), /has no ring/);
  assert.throws(() => interiorPoint([[]]), /has no ring/);
});

test('interiorPoint: each of Haiti\'s 140 communes and 570 communal sections gets a point that lies in it', () => {
  let centroidsOutside = 0;
  for (const [level, count] of [[2, 140], [3, 570]] as const) {
    const { features } = JSON.parse(readFileSync(dataset(`haiti/admin/hti-adm${level}.geojson`), 'utf8')) as AreaFeatureCollection;
    assert.equal(features.length, count);
    for (const feature of features) {
      const parts = polygonParts(feature.geometry);
      const point = interiorPoint(parts);
      assert.ok(pointInPolygon(point.lon, point.lat, feature.geometry), `${String(feature.properties[`ADM${level}_PCODE`])}: (${point.lon}, ${point.lat}) is outside`);
      const largest = parts.map((rings) => ringCentroid(rings[0]!)).sort((a, b) => Math.abs(b.area) - Math.abs(a.area))[0]!;
      if (!pointInPolygon(largest.lon, largest.lat, feature.geometry)) centroidsOutside++;
    }
  }
  // The real boundaries do exercise the fallback: some sections are crescents.
  assert.ok(centroidsOutside > 0, 'no area had its centroid outside it');
});
