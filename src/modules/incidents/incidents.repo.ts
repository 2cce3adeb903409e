import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../../db/index.ts';
import { indexNewRows } from '../../db/dialect.ts';
import type { IncidentHistoryTable, IncidentSourcesTable, IncidentsTable } from '../../db/tables/incidents.ts';
import { visibleTo, type Viewer } from '../auth/index.ts';

/*
 * Incidents and what hangs off them (sources, actor links, tags, releases,
 * history): writes, and reads by id. Lists and aggregates are in query.repo.ts.
 */

export type NewIncidentRow = Insertable<IncidentsTable>;
export type IncidentChanges = Updateable<IncidentsTable>;

/** The columns a reader needs; search_text and the idempotency hash stay in the database. */
export const INCIDENT_COLUMNS = [
  'i.id', 'i.type', 'i.title', 'i.description', 'i.occurred_at', 'i.occurred_ms', 'i.occurred_precision', 'i.reported_at',
  'i.lon', 'i.lat', 'i.location_precision', 'i.place_name',
  'i.adm1_pcode', 'i.adm1_name', 'i.adm2_pcode', 'i.adm2_name', 'i.adm3_pcode', 'i.adm3_name',
  'i.killed', 'i.injured', 'i.abducted', 'i.displaced',
  'i.verification', 'i.verified_by', 'i.verified_at', 'i.verification_note', 'i.reporter_id',
  'i.classification', 'i.owner_org_id', 'i.external_system', 'i.external_id', 'i.illustrative', 'i.merged_into',
  'i.version', 'i.created_at', 'i.updated_at',
] as const;

export type IncidentRow = Omit<Selectable<IncidentsTable>, 'seq' | 'search_text' | 'idempotency_key' | 'idempotency_hash' | 'occurred_week' | 'type_code'> & {
  owner_code: string;
  reporter_username: string;
  reporter_org_code: string;
  verifier_username: string | null;
  verifier_org_code: string | null;
};

export function selectIncidentRows(db: Db) {
  return db
    .selectFrom('incidents as i')
    .innerJoin('organisations as owner', 'owner.id', 'i.owner_org_id')
    .innerJoin('users as reporter', 'reporter.id', 'i.reporter_id')
    .innerJoin('organisations as reporter_org', 'reporter_org.id', 'reporter.organisation_id')
    .leftJoin('users as verifier', 'verifier.id', 'i.verified_by')
    .leftJoin('organisations as verifier_org', 'verifier_org.id', 'verifier.organisation_id')
    .select(INCIDENT_COLUMNS)
    .select(['owner.code as owner_code', 'reporter.username as reporter_username', 'reporter_org.code as reporter_org_code'])
    .select(['verifier.username as verifier_username', 'verifier_org.code as verifier_org_code']);
}

/** Rows by id, in no particular order; viewer null reads regardless of releasability (inside a change). */
export async function findRows(db: Db, ids: readonly string[], viewer: Viewer | null): Promise<IncidentRow[]> {
  const rows: IncidentRow[] = [];
  for (const chunk of chunks(ids)) {
    let query = selectIncidentRows(db).where('i.id', 'in', chunk);
    if (viewer) query = query.where(visibleTo(viewer, 'incidents', 'i'));
    rows.push(...(await query.execute()));
  }
  return rows;
}

export async function findByIdempotencyKey(db: Db, reporterId: string, key: string): Promise<{ id: string; idempotency_hash: string | null } | undefined> {
  return db.selectFrom('incidents').select(['id', 'idempotency_hash']).where('reporter_id', '=', reporterId).where('idempotency_key', '=', key).executeTakeFirst();
}

export interface ExternalMatch {
  id: string;
  version: number;
  reporter_id: string;
  owner_org_id: string;
  merged_into: string | null;
}

