import { randomFillSync } from 'node:crypto';

/*
 * UUIDs that sort by creation time (RFC 9562 version 7: 48 bits of Unix
 * milliseconds, then a 12-bit counter, then 62 random bits), for incidents
 * created in bulk. An incident's id is a key of many B-trees (the incidents'
 * own unique index, sources, actor links, tags, releases, history): random
 * ids land on random pages of each, so a large import touches every page of
 * every one of them; ids in creation order land at the right-hand edge, where
 * the pages are already in the cache. They are still UUIDs, unique and
 * unguessable enough for ids that are never secrets.
 */

const RANDOM_POOL = 16 * 1024;
const pool = Buffer.alloc(RANDOM_POOL);
let poolAt = RANDOM_POOL;
let lastMs = 0;
let counter = 0;

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/** A version 7 UUID; ids made one after the other in this process sort in that order. */
export function timeOrderedId(now = Date.now()): string {
  if (now > lastMs) {
    lastMs = now;
    counter = 0;
  } else if (++counter > 0xfff) {
    // More than 4,096 ids in one millisecond: borrow the next one, so the order holds.
    lastMs++;
    counter = 0;
  }
  if (poolAt + 8 > RANDOM_POOL) {
    randomFillSync(pool);
    poolAt = 0;
  }
  const ms = lastMs;
  const high = Math.floor(ms / 0x10000); // the top 32 of the 48 bits
  const bytes = [
    (high >>> 24) & 0xff, (high >>> 16) & 0xff, (high >>> 8) & 0xff, high & 0xff, (ms >>> 8) & 0xff, ms & 0xff,
    0x70 | (counter >>> 8), counter & 0xff,
    0x80 | (pool[poolAt]! & 0x3f), pool[poolAt + 1]!, pool[poolAt + 2]!, pool[poolAt + 3]!, pool[poolAt + 4]!, pool[poolAt + 5]!, pool[poolAt + 6]!, pool[poolAt + 7]!,
  ];
  poolAt += 8;
  const h = bytes.map((byte) => HEX[byte]!);
  return `${h[0]}${h[1]}${h[2]}${h[3]}-${h[4]}${h[5]}-${h[6]}${h[7]}-${h[8]}${h[9]}-${h[10]}${h[11]}${h[12]}${h[13]}${h[14]}${h[15]}`;
}
