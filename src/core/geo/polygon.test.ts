import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dataset } from '../../../test/datasets.ts';
import { mulberry32 } from '../random.ts';
import type { AreaFeatureCollection, MultiPolygon, Polygon } from './geojson.ts';
import { haversineMeters, lineLengthMeters } from './measure.ts';
import { lineLengthInsidePolygon, pointInPolygon, polygonBbox, preparePolygon, segmentIntersectsPolygon } from './polygon.ts';

/** A 0.01° square (about 1.05 × 1.1 km) in Port-au-Prince, counter-clockwise, with a square hole in its middle. */
const square: Polygon = {
  type: 'Polygon',
  coordinates: [
    [[-72.34, 18.53], [-72.33, 18.53], [-72.33, 18.54], [-72.34, 18.54], [-72.34, 18.53]],
    [[-72.337, 18.533], [-72.337, 18.537], [-72.333, 18.537], [-72.333, 18.533], [-72.337, 18.533]],
  ],
};
const solidSquare: Polygon = { type: 'Polygon', coordinates: [square.coordinates[0]!] };

test('pointInPolygon: inside, in the hole, outside, for GeoJSON and prepared forms alike', () => {
  const prepared = preparePolygon(square);
  for (const polygon of [square, prepared]) {
    assert.equal(pointInPolygon(-72.339, 18.531, polygon), true, 'in the ring, outside the hole');
    assert.equal(pointInPolygon(-72.335, 18.535, polygon), false, 'in the hole');
    assert.equal(pointInPolygon(-72.35, 18.535, polygon), false, 'west of the square');
    assert.equal(pointInPolygon(-72.335, 18.6, polygon), false, 'north of the square');
  }
});

test('pointInPolygon: a MultiPolygon contains the points of each member', () => {
  const multi: MultiPolygon = {
    type: 'MultiPolygon',
    coordinates: [square.coordinates, [[[-72.2, 18.5], [-72.1, 18.5], [-72.1, 18.6], [-72.2, 18.5]]]],
  };
  assert.ok(pointInPolygon(-72.12, 18.55, multi));
  assert.ok(pointInPolygon(-72.339, 18.531, preparePolygon(multi)));
  assert.ok(!pointInPolygon(-72.19, 18.59, multi));
});

test('pointInPolygon: a point on an edge shared by two squares belongs to exactly one of them', () => {
  const west: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] };
  const east: Polygon = { type: 'Polygon', coordinates: [[[1, 0], [2, 0], [2, 1], [1, 1], [1, 0]]] };
  const north: Polygon = { type: 'Polygon', coordinates: [[[0, 1], [2, 1], [2, 2], [0, 2], [0, 1]]] };
  for (const [x, y] of [[1, 0.5], [1, 0.3], [0.5, 1], [1.5, 1], [1, 1], [1, 0.1 + 0.2]] as const) {
    const owners = [west, east, north].filter((polygon) => pointInPolygon(x, y, polygon));
    assert.equal(owners.length, 1, `(${x}, ${y}) is claimed ${owners.length} times`);
  }
  assert.ok(pointInPolygon(1, 0.5, east), 'a vertical shared edge goes to the polygon east of it');
  assert.ok(pointInPolygon(0.5, 1, north), 'a horizontal shared edge goes to the polygon north of it');
});

test('pointInPolygon: prepared and GeoJSON forms agree on 5,000 points around a real commune boundary', () => {
  const sections = JSON.parse(readFileSync(dataset('haiti/admin/hti-adm3.geojson'), 'utf8')) as AreaFeatureCollection;
  const geometry = sections.features.find((f) => f.properties['ADM3_PCODE'] === 'HT0111-01')!.geometry;
  const prepared = preparePolygon(geometry);
  const [minX, minY, maxX, maxY] = polygonBbox(geometry);
  const next = mulberry32(7);
  let inside = 0;
  for (let i = 0; i < 5_000; i++) {
    const x = minX + (maxX - minX) * next(), y = minY + (maxY - minY) * next();
    const answer = pointInPolygon(x, y, geometry);
    assert.equal(pointInPolygon(x, y, prepared), answer, `(${x}, ${y})`);
    if (answer) inside++;
  }
  assert.ok(inside > 500 && inside < 4_900, `${inside} of 5000 inside`);
});

