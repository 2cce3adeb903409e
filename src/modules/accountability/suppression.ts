import { SMALL_NUMBER_THRESHOLD, type SuppressedCount } from '../../shared/accountability.ts';

/*
 * Small-number suppression for public statistics. A count below the threshold
 * is shown as "<5". When a breakdown's total is published and exactly one of
 * its cells is hidden, that cell could be worked out by subtraction, so the
 * next smallest cell is hidden too (secondary suppression).
 */

/** One count as published. */
export function suppress(count: number): SuppressedCount {
  return count < SMALL_NUMBER_THRESHOLD ? '<5' : count;
}

/** A breakdown as published, given whether its total is published. */
export function suppressBreakdown<K>(cells: readonly { key: K; count: number }[], totalPublished: boolean): { key: K; count: SuppressedCount }[] {
  const hidden = new Set<number>();
  cells.forEach((cell, i) => {
    if (cell.count < SMALL_NUMBER_THRESHOLD) hidden.add(i);
  });
  if (totalPublished && hidden.size === 1) {
    let smallest = -1;
    cells.forEach((cell, i) => {
      if (!hidden.has(i) && (smallest === -1 || cell.count < cells[smallest]!.count)) smallest = i;
    });
    if (smallest !== -1) hidden.add(smallest);
  }
  return cells.map((cell, i) => ({ key: cell.key, count: hidden.has(i) ? '<5' : cell.count }));
}
