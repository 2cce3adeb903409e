// Dates as the formats write them. Haiti keeps US daylight-saving rules, so
// local times go through the time-zone database rather than a fixed offset.

const HAITI_ZONE = 'America/Port-au-Prince';
const partsFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: HAITI_ZONE, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
});

export interface LocalParts { year: number; month: number; day: number; hour: number; minute: number; second: number }

/** The wall-clock time in Haiti at an instant. */
export function haitiParts(instant: Date): LocalParts {
  const parts: Record<string, number> = {};
  for (const part of partsFormat.formatToParts(instant)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!, second: parts.second! };
}

/** The instant of a wall-clock time in Haiti (the later one when the clock goes back). */
export function haitiLocalToUtc(local: LocalParts): Date {
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
  let guess = asUtc;
  for (let i = 0; i < 2; i++) {
    const seen = haitiParts(new Date(guess));
    const seenUtc = Date.UTC(seen.year, seen.month - 1, seen.day, seen.hour, seen.minute, seen.second);
    guess += asUtc - seenUtc;
  }
  return new Date(guess);
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** YYYY-MM-DD of the day in Haiti an instant falls on. */
export function haitiDate(iso: string): string {
  const p = haitiParts(new Date(iso));
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

/** dd/mm/yyyy hh:mm in Haiti, the classic Ushahidi export's form. */
export function haitiDayMonthYear(iso: string): string {
  const p = haitiParts(new Date(iso));
  return `${pad(p.day)}/${pad(p.month)}/${pad(p.year, 4)} ${pad(p.hour)}:${pad(p.minute)}`;
}

/** A calendar date without a time is placed at 12:00 UTC: the same day in Haiti and in UTC. */
export function dateOnlyInstant(year: number, month: number, day: number): string | undefined {
  const instant = new Date(Date.UTC(year, month - 1, day, 12));
  if (instant.getUTCFullYear() !== year || instant.getUTCMonth() !== month - 1 || instant.getUTCDate() !== day) return undefined;
  return instant.toISOString();
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** "2024-03-15" or ACLED's older "15 March 2024": the 12:00 UTC instant of that day, or undefined. */
export function parseCalendarDate(text: string): string | undefined {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (iso) return dateOnlyInstant(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const long = /^(\d{1,2})[\s-]+([A-Za-z]+)[\s-]+(\d{4})$/.exec(text);
  if (long) {
    const month = MONTHS.findIndex((m) => m.startsWith(long[2]!.toLowerCase()) && long[2]!.length >= 3);
    if (month >= 0) return dateOnlyInstant(Number(long[3]), month + 1, Number(long[1]));
  }
  return undefined;
}

/** ISO-8601 with a zone ("…Z", "…-05:00"), or a bare calendar date; undefined when neither. */
export function parseIsoInstant(text: string): string | undefined {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return parseCalendarDate(text);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(text)) return undefined;
  const instant = new Date(text);
  return Number.isNaN(instant.getTime()) ? undefined : instant.toISOString();
}

/** "dd/mm/yyyy hh:mm[:ss]" in Haiti's time, or "yyyy-mm-dd hh:mm[:ss]" (also seen in Ushahidi exports). */
export function parseHaitiLocal(text: string): string | undefined {
  const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  const ymd = dmy ? undefined : /^(\d{4})-(\d{1,2})-(\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (!dmy && !ymd) return undefined;
  const [year, month, day] = dmy ? [dmy[3], dmy[2], dmy[1]].map(Number) : [ymd![1], ymd![2], ymd![3]].map(Number);
  const rest = (dmy ?? ymd)!;
  const local = { year: year!, month: month!, day: day!, hour: Number(rest[4] ?? 0), minute: Number(rest[5] ?? 0), second: Number(rest[6] ?? 0) };
  if (local.month < 1 || local.month > 12 || local.day < 1 || local.day > 31 || local.hour > 23 || local.minute > 59 || local.second > 59) return undefined;
  if (dateOnlyInstant(local.year, local.month, local.day) === undefined) return undefined;
  return haitiLocalToUtc(local).toISOString();
}
