// Timing helpers for the routing bench.

/** Summary of per-query times in milliseconds. */
export interface Timing {
  p50: number;
  p99: number;
  mean: number;
  count: number;
}

/** p50, p99 and mean of a list of milliseconds. */
export function summarise(times: number[]): Timing {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { p50: at(0.5), p99: at(0.99), mean: sorted.reduce((sum, t) => sum + t, 0) / Math.max(1, sorted.length), count: sorted.length };
}

/** Milliseconds since `start` (a process.hrtime.bigint() reading), to the nanosecond. */
export function msSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Milliseconds taken by fn (read on the nanosecond clock), and its result. */
export function timed<T>(fn: () => T): [T, number] {
  const start = process.hrtime.bigint();
  const result = fn();
  return [result, msSince(start)];
}

/** A number for a markdown table: 4 decimals below 0.1 (tenths of µs), 3 below 10, fewer above. */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return '–';
  return value < 0.1 ? value.toFixed(4) : value < 10 ? value.toFixed(3) : value < 100 ? value.toFixed(1) : value.toFixed(0);
}

/** Bytes as MB with one decimal. */
export function mb(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

/** A markdown table from a header row and body rows. */
export function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map((_, i) => (i === 0 ? '---' : '---:'))), ...rows.map(line)].join('\n');
}
