import type { Db } from '../../db/index.ts';
import type { MandateMilestonesTable } from '../../db/tables/ledger.ts';
import { visibleTo, type Viewer } from '../auth/index.ts';

/** SQL for the mandate's milestones; every read applies visibleTo(viewer, 'mandate_milestones'). */

export type MilestoneRow = MandateMilestonesTable & { organisation_code: string | null; owner_code: string };

function selectMilestones(db: Db, viewer: Viewer) {
  return selectMilestoneRows(db).where(visibleTo(viewer, 'mandate_milestones'));
}

function selectMilestoneRows(db: Db) {
  return db
    .selectFrom('mandate_milestones')
    .leftJoin('organisations as lead', 'lead.id', 'mandate_milestones.organisation_id')
    .innerJoin('organisations as owner', 'owner.id', 'mandate_milestones.owner_org_id')
    .selectAll('mandate_milestones')
    .select(['lead.code as organisation_code', 'owner.code as owner_code']);
}

export async function listVisible(db: Db, viewer: Viewer, limit: number): Promise<MilestoneRow[]> {
  // Undated milestones last; then by the date they happened or are planned.
  return selectMilestones(db, viewer)
    .orderBy((eb) => eb.fn.coalesce('mandate_milestones.actual_start', 'mandate_milestones.planned_start', eb.val('9999-12-31')))
    .orderBy('mandate_milestones.created_at')
    .orderBy('mandate_milestones.id')
    .limit(limit)
    .execute();
}

export async function findVisible(db: Db, viewer: Viewer, id: string): Promise<MilestoneRow | undefined> {
  return selectMilestones(db, viewer).where('mandate_milestones.id', '=', id).executeTakeFirst();
}

/** The system's own writes (command line, demo) act on any milestone: they hold the database itself. */
export async function findAnyForSystem(db: Db, id: string): Promise<MilestoneRow | undefined> {
  return selectMilestoneRows(db).where('mandate_milestones.id', '=', id).executeTakeFirst();
}

export async function countVisible(db: Db, viewer: Viewer): Promise<number> {
  const row = await db.selectFrom('mandate_milestones').select((eb) => eb.fn.countAll().as('count')).where(visibleTo(viewer, 'mandate_milestones')).executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function insert(db: Db, row: MandateMilestonesTable): Promise<void> {
  await db.insertInto('mandate_milestones').values(row).execute();
}

export async function update(db: Db, id: string, changes: Partial<MandateMilestonesTable>): Promise<void> {
  await db.updateTable('mandate_milestones').set(changes).where('id', '=', id).execute();
}
