import type { Kysely } from 'kysely';
import {
  createFullTextIndex,
  createSpaceTimeIndex,
  doubleType,
  dropFullTextIndex,
  dropSpaceTimeIndex,
  serialKeyType,
} from '../dialect.ts';

/*
 * Incidents, their sources, actors, tags and history, the actor registry and
 * the live stream's event log. incidents.seq keys the space-time and
 * full-text indexes; incidents.id (a UUID) is what everything else refers to.
 */

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('incidents')
    .addColumn('seq', serialKeyType(db), (c) => c.primaryKey())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('type_code', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('occurred_ms', 'bigint', (c) => c.notNull())
    .addColumn('occurred_week', 'text', (c) => c.notNull())
    .addColumn('occurred_precision', 'text', (c) => c.notNull())
    .addColumn('reported_at', 'text', (c) => c.notNull())
    .addColumn('lon', doubleType(db), (c) => c.notNull())
    .addColumn('lat', doubleType(db), (c) => c.notNull())
    .addColumn('location_precision', 'text', (c) => c.notNull())
    .addColumn('place_name', 'text')
    .addColumn('adm1_pcode', 'text')
    .addColumn('adm1_name', 'text')
    .addColumn('adm2_pcode', 'text')
    .addColumn('adm2_name', 'text')
    .addColumn('adm3_pcode', 'text')
    .addColumn('adm3_name', 'text')
    .addColumn('killed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('injured', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('abducted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('displaced', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('verification', 'text', (c) => c.notNull())
    .addColumn('verified_by', 'text', (c) => c.references('users.id'))
    .addColumn('verified_at', 'text')
    .addColumn('verification_note', 'text')
    .addColumn('reporter_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('classification', 'text', (c) => c.notNull())
    .addColumn('owner_org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('external_system', 'text')
    .addColumn('external_id', 'text')
    .addColumn('illustrative', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('merged_into', 'text', (c) => c.references('incidents.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('idempotency_key', 'text')
    .addColumn('idempotency_hash', 'text')
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('incidents_external', ['external_system', 'external_id'])
    .addUniqueConstraint('incidents_idempotency', ['reporter_id', 'idempotency_key'])
    .execute();
  // Newest first with a stable tie-break: the list order and its cursor.
  await db.schema.createIndex('incidents_occurred').on('incidents').columns(['occurred_ms', 'id']).execute();
  await db.schema.createIndex('incidents_adm2').on('incidents').columns(['adm2_pcode', 'occurred_ms']).execute();
  await db.schema.createIndex('incidents_adm3').on('incidents').columns(['adm3_pcode', 'occurred_ms']).execute();
  await db.schema.createIndex('incidents_merged_into').on('incidents').column('merged_into').execute();
  await createSpaceTimeIndex(db, { table: 'incidents', lon: 'lon', lat: 'lat', time: 'occurred_ms', category: 'type_code' });
  await createFullTextIndex(db, { table: 'incidents', column: 'search_text' });

  await db.schema
    .createTable('incident_sources')
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('reliability', 'text', (c) => c.notNull())
    .addColumn('credibility', 'integer', (c) => c.notNull())
    .addColumn('reported_at', 'text')
    .addPrimaryKeyConstraint('incident_sources_pk', ['incident_id', 'position'])
    .execute();

  await db.schema
    .createTable('actors')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('incident_actors')
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id').onDelete('cascade'))
    .addColumn('actor_id', 'text', (c) => c.notNull().references('actors.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('incident_actors_pk', ['incident_id', 'actor_id', 'role'])
    .execute();
  await db.schema.createIndex('incident_actors_actor').on('incident_actors').columns(['actor_id', 'incident_id']).execute();

  await db.schema
    .createTable('incident_tags')
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id').onDelete('cascade'))
    .addColumn('tag', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('incident_tags_pk', ['incident_id', 'tag'])
    .execute();
  await db.schema.createIndex('incident_tags_tag').on('incident_tags').columns(['tag', 'incident_id']).execute();

  await db.schema
    .createTable('incident_history')
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'text')
    .addColumn('before', 'text', (c) => c.notNull())
    .addColumn('after', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('incident_history_pk', ['incident_id', 'version'])
    .execute();

  await db.schema
    .createTable('incident_events')
    .addColumn('seq', serialKeyType(db), (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('incident_id', 'text', (c) => c.notNull())
    .addColumn('labels', 'text', (c) => c.notNull())
    .addColumn('related_labels', 'text')
    .addColumn('payload', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('incident_events_at').on('incident_events').column('at').execute();

  await db.schema
    .createTable('incident_labels')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('classification', 'text', (c) => c.notNull())
    .addColumn('owner_org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('releases', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('incident_labels_key', ['classification', 'owner_org_id', 'releases'])
    .execute();

  await db.schema
    .createTable('incident_weekly')
    .addColumn('week', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('adm1_pcode', 'text', (c) => c.notNull())
    .addColumn('adm2_pcode', 'text', (c) => c.notNull())
    .addColumn('adm2_name', 'text', (c) => c.notNull())
    .addColumn('label_id', 'text', (c) => c.notNull().references('incident_labels.id'))
    .addColumn('survivor_label_id', 'text', (c) => c.notNull())
    .addColumn('incidents', 'integer', (c) => c.notNull())
    .addColumn('killed', 'integer', (c) => c.notNull())
    .addColumn('injured', 'integer', (c) => c.notNull())
    .addColumn('abducted', 'integer', (c) => c.notNull())
    .addColumn('displaced', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('incident_weekly_pk', ['week', 'type', 'adm2_pcode', 'label_id', 'survivor_label_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await dropFullTextIndex(db, 'incidents');
  await dropSpaceTimeIndex(db, 'incidents');
  await db.deleteFrom('record_releases').where('entity_type', 'in', ['incidents', 'incident_labels']).execute();
  for (const table of ['incident_weekly', 'incident_labels', 'incident_events', 'incident_history', 'incident_tags', 'incident_actors', 'actors', 'incident_sources', 'incidents']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
