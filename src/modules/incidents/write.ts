import { createHash, randomUUID } from 'node:crypto';
import { INCIDENT_TYPE_CODES, type AdminAreas, type IncidentInputParsed, type Incident } from '../../shared/incidents.ts';
import type { Db } from '../../db/index.ts';
import type { ActorsTable } from '../../db/tables/incidents.ts';
import type { Actor } from '../auth/index.ts';
import type { AdminAreaLookup } from './admin-areas.ts';
import * as actorsRepo from './actors.repo.ts';
import { EVENTS, insertRows } from './bulk.repo.ts';
import * as eventsRepo from './events.repo.ts';
import * as repo from './incidents.repo.ts';
import { labelsOf, loadRecords, presentIncident, type IncidentRecord } from './present.ts';
import { actorNameKey, searchTextOf } from './text.ts';
import { isoWeekMonday } from './time.ts';

/*
 * The pieces every change is made of, shared by single reports, edits and
 * bulk imports: turning parsed input into rows, finding or registering the
 * actors it names, and writing the stream events of what changed.
 */

export type IncidentEventType = 'incident.created' | 'incident.updated' | 'incident.verified' | 'incident.merged';

/** An actor as the registry has it. */
export interface ActorRef {
  id: string;
  name: string;
  kind: string;
}

/** The registry's entries for the actors named (registering new names), by folded name. */
export async function resolveActors(trx: Db, named: readonly { name: string; kind?: string | undefined }[], now: string): Promise<Map<string, ActorRef>> {
  const wanted = new Map<string, { name: string; kind?: string | undefined }>();
  for (const actor of named) {
    const key = actorNameKey(actor.name);
    const seen = wanted.get(key);
    if (!seen || (!seen.kind && actor.kind)) wanted.set(key, actor);
  }
  const existing = await actorsRepo.findByKeys(trx, [...wanted.keys()]);
  const fresh: ActorsTable[] = [];
  const refs = new Map<string, ActorRef>();
  for (const [key, actor] of wanted) {
    const found = existing.get(key);
    if (!found) {
      const row = { id: randomUUID(), name: actor.name, name_key: key, kind: actor.kind ?? 'other', created_by: null, created_at: now, updated_at: now };
      fresh.push(row);
      refs.set(key, { id: row.id, name: row.name, kind: row.kind });
    } else if (found.kind === 'other' && actor.kind && actor.kind !== 'other') {
      // A report that knows the kind teaches the registry, never the reverse.
      await actorsRepo.setKind(trx, found.id, actor.kind, now);
      refs.set(key, { id: found.id, name: found.name, kind: actor.kind });
    } else {
      refs.set(key, { id: found.id, name: found.name, kind: found.kind });
    }
  }
  // Concurrent reports may name the same new actor (PostgreSQL runs them side by side): the first
  // to commit registers it, and the others use its row.
  await actorsRepo.insertMissingActors(trx, fresh);
  if (fresh.length > 0) {
    const stored = await actorsRepo.findByKeys(trx, fresh.map((row) => row.name_key));
    for (const row of fresh) {
      const winner = stored.get(row.name_key)!;
      refs.set(row.name_key, { id: winner.id, name: winner.name, kind: winner.kind });
    }
  }
  return refs;
}

export interface RowContext {
  areas: AdminAreaLookup | null;
  now: string;
}

/** The incident's own columns from parsed input (not its identity, version or verification). */
export function contentColumns(input: IncidentInputParsed, { areas, now }: RowContext) {
  const { lon, lat } = input.location;
  const admin = areas?.lookup(lon, lat) ?? null;
  const occurredMs = Date.parse(input.occurredAt);
  return {
    type: input.type,
    type_code: INCIDENT_TYPE_CODES[input.type],
    title: input.title,
    description: input.description,
    occurred_at: new Date(occurredMs).toISOString(),
    occurred_ms: occurredMs,
    occurred_week: isoWeekMonday(occurredMs),
    occurred_precision: input.occurredPrecision,
    lon,
    lat,
    location_precision: input.location.precision,
    place_name: input.location.placeName ?? null,
    adm1_pcode: admin?.adm1Pcode ?? null,
    adm1_name: admin?.adm1Name ?? null,
    adm2_pcode: admin?.adm2Pcode ?? null,
    adm2_name: admin?.adm2Name ?? null,
    adm3_pcode: admin?.adm3Pcode ?? null,
    adm3_name: admin?.adm3Name ?? null,
    killed: input.counts.killed,
    injured: input.counts.injured,
    abducted: input.counts.abducted,
    displaced: input.counts.displaced,
    classification: input.classification,
    external_system: input.external?.system ?? null,
    external_id: input.external?.id ?? null,
    illustrative: input.illustrative ? 1 : 0,
    search_text: searchTextFor(input, admin),
    updated_at: now,
  };
}

