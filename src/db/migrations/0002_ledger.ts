import { sql, type Kysely } from 'kysely';
import { doubleType } from '../dialect.ts';

/*
 * The mission ledger: pledges, their fulfilment events and the mandate's
 * milestones. Money is bigint minor units; exchange rates are decimal text;
 * dates are YYYY-MM-DD text; flags are 0/1.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('pledges')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('pledged_on', 'text', (c) => c.notNull())
    .addColumn('date_precision', 'text', (c) => c.notNull())
    .addColumn('source_announced_by', 'text', (c) => c.notNull())
    .addColumn('source_title', 'text', (c) => c.notNull())
    .addColumn('source_url', 'text')
    .addColumn('illustrative', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('officers', 'integer')
    .addColumn('unit_kind', 'text')
    .addColumn('amount_minor', 'bigint')
    .addColumn('currency', 'text')
    .addColumn('usd_rate', 'text')
    .addColumn('usd_cents', 'bigint')
    .addColumn('channel', 'text')
    .addColumn('category', 'text')
    .addColumn('quantity', doubleType(db))
    .addColumn('unit', 'text')
    .addColumn('classification', 'text', (c) => c.notNull())
    .addColumn('owner_org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('pledges_officers_positive', sql`officers is null or officers > 0`)
    .addCheckConstraint('pledges_amount_positive', sql`amount_minor is null or amount_minor > 0`)
    .execute();
  await db.schema.createIndex('pledges_organisation').on('pledges').columns(['organisation_id', 'pledged_on']).execute();
  await db.schema.createIndex('pledges_pledged_on').on('pledges').column('pledged_on').execute();

  await db.schema
    .createTable('pledge_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('pledge_id', 'text', (c) => c.notNull().references('pledges.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    .addColumn('officers', 'integer')
    .addColumn('amount_minor', 'bigint')
    .addColumn('usd_cents', 'bigint')
    .addColumn('quantity', doubleType(db))
    .addColumn('over_pledge', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('source_announced_by', 'text')
    .addColumn('source_title', 'text')
    .addColumn('source_url', 'text')
    .addColumn('illustrative', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('voided_at', 'text')
    .addColumn('void_reason', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('pledge_events_officers_positive', sql`officers is null or officers > 0`)
    .addCheckConstraint('pledge_events_amount_positive', sql`amount_minor is null or amount_minor > 0`)
    .execute();
  await db.schema.createIndex('pledge_events_pledge').on('pledge_events').columns(['pledge_id', 'occurred_on']).execute();

  await db.schema
    .createTable('mandate_milestones')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'text', (c) => c.references('organisations.id'))
    .addColumn('location', 'text')
    .addColumn('met_with', 'text', (c) => c.notNull())
    .addColumn('resolution', 'text')
    .addColumn('planned_start', 'text')
    .addColumn('planned_end', 'text')
    .addColumn('actual_start', 'text')
    .addColumn('actual_end', 'text')
    .addColumn('date_precision', 'text', (c) => c.notNull())
    .addColumn('source_announced_by', 'text', (c) => c.notNull())
    .addColumn('source_title', 'text', (c) => c.notNull())
    .addColumn('source_url', 'text')
    .addColumn('illustrative', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('classification', 'text', (c) => c.notNull())
    .addColumn('owner_org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('mandate_milestones_planned').on('mandate_milestones').column('planned_start').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  // Release lists of ledger records live in the foundation's table: remove them with the records.
  await db.deleteFrom('record_releases').where('entity_type', 'in', ['pledges', 'mandate_milestones']).execute();
  for (const table of ['mandate_milestones', 'pledge_events', 'pledges']) await db.schema.dropTable(table).execute();
}
