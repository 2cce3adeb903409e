import { AppError, notFound } from '../../shared/errors.ts';
import { IncidentPatch, type HistoryEntry, type Incident, type IncidentInput, type IncidentInputParsed } from '../../shared/incidents.ts';
import type { Db } from '../../db/index.ts';
import { isUniqueViolation } from '../../db/dialect.ts';
import { appendAudit, organisationIdsForCodes, setReleasableTo, type Actor, type Viewer } from '../auth/index.ts';
import { adminAreasIn, type AdminAreaLookup } from './admin-areas.ts';
import * as repo from './incidents.repo.ts';
import { assertMayEdit, assertMayReport } from './incidents.policy.ts';
import { loadRecords, presentFor, presentIncident, redactFor, toExportable, type IncidentRecord } from './present.ts';
import { streamBus } from './stream/bus.ts';
import { writeReport } from './report-batch.ts';
import { affectedBy, applyToSummary, contributionsOf, recordsOf } from './summary.ts';
import { invalid, plausibilityIssues, validIncident } from './validate.ts';
import { contentColumns, detailRows, historyRow, recordsById, requestHash, resolveActors, writeEvents } from './write.ts';

/*
 * Reporting, reading and editing one incident. Every change is one
 * transaction with its audit row, its history row and its stream event.
 */

/** Where admin areas come from: given, or the datasets folder of the process. */
export interface AreaSource {
  /** The admin-area index to use; by default the one of the process's datasets folder. */
  areas?: AdminAreaLookup | null;
}

async function areasFrom(source: AreaSource): Promise<AdminAreaLookup | null> {
  return source.areas === undefined ? adminAreasIn() : source.areas;
}

export interface ReportIncidentProps extends AreaSource {
  db: Db;
  actor: Actor;
  input: IncidentInput;
  /** The client's Idempotency-Key: a retry with the same key returns the first result. */
  idempotencyKey?: string | undefined;
}

export interface ReportResult {
  incident: Incident;
  /** The incident as JSON, as it is sent (and as the live stream carries it). */
  json: string;
  /** True when the idempotency key had been seen: nothing new was written. */
  replayed: boolean;
}

export async function reportIncident(props: ReportIncidentProps): Promise<ReportResult> {
  assertMayReport(props.actor);
  return reportParsedIncident({ ...props, parsed: validIncident(props.input, Date.now()) });
}

export interface ReportParsedIncidentProps extends Omit<ReportIncidentProps, 'input'> {
  /** A report already parsed by IncidentInput (by the route's schema): only what the schema cannot say is checked again. */
  parsed: IncidentInputParsed;
}

/** reportIncident for input its schema has parsed already: a report's body is parsed once. */
export async function reportParsedIncident(props: ReportParsedIncidentProps): Promise<ReportResult> {
  const { db, actor, parsed, idempotencyKey } = props;
  assertMayReport(actor);
  const issues = plausibilityIssues(parsed, Date.now());
  if (issues.length > 0) throw invalid(issues);
  const hash = idempotencyKey ? requestHash(parsed) : null;
  const areas = await areasFrom(props);
  try {
    // Written in the next group commit (report-batch.ts) and answered once it has committed. The
    // reporter's organisation owns the incident, so it reads it whole: as presentIncident gives it.
    const outcome = await writeReport(db, { actor, parsed, hash, idempotencyKey, areas });
    if (outcome.kind === 'written') return { incident: presentIncident(outcome.record), json: outcome.answer, replayed: false };
    return replayed(db, actor, outcome.id, outcome.hash, hash);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // Two retries racing with one key: the loser answers with the winner's incident.
    const earlier = idempotencyKey ? await repo.findByIdempotencyKey(db, actor.userId, idempotencyKey) : undefined;
    if (earlier) return replayed(db, actor, earlier.id, earlier.idempotency_hash, hash);
    throw new AppError('CONFLICT', `an incident from ${parsed.external?.system} with id ${parsed.external?.id} exists already; edit it instead of reporting it again`);
  }
}

/** The answer to a report whose Idempotency-Key was used before: the incident then written, if the request is the same. */
async function replayed(db: Db, actor: Actor, id: string, earlierHash: string | null, hash: string | null): Promise<ReportResult> {
  if (earlierHash !== hash) {
    throw new AppError('CONFLICT', 'this Idempotency-Key was used for a different report: use a new key for a new report');
  }
  const incident = await getIncident({ db, viewer: actor, id });
  return { incident, json: JSON.stringify(incident), replayed: true };
}

/** One incident as the viewer may see it; absent and refused look the same. */
export async function getIncident({ db, viewer, id }: { db: Db; viewer: Viewer; id: string }): Promise<Incident> {
  const record = await visibleRecord(db, viewer, id);
  return (await presentFor(db, viewer, [record]))[0]!;
}

