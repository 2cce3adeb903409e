import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dataset } from '../../../test/datasets.ts';
import type { AreaFeatureCollection, AreaGeometry, Polygon, Ring } from './geojson.ts';
import { polygonParts } from './geojson.ts';
import { validatePolygon } from './validate.ts';
import type { PolygonValidation } from './validate.ts';

const polygon = (...rings: unknown[][]): unknown => ({ type: 'Polygon', coordinates: rings });
const ccwSquare = [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]];
const cwHole = [[0.2, 0.2], [0.2, 0.8], [0.8, 0.8], [0.8, 0.2], [0.2, 0.2]];

/** Twice the signed area of a closed ring: > 0 counter-clockwise. */
function doubleArea(ring: Ring): number {
  let sum = 0;
  for (let i = 1; i < ring.length; i++) sum += ring[i - 1]![0]! * ring[i]![1]! - ring[i]![0]! * ring[i - 1]![1]!;
  return sum;
}

function valid(result: PolygonValidation): { polygon: AreaGeometry; repairs: readonly string[] } {
  assert.ok(result.ok, result.ok ? '' : result.message);
  return result;
}

function invalid(result: PolygonValidation, reason: string, message: RegExp): { polygon: number; ring: number; position: number } {
  assert.ok(!result.ok, 'expected a refusal');
  assert.equal(result.reason, reason, result.message);
  assert.match(result.message, message);
  assert.ok(result.where);
  return result.where;
}

test('a clean polygon with a hole passes unchanged, with no repairs', () => {
  const { polygon: out, repairs } = valid(validatePolygon(polygon(ccwSquare, cwHole)));
  assert.deepEqual(out, polygon(ccwSquare, cwHole));
  assert.deepEqual(repairs, []);
});

test('repairs: an unclosed ring is closed, a 3-corner unclosed ring is a triangle', () => {
  const { polygon: out, repairs } = valid(validatePolygon(polygon([[0, 0], [1, 0], [1, 1], [0, 1]])));
  assert.deepEqual((out as Polygon).coordinates[0], ccwSquare);
  assert.deepEqual(repairs, ['ring 0: closed the ring by repeating its first position at the end']);
  assert.equal((valid(validatePolygon(polygon([[0, 0], [1, 0], [0, 1]]))).polygon as Polygon).coordinates[0]!.length, 4);
});

test('repairs: wrong winding is reversed, outer to counter-clockwise and holes to clockwise (RFC 7946)', () => {
  const { polygon: out, repairs } = valid(validatePolygon(polygon([...ccwSquare].reverse(), [...cwHole].reverse())));
  const [outer, hole] = (out as Polygon).coordinates as [Ring, Ring];
  assert.ok(doubleArea(outer) > 0 && doubleArea(hole) < 0);
  assert.equal(outer[0]![0], outer.at(-1)![0]);
  assert.match(repairs[0]!, /ring 0: reversed to counter-clockwise/);
  assert.match(repairs[1]!, /ring 1: reversed to clockwise/);
});

test('repairs: repeated consecutive positions are removed, altitudes dropped', () => {
  const { polygon: out, repairs } = valid(validatePolygon(polygon([[0, 0, 5], [0, 0, 5], [1, 0, 5], [1, 1], [1, 1], [0, 1], [0, 0], [0, 0]])));
  assert.deepEqual((out as Polygon).coordinates[0], ccwSquare);
  assert.deepEqual(repairs, ['ring 0: removed 3 repeated position(s)']);
});

test('refused: anything but a Polygon or MultiPolygon', () => {
  for (const input of [{ type: 'Point', coordinates: [0, 0] }, null, 'POLYGON((0 0, 1 0, 1 1, 0 0))', { coordinates: [] }]) {
    const result = validatePolygon(input);
    assert.ok(!result.ok);
    assert.equal(result.reason, 'not-a-polygon');
    assert.equal(result.where, null);
    assert.match(result.message, /expected a GeoJSON Polygon or MultiPolygon, got/);
  }
  assert.match((validatePolygon({ type: 'LineString', coordinates: [] }) as { message: string }).message, /got a LineString/);
});

