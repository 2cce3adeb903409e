import type { Db } from '../../db/index.ts';
import type { RoadblocksTable } from '../../db/tables/roads.ts';
import { visibleTo, type Viewer } from '../auth/index.ts';

/** SQL for roadblocks and checkpoints. Every read goes through visibleTo. */

export type RoadblockRow = RoadblocksTable & { owner_code: string };

function selectRoadblocks(db: Db, viewer: Viewer | null) {
  const query = db
    .selectFrom('roadblocks')
    .innerJoin('organisations', 'organisations.id', 'roadblocks.owner_org_id')
    .selectAll('roadblocks')
    .select('organisations.code as owner_code');
  return viewer === null ? query : query.where(visibleTo(viewer, 'roadblocks'));
}

/** Roadblocks reported at or before `asOf` (every one when absent), newest first. */
export async function listVisible(db: Db, viewer: Viewer, { asOf, limit }: { asOf?: string | undefined; limit: number }): Promise<RoadblockRow[]> {
  let query = selectRoadblocks(db, viewer);
  if (asOf !== undefined) query = query.where('roadblocks.reported_at', '<=', asOf);
  return query.orderBy('roadblocks.reported_at', 'desc').orderBy('roadblocks.id').limit(limit).execute();
}

/**
 * Roadblocks that may count at `asOf`: reported by then, not cleared by then, and reported or
 * confirmed since `since` (the longest stale time back). The caller applies each one's stale time.
 */
export async function candidatesAt(db: Db, viewer: Viewer, asOf: string, since: string): Promise<RoadblockRow[]> {
  return selectRoadblocks(db, viewer)
    .where('roadblocks.reported_at', '<=', asOf)
    .where((eb) => eb.or([eb('roadblocks.cleared_at', 'is', null), eb('roadblocks.cleared_at', '>', asOf)]))
    .where((eb) => eb(eb.fn.coalesce('roadblocks.confirmed_at', 'roadblocks.reported_at'), '>=', since))
    .orderBy('roadblocks.id')
    .execute();
}

export async function findVisible(db: Db, viewer: Viewer, id: string): Promise<RoadblockRow | undefined> {
  return selectRoadblocks(db, viewer).where('roadblocks.id', '=', id).executeTakeFirst();
}

/** For the system (command line, demo), which acts on every record. */
export async function findAny(db: Db, id: string): Promise<RoadblockRow | undefined> {
  return selectRoadblocks(db, null).where('roadblocks.id', '=', id).executeTakeFirst();
}

export async function insert(trx: Db, row: RoadblocksTable): Promise<void> {
  await trx.insertInto('roadblocks').values(row).execute();
}

export async function update(trx: Db, id: string, changes: Partial<RoadblocksTable>): Promise<void> {
  await trx.updateTable('roadblocks').set(changes).where('id', '=', id).execute();
}

/** Incidents the viewer's roadblock records were entered from: those no longer count on their own. */
export async function linkedIncidentIds(db: Db, viewer: Viewer): Promise<Set<string>> {
  const rows = await db.selectFrom('roadblocks').select('incident_id').where('incident_id', 'is not', null).where(visibleTo(viewer, 'roadblocks')).execute();
  return new Set(rows.map((r) => r.incident_id!));
}