export async function visibleRecord(db: Db, viewer: Viewer, id: string): Promise<IncidentRecord> {
  const rows = await repo.findRows(db, [id], viewer);
  if (rows.length === 0) throw notFound('incident');
  return (await loadRecords(db, rows))[0]!;
}

/** The input an incident would be reported with now: what edits start from. */
export function inputOf(record: IncidentRecord): IncidentInputParsed {
  const { id: _id, owner: _owner, verification: _verification, reportedAt: _reportedAt, admin: _admin, ...input } = toExportable(record);
  return input;
}

/** Fields whose change makes an earlier verification no longer vouch for the content. */
const LABEL_ONLY_FIELDS = new Set(['classification', 'releasableTo', 'tags', 'illustrative']);

export interface EditIncidentProps extends AreaSource {
  db: Db;
  actor: Actor;
  id: string;
  patch: IncidentPatch;
}

/** Replaces the fields given, if the incident is still at the version the editor read (else 409). */
export async function editIncident(props: EditIncidentProps): Promise<Incident> {
  const { db, actor, id } = props;
  const { version, changes } = IncidentPatch.parse(props.patch);
  const areas = await areasFrom(props);
  await db.transaction().execute(async (trx) => {
    const before = await visibleRecord(trx, actor, id);
    assertMayEdit(actor, before.row);
    if (before.row.merged_into) throw new AppError('CONFLICT', 'this incident was merged into another; edit that one instead');
    if (before.row.version !== version) throw staleVersion(before.row.version, version);
    const affected = await affectedBy(trx, [id]);
    const contributedBefore = await contributionsOf(trx, await recordsOf(trx, affected));
    const current = inputOf(before);
    const merged = validIncident({ ...current, ...changes }, Date.now());
    const changed = Object.keys(changes).filter((key) => JSON.stringify(current[key as keyof IncidentInputParsed]) !== JSON.stringify(merged[key as keyof IncidentInputParsed]));
    if (changed.length === 0) return;
    const now = new Date().toISOString();
    const unverify = before.row.verification === 'verified' && changed.some((key) => !LABEL_ONLY_FIELDS.has(key));
    const applied = await repo.updateIfVersion(trx, id, version, {
      ...contentColumns(merged, { areas, now }),
      version: version + 1,
      ...(unverify ? { verification: 'unverified', verified_by: null, verified_at: null, verification_note: 'content changed after verification' } : {}),
    });
    if (!applied) throw staleVersion((await repo.currentVersion(trx, id)) ?? version, version);
    const actorRefs = await resolveActors(trx, merged.actors, now);
    await repo.deleteDetails(trx, [id]);
    await repo.insertDetails(trx, detailRows(id, merged, actorRefs));
    await setReleasableTo(trx, 'incidents', id, await organisationIdsForCodes(trx, merged.classification === 'RESTRICTED' ? merged.releasableTo : []));
    const after = (await recordsById(trx, [id])).get(id)!;
    await repo.insertHistory(trx, [historyRow(presentIncident(before), presentIncident(after), 'update', actor, now)]);
    await writeEvents(trx, [{ type: 'incident.updated', record: after }], now);
    await applyToSummary(trx, contributedBefore, await contributionsOf(trx, await recordsOf(trx, affected)));
    await appendAudit(trx, { actor, action: 'update', entityType: 'incident', entityId: id, details: { version: version + 1, changed } });
  });
  streamBus.wake();
  return getIncident({ db, viewer: actor, id });
}

export function staleVersion(current: number, given: number): AppError {
  return new AppError('CONFLICT', `the incident changed since you read it (you sent version ${given}, it is now at version ${current}): reload it and apply your change again`, {
    currentVersion: current,
  });
}

/** Every version of an incident: its creation, then each change with the incident before and after. */
export async function incidentHistory({ db, viewer, id }: { db: Db; viewer: Viewer; id: string }): Promise<HistoryEntry[]> {
  const record = await visibleRecord(db, viewer, id);
  const [current] = await presentFor(db, viewer, [record]);
  const ownerOrgId = record.row.owner_org_id;
  const rows = await repo.listHistory(db, id);
  const snapshot = (json: string) => redactFor(viewer, JSON.parse(json) as Incident, ownerOrgId, current!.mergedInto !== null);
  const insider = viewer.organisationId === ownerOrgId;
  const first = rows[0] ? snapshot(rows[0].before) : current!;
  const created: HistoryEntry = {
    version: 1,
    action: 'create',
    at: record.row.reported_at,
    by: { organisation: record.row.reporter_org_code, username: insider ? record.row.reporter_username : null },
    before: null,
    after: { ...first, version: 1 },
  };
  return [
    created,
    ...rows.map((row) => ({
      version: row.version,
      action: row.action,
      at: row.at,
      by: row.org_code ? { organisation: row.org_code, username: insider ? row.username : null } : null,
      before: snapshot(row.before),
      after: snapshot(row.after),
    })),
  ];
}
