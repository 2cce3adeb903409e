import type { IncidentInputParsed } from '../../shared/incidents.ts';
import type { Actor } from '../auth/index.ts';
import type { AdminAreaLookup } from './admin-areas.ts';
import type { BulkValue } from './bulk.repo.ts';
import type { IncidentRow } from './incidents.repo.ts';
import { labelsOf, presentIncident, type IncidentRecord } from './present.ts';
import { actorNameKey } from './text.ts';
import { timeOrderedId } from './time-ordered-id.ts';
import { contentColumns, newIncidentColumns, type ActorRef } from './write.ts';

/*
 * The rows a batch of new incidents is written as, in bulk.repo's column
 * orders, built in one pass per incident with no intermediate objects, and
 * the record each incident's stream event and summary contribution are made
 * from (imports are large: nothing is read back).
 */

/** One valid row of an import: the parsed input and its releasable-to organisation ids. */
export interface ValidRow {
  line: number;
  input: IncidentInputParsed;
  releaseIds: string[];
}

export interface NewIncidentsContext {
  actor: Actor;
  areas: AdminAreaLookup | null;
  now: string;
  /** The registry's entries for the actors the batch names, by folded name. */
  actors: ReadonlyMap<string, ActorRef>;
  /** Organisation code by id, for the records' releasable-to lists. */
  codes: ReadonlyMap<string, string>;
}

export interface NewIncidentRows {
  incidents: BulkValue[][];
  sources: BulkValue[][];
  actorLinks: BulkValue[][];
  tags: BulkValue[][];
  releases: BulkValue[][];
  events: BulkValue[][];
  records: IncidentRecord[];
}

/** The rows of a batch of new incidents, with their stream events ('incident.created'). */
export function newIncidentRows(batch: readonly ValidRow[], context: NewIncidentsContext): NewIncidentRows {
  const out: NewIncidentRows = { incidents: [], sources: [], actorLinks: [], tags: [], releases: [], events: [], records: [] };
  for (const valid of batch) {
    const { record, typeCode, week, searchText } = newRecord(valid, context);
    const { row } = record;
    out.records.push(record);
    out.incidents.push([
      row.id, row.type, typeCode, row.title, row.description, row.occurred_at, row.occurred_ms, week, row.occurred_precision, row.reported_at,
      row.lon, row.lat, row.location_precision, row.place_name, row.adm1_pcode, row.adm1_name, row.adm2_pcode, row.adm2_name, row.adm3_pcode, row.adm3_name,
      row.killed, row.injured, row.abducted, row.displaced, row.verification, row.reporter_id, row.classification, row.owner_org_id,
      row.external_system, row.external_id, row.illustrative, row.version, searchText, row.created_at, row.updated_at,
    ]);
    record.sources.forEach((s, position) => out.sources.push([row.id, position, s.name, s.url, s.reliability, s.credibility, s.reported_at]));
    for (const a of record.actors) out.actorLinks.push([row.id, a.id, a.role]);
    for (const tag of record.tags) out.tags.push([row.id, tag]);
    for (const release of record.releases) out.releases.push(['incidents', row.id, release.organisationId]);
    out.events.push([context.now, 'incident.created', row.id, JSON.stringify(labelsOf(record)), null, JSON.stringify(presentIncident(record))]);
  }
  return out;
}

const byCode = (a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
const byRoleThenName = (a: { role: string; name: string }, b: { role: string; name: string }) =>
  a.role === b.role ? (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) : a.role < b.role ? -1 : 1;

/** The record of a new incident as a read would load it (same orders: actors by role and name, tags and releases sorted), and the columns a read does not load. */
function newRecord({ input, releaseIds }: ValidRow, { actor, areas, now, actors, codes }: NewIncidentsContext): { record: IncidentRecord; typeCode: number; week: string; searchText: string } {
  // The same content columns as every other write (write.ts), then what only a new incident has.
  const { type_code: typeCode, occurred_week: week, search_text: searchText, ...content } = contentColumns(input, { areas, now });
  const row: IncidentRow = {
    // In creation order: the id indexes of every table an import writes grow at one end (time-ordered-id.ts).
    id: timeOrderedId(),
    ...content,
    ...newIncidentColumns(actor, now),
    owner_code: actor.organisationCode,
    reporter_username: actor.username,
    reporter_org_code: actor.organisationCode,
    verifier_username: null,
    verifier_org_code: null,
  };
  // The same actor twice in one role is one link (the table's key).
  const linked = new Set<string>();
  const recordActors: IncidentRecord['actors'] = [];
  for (const a of input.actors) {
    const ref = actors.get(actorNameKey(a.name))!;
    if (linked.has(`${ref.id} ${a.role}`)) continue;
    linked.add(`${ref.id} ${a.role}`);
    recordActors.push({ id: ref.id, name: ref.name, kind: ref.kind, role: a.role });
  }
  const record: IncidentRecord = {
    row,
    sources: input.sources.map((s) => ({ name: s.name, url: s.url ?? null, reliability: s.reliability, credibility: s.credibility, reported_at: s.reportedAt ?? null })),
    actors: recordActors.sort(byRoleThenName),
    tags: [...new Set(input.tags)].sort(),
    releases: releaseIds.map((organisationId) => ({ organisationId, code: codes.get(organisationId)! })).sort(byCode),
  };
  return { record, typeCode, week, searchText };
}
