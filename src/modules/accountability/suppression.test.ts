import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { suppress, suppressBreakdown } from './suppression.ts';

describe('small-number suppression', () => {
  test('counts below 5 are shown as "<5"', () => {
    assert.deepEqual([0, 1, 4, 5, 17].map(suppress), ['<5', '<5', '<5', 5, 17]);
  });

  test('a single hidden cell is not left to be worked out from the total', () => {
    const cells = [
      { key: 'a', count: 12 },
      { key: 'b', count: 3 },
      { key: 'c', count: 7 },
      { key: 'd', count: 20 },
    ];
    assert.deepEqual(suppressBreakdown(cells, true), [
      { key: 'a', count: 12 },
      { key: 'b', count: '<5' },
      { key: 'c', count: '<5' },
      { key: 'd', count: 20 },
    ]);
    // With no published total, nothing can be subtracted.
    assert.deepEqual(suppressBreakdown(cells, false).map((c) => c.count), [12, '<5', 7, 20]);
    // Two hidden cells already protect each other.
    assert.deepEqual(suppressBreakdown([{ key: 'a', count: 1 }, { key: 'b', count: 2 }, { key: 'c', count: 9 }], true).map((c) => c.count), ['<5', '<5', 9]);
  });
});
