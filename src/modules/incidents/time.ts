/*
 * Week arithmetic for the aggregates. Weeks are ISO weeks (Monday to Sunday)
 * in UTC; an incident's week is stored with it so that grouping needs no
 * date functions, which SQLite and PostgreSQL spell differently.
 */

const DAY_MS = 86_400_000;

/** Monday of the ISO week containing the instant, as YYYY-MM-DD. */
export function isoWeekMonday(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  // 1970-01-01 was a Thursday: day 0 is weekday 3 counting from Monday = 0.
  const weekday = (((day + 3) % 7) + 7) % 7;
  return new Date((day - weekday) * DAY_MS).toISOString().slice(0, 10);
}

/** The ISO week label (e.g. 2024-W07) of the week starting on the given Monday. */
export function isoWeekLabel(monday: string): string {
  const thursday = new Date(Date.parse(`${monday}T00:00:00Z`) + 3 * DAY_MS);
  const year = thursday.getUTCFullYear();
  const dayOfYear = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / DAY_MS);
  return `${year}-W${String(Math.floor(dayOfYear / 7) + 1).padStart(2, '0')}`;
}
