import type { Db } from '../../db/index.ts';
import type { ControlAreaHistoryTable, ControlAreasTable } from '../../db/tables/roads.ts';
import { visibleTo, type Viewer } from '../auth/index.ts';

/** SQL for areas of control and their history. Every read goes through visibleTo. */

export type AreaRow = ControlAreasTable & { owner_code: string };

function selectAreas(db: Db, viewer: Viewer) {
  return db
    .selectFrom('control_areas')
    .innerJoin('organisations', 'organisations.id', 'control_areas.owner_org_id')
    .selectAll('control_areas')
    .select('organisations.code as owner_code')
    .where(visibleTo(viewer, 'control_areas'));
}

export interface AreaQuery {
  /** Only areas in force at this time (ISO); all when absent. */
  asOf?: string | undefined;
  includeWithdrawn?: boolean | undefined;
  limit: number;
}

export async function listVisible(db: Db, viewer: Viewer, { asOf, includeWithdrawn, limit }: AreaQuery): Promise<AreaRow[]> {
  let query = selectAreas(db, viewer);
  if (asOf !== undefined) query = inForceAt(query, asOf);
  if (asOf !== undefined || !includeWithdrawn) query = query.where('control_areas.withdrawn_at', 'is', null);
  return query.orderBy('control_areas.valid_from', 'desc').orderBy('control_areas.id').limit(limit).execute();
}

function inForceAt<Q extends ReturnType<typeof selectAreas>>(query: Q, asOf: string): Q {
  return query
    .where('control_areas.valid_from', '<=', asOf)
    .where((eb) => eb.or([eb('control_areas.valid_to', 'is', null), eb('control_areas.valid_to', '>', asOf)])) as Q;
}

export async function findVisible(db: Db, viewer: Viewer, id: string): Promise<AreaRow | undefined> {
  return selectAreas(db, viewer).where('control_areas.id', '=', id).executeTakeFirst();
}

/** For the system (command line, demo), which acts on every record. */
export async function findAny(db: Db, id: string): Promise<AreaRow | undefined> {
  return db
    .selectFrom('control_areas')
    .innerJoin('organisations', 'organisations.id', 'control_areas.owner_org_id')
    .selectAll('control_areas')
    .select('organisations.code as owner_code')
    .where('control_areas.id', '=', id)
    .executeTakeFirst();
}

export async function insert(trx: Db, row: ControlAreasTable): Promise<void> {
  await trx.insertInto('control_areas').values(row).execute();
}

export async function update(trx: Db, id: string, changes: Partial<ControlAreasTable>): Promise<void> {
  await trx.updateTable('control_areas').set(changes).where('id', '=', id).execute();
}

export async function insertHistory(trx: Db, row: ControlAreaHistoryTable): Promise<void> {
  await trx.insertInto('control_area_history').values(row).execute();
}

/** The history of an area, with the organisation of whoever made each change (null: the system). */
export async function history(db: Db, areaId: string): Promise<(ControlAreaHistoryTable & { by_org: string | null })[]> {
  return db
    .selectFrom('control_area_history')
    .leftJoin('users', 'users.id', 'control_area_history.actor_user_id')
    .leftJoin('organisations', 'organisations.id', 'users.organisation_id')
    .selectAll('control_area_history')
    .select('organisations.code as by_org')
    .where('area_id', '=', areaId)
    .orderBy('version')
    .execute();
}
