import type { Db } from '../../db/index.ts';
import type { RoadOverridesTable } from '../../db/tables/roads.ts';
import { visibleTo, type Viewer } from '../auth/index.ts';

/** SQL for planners' overrides of road segments. Every read goes through visibleTo. */

export type OverrideRow = RoadOverridesTable & { owner_code: string; network_name: string };

function selectOverrides(db: Db, viewer: Viewer | null) {
  const query = db
    .selectFrom('road_overrides')
    .innerJoin('organisations', 'organisations.id', 'road_overrides.owner_org_id')
    .innerJoin('road_networks', 'road_networks.id', 'road_overrides.network_id')
    .selectAll('road_overrides')
    .select(['organisations.code as owner_code', 'road_networks.name as network_name']);
  return viewer === null ? query : query.where(visibleTo(viewer, 'road_overrides'));
}

export async function listVisible(db: Db, viewer: Viewer, { networkId, limit }: { networkId?: string | undefined; limit: number }): Promise<OverrideRow[]> {
  let query = selectOverrides(db, viewer);
  if (networkId !== undefined) query = query.where('road_overrides.network_id', '=', networkId);
  return query.orderBy('road_overrides.starts_at', 'desc').orderBy('road_overrides.id').limit(limit).execute();
}

/** Overrides of the network in force at `asOf`: started, not expired, not lifted. */
export async function inForceAt(db: Db, viewer: Viewer, networkId: string, asOf: string): Promise<OverrideRow[]> {
  return selectOverrides(db, viewer)
    .where('road_overrides.network_id', '=', networkId)
    .where('road_overrides.starts_at', '<=', asOf)
    .where((eb) => eb.or([eb('road_overrides.expires_at', 'is', null), eb('road_overrides.expires_at', '>', asOf)]))
    .where((eb) => eb.or([eb('road_overrides.lifted_at', 'is', null), eb('road_overrides.lifted_at', '>', asOf)]))
    .orderBy('road_overrides.id')
    .execute();
}

export async function findVisible(db: Db, viewer: Viewer, id: string): Promise<OverrideRow | undefined> {
  return selectOverrides(db, viewer).where('road_overrides.id', '=', id).executeTakeFirst();
}

export async function findAny(db: Db, id: string): Promise<OverrideRow | undefined> {
  return selectOverrides(db, null).where('road_overrides.id', '=', id).executeTakeFirst();
}

export async function insert(trx: Db, row: RoadOverridesTable): Promise<void> {
  await trx.insertInto('road_overrides').values(row).execute();
}

export async function update(trx: Db, id: string, changes: Partial<RoadOverridesTable>): Promise<void> {
  await trx.updateTable('road_overrides').set(changes).where('id', '=', id).execute();
}
