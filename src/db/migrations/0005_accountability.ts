import type { Kysely } from 'kysely';
import { doubleType } from '../dialect.ts';

/*
 * Accountability: complaints and their case handling, SMS/WhatsApp gateways,
 * the detention register and the oversight body's deadlines.
 */

const DEFAULT_STAGE_DAYS = { received: 7, urgentTriage: 2, triaged: 14, under_investigation: 90, referred: 60 };

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('complaint_gateways')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('secret_hash', 'text', (c) => c.notNull())
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('gateway_messages')
    .addColumn('gateway_id', 'text', (c) => c.notNull().references('complaint_gateways.id'))
    .addColumn('digest', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('gateway_messages_pk', ['gateway_id', 'digest'])
    .execute();

  await db.schema
    .createTable('complaints')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('receipt_hash', 'text', (c) => c.notNull().unique())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('gateway_id', 'text', (c) => c.references('complaint_gateways.id'))
    .addColumn('language', 'text')
    .addColumn('complainant_kind', 'text')
    .addColumn('what', 'text', (c) => c.notNull())
    .addColumn('occurred_when', 'text', (c) => c.notNull())
    .addColumn('occurred_on', 'text')
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('lat', doubleType(db))
    .addColumn('lon', doubleType(db))
    .addColumn('accused_contingent', 'text', (c) => c.notNull())
    .addColumn('accused_unit', 'text', (c) => c.notNull())
    .addColumn('accused_vehicle', 'text', (c) => c.notNull())
    .addColumn('accused_description', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('category', 'text')
    .addColumn('severity', 'text')
    .addColumn('concerned_org_id', 'text', (c) => c.references('organisations.id'))
    .addColumn('concerned_unit', 'text')
    .addColumn('stage_due_at', 'text')
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('illustrative', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('complaints_status').on('complaints').columns(['status', 'stage_due_at']).execute();
  await db.schema.createIndex('complaints_received').on('complaints').column('received_at').execute();

  await db.schema
    .createTable('complaint_contacts')
    .addColumn('complaint_id', 'text', (c) => c.primaryKey().references('complaints.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('preferred', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('complaint_additions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('complaint_id', 'text', (c) => c.notNull().references('complaints.id'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('complaint_notes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('complaint_id', 'text', (c) => c.notNull().references('complaints.id'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('to_complainant', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('complaint_referrals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('complaint_id', 'text', (c) => c.notNull().references('complaints.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  for (const table of ['complaint_additions', 'complaint_notes', 'complaint_referrals']) {
    await db.schema.createIndex(`${table}_complaint`).on(table).columns(['complaint_id', 'created_at']).execute();
  }

  await db.schema
    .createTable('complaint_attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('complaint_id', 'text', (c) => c.notNull().references('complaints.id'))
    .addColumn('original_name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'bigint', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('clean_size_bytes', 'bigint', (c) => c.notNull())
    .addColumn('metadata_removed', 'text', (c) => c.notNull())
    .addColumn('stored_key', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('complaint_attachments_complaint').on('complaint_attachments').column('complaint_id').execute();

  await db.schema
    .createTable('complaint_assignments')
    .addColumn('complaint_id', 'text', (c) => c.notNull().references('complaints.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('assigned_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('assigned_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('complaint_assignments_pk', ['complaint_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('complaint_transitions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('complaint_id', 'text', (c) => c.notNull().references('complaints.id'))
    .addColumn('step', 'integer', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('by_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('complaint_transitions_complaint').on('complaint_transitions').columns(['complaint_id', 'step']).unique().execute();

  await db.schema
    .createTable('detentions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('classification', 'text', (c) => c.notNull())
    .addColumn('owner_org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('detained_at', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('lat', doubleType(db))
    .addColumn('lon', doubleType(db))
    .addColumn('grounds', 'text', (c) => c.notNull())
    .addColumn('legal_basis', 'text', (c) => c.notNull())
    .addColumn('condition', 'text', (c) => c.notNull())
    .addColumn('handover_due_at', 'text', (c) => c.notNull())
    .addColumn('handed_over_at', 'text')
    .addColumn('handed_over_to', 'text')
    .addColumn('handover_condition', 'text')
    .addColumn('released_at', 'text')
    .addColumn('release_reason', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('illustrative', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('detentions_status').on('detentions').columns(['status', 'handover_due_at']).execute();
  await db.schema.createIndex('detentions_detained').on('detentions').column('detained_at').execute();

  await db.schema
    .createTable('detainee_identities')
    .addColumn('id', 'text', (c) => c.primaryKey().references('detentions.id'))
    .addColumn('classification', 'text', (c) => c.notNull())
    .addColumn('owner_org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('sex', 'text', (c) => c.notNull())
    .addColumn('age', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('identity_document', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('accountability_settings')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('handover_deadline_hours', 'integer', (c) => c.notNull())
    .addColumn('stage_days', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db
    .insertInto('accountability_settings')
    .values({ id: 1, handover_deadline_hours: 24, stage_days: JSON.stringify(DEFAULT_STAGE_DAYS), updated_by: null, updated_at: new Date().toISOString() })
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('record_releases').where('entity_type', 'in', ['detentions', 'detainee_identities']).execute();
  const tables = [
    'accountability_settings',
    'detainee_identities',
    'detentions',
    'complaint_transitions',
    'complaint_assignments',
    'complaint_attachments',
    'complaint_referrals',
    'complaint_notes',
    'complaint_additions',
    'complaint_contacts',
    'complaints',
    'gateway_messages',
    'complaint_gateways',
  ];
  for (const table of tables) await db.schema.dropTable(table).execute();
}
