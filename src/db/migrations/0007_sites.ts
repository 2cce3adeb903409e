import { sql, type CreateTableBuilder, type Kysely } from 'kysely';
import { doubleType } from '../dialect.ts';

/*
 * Critical sites, their derived threat history, protection assignments and
 * patrol tasks; training courses, sessions, trainees, enrolments,
 * attendance and vetting flags. Officers' records can never be PUBLIC: a
 * check holds that below the services.
 */

const SHAREABLE = ['sites', 'site_assignments', 'patrol_tasks', 'training_courses', 'trainees'];

/** The label and bookkeeping columns every shareable table ends with. */
function labelled(table: CreateTableBuilder<any, any>): CreateTableBuilder<any, any> {
  return table
    .addColumn('classification', 'text', (c) => c.notNull())
    .addColumn('owner_org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull());
}

export async function up(db: Kysely<any>): Promise<void> {
  const double = doubleType(db);
  await labelled(
    db.schema
      .createTable('sites')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('geometry', 'text', (c) => c.notNull())
      .addColumn('lon', double, (c) => c.notNull())
      .addColumn('lat', double, (c) => c.notNull())
      .addColumn('min_lon', double, (c) => c.notNull())
      .addColumn('min_lat', double, (c) => c.notNull())
      .addColumn('max_lon', double, (c) => c.notNull())
      .addColumn('max_lat', double, (c) => c.notNull())
      .addColumn('operator', 'text', (c) => c.notNull())
      .addColumn('criticality', 'integer', (c) => c.notNull())
      .addColumn('required_strength', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('threat_radius_m', 'integer')
      .addColumn('contacts', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('source_name', 'text')
      .addColumn('source_url', 'text')
      .addColumn('external_ref', 'text')
      .addColumn('adm2_pcode', 'text')
      .addColumn('adm2_name', 'text')
      .addColumn('illustrative', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('version', 'integer', (c) => c.notNull()),
  )
    .addCheckConstraint('sites_criticality_range', sql`criticality between 1 and 5`)
    .addCheckConstraint('sites_required_strength', sql`required_strength >= 0`)
    .execute();
  await db.schema.createIndex('sites_bbox').on('sites').columns(['min_lon', 'max_lon', 'min_lat', 'max_lat']).execute();
  await db.schema.createIndex('sites_kind').on('sites').columns(['kind', 'criticality']).execute();
  await db.schema.createIndex('sites_external_ref').on('sites').columns(['owner_org_id', 'external_ref']).unique().execute();

  await db.schema
    .createTable('site_threat_history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
    .addColumn('basis', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('score', double, (c) => c.notNull())
    .addColumn('reasons', 'text', (c) => c.notNull())
    .addColumn('signature', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('site_threat_history_site').on('site_threat_history').columns(['site_id', 'basis', 'at']).execute();

  await labelled(
    db.schema
      .createTable('site_assignments')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
      .addColumn('unit_org_id', 'text', (c) => c.notNull().references('organisations.id'))
      .addColumn('unit_name', 'text', (c) => c.notNull())
      .addColumn('unit_key', 'text', (c) => c.notNull())
      .addColumn('strength', 'integer', (c) => c.notNull())
      .addColumn('starts_at', 'text', (c) => c.notNull())
      .addColumn('ends_at', 'text')
      .addColumn('notes', 'text', (c) => c.notNull())
      .addColumn('cancelled_at', 'text')
      .addColumn('cancel_reason', 'text')
      .addColumn('version', 'integer', (c) => c.notNull()),
  )
    .addCheckConstraint('site_assignments_strength', sql`strength > 0`)
    .addCheckConstraint('site_assignments_window', sql`ends_at is null or ends_at > starts_at`)
    .execute();
  await db.schema.createIndex('site_assignments_unit').on('site_assignments').columns(['unit_org_id', 'unit_key', 'starts_at']).execute();
  await db.schema.createIndex('site_assignments_site').on('site_assignments').columns(['site_id', 'starts_at']).execute();

  await labelled(
    db.schema
      .createTable('patrol_tasks')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('unit_org_id', 'text', (c) => c.notNull().references('organisations.id'))
      .addColumn('unit_name', 'text', (c) => c.notNull())
      .addColumn('site_id', 'text', (c) => c.references('sites.id'))
      .addColumn('geometry', 'text')
      .addColumn('starts_at', 'text', (c) => c.notNull())
      .addColumn('ends_at', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('started_at', 'text')
      .addColumn('finished_at', 'text')
      .addColumn('after_action', 'text', (c) => c.notNull())
      .addColumn('notes', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull()),
  )
    .addCheckConstraint('patrol_tasks_window', sql`ends_at > starts_at`)
    .execute();
  await db.schema.createIndex('patrol_tasks_window').on('patrol_tasks').columns(['starts_at', 'ends_at']).execute();
  await db.schema.createIndex('patrol_tasks_unit').on('patrol_tasks').columns(['unit_org_id', 'starts_at']).execute();

  await labelled(
    db.schema
      .createTable('training_courses')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('topic', 'text', (c) => c.notNull())
      .addColumn('sensitive', 'integer', (c) => c.notNull())
      .addColumn('trainer_org_id', 'text', (c) => c.notNull().references('organisations.id'))
      .addColumn('place', 'text', (c) => c.notNull())
      .addColumn('starts_on', 'text', (c) => c.notNull())
      .addColumn('ends_on', 'text', (c) => c.notNull())
      .addColumn('capacity', 'integer')
      .addColumn('min_attendance_pct', 'integer', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('illustrative', 'integer', (c) => c.notNull().defaultTo(0)),
  )
    .addCheckConstraint('training_courses_dates', sql`ends_on >= starts_on`)
    .execute();
  await db.schema.createIndex('training_courses_starts').on('training_courses').columns(['starts_on']).execute();

  await db.schema
    .createTable('training_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('course_id', 'text', (c) => c.notNull().references('training_courses.id'))
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('hours', double, (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('training_sessions_course').on('training_sessions').columns(['course_id', 'held_on']).execute();

  await labelled(
    db.schema
      .createTable('trainees')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('service_number', 'text', (c) => c.notNull().unique())
      .addColumn('full_name', 'text', (c) => c.notNull())
      .addColumn('unit', 'text', (c) => c.notNull())
      .addColumn('rank', 'text', (c) => c.notNull())
      .addColumn('illustrative', 'integer', (c) => c.notNull().defaultTo(0)),
  )
    .addCheckConstraint('trainees_never_public', sql`classification <> 'PUBLIC'`)
    .execute();

  await db.schema
    .createTable('training_enrolments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('course_id', 'text', (c) => c.notNull().references('training_courses.id'))
    .addColumn('trainee_id', 'text', (c) => c.notNull().references('trainees.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('enrolled_at', 'text', (c) => c.notNull())
    .addColumn('certified_on', 'text')
    .addColumn('certified_by', 'text', (c) => c.references('users.id'))
    .addColumn('certificate_note', 'text', (c) => c.notNull())
    .addUniqueConstraint('training_enrolments_once', ['course_id', 'trainee_id'])
    .execute();
  await db.schema.createIndex('training_enrolments_trainee').on('training_enrolments').columns(['trainee_id']).execute();

  await db.schema
    .createTable('training_attendance')
    .addColumn('session_id', 'text', (c) => c.notNull().references('training_sessions.id'))
    .addColumn('trainee_id', 'text', (c) => c.notNull().references('trainees.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.references('users.id'))
    .addPrimaryKeyConstraint('training_attendance_pk', ['session_id', 'trainee_id'])
    .execute();

  await db.schema
    .createTable('vetting_flags')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('trainee_id', 'text', (c) => c.notNull().references('trainees.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('raised_by_org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('raised_by', 'text', (c) => c.references('users.id'))
    .addColumn('raised_at', 'text', (c) => c.notNull())
    .addColumn('cleared_at', 'text')
    .addColumn('cleared_by', 'text', (c) => c.references('users.id'))
    .addColumn('clearance_note', 'text')
    .execute();
  await db.schema.createIndex('vetting_flags_trainee').on('vetting_flags').columns(['trainee_id', 'cleared_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  // Release lists live in the foundation's table: remove them with the records.
  await db.deleteFrom('record_releases').where('entity_type', 'in', SHAREABLE).execute();
  const tables = ['vetting_flags', 'training_attendance', 'training_enrolments', 'trainees', 'training_sessions', 'training_courses', 'patrol_tasks', 'site_assignments', 'site_threat_history', 'sites'];
  for (const table of tables) await db.schema.dropTable(table).execute();
}
