import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  bboxAround, bboxContains, bboxContainsPoint, bboxIntersects, bboxIsEmpty, bboxOfCoordinates, emptyBBox, extendBBox,
} from './bbox.ts';
import type { BBox } from './bbox.ts';
import { haversineMeters } from './measure.ts';

test('bboxAround holds every point within the distance, and little more', () => {
  const [lon, lat] = [-72.335, 18.539];
  const box = bboxAround(lon, lat, 2_000);
  const [minLon, minLat, maxLon, maxLat] = box;
  for (const edge of [haversineMeters(lon, lat, lon, maxLat), haversineMeters(lon, lat, lon, minLat),
    haversineMeters(lon, lat, maxLon, lat), haversineMeters(lon, lat, minLon, lat)]) {
    assert.ok(edge >= 1_999.99 && edge <= 2_001, `edge at ${edge} m`);
  }
  // Points 2 km away in 36 directions (a small-distance destination formula) all fall inside.
  for (let bearing = 0; bearing < 360; bearing += 10) {
    const radians = (bearing * Math.PI) / 180;
    const pLat = lat + (1_999 * Math.cos(radians)) / 111_195;
    const pLon = lon + (1_999 * Math.sin(radians)) / (111_195 * Math.cos((pLat * Math.PI) / 180));
    assert.ok(bboxContainsPoint(box, pLon, pLat), `bearing ${bearing}`);
  }
});

test('bboxAround clamps at the poles and the antimeridian instead of wrapping', () => {
  const polar = bboxAround(10, 89.99, 10_000);
  assert.deepEqual([polar[0], polar[2], polar[3]], [-180, 180, 90]);
  const east = bboxAround(179.999, 0, 1_000);
  assert.equal(east[2], 180);
  assert.throws(() => bboxAround(0, 0, -1), /meters must be a number ≥ 0/);
});

test('bboxOfCoordinates takes positions nested to any depth', () => {
  assert.deepEqual(bboxOfCoordinates([-72, 18]), [-72, 18, -72, 18]);
  assert.deepEqual(bboxOfCoordinates([[-72, 18], [-73, 19.5, 100]]), [-73, 18, -72, 19.5]);
  const multi = [[[[-72, 18], [-71, 18], [-71, 19], [-72, 18]]], [[[-74, 20], [-74, 20.5], [-73.5, 20], [-74, 20]]]];
  assert.deepEqual(bboxOfCoordinates(multi), [-74, 18, -71, 20.5]);
  assert.ok(bboxIsEmpty(bboxOfCoordinates([])));
  assert.ok(!bboxIsEmpty(bboxOfCoordinates([[0, 0]])));
});

test('intersects and contains count shared edges; an empty box meets nothing', () => {
  const a: BBox = [0, 0, 2, 2];
  assert.ok(bboxIntersects(a, [2, 2, 3, 3]));
  assert.ok(bboxIntersects(a, [0.5, 0.5, 1, 1]));
  assert.ok(!bboxIntersects(a, [2.1, 0, 3, 1]));
  assert.ok(!bboxIntersects(a, emptyBBox()));
  assert.ok(bboxContains(a, [0, 0, 2, 1]));
  assert.ok(!bboxContains(a, [1, 1, 3, 1.5]));
  assert.ok(bboxContainsPoint(a, 2, 0));
  assert.ok(!bboxContainsPoint(a, 2.0001, 0));
  assert.deepEqual(extendBBox(emptyBBox(), 1, 2), [1, 2, 1, 2]);
});
