import type { Kysely } from 'kysely';
import { binaryType, doubleType } from '../dialect.ts';

/*
 * Road networks (nodes and edges with packed geometry), and the risk picture
 * laid over them: areas of control with their history, roadblocks and
 * checkpoints, and planners' overrides of road segments.
 */

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('road_networks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('source_file', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('report', 'text', (c) => c.notNull())
    .addColumn('node_count', 'integer', (c) => c.notNull())
    .addColumn('edge_count', 'integer', (c) => c.notNull())
    .addColumn('total_km', doubleType(db), (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addColumn('imported_by', 'text', (c) => c.references('users.id'))
    .execute();

  await db.schema
    .createTable('road_nodes')
    .addColumn('network_id', 'text', (c) => c.notNull().references('road_networks.id').onDelete('cascade'))
    .addColumn('idx', 'integer', (c) => c.notNull())
    .addColumn('lon', doubleType(db), (c) => c.notNull())
    .addColumn('lat', doubleType(db), (c) => c.notNull())
    .addColumn('osm_id', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('road_nodes_pk', ['network_id', 'idx'])
    .execute();

  await db.schema
    .createTable('road_edges')
    .addColumn('network_id', 'text', (c) => c.notNull().references('road_networks.id').onDelete('cascade'))
    .addColumn('idx', 'integer', (c) => c.notNull())
    .addColumn('from_node', 'integer', (c) => c.notNull())
    .addColumn('to_node', 'integer', (c) => c.notNull())
    .addColumn('oneway', 'integer', (c) => c.notNull())
    .addColumn('meters', doubleType(db), (c) => c.notNull())
    .addColumn('seconds', doubleType(db), (c) => c.notNull())
    .addColumn('highway', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('ref', 'text', (c) => c.notNull())
    .addColumn('bridge', 'integer', (c) => c.notNull())
    .addColumn('way_id', 'bigint', (c) => c.notNull())
    .addColumn('geometry', binaryType(db), (c) => c.notNull())
    .addPrimaryKeyConstraint('road_edges_pk', ['network_id', 'idx'])
    .execute();

  await db.schema
    .createTable('control_areas')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('group_name', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('confidence', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('geometry', 'text', (c) => c.notNull())
    .addColumn('min_lon', doubleType(db), (c) => c.notNull())
    .addColumn('min_lat', doubleType(db), (c) => c.notNull())
    .addColumn('max_lon', doubleType(db), (c) => c.notNull())
    .addColumn('max_lat', doubleType(db), (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    .addColumn('supersedes_id', 'text', (c) => c.references('control_areas.id'))
    .addColumn('withdrawn_at', 'text')
    .addColumn('withdrawn_reason', 'text')
    .addColumn('illustrative', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('classification', 'text', (c) => c.notNull())
    .addColumn('owner_org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('control_areas_validity').on('control_areas').columns(['valid_from', 'valid_to']).execute();

  await db.schema
    .createTable('control_area_history')
    .addColumn('area_id', 'text', (c) => c.notNull().references('control_areas.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'text')
    .addColumn('before', 'text')
    .addColumn('after', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('control_area_history_pk', ['area_id', 'version'])
    .execute();

  await db.schema
    .createTable('roadblocks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('lon', doubleType(db), (c) => c.notNull())
    .addColumn('lat', doubleType(db), (c) => c.notNull())
    .addColumn('radius_m', doubleType(db), (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('group_name', 'text', (c) => c.notNull())
    .addColumn('reported_at', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text')
    .addColumn('stale_after_hours', doubleType(db), (c) => c.notNull())
    .addColumn('cleared_at', 'text')
    .addColumn('incident_id', 'text')
    .addColumn('illustrative', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('classification', 'text', (c) => c.notNull())
    .addColumn('owner_org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('roadblocks_reported').on('roadblocks').column('reported_at').execute();
  await db.schema.createIndex('roadblocks_incident').on('roadblocks').column('incident_id').execute();

  await db.schema
    .createTable('road_overrides')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('network_id', 'text', (c) => c.notNull().references('road_networks.id').onDelete('cascade'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('edge_ids', 'text', (c) => c.notNull())
    .addColumn('geometry', 'text')
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text')
    .addColumn('lifted_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('classification', 'text', (c) => c.notNull())
    .addColumn('owner_org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('road_overrides_network').on('road_overrides').columns(['network_id', 'starts_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  // Releasability rows of these tables go with them.
  await db.deleteFrom('record_releases').where('entity_type', 'in', ['control_areas', 'roadblocks', 'road_overrides']).execute();
  for (const table of ['road_overrides', 'roadblocks', 'control_area_history', 'control_areas', 'road_edges', 'road_nodes', 'road_networks']) {
    await db.schema.dropTable(table).execute();
  }
}
