import type { Db } from '../../db/index.ts';
import type { SiteAssignmentsTable } from '../../db/tables/sites.ts';
import { visibleTo, type Viewer } from '../auth/index.ts';

/*
 * SQL for protection assignments. A reader sees an assignment when both it
 * and its site are visible to them: an assignment never reveals a site.
 */

export type AssignmentRow = SiteAssignmentsTable & { site_name: string; unit_org_code: string; owner_code: string };

function selectRows(db: Db) {
  return db
    .selectFrom('site_assignments')
    .innerJoin('sites', 'sites.id', 'site_assignments.site_id')
    .innerJoin('organisations as unit_org', 'unit_org.id', 'site_assignments.unit_org_id')
    .innerJoin('organisations as owner', 'owner.id', 'site_assignments.owner_org_id')
    .selectAll('site_assignments')
    .select(['sites.name as site_name', 'unit_org.code as unit_org_code', 'owner.code as owner_code']);
}

function selectVisible(db: Db, viewer: Viewer) {
  return selectRows(db).where(visibleTo(viewer, 'site_assignments')).where(visibleTo(viewer, 'sites'));
}

export interface AssignmentFilter {
  siteIds?: readonly string[] | undefined;
  unitOrgId?: string | undefined;
  /** Only those in force at this instant (not cancelled). */
  activeAt?: string | undefined;
  includeCancelled?: boolean | undefined;
  limit: number;
}

export async function listVisible(db: Db, viewer: Viewer, filter: AssignmentFilter): Promise<AssignmentRow[]> {
  let query = selectVisible(db, viewer);
  if (filter.siteIds) {
    if (filter.siteIds.length === 0) return [];
    query = query.where('site_assignments.site_id', 'in', filter.siteIds);
  }
  if (filter.unitOrgId) query = query.where('site_assignments.unit_org_id', '=', filter.unitOrgId);
  if (filter.activeAt) {
    const at = filter.activeAt;
    query = query.where('site_assignments.starts_at', '<=', at).where((eb) => eb.or([eb('site_assignments.ends_at', 'is', null), eb('site_assignments.ends_at', '>', at)]));
  }
  if (filter.activeAt || !filter.includeCancelled) query = query.where('site_assignments.cancelled_at', 'is', null);
  return query.orderBy('site_assignments.starts_at', 'desc').orderBy('site_assignments.id').limit(filter.limit).execute();
}

export async function findVisible(db: Db, viewer: Viewer, id: string): Promise<AssignmentRow | undefined> {
  return selectVisible(db, viewer).where('site_assignments.id', '=', id).executeTakeFirst();
}

export async function findAny(db: Db, id: string): Promise<AssignmentRow | undefined> {
  return selectRows(db).where('site_assignments.id', '=', id).executeTakeFirst();
}

export async function countVisible(db: Db, viewer: Viewer): Promise<number> {
  const row = await db
    .selectFrom('site_assignments')
    .innerJoin('sites', 'sites.id', 'site_assignments.site_id')
    .select((eb) => eb.fn.countAll().as('count'))
    .where(visibleTo(viewer, 'site_assignments'))
    .where(visibleTo(viewer, 'sites'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Live assignments of the unit whose period meets [startsAt, endsAt) — whoever may see them. */
export async function overlapping(db: Db, unitOrgId: string, unitKey: string, startsAt: string, endsAt: string | null, excludeId: string | null): Promise<AssignmentRow[]> {
  let query = selectRows(db)
    .where('site_assignments.unit_org_id', '=', unitOrgId)
    .where('site_assignments.unit_key', '=', unitKey)
    .where('site_assignments.cancelled_at', 'is', null)
    .where((eb) => eb.or([eb('site_assignments.ends_at', 'is', null), eb('site_assignments.ends_at', '>', startsAt)]));
  if (endsAt !== null) query = query.where('site_assignments.starts_at', '<', endsAt);
  if (excludeId) query = query.where('site_assignments.id', '<>', excludeId);
  return query.orderBy('site_assignments.starts_at').execute();
}

export async function insert(db: Db, row: SiteAssignmentsTable): Promise<void> {
  await db.insertInto('site_assignments').values(row).execute();
}

export async function update(db: Db, id: string, changes: Partial<SiteAssignmentsTable>): Promise<void> {
  await db.updateTable('site_assignments').set(changes).where('id', '=', id).execute();
}
