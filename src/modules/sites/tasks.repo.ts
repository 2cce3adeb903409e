import type { Db } from '../../db/index.ts';
import type { PatrolTasksTable } from '../../db/tables/sites.ts';
import { visibleTo, type Viewer } from '../auth/index.ts';

/*
 * SQL for patrol tasks. A task tied to a site is seen only by readers who
 * may see both; a task with no site, by its own label alone.
 */

export type TaskRow = PatrolTasksTable & { unit_org_code: string; owner_code: string; site_name: string | null; site_geometry: string | null };

function selectRows(db: Db) {
  return db
    .selectFrom('patrol_tasks')
    .leftJoin('sites', 'sites.id', 'patrol_tasks.site_id')
    .innerJoin('organisations as unit_org', 'unit_org.id', 'patrol_tasks.unit_org_id')
    .innerJoin('organisations as owner', 'owner.id', 'patrol_tasks.owner_org_id')
    .selectAll('patrol_tasks')
    .select(['unit_org.code as unit_org_code', 'owner.code as owner_code', 'sites.name as site_name', 'sites.geometry as site_geometry']);
}

function selectVisible(db: Db, viewer: Viewer) {
  return selectRows(db)
    .where(visibleTo(viewer, 'patrol_tasks'))
    .where((eb) => eb.or([eb('patrol_tasks.site_id', 'is', null), visibleTo(viewer, 'sites')(eb)]));
}

export interface TaskFilter {
  status?: string | undefined;
  kind?: string | undefined;
  unitOrgId?: string | undefined;
  siteId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
}

export async function listVisible(db: Db, viewer: Viewer, filter: TaskFilter): Promise<TaskRow[]> {
  let query = selectVisible(db, viewer);
  if (filter.status) query = query.where('patrol_tasks.status', '=', filter.status);
  if (filter.kind) query = query.where('patrol_tasks.kind', '=', filter.kind);
  if (filter.unitOrgId) query = query.where('patrol_tasks.unit_org_id', '=', filter.unitOrgId);
  if (filter.siteId) query = query.where('patrol_tasks.site_id', '=', filter.siteId);
  if (filter.from) query = query.where('patrol_tasks.ends_at', '>=', filter.from);
  if (filter.to) query = query.where('patrol_tasks.starts_at', '<', filter.to);
  return query.orderBy('patrol_tasks.starts_at', 'desc').orderBy('patrol_tasks.id').limit(filter.limit).execute();
}

export async function findVisible(db: Db, viewer: Viewer, id: string): Promise<TaskRow | undefined> {
  return selectVisible(db, viewer).where('patrol_tasks.id', '=', id).executeTakeFirst();
}

export async function findAny(db: Db, id: string): Promise<TaskRow | undefined> {
  return selectRows(db).where('patrol_tasks.id', '=', id).executeTakeFirst();
}

export async function countVisible(db: Db, viewer: Viewer): Promise<number> {
  const row = await db
    .selectFrom('patrol_tasks')
    .leftJoin('sites', 'sites.id', 'patrol_tasks.site_id')
    .select((eb) => eb.fn.countAll().as('count'))
    .where(visibleTo(viewer, 'patrol_tasks'))
    .where((eb) => eb.or([eb('patrol_tasks.site_id', 'is', null), visibleTo(viewer, 'sites')(eb)]))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function insert(db: Db, row: PatrolTasksTable): Promise<void> {
  await db.insertInto('patrol_tasks').values(row).execute();
}

export async function update(db: Db, id: string, changes: Partial<PatrolTasksTable>): Promise<void> {
  await db.updateTable('patrol_tasks').set(changes).where('id', '=', id).execute();
}