test('polygonBbox of GeoJSON and of a prepared area', () => {
  assert.deepEqual(polygonBbox(square), [-72.34, 18.53, -72.33, 18.54]);
  assert.deepEqual(polygonBbox(preparePolygon(square)), [-72.34, 18.53, -72.33, 18.54]);
});

test('segmentIntersectsPolygon: crossing, inside, touching, in the hole, missing', () => {
  const prepared = preparePolygon(square);
  for (const polygon of [square, prepared]) {
    assert.ok(segmentIntersectsPolygon(-72.35, 18.531, -72.32, 18.531, polygon), 'crosses the whole square');
    assert.ok(segmentIntersectsPolygon(-72.339, 18.531, -72.338, 18.532, polygon), 'wholly inside');
    assert.ok(segmentIntersectsPolygon(-72.35, 18.52, -72.34, 18.53, polygon), 'ends on a corner');
    assert.ok(!segmentIntersectsPolygon(-72.336, 18.534, -72.334, 18.536, polygon), 'wholly in the hole');
    assert.ok(!segmentIntersectsPolygon(-72.35, 18.52, -72.32, 18.525, polygon), 'passes south of it');
    assert.ok(!segmentIntersectsPolygon(-72.35, 18.5, -72.35, 18.6, polygon), 'passes west of it, within its latitudes');
  }
});

test('lineLengthInsidePolygon: a line through a square counts the stretch inside only', () => {
  const y = 18.535;
  const line = [[-72.35, y], [-72.32, y]];
  const total = lineLengthMeters(line);
  const inside = lineLengthInsidePolygon(line, solidSquare);
  // The square spans 0.01° of the line's 0.03°: a third of it.
  assert.ok(Math.abs(inside - total / 3) < 1e-6, `${inside} m inside of ${total} m`);
  assert.ok(Math.abs(inside - haversineMeters(-72.34, y, -72.33, y)) < 0.01);
  // Through the hole, 0.004° of the 0.01° are not inside the area.
  assert.ok(Math.abs(lineLengthInsidePolygon(line, preparePolygon(square)) - total * 0.2) < 1e-6);
});

test('lineLengthInsidePolygon: all, nothing, and a route that leaves and comes back', () => {
  const within = [[-72.339, 18.531], [-72.331, 18.539]];
  assert.ok(Math.abs(lineLengthInsidePolygon(within, solidSquare) - lineLengthMeters(within)) < 1e-9);
  assert.equal(lineLengthInsidePolygon([[-72.3, 18.5], [-72.2, 18.5]], solidSquare), 0);
  assert.equal(lineLengthInsidePolygon([[-72.335, 18.535]], solidSquare), 0);
  // In at x = -72.34, out at -72.33, back in and out again: 2 × 0.01° of 0.02° + 0.02° + 0.02°.
  const zigzag = [[-72.35, 18.535], [-72.32, 18.535], [-72.32, 18.538], [-72.35, 18.538]];
  const expected = haversineMeters(-72.34, 18.535, -72.33, 18.535) + haversineMeters(-72.34, 18.538, -72.33, 18.538);
  assert.ok(Math.abs(lineLengthInsidePolygon(zigzag, solidSquare) - expected) < 0.01);
});

test('lineLengthInsidePolygon: a line along a shared edge is counted once across the two areas', () => {
  const west: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [0.01, 0], [0.01, 0.01], [0, 0.01], [0, 0]]] };
  const east: Polygon = { type: 'Polygon', coordinates: [[[0.01, 0], [0.02, 0], [0.02, 0.01], [0.01, 0.01], [0.01, 0]]] };
  const line = [[0.01, -0.005], [0.01, 0.015]];
  const both = lineLengthInsidePolygon(line, west) + lineLengthInsidePolygon(line, east);
  assert.ok(Math.abs(both - lineLengthMeters(line) / 2) < 1e-6, `${both}`);
});
