import type { ImportRow, ImportRowError, IncidentInputParsed } from '../../shared/incidents.ts';
import type { ValidRow } from './import.rows.ts';
import { wasParsed } from './parsed-inputs.ts';
import { actorNameKey } from './text.ts';
import { checkIncident, plausibilityIssues } from './validate.ts';

/*
 * What an import asks of each row: the checks a report gets (the schema's
 * only once: a reader's rows have had them), organisations that exist, and
 * whether a row imported again changes anything.
 */

/** A row checked as a report is, with its releasable-to codes turned into organisation ids; null (and the reasons in `rejected`) when refused. */
export function validRow(row: ImportRow, organisations: ReadonlyMap<string, string>, nowMs: number, rejected: ImportRowError[]): ValidRow | null {
  if ('errors' in row) {
    rejected.push(...(row.errors.length > 0 ? row.errors : [{ line: row.line, reason: 'the row could not be read' }]));
    return null;
  }
  // A reader's row has been through the schema already: only the plausibility checks remain.
  const checked = wasParsed(row.input) ? plausible(row.input, nowMs) : checkIncident(row.input, nowMs);
  if (!checked.ok) {
    for (const issue of checked.issues) rejected.push({ line: row.line, column: issue.path, ...(issue.value !== undefined ? { value: issue.value } : {}), reason: issue.message });
    return null;
  }
  const codes = checked.value.classification === 'RESTRICTED' ? checked.value.releasableTo : [];
  const unknown = codes.filter((code) => !organisations.has(code));
  if (unknown.length > 0) {
    rejected.push({ line: row.line, column: 'releasableTo', value: unknown.join(','), reason: `unknown organisation ${unknown.join(', ')} in releasableTo` });
    return null;
  }
  return { line: row.line, input: checked.value, releaseIds: [...new Set(codes.map((code) => organisations.get(code)!))] };
}

function plausible(input: IncidentInputParsed, nowMs: number): ReturnType<typeof checkIncident> {
  const issues = plausibilityIssues(input, nowMs);
  return issues.length === 0 ? { ok: true, value: input } : { ok: false, issues };
}

/** The fields that make an incident, in one order, for telling a changed row from a repeated one. */
function canonical(input: IncidentInputParsed) {
  return JSON.stringify([
    input.type, input.title, input.description, new Date(input.occurredAt).toISOString(), input.occurredPrecision,
    input.location.lon, input.location.lat, input.location.precision, input.location.placeName ?? null,
    input.actors.map((a) => `${a.role} ${actorNameKey(a.name)}`).sort(),
    input.counts,
    input.sources.map((s) => [s.name, s.url ?? null, s.reliability, s.credibility, s.reportedAt ? new Date(s.reportedAt).toISOString() : null]),
    [...new Set(input.tags)].sort(),
    input.external ?? null,
    input.classification,
    input.classification === 'RESTRICTED' ? [...new Set(input.releasableTo)].sort() : [],
    input.illustrative,
  ]);
}

/** Whether an incoming row says what the stored incident says (then importing it again changes nothing). */
export function sameIncident(stored: IncidentInputParsed, incoming: IncidentInputParsed): boolean {
  return canonical(stored) === canonical(incoming);
}