/** The incidents already imported from a system, by their id there. */
export async function findByExternalIds(db: Db, system: string, externalIds: readonly string[]): Promise<Map<string, ExternalMatch>> {
  const found = new Map<string, ExternalMatch>();
  for (const chunk of chunks(externalIds)) {
    const rows = await db
      .selectFrom('incidents')
      .select(['id', 'external_id', 'version', 'reporter_id', 'owner_org_id', 'merged_into'])
      .where('external_system', '=', system)
      .where('external_id', 'in', chunk)
      .execute();
    for (const row of rows) found.set(row.external_id!, { id: row.id, version: row.version, reporter_id: row.reporter_id, owner_org_id: row.owner_org_id, merged_into: row.merged_into });
  }
  return found;
}

export async function insertIncidents(trx: Db, rows: readonly NewIncidentRow[]): Promise<void> {
  for (const chunk of chunks(rows, 400)) {
    await trx.insertInto('incidents').values(chunk).execute();
    await indexNewRows(trx, { table: 'incidents', ids: chunk.map((r) => r.id), lon: 'lon', lat: 'lat', time: 'occurred_ms', category: 'type_code', text: 'search_text' });
  }
}

/** Applies changes if the incident is still at the expected version; false when someone changed it first. */
export async function updateIfVersion(trx: Db, id: string, expectedVersion: number, changes: IncidentChanges): Promise<boolean> {
  const result = await trx.updateTable('incidents').set(changes).where('id', '=', id).where('version', '=', expectedVersion).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function currentVersion(db: Db, id: string): Promise<number | undefined> {
  return (await db.selectFrom('incidents').select('version').where('id', '=', id).executeTakeFirst())?.version;
}

export interface ActorLink {
  incident_id: string;
  actor_id: string;
  role: string;
}

export interface IncidentDetails {
  sources: IncidentSourcesTable[];
  actors: ActorLink[];
  tags: { incident_id: string; tag: string }[];
}

export async function insertDetails(trx: Db, { sources, actors, tags }: IncidentDetails): Promise<void> {
  for (const chunk of chunks(sources, 1000)) await trx.insertInto('incident_sources').values(chunk).execute();
  for (const chunk of chunks(dedupe(actors, (a) => `${a.incident_id} ${a.actor_id} ${a.role}`), 2000)) await trx.insertInto('incident_actors').values(chunk).execute();
  for (const chunk of chunks(dedupe(tags, (t) => `${t.incident_id} ${t.tag}`), 2000)) await trx.insertInto('incident_tags').values(chunk).execute();
}

/** Removes the sources, actor links and tags of incidents (before writing their new ones). */
export async function deleteDetails(trx: Db, ids: readonly string[]): Promise<void> {
  for (const chunk of chunks(ids)) {
    await trx.deleteFrom('incident_sources').where('incident_id', 'in', chunk).execute();
    await trx.deleteFrom('incident_actors').where('incident_id', 'in', chunk).execute();
    await trx.deleteFrom('incident_tags').where('incident_id', 'in', chunk).execute();
  }
}

export interface LoadedDetails {
  sources: Map<string, IncidentSourcesTable[]>;
  actors: Map<string, { id: string; name: string; kind: string; role: string }[]>;
  tags: Map<string, string[]>;
  releases: Map<string, { organisationId: string; code: string }[]>;
}

/** Sources, actors, tags and releasable-to lists of many incidents, in four queries per 500. */
export async function loadDetails(db: Db, ids: readonly string[]): Promise<LoadedDetails> {
  const details: LoadedDetails = { sources: new Map(), actors: new Map(), tags: new Map(), releases: new Map() };
  const push = <T>(map: Map<string, T[]>, key: string, value: T) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  for (const chunk of chunks(ids)) {
    const sources = await db.selectFrom('incident_sources').selectAll().where('incident_id', 'in', chunk).orderBy('incident_id').orderBy('position').execute();
    for (const source of sources) push(details.sources, source.incident_id, source);
    const actors = await db
      .selectFrom('incident_actors as ia')
      .innerJoin('actors as a', 'a.id', 'ia.actor_id')
      .select(['ia.incident_id', 'a.id', 'a.name', 'a.kind', 'ia.role'])
      .where('ia.incident_id', 'in', chunk)
      .orderBy('ia.incident_id')
      .orderBy('ia.role')
      .orderBy('a.name')
      .execute();
    for (const { incident_id, ...actor } of actors) push(details.actors, incident_id, actor);
    const tags = await db.selectFrom('incident_tags').selectAll().where('incident_id', 'in', chunk).orderBy('incident_id').orderBy('tag').execute();
    for (const tag of tags) push(details.tags, tag.incident_id, tag.tag);
    const releases = await db
      .selectFrom('record_releases as r')
      .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
      .select(['r.record_id', 'r.organisation_id', 'o.code'])
      .where('r.entity_type', '=', 'incidents')
      .where('r.record_id', 'in', chunk)
      .orderBy('o.code')
      .execute();
    for (const release of releases) push(details.releases, release.record_id, { organisationId: release.organisation_id, code: release.code });
  }
  return details;
}

/** The releasable-to lists of many incidents at once (inside an import). */
export async function insertReleases(trx: Db, releases: readonly { record_id: string; organisation_id: string }[]): Promise<void> {
  const rows = dedupe(releases, (r) => `${r.record_id} ${r.organisation_id}`).map((r) => ({ entity_type: 'incidents', ...r }));
  for (const chunk of chunks(rows, 2000)) await trx.insertInto('record_releases').values(chunk).execute();
}

export async function deleteReleases(trx: Db, ids: readonly string[]): Promise<void> {
  for (const chunk of chunks(ids)) await trx.deleteFrom('record_releases').where('entity_type', '=', 'incidents').where('record_id', 'in', chunk).execute();
}

/** Of these incident ids, the ones the viewer may see. */
export async function visibleIds(db: Db, viewer: Viewer, ids: readonly string[]): Promise<Set<string>> {
  const visible = new Set<string>();
  for (const chunk of chunks([...new Set(ids)])) {
    const rows = await db.selectFrom('incidents as i').select('i.id').where('i.id', 'in', chunk).where(visibleTo(viewer, 'incidents', 'i')).execute();
    for (const row of rows) visible.add(row.id);
  }
  return visible;
}

export async function insertHistory(trx: Db, rows: readonly IncidentHistoryTable[]): Promise<void> {
  for (const chunk of chunks(rows, 500)) await trx.insertInto('incident_history').values(chunk).execute();
}

export async function listHistory(db: Db, incidentId: string): Promise<(IncidentHistoryTable & { username: string | null; org_code: string | null; org_id: string | null })[]> {
  return db
    .selectFrom('incident_history as h')
    .leftJoin('users as u', 'u.id', 'h.actor_user_id')
    .leftJoin('organisations as o', 'o.id', 'u.organisation_id')
    .selectAll('h')
    .select(['u.username as username', 'o.code as org_code', 'o.id as org_id'])
    .where('h.incident_id', '=', incidentId)
    .orderBy('h.version')
    .execute();
}

/** Every organisation with whether it is a mission member: to reason about who sees what. */
export async function allOrganisations(db: Db): Promise<{ id: string; code: string; is_mission_member: number }[]> {
  return db.selectFrom('organisations').select(['id', 'code', 'is_mission_member']).execute();
}

export function chunks<T>(items: readonly T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}

function dedupe<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * The actor a command-line user or the demo loader acts as (no session: the
 * caller is trusted to run as that user, as an administrator on the host is).
 */
export async function findActorByUsername(db: Db, username: string) {
  const user = await db
    .selectFrom('users as u')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select(['u.id', 'u.username', 'u.disabled', 'o.id as organisation_id', 'o.code', 'o.is_mission_member'])
    .where('u.username', '=', username)
    .executeTakeFirst();
  if (!user) return undefined;
  const roles = await db.selectFrom('user_roles').select('role').where('user_id', '=', user.id).orderBy('role').execute();
  return { user, roles: roles.map((r) => r.role) };
}
