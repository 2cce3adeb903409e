import type { ExpressionBuilder } from 'kysely';
import type { DB, Db } from '../../db/index.ts';
import type { ActorsTable } from '../../db/tables/incidents.ts';
import { visibleTo, type Viewer } from '../auth/index.ts';
import { chunks } from './incidents.repo.ts';

/*
 * The actor registry. An actor is shown to a reader when the registry lists
 * it on purpose (an analyst entered it) or when an incident the reader may
 * see names it: a name known only from a restricted report stays restricted.
 */

export async function findByKeys(db: Db, keys: readonly string[]): Promise<Map<string, ActorsTable>> {
  const found = new Map<string, ActorsTable>();
  for (const chunk of chunks([...new Set(keys)])) {
    for (const row of await db.selectFrom('actors').selectAll().where('name_key', 'in', chunk).execute()) found.set(row.name_key, row);
  }
  return found;
}

export async function insertActors(trx: Db, rows: readonly ActorsTable[]): Promise<void> {
  for (const chunk of chunks(rows, 500)) await trx.insertInto('actors').values(chunk).execute();
}

/** Inserts the actors whose name is not registered yet: a row another report committed meanwhile stays. */
export async function insertMissingActors(trx: Db, rows: readonly ActorsTable[]): Promise<void> {
  for (const chunk of chunks(rows, 500)) await trx.insertInto('actors').values(chunk).onConflict((oc) => oc.column('name_key').doNothing()).execute();
}

export async function setKind(trx: Db, id: string, kind: string, at: string): Promise<void> {
  await trx.updateTable('actors').set({ kind, updated_at: at }).where('id', '=', id).execute();
}

export async function updateActor(trx: Db, id: string, changes: Partial<Pick<ActorsTable, 'name' | 'name_key' | 'kind'>> & { updated_at: string }): Promise<void> {
  await trx.updateTable('actors').set(changes).where('id', '=', id).execute();
}

function visibleIncidentCount(viewer: Viewer) {
  return (eb: ExpressionBuilder<DB & { a: ActorsTable }, 'a'>) =>
    eb
      .selectFrom('incident_actors as ia')
      .innerJoin('incidents as i', 'i.id', 'ia.incident_id')
      .select((inner) => inner.fn.countAll<number>().as('n'))
      .whereRef('ia.actor_id', '=', 'a.id')
      .where(visibleTo(viewer, 'incidents', 'i'));
}

export type ActorListRow = ActorsTable & { incidents: number };

/** Actors the viewer may know of, with how many incidents it may see name each. */
export async function listVisible(db: Db, viewer: Viewer, { q, kind, limit }: { q?: string | undefined; kind?: string | undefined; limit: number }): Promise<ActorListRow[]> {
  let query = db.selectFrom('actors as a').selectAll('a').select((eb) => visibleIncidentCount(viewer)(eb).as('incidents'));
  if (q) query = query.where('a.name_key', 'like', `%${q.replace(/[%_\\]/g, '')}%`);
  if (kind) query = query.where('a.kind', '=', kind);
  const rows = await db
    .selectFrom(query.as('listed'))
    .selectAll()
    .where((eb) => eb.or([eb('listed.created_by', 'is not', null), eb('listed.incidents', '>', 0)]))
    .orderBy('listed.name_key')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ ...row, incidents: Number(row.incidents) }));
}

export async function findVisible(db: Db, viewer: Viewer, id: string): Promise<ActorListRow | undefined> {
  const row = await db
    .selectFrom('actors as a')
    .selectAll('a')
    .select((eb) => visibleIncidentCount(viewer)(eb).as('incidents'))
    .where('a.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const incidents = Number(row.incidents);
  return row.created_by !== null || incidents > 0 ? { ...row, incidents } : undefined;
}

/** Registry ids for names or ids as a filter gives them. */
export async function resolveIds(db: Db, idsOrKeys: readonly string[]): Promise<string[]> {
  if (idsOrKeys.length === 0) return [];
  const rows = await db
    .selectFrom('actors')
    .select('id')
    .where((eb) => eb.or([eb('id', 'in', idsOrKeys), eb('name_key', 'in', idsOrKeys)]))
    .execute();
  return rows.map((row) => row.id);
}

