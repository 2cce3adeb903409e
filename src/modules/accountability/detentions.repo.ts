import type { Db } from '../../db/index.ts';
import type { DetaineeIdentitiesTable, DetentionsTable } from '../../db/tables/accountability.ts';
import { visibleTo, type Viewer } from '../auth/index.ts';

/* SQL of the detention register and of the oversight body's settings. */

export type DetentionRow = DetentionsTable & { owner_code: string };

export interface DetentionFilter {
  status?: string | undefined;
  /** Persons still held whose handover deadline is before this instant. */
  overdueAt?: string | undefined;
  limit: number;
}

/** `everything`: the oversight body, which sees the whole register. */
function selectDetentions(db: Db, viewer: Viewer, everything: boolean) {
  const query = db
    .selectFrom('detentions')
    .innerJoin('organisations', 'organisations.id', 'detentions.owner_org_id')
    .selectAll('detentions')
    .select('organisations.code as owner_code');
  return everything ? query : query.where(visibleTo(viewer, 'detentions'));
}

export async function listDetentions(db: Db, viewer: Viewer, everything: boolean, filter: DetentionFilter): Promise<DetentionRow[]> {
  let query = selectDetentions(db, viewer, everything);
  if (filter.status) query = query.where('detentions.status', '=', filter.status);
  if (filter.overdueAt) query = query.where('detentions.status', '=', 'held').where('detentions.handover_due_at', '<', filter.overdueAt);
  return query.orderBy('detentions.detained_at', 'desc').orderBy('detentions.id').limit(filter.limit).execute();
}

export async function findDetention(db: Db, viewer: Viewer, everything: boolean, id: string): Promise<DetentionRow | undefined> {
  return selectDetentions(db, viewer, everything).where('detentions.id', '=', id).executeTakeFirst();
}

export async function countDetentions(db: Db, viewer: Viewer, everything: boolean): Promise<number> {
  let query = db.selectFrom('detentions').select((eb) => eb.fn.countAll().as('count'));
  if (!everything) query = query.where(visibleTo(viewer, 'detentions'));
  return Number((await query.executeTakeFirstOrThrow()).count);
}

/** The identities of those detentions the viewer may see the detainee of. */
export async function identities(db: Db, viewer: Viewer, everything: boolean, ids: readonly string[]): Promise<Map<string, DetaineeIdentitiesTable>> {
  if (ids.length === 0) return new Map();
  let query = db.selectFrom('detainee_identities').selectAll().where('id', 'in', ids);
  if (!everything) query = query.where(visibleTo(viewer, 'detainee_identities'));
  return new Map((await query.execute()).map((row) => [row.id, row]));
}

export async function insertDetention(db: Db, row: DetentionsTable, identity: DetaineeIdentitiesTable): Promise<void> {
  await db.insertInto('detentions').values(row).execute();
  await db.insertInto('detainee_identities').values(identity).execute();
}

export async function updateDetention(db: Db, id: string, changes: Partial<DetentionsTable>): Promise<void> {
  await db.updateTable('detentions').set(changes).where('id', '=', id).execute();
}

export async function readSettings(db: Db) {
  return db.selectFrom('accountability_settings').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
}

export async function writeSettings(db: Db, changes: { handover_deadline_hours: number; stage_days: string; updated_by: string | null; updated_at: string }): Promise<void> {
  await db.updateTable('accountability_settings').set(changes).where('id', '=', 1).execute();
}
