import { randomUUID } from 'node:crypto';
import type { IncidentInputParsed } from '../../shared/incidents.ts';
import type { Db } from '../../db/index.ts';
import { appendAuditEntries, organisationIdsForCodes, type Actor } from '../auth/index.ts';
import { ACTOR_LINKS, insertRows, RELEASES, SOURCES, TAGS, type BulkTable, type BulkValue } from './bulk.repo.ts';
import type { QueuedReport, ReportOutcome, WrittenReport } from './report-batch.ts';
import { insertReportedIncidents, REPORTED_INCIDENTS, reportsByIdempotencyKeys } from './reports.repo.ts';
import { applyToSummary, contributionsOf } from './summary.ts';
import { contentColumns, detailRows, newIncidentColumns, recordsById, resolveActors, writeEvents } from './write.ts';

/*
 * A batch of field reports written together: one statement per table for all
 * of them (incidents, sources, actor links, tags, releases, stream events,
 * audit rows), inside the batch's transaction. What could refuse one report
 * (an Idempotency-Key sent twice in the batch, a taken external id, an unknown
 * organisation) makes the whole attempt throw; the caller then rolls it back
 * and writes the reports one at a time, each in a savepoint of its own, so
 * that the one at fault is refused alone (report-batch.ts).
 */

/** Thrown when a batch names one Idempotency-Key twice: written one at a time, the second answers with the first. */
class KeyTwiceInBatch extends Error {}

/** Writes the reports; an outcome per report, in order. Throws when one of them cannot be written with the others. */
export async function writeReportsTogether(trx: Db, reports: readonly QueuedReport[], now: string): Promise<ReportOutcome[]> {
  const earlier = await earlierReports(trx, reports);
  const fresh = reports.filter((report) => !earlier.has(report));
  const releaseIds = await releaseIdsByCode(trx, fresh);
  const actorRefs = await resolveActors(trx, fresh.flatMap((report) => report.parsed.actors), now);
  const ids = fresh.map(() => randomUUID());
  const incidents: BulkValue[][] = [];
  const sources: BulkValue[][] = [];
  const links: BulkValue[][] = [];
  const tags: BulkValue[][] = [];
  const releases: BulkValue[][] = [];
  fresh.forEach((report, at) => {
    const id = ids[at]!;
    incidents.push(valuesOf(REPORTED_INCIDENTS, incidentRow(report, id, now)));
    const details = detailRows(id, report.parsed, actorRefs);
    for (const source of details.sources) sources.push(valuesOf(SOURCES, source));
    const linked = new Set<string>();
    for (const link of details.actors) {
      // One row per actor and role, as insertDetails keeps them.
      const key = `${link.actor_id} ${link.role}`;
      if (linked.has(key)) continue;
      linked.add(key);
      links.push(valuesOf(ACTOR_LINKS, link));
    }
    for (const tag of details.tags) tags.push(valuesOf(TAGS, tag));
    if (report.parsed.classification === 'RESTRICTED') {
      for (const organisationId of new Set(report.parsed.releasableTo.map((code) => releaseIds.get(code)!))) releases.push(['incidents', id, organisationId]);
    }
  });
  if (fresh.length > 0) {
    await insertReportedIncidents(trx, incidents);
    await insertRows(trx, SOURCES, sources);
    await insertRows(trx, ACTOR_LINKS, links);
    await insertRows(trx, TAGS, tags);
    await insertRows(trx, RELEASES, releases);
  }
  const written = await recordReports(trx, fresh.map(({ actor, parsed }, at) => ({ actor, parsed, id: ids[at]! })), now);
  const outcomes = new Map(fresh.map((report, at) => [report, written[at]!]));
  return reports.map((report) => outcomes.get(report) ?? earlier.get(report)!);
}

/** A report whose incident row and details are written. */
export interface InsertedReport {
  actor: Actor;
  parsed: IncidentInputParsed;
  id: string;
}

/**
 * What follows a batch's inserts, for all its reports at once: the incidents read back as written
 * (so that each answer is what a reader of the incident gets afterwards), their stream events, the
 * weekly summary and an audit row each. The outcomes in the reports' order.
 */
export async function recordReports(trx: Db, reports: readonly InsertedReport[], now: string): Promise<WrittenReport[]> {
  const records = await recordsById(trx, reports.map(({ id }) => id));
  const written = reports.map(({ id }) => records.get(id)!);
  const answers = await writeEvents(trx, written.map((record) => ({ type: 'incident.created', record })), now);
  await applyToSummary(trx, [], await contributionsOf(trx, written));
  await appendAuditEntries(
    trx,
    reports.map(({ actor, parsed: { type, title, classification }, id }) => (
      { actor, action: 'create', entityType: 'incident', entityId: id, details: { version: 1, type, title, classification } }
    )),
  );
  return written.map((record, at) => ({ kind: 'written', record, answer: answers[at]! }));
}

/** Reports whose Idempotency-Key their reporter used before: what was written then. */
async function earlierReports(trx: Db, reports: readonly QueuedReport[]): Promise<Map<QueuedReport, ReportOutcome>> {
  const keyed = new Map<string, QueuedReport>();
  for (const report of reports) {
    if (report.idempotencyKey === undefined) continue;
    const key = `${report.actor.userId} ${report.idempotencyKey}`;
    if (keyed.has(key)) throw new KeyTwiceInBatch(`the Idempotency-Key ${report.idempotencyKey} came twice in one batch`);
    keyed.set(key, report);
  }
  const earlier = new Map<QueuedReport, ReportOutcome>();
  const keysByReporter = new Map<string, string[]>();
  for (const report of keyed.values()) keysByReporter.set(report.actor.userId, [...(keysByReporter.get(report.actor.userId) ?? []), report.idempotencyKey!]);
  for (const [reporterId, keys] of keysByReporter) {
    for (const row of await reportsByIdempotencyKeys(trx, reporterId, keys)) {
      earlier.set(keyed.get(`${reporterId} ${row.idempotency_key}`)!, { kind: 'earlier', id: row.id, hash: row.idempotency_hash });
    }
  }
  return earlier;
}

/** Organisation ids of the codes restricted reports are releasable to; throws naming any unknown code. */
async function releaseIdsByCode(trx: Db, reports: readonly QueuedReport[]): Promise<Map<string, string>> {
  const codes = [...new Set(reports.flatMap(({ parsed }) => (parsed.classification === 'RESTRICTED' ? parsed.releasableTo : [])))];
  if (codes.length === 0) return new Map();
  const ids = await organisationIdsForCodes(trx, codes);
  return new Map(codes.map((code, at) => [code, ids[at]!]));
}

function incidentRow({ actor, parsed, hash, idempotencyKey, areas }: QueuedReport, id: string, now: string): Record<string, BulkValue> {
  return {
    ...contentColumns(parsed, { areas, now }),
    ...newIncidentColumns(actor, now),
    id,
    idempotency_key: idempotencyKey ?? null,
    idempotency_hash: idempotencyKey ? hash : null,
  };
}

/** A row object as the values of a bulk table's columns, in order; a column the object lacks is a mistake here, not a null. */
function valuesOf(table: BulkTable, row: object): BulkValue[] {
  return table.columns.map(({ name }) => {
    const value = (row as Record<string, BulkValue | undefined>)[name];
    if (value === undefined) throw new Error(`a ${table.name} row has no ${name}`);
    return value;
  });
}
