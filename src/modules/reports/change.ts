import type { Change } from '../../shared/reports.ts';

/** A figure against the previous period's: the difference, and the percentage when the previous one is not zero. */
export function changeOf(current: number, previous: number | null): Change {
  if (previous === null) return { current, previous: null, change: null, changePercent: null };
  const change = current - previous;
  return { current, previous, change, changePercent: previous === 0 ? null : Math.round((change / previous) * 1000) / 10 };
}
