import { test } from 'node:test';
import assert from 'node:assert/strict';
import { timeOrderedId } from './time-ordered-id.ts';

test('time-ordered ids are version 7 UUIDs that sort in the order they were made, even within one millisecond', () => {
  const ids = Array.from({ length: 10_000 }, (_, i) => timeOrderedId(1_700_000_000_000 + Math.floor(i / 5000)));
  for (const id of ids) assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.deepEqual([...ids].sort(), ids);
  assert.equal(new Set(ids).size, ids.length);
  assert.equal(ids[0]!.slice(0, 13).replace('-', ''), (1_700_000_000_000).toString(16).padStart(12, '0'), 'the first 48 bits are the milliseconds');
});

test('a clock that steps back does not break the order', () => {
  const later = timeOrderedId(1_800_000_000_000);
  const earlier = timeOrderedId(1_799_999_999_000);
  assert.ok(earlier > later);
});