test('refused: malformed or empty coordinates, with where', () => {
  const noArray = validatePolygon({ type: 'Polygon' });
  assert.ok(!noArray.ok && noArray.reason === 'malformed' && /no coordinates array/.test(noArray.message));
  invalid(validatePolygon(polygon()), 'empty', /^polygon: no rings/);
  assert.equal((validatePolygon({ type: 'MultiPolygon', coordinates: [] }) as { reason: string }).reason, 'empty');
  invalid(validatePolygon({ type: 'Polygon', coordinates: [ccwSquare, 'x'] }), 'malformed', /^ring 1: not an array of positions/);
  const where = invalid(validatePolygon(polygon([[0, 0], [1, 0], 7, [0, 0]])), 'malformed', /ring 0: position 2 is not a \[longitude, latitude\]/);
  assert.deepEqual(where, { polygon: 0, ring: 0, position: 2 });
});

test('refused: fewer than 4 positions (3 distinct corners)', () => {
  invalid(validatePolygon(polygon([[0, 0], [1, 0], [0, 0]])), 'too-few-positions', /ring 0: 3 positions with only 2 distinct corners/);
  invalid(validatePolygon(polygon([[0, 0], [1, 1]])), 'too-few-positions', /at least 4 positions/);
  invalid(validatePolygon(polygon(ccwSquare, [[0.5, 0.5], [0.5, 0.5], [0.5, 0.5], [0.5, 0.5]])), 'too-few-positions', /^ring 1: 4 positions with only 1 distinct corners/);
});

test('refused: coordinates that are not numbers or out of range, naming ring and position', () => {
  const nan = invalid(validatePolygon(polygon(ccwSquare, [[0.2, 0.2], [0.2, NaN], [0.8, 0.8], [0.2, 0.2]])), 'coordinate-not-a-number', /ring 1: position 1 is \[0\.2, NaN\], not two numbers/);
  assert.deepEqual(nan, { polygon: 0, ring: 1, position: 1 });
  invalid(validatePolygon(polygon([[0, 0], [1, '2'], [1, 1], [0, 0]])), 'coordinate-not-a-number', /position 1/);
  const far = invalid(validatePolygon(polygon([[-72.3, 18.5], [-72.2, 18.5], [-72.2, 180.6], [-72.3, 18.5]])), 'coordinate-out-of-range', /ring 0: position 2 is \[-72.2, 180.6\]: longitude must be within ±180 and latitude within ±90/);
  assert.equal(far.position, 2);
  invalid(validatePolygon(polygon([[0, 0], [181, 0], [1, 1], [0, 0]])), 'coordinate-out-of-range', /position 1/);
  invalid(validatePolygon(polygon([[0, 0], [Infinity, 0], [1, 1], [0, 0]])), 'coordinate-out-of-range', /position 1/);
});

