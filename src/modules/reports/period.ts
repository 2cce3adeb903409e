/*
 * A report's period: whole UTC days, both ends included, and the previous
 * period of the same length just before it, against which changes are
 * measured.
 */

const DAY_MS = 86_400_000;

export interface DayRange {
  /** First day, YYYY-MM-DD. */
  fromDay: string;
  /** Last day, YYYY-MM-DD (included). */
  toDay: string;
  /** Start instant, ISO. */
  fromIso: string;
  /** The instant after the last day (exclusive end), ISO. */
  toIso: string;
}

export interface ReportPeriod extends DayRange {
  days: number;
  previous: DayRange;
  /** The instant a picture "at the end of the period" is read: its end, or now while it still runs. */
  endAt: string;
  /** The last day of the period that has begun (today while it still runs). */
  endDay: string;
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const iso = (ms: number) => new Date(ms).toISOString();

function range(fromMs: number, toMs: number): DayRange {
  return { fromDay: day(fromMs), toDay: day(toMs - DAY_MS), fromIso: iso(fromMs), toIso: iso(toMs) };
}

export function reportPeriod(fromDay: string, toDay: string, now: Date = new Date()): ReportPeriod {
  const fromMs = Date.parse(`${fromDay}T00:00:00Z`);
  const toMs = Date.parse(`${toDay}T00:00:00Z`) + DAY_MS;
  const days = Math.round((toMs - fromMs) / DAY_MS);
  const endMs = Math.max(fromMs, Math.min(toMs, now.getTime()));
  return {
    ...range(fromMs, toMs),
    days,
    previous: range(fromMs - days * DAY_MS, fromMs),
    endAt: iso(endMs === toMs ? toMs - 1 : endMs),
    endDay: day(endMs === toMs ? toMs - DAY_MS : endMs),
  };
}

/** The day before a day. */
export function dayBefore(dayText: string): string {
  return day(Date.parse(`${dayText}T00:00:00Z`) - DAY_MS);
}

/** Whether an ISO instant falls in [fromIso, toIso). */
export function within(at: string | null, r: DayRange): boolean {
  if (at === null) return false;
  const ms = Date.parse(at);
  return ms >= Date.parse(r.fromIso) && ms < Date.parse(r.toIso);
}
