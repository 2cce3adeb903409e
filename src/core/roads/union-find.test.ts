import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { haversineMeters } from '../geo/index.ts';
import { connectedComponents, UnionFind } from './union-find.ts';

describe('UnionFind', () => {
  it('merges sets and counts their sizes', () => {
    const sets = new UnionFind(5);
    sets.union(0, 1);
    sets.union(3, 4);
    sets.union(1, 4);
    assert.equal(sets.find(0), sets.find(3));
    assert.equal(sets.sizeOf(4), 4);
    assert.equal(sets.sizeOf(2), 1);
  });
});

describe('connectedComponents', () => {
  it('counts weakly connected components and the largest, an isolated node being one', () => {
    const result = connectedComponents(6, Uint32Array.from([0, 2, 4]), Uint32Array.from([1, 1, 5]));
    assert.deepEqual(result, { count: 3, largest: 3 }, '{0, 1, 2}, {3}, {4, 5}');
  });
});

describe('haversineMeters', () => {
  it('gives about 111.2 km for one degree of latitude', () => {
    assert.ok(Math.abs(haversineMeters(-72.3, 18, -72.3, 19) - 111_195) < 1);
  });
});