test('refused: a self-intersecting ring (bow tie), naming the two crossing segments', () => {
  const result = validatePolygon(polygon([[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]));
  const where = invalid(result, 'self-intersection', /^ring 0: crosses itself: segment 0 \(positions 0→1\) crosses or touches segment 2 \(positions 2→3\)$/);
  assert.deepEqual(where, { polygon: 0, ring: 0, position: 0, otherRing: 0, otherPosition: 2 });
});

test('refused: a ring touching itself at a corner, and a spike folding back on itself', () => {
  // Two triangles joined at (1, 1): corner 2 repeats corner 0's neighbour.
  invalid(validatePolygon(polygon([[0, 0], [1, 1], [2, 0], [2, 2], [1, 1], [0, 2], [0, 0]])), 'self-intersection', /segment 0 .* segment 3|segment 1 .* segment 3|segment 0 .* segment 4|segment 1 .* segment 4/);
  const spike = invalid(validatePolygon(polygon([[0, 0], [2, 0], [2, 2], [2, 1], [0, 2], [0, 0]])), 'self-intersection', /segment 1 \(positions 1→2\) crosses or touches segment 2 \(positions 2→3\)/);
  assert.equal(spike.position, 1);
});

test('segment numbers follow the input, across dropped repeats and an unclosed ring', () => {
  const repeated = validatePolygon(polygon([[0, 0], [0, 0], [1, 1], [1, 0], [0, 1]]));
  invalid(repeated, 'self-intersection', /segment 1 \(positions 1→2\) crosses or touches segment 3 \(positions 3→4\)/);
  // The closing segment of an unclosed ring runs from its last position back to position 0.
  const unclosed = validatePolygon(polygon([[0, 1], [0, 0], [0, 0], [1, 1], [1, 0]]));
  const where = invalid(unclosed, 'self-intersection', /segment 2 \(positions 2→3\) crosses or touches segment 4 \(positions 4→0\)/);
  assert.deepEqual(where, { polygon: 0, ring: 0, position: 2, otherRing: 0, otherPosition: 4 });
});

test('refused: self-intersection in a 20,000-corner ring is found fast and named exactly', () => {
  const n = 20_000;
  const ring = Array.from({ length: n }, (_, k) => [Math.cos((2 * Math.PI * k) / n), Math.sin((2 * Math.PI * k) / n)]);
  ring.push(ring[0]!);
  const started = performance.now();
  valid(validatePolygon(polygon(ring)));
  [ring[12_000], ring[12_001]] = [ring[12_001]!, ring[12_000]!];
  const where = invalid(validatePolygon(polygon(ring)), 'self-intersection', /segment 11999 \(positions 11999→12000\) crosses or touches segment 12001/);
  assert.equal(where.position, 11_999);
  const elapsed = performance.now() - started;
  assert.ok(elapsed < 1_000, `${elapsed} ms for two validations of 20,000 corners`);
});

test('refused: rings that meet, holes outside the shell or inside another hole', () => {
  const crossing = [[0.5, 0.5], [0.5, 1.5], [0.8, 1.5], [0.8, 0.5], [0.5, 0.5]];
  const where = invalid(validatePolygon(polygon(ccwSquare, crossing)), 'rings-intersect', /^ring 0: touches or crosses ring 1: segment 2 \(positions 2→3\) meets segment 0 \(positions 0→1\) of ring 1$/);
  assert.deepEqual(where, { polygon: 0, ring: 0, position: 2, otherRing: 1, otherPosition: 0 });
  const outside = [[2, 2], [2, 3], [3, 3], [3, 2], [2, 2]];
  invalid(validatePolygon(polygon(ccwSquare, outside)), 'hole-outside-shell', /^ring 1: hole outside ring 0, the outer ring$/);
  const inner = [[0.3, 0.3], [0.3, 0.4], [0.4, 0.4], [0.4, 0.3], [0.3, 0.3]];
  invalid(validatePolygon(polygon(ccwSquare, cwHole, inner)), 'hole-inside-hole', /^ring 2: hole inside ring 1, another hole$/);
});

test('refused: zero area, for corners on one line and for slivers', () => {
  invalid(validatePolygon(polygon([[0, 0], [1, 0], [2, 0], [0, 0]])), 'zero-area', /^ring 0: no area: all its corners lie on one line$/);
  invalid(validatePolygon(polygon([[-72.3, 18.5], [-72.2, 18.6], [-72.1, 18.7], [-72.3, 18.5]])), 'zero-area', /one line/);
});

test('MultiPolygon: each member is checked, and problems name the member', () => {
  const multi = { type: 'MultiPolygon', coordinates: [[ccwSquare], [[[5, 5], [6, 6], [6, 5], [5, 6], [5, 5]]]] };
  const where = invalid(validatePolygon(multi), 'self-intersection', /^polygon 1, ring 0: crosses itself/);
  assert.equal(where.polygon, 1);
  const { polygon: out, repairs } = valid(validatePolygon({ type: 'MultiPolygon', coordinates: [[ccwSquare], [[[5, 5], [5, 6], [6, 6], [6, 5]]]] }));
  assert.equal(out.type, 'MultiPolygon');
  assert.equal(polygonParts(out).length, 2);
  assert.deepEqual(repairs, [
    'polygon 1, ring 0: closed the ring by repeating its first position at the end',
    'polygon 1, ring 0: reversed to counter-clockwise, the winding RFC 7946 asks of outer rings',
  ]);
});

test('real boundaries are valid: all 570 communal sections (reversed to RFC 7946 winding) and the IPC areas', () => {
  const load = (file: string): AreaFeatureCollection => JSON.parse(readFileSync(dataset(file), 'utf8')) as AreaFeatureCollection;
  for (const feature of load('haiti/admin/hti-adm3.geojson').features) {
    const { repairs } = valid(validatePolygon(feature.geometry));
    assert.deepEqual(repairs, ['ring 0: reversed to counter-clockwise, the winding RFC 7946 asks of outer rings']);
  }
  for (const feature of load('haiti/food-security/ipc-acute-2023-08.geojson').features) {
    assert.deepEqual(valid(validatePolygon(feature.geometry)).repairs, []);
  }
});
