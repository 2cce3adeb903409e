import type { Kysely } from 'kysely';

/*
 * Incident reports by SMS: gateways, the registry of reporters' numbers,
 * every message received (replay protection, rate limits, the reply given),
 * and the reports they became.
 */

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sms_gateways')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('secret_hash', 'text', (c) => c.notNull())
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sms_reporters')
    .addColumn('phone', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('classification', 'text', (c) => c.notNull())
    .addColumn('releasable_to', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('reliability', 'text', (c) => c.notNull())
    .addColumn('credibility', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sms_reporters_user').on('sms_reporters').column('user_id').execute();

  await db.schema
    .createTable('sms_messages')
    .addColumn('gateway_id', 'text', (c) => c.notNull().references('sms_gateways.id'))
    .addColumn('digest', 'text', (c) => c.notNull())
    .addColumn('sender_key', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('replies', 'text', (c) => c.notNull())
    .addColumn('report_id', 'text')
    .addPrimaryKeyConstraint('sms_messages_pk', ['gateway_id', 'digest'])
    .execute();
  await db.schema.createIndex('sms_messages_sender').on('sms_messages').columns(['sender_key', 'received_at']).execute();

  await db.schema
    .createTable('sms_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('reference', 'text', (c) => c.notNull().unique())
    .addColumn('reporter_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('gateway_id', 'text', (c) => c.notNull().references('sms_gateways.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('parsed', 'text', (c) => c.notNull())
    .addColumn('type', 'text')
    .addColumn('place_name', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('incident_id', 'text', (c) => c.references('incidents.id'))
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addColumn('located_by', 'text', (c) => c.references('users.id'))
    .addColumn('located_at', 'text')
    .addColumn('classification', 'text', (c) => c.notNull())
    .addColumn('owner_org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sms_reports_status').on('sms_reports').columns(['status', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('record_releases').where('entity_type', '=', 'sms_reports').execute();
  for (const table of ['sms_reports', 'sms_messages', 'sms_reporters', 'sms_gateways']) await db.schema.dropTable(table).execute();
}
