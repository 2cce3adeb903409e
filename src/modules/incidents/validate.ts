import type { z } from 'zod';
import { AppError } from '../../shared/errors.ts';
import { HAITI_BOUNDS, IncidentInput, type IncidentInputParsed } from '../../shared/incidents.ts';

/*
 * Beyond the schema: a report must be a place in Haiti and a time that has
 * passed. The usual slips get named, so the reporter knows what to fix.
 */

/** Reports may run this far ahead of the server's clock (devices drift). */
export const CLOCK_SKEW_MS = 5 * 60_000;

export interface Issue {
  path: string;
  message: string;
  value?: string;
}

function inHaiti(lon: number, lat: number): boolean {
  return lon >= HAITI_BOUNDS.west && lon <= HAITI_BOUNDS.east && lat >= HAITI_BOUNDS.south && lat <= HAITI_BOUNDS.north;
}

/** What is wrong with a point given for an incident in Haiti, or null when it is plausible. */
export function locationProblem(lon: number, lat: number): string | null {
  if (inHaiti(lon, lat)) return null;
  if (lon === 0 && lat === 0) return 'location is (0, 0), the placeholder of a missing position, not a place in Haiti: give the real coordinates';
  if (inHaiti(lat, lon)) {
    return `latitude and longitude look swapped: (lon ${lon}, lat ${lat}) is outside Haiti, (lon ${lat}, lat ${lon}) is inside; give the longitude (about -72) as lon and the latitude (about 18.5) as lat`;
  }
  if (inHaiti(-lon, lat)) return `longitude ${lon} has the wrong sign: Haiti is west of Greenwich, so its longitudes are negative (about -72)`;
  return `location (lon ${lon}, lat ${lat}) is outside Haiti (longitude ${HAITI_BOUNDS.west} to ${HAITI_BOUNDS.east}, latitude ${HAITI_BOUNDS.south} to ${HAITI_BOUNDS.north})`;
}

/** The plausibility issues of a parsed incident: place and time. */
export function plausibilityIssues(input: IncidentInputParsed, nowMs: number): Issue[] {
  const issues: Issue[] = [];
  const where = locationProblem(input.location.lon, input.location.lat);
  if (where) issues.push({ path: 'location', message: where, value: `${input.location.lon},${input.location.lat}` });
  const occurredMs = Date.parse(input.occurredAt);
  if (occurredMs > nowMs + CLOCK_SKEW_MS) {
    issues.push({
      path: 'occurredAt',
      message: `occurredAt ${input.occurredAt} is in the future (server time ${new Date(nowMs).toISOString()}); an incident is reported after it happens — check the date and the time zone`,
      value: input.occurredAt,
    });
  }
  return issues;
}

function zodIssues(error: z.ZodError): Issue[] {
  return error.issues.map((issue) => ({ path: issue.path.join('.') || '(root)', message: issue.message }));
}

/** Parses and checks an incident; the issues name each field and say what is wrong. */
export function checkIncident(input: unknown, nowMs: number): { ok: true; value: IncidentInputParsed } | { ok: false; issues: Issue[] } {
  const parsed = IncidentInput.safeParse(input);
  if (!parsed.success) return { ok: false, issues: zodIssues(parsed.error) };
  const issues = plausibilityIssues(parsed.data, nowMs);
  return issues.length === 0 ? { ok: true, value: parsed.data } : { ok: false, issues };
}

/** Like checkIncident, but throws VALIDATION_FAILED naming every issue. */
export function validIncident(input: unknown, nowMs: number): IncidentInputParsed {
  const checked = checkIncident(input, nowMs);
  if (checked.ok) return checked.value;
  throw invalid(checked.issues);
}

export function invalid(issues: Issue[]): AppError {
  return new AppError(
    'VALIDATION_FAILED',
    `invalid incident: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
    issues.map(({ path, message }) => ({ path, message })),
  );
}
