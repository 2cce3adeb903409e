import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { douglasPeucker, simplifyLine, simplifyPolygon, simplifyRing } from './simplify.ts';

describe('basemap geometry thinning', () => {
  test('Douglas–Peucker drops near-collinear points and keeps corners', () => {
    const line: [number, number][] = [[0, 0], [1, 0.00001], [2, 0], [2, 1], [2.00001, 2]];
    assert.deepEqual(douglasPeucker(line, 0.001), [[0, 0], [2, 0], [2.00001, 2]]);
    assert.deepEqual(douglasPeucker(line, 0), line, 'a zero tolerance keeps every point that is off the line');
  });

  test('coordinates are rounded to the given decimals and repeats removed', () => {
    assert.deepEqual(simplifyLine([[-72.123456789, 18.987654321], [-72.123457, 18.987654], [-72.2, 18.9]], 0, 5), [[-72.12346, 18.98765], [-72.2, 18.9]]);
  });

  test('a ring stays closed, and a ring thinned below four positions vanishes', () => {
    const square = [[0, 0], [1, 0], [1, 0.5], [1, 1], [0, 1], [0, 0]];
    assert.deepEqual(simplifyRing(square, 0.01, 5), [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]);
    assert.equal(simplifyRing([[0, 0], [0.00001, 0], [0, 0.00001], [0, 0]], 0.01, 5), null);
  });

  test('a polygon loses vanished holes but not itself; a vanished outer ring removes it', () => {
    const outer = [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]];
    const tinyHole = [[5, 5], [5.000001, 5], [5, 5.000001], [5, 5]];
    assert.deepEqual(simplifyPolygon([outer, tinyHole], 0.01, 5), [outer]);
    assert.equal(simplifyPolygon([tinyHole], 0.01, 5), null);
  });

  test('a long wiggly line is thinned without recursion', () => {
    const wiggly = Array.from({ length: 100_000 }, (_, i): [number, number] => [i / 1000, Math.sin(i / 50) + Math.sin(i / 3) * 1e-6]);
    const thinned = douglasPeucker(wiggly, 0.001);
    assert.ok(thinned.length > 100 && thinned.length < 20_000, `${thinned.length} points kept`);
  });
});
