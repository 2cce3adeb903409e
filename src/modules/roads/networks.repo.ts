import type { Db } from '../../db/index.ts';
import type { RoadEdgesTable, RoadNetworksTable, RoadNodesTable } from '../../db/tables/roads.ts';

/** SQL for road networks, their nodes and edges. Networks are public reference data: no label. */

// Rows per insert: well under SQLite's and PostgreSQL's limits on bound parameters.
const NODE_BATCH = 2000;
const EDGE_BATCH = 1000;

export async function findByName(db: Db, name: string): Promise<RoadNetworksTable | undefined> {
  return db.selectFrom('road_networks').selectAll().where('name', '=', name).executeTakeFirst();
}

export async function list(db: Db): Promise<RoadNetworksTable[]> {
  return db.selectFrom('road_networks').selectAll().orderBy('name').execute();
}

export async function insertNetwork(trx: Db, row: RoadNetworksTable): Promise<void> {
  await trx.insertInto('road_networks').values(row).execute();
}

/** Inserts node rows in batches; `onBatch` hears how many are written so far. */
export async function insertNodes(trx: Db, rows: readonly RoadNodesTable[], onBatch?: (written: number) => void): Promise<void> {
  for (let start = 0; start < rows.length; start += NODE_BATCH) {
    await trx.insertInto('road_nodes').values(rows.slice(start, start + NODE_BATCH)).execute();
    onBatch?.(Math.min(rows.length, start + NODE_BATCH));
  }
}

export async function insertEdges(trx: Db, rows: readonly RoadEdgesTable[], onBatch?: (written: number) => void): Promise<void> {
  for (let start = 0; start < rows.length; start += EDGE_BATCH) {
    await trx.insertInto('road_edges').values(rows.slice(start, start + EDGE_BATCH)).execute();
    onBatch?.(Math.min(rows.length, start + EDGE_BATCH));
  }
}

export async function loadNodes(db: Db, networkId: string): Promise<RoadNodesTable[]> {
  return db.selectFrom('road_nodes').selectAll().where('network_id', '=', networkId).orderBy('idx').execute();
}

export async function loadEdges(db: Db, networkId: string): Promise<RoadEdgesTable[]> {
  return db.selectFrom('road_edges').selectAll().where('network_id', '=', networkId).orderBy('idx').execute();
}

export async function countRows(db: Db, networkId: string): Promise<{ nodes: number; edges: number }> {
  const count = async (table: 'road_nodes' | 'road_edges') =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).where('network_id', '=', networkId).executeTakeFirstOrThrow()).n);
  return { nodes: await count('road_nodes'), edges: await count('road_edges') };
}

/** Deletes a network with its nodes, edges and overrides (and the overrides' release lists). */
export async function deleteNetwork(trx: Db, networkId: string): Promise<number> {
  const overrides = await trx.selectFrom('road_overrides').select('id').where('network_id', '=', networkId).execute();
  if (overrides.length > 0) {
    await trx.deleteFrom('record_releases').where('entity_type', '=', 'road_overrides').where('record_id', 'in', overrides.map((o) => o.id)).execute();
  }
  await trx.deleteFrom('road_overrides').where('network_id', '=', networkId).execute();
  await trx.deleteFrom('road_edges').where('network_id', '=', networkId).execute();
  await trx.deleteFrom('road_nodes').where('network_id', '=', networkId).execute();
  await trx.deleteFrom('road_networks').where('id', '=', networkId).execute();
  return overrides.length;
}
