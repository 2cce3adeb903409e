// Tally of what an import left out, keyed by code and reason, with a few way ids
// to look each problem up in an editor.

import type { SkipEntry, SkipUnit } from './network.ts';

const SAMPLE_LIMIT = 5;

/** Accumulates skip counts; `list()` gives them most frequent first. */
export class SkipTally {
  private readonly entries = new Map<string, SkipEntry>();

  /** Counts `count` more under (code, reason), remembering `wayId` as a sample. */
  add(code: string, reason: string, unit: SkipUnit, wayId?: number, count = 1): void {
    const key = `${code}\u0000${reason}`;
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { code, reason, unit, count: 0, sampleWayIds: [] };
      this.entries.set(key, entry);
    }
    entry.count += count;
    // A way whose id is not a number (a broken file) is counted, not sampled: NaN is no id to show.
    if (wayId !== undefined && Number.isFinite(wayId) && entry.sampleWayIds.length < SAMPLE_LIMIT && !entry.sampleWayIds.includes(wayId)) {
      entry.sampleWayIds.push(wayId);
    }
  }

  /** Every entry, most frequent first. */
  list(): SkipEntry[] {
    return [...this.entries.values()].sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
  }
}