/** The columns of an incident just reported by `actor`: unverified, at its first version. */
export function newIncidentColumns(actor: Actor, now: string) {
  return {
    reported_at: now,
    verification: 'unverified' as const,
    verified_by: null,
    verified_at: null,
    verification_note: null,
    reporter_id: actor.userId,
    owner_org_id: actor.organisationId,
    merged_into: null,
    version: 1,
    created_at: now,
  };
}

/** What full-text search reads of an incident. */
export function searchTextFor(input: IncidentInputParsed, admin: AdminAreas | null): string {
  return searchTextOf([
    input.title,
    input.description,
    input.location.placeName,
    admin?.adm1Name,
    admin?.adm2Name,
    admin?.adm3Name,
    ...input.actors.map((a) => a.name),
    ...input.tags,
  ]);
}

/** Sources, actor links and tags of one incident, as rows. */
export function detailRows(incidentId: string, input: IncidentInputParsed, actors: ReadonlyMap<string, ActorRef>): repo.IncidentDetails {
  return {
    sources: input.sources.map((s, position) => ({
      incident_id: incidentId,
      position,
      name: s.name,
      url: s.url ?? null,
      reliability: s.reliability,
      credibility: s.credibility,
      reported_at: s.reportedAt ?? null,
    })),
    actors: input.actors.map((a) => ({ incident_id: incidentId, actor_id: actors.get(actorNameKey(a.name))!.id, role: a.role })),
    tags: [...new Set(input.tags)].map((tag) => ({ incident_id: incidentId, tag })),
  };
}

export function mergeDetails(parts: readonly repo.IncidentDetails[]): repo.IncidentDetails {
  return { sources: parts.flatMap((p) => p.sources), actors: parts.flatMap((p) => p.actors), tags: parts.flatMap((p) => p.tags) };
}

/** sha256 of a request, to tell a retry from a different request under the same idempotency key. */
export function requestHash(input: IncidentInputParsed): string {
  return createHash('sha256').update(JSON.stringify(input)).digest('hex');
}

/** Records of incidents by id, read inside a change regardless of releasability. */
export async function recordsById(trx: Db, ids: readonly string[]): Promise<Map<string, IncidentRecord>> {
  const records = await loadRecords(trx, await repo.findRows(trx, ids, null));
  return new Map(records.map((r) => [r.row.id, r]));
}

export interface PendingEvent {
  type: IncidentEventType;
  record: IncidentRecord;
  /** For a merge: the survivor, whose label decides who learns where the duplicate went. */
  survivor?: IncidentRecord;
}

/**
 * Writes stream events inside the change's transaction, with each incident as
 * it now is. It takes the event writers' lock first (held to commit), so that
 * sequence numbers follow commit order; call it before appendAudit, whose lock
 * comes second everywhere, so that two writers never wait on each other.
 * Returns each event's payload: the incident as its owner sees it, as JSON.
 */
export async function writeEvents(trx: Db, events: readonly PendingEvent[], now: string): Promise<string[]> {
  await eventsRepo.lockEventWriters(trx);
  const payloads = events.map(({ record }) => JSON.stringify(presentIncident(record)));
  const rows = events.map(({ type, record, survivor }, at) => [
    now,
    type,
    record.row.id,
    JSON.stringify(labelsOf(record)),
    survivor ? JSON.stringify(labelsOf(survivor)) : null,
    payloads[at]!,
  ]);
  await insertRows(trx, EVENTS, rows);
  return payloads;
}

/** A history row: the incident before and after one change. */
export function historyRow(before: Incident, after: Incident, action: string, actor: Actor | null, now: string) {
  return { incident_id: after.id, version: after.version, action, at: now, actor_user_id: actor?.userId ?? null, before: JSON.stringify(before), after: JSON.stringify(after) };
}
