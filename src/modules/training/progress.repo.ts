import { sql } from 'kysely';
import type { Db } from '../../db/index.ts';
import type { TrainingAttendanceTable, TrainingEnrolmentsTable } from '../../db/tables/sites.ts';
import { visibleTo, type Viewer } from '../auth/index.ts';

/*
 * SQL for enrolments, attendance and certification. A reader sees a
 * trainee's progress on a course only when both the course and the trainee
 * are visible to them.
 */

export type EnrolmentRow = TrainingEnrolmentsTable & { service_number: string; full_name: string; unit: string };

function selectVisible(db: Db, viewer: Viewer) {
  return db
    .selectFrom('training_enrolments')
    .innerJoin('trainees', 'trainees.id', 'training_enrolments.trainee_id')
    .innerJoin('training_courses', 'training_courses.id', 'training_enrolments.course_id')
    .where(visibleTo(viewer, 'trainees'))
    .where(visibleTo(viewer, 'training_courses'));
}

export async function enrolmentsOfCourse(db: Db, viewer: Viewer, courseId: string): Promise<EnrolmentRow[]> {
  return selectVisible(db, viewer)
    .selectAll('training_enrolments')
    .select(['trainees.service_number', 'trainees.full_name', 'trainees.unit'])
    .where('training_enrolments.course_id', '=', courseId)
    .orderBy('trainees.unit').orderBy('trainees.full_name').orderBy('training_enrolments.id')
    .execute();
}

export async function enrolmentsOfTrainee(db: Db, viewer: Viewer, traineeId: string): Promise<(EnrolmentRow & { course_title: string; topic: string })[]> {
  return selectVisible(db, viewer)
    .selectAll('training_enrolments')
    .select(['trainees.service_number', 'trainees.full_name', 'trainees.unit', 'training_courses.title as course_title', 'training_courses.topic'])
    .where('training_enrolments.trainee_id', '=', traineeId)
    .orderBy('training_courses.starts_on').orderBy('training_enrolments.id')
    .execute();
}

/** Visible enrolments (enrolled, certified) per course, for the course list. */
export async function countsByCourse(db: Db, viewer: Viewer, courseIds: readonly string[]): Promise<Map<string, { enrolled: number; certified: number }>> {
  if (courseIds.length === 0) return new Map();
  const rows = await selectVisible(db, viewer)
    .select((eb) => [
      'training_enrolments.course_id',
      eb.fn.countAll().as('enrolled'),
      eb.fn.count('training_enrolments.certified_on').as('certified'),
    ])
    .where('training_enrolments.course_id', 'in', courseIds)
    .where('training_enrolments.status', '=', 'enrolled')
    .groupBy('training_enrolments.course_id')
    .execute();
  return new Map(rows.map((r) => [r.course_id, { enrolled: Number(r.enrolled), certified: Number(r.certified) }]));
}

/** One enrolment with its trainee, for the system (command line, demo), which sees every record. */
export async function enrolmentAny(db: Db, courseId: string, traineeId: string): Promise<EnrolmentRow | undefined> {
  return db
    .selectFrom('training_enrolments')
    .innerJoin('trainees', 'trainees.id', 'training_enrolments.trainee_id')
    .selectAll('training_enrolments')
    .select(['trainees.service_number', 'trainees.full_name', 'trainees.unit'])
    .where('training_enrolments.course_id', '=', courseId)
    .where('training_enrolments.trainee_id', '=', traineeId)
    .executeTakeFirst();
}

export async function countVisible(db: Db, viewer: Viewer): Promise<number> {
  const row = await selectVisible(db, viewer).select((eb) => eb.fn.countAll().as('count')).executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function findEnrolment(db: Db, courseId: string, traineeId: string): Promise<TrainingEnrolmentsTable | undefined> {
  return db.selectFrom('training_enrolments').selectAll().where('course_id', '=', courseId).where('trainee_id', '=', traineeId).executeTakeFirst();
}

/** Every live enrolment of a course, whoever may see it: what capacity counts. */
export async function enrolledCount(db: Db, courseId: string): Promise<number> {
  const row = await db.selectFrom('training_enrolments').select((eb) => eb.fn.countAll().as('count')).where('course_id', '=', courseId).where('status', '=', 'enrolled').executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function insertEnrolment(db: Db, row: TrainingEnrolmentsTable): Promise<void> {
  await db.insertInto('training_enrolments').values(row).execute();
}

/** Records the certification unless one was recorded already; false when it was. */
export async function certify(db: Db, id: string, certifiedOn: string, by: string | null, note: string): Promise<boolean> {
  const result = await db.updateTable('training_enrolments').set({ certified_on: certifiedOn, certified_by: by, certificate_note: note }).where('id', '=', id).where('certified_on', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Sessions of a course held on or before a day, and how many of them the trainee attended. */
export async function attendanceOf(db: Db, courseId: string, traineeId: string, upTo: string): Promise<{ sessions: number; attended: number }> {
  const row = await db
    .selectFrom('training_sessions')
    .leftJoin('training_attendance', (join) => join.onRef('training_attendance.session_id', '=', 'training_sessions.id').on('training_attendance.trainee_id', '=', traineeId).on('training_attendance.status', '=', 'present'))
    .select((eb) => [eb.fn.countAll().as('sessions'), eb.fn.count('training_attendance.session_id').as('attended')])
    .where('training_sessions.course_id', '=', courseId)
    .where('training_sessions.held_on', '<=', upTo)
    .executeTakeFirstOrThrow();
  return { sessions: Number(row.sessions), attended: Number(row.attended) };
}

/** Attended (present) sessions per trainee on a course. */
export async function attendedByTrainee(db: Db, courseId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('training_attendance')
    .innerJoin('training_sessions', 'training_sessions.id', 'training_attendance.session_id')
    .select((eb) => ['training_attendance.trainee_id', eb.fn.countAll().as('attended')])
    .where('training_sessions.course_id', '=', courseId)
    .where('training_attendance.status', '=', 'present')
    .groupBy('training_attendance.trainee_id')
    .execute();
  return new Map(rows.map((r) => [r.trainee_id, Number(r.attended)]));
}

export async function upsertAttendance(db: Db, rows: readonly TrainingAttendanceTable[]): Promise<void> {
  for (const row of rows) {
    await db
      .insertInto('training_attendance')
      .values(row)
      .onConflict((oc) => oc.columns(['session_id', 'trainee_id']).doUpdateSet({ status: sql.ref('excluded.status'), recorded_at: sql.ref('excluded.recorded_at'), recorded_by: sql.ref('excluded.recorded_by') }))
      .execute();
  }
}

/* ----- Totals ----- */

export interface TotalsFilter {
  from?: string | undefined;
  to?: string | undefined;
}

/** Live enrolments by course start: day, topic, unit. */
export async function enrolmentFacts(db: Db, viewer: Viewer, filter: TotalsFilter) {
  let query = selectVisible(db, viewer)
    .select(['training_courses.starts_on as day', 'training_courses.topic', 'trainees.unit', 'trainees.id as trainee_id'])
    .where('training_enrolments.status', '=', 'enrolled');
  if (filter.from) query = query.where('training_courses.starts_on', '>=', filter.from);
  if (filter.to) query = query.where('training_courses.starts_on', '<=', filter.to);
  return query.execute();
}

export async function certificationFacts(db: Db, viewer: Viewer, filter: TotalsFilter) {
  let query = selectVisible(db, viewer)
    .select(['training_enrolments.certified_on as day', 'training_courses.topic', 'trainees.unit', 'trainees.id as trainee_id'])
    .where('training_enrolments.certified_on', 'is not', null);
  if (filter.from) query = query.where('training_enrolments.certified_on', '>=', filter.from);
  if (filter.to) query = query.where('training_enrolments.certified_on', '<=', filter.to);
  return query.execute();
}

export async function attendanceFacts(db: Db, viewer: Viewer, filter: TotalsFilter) {
  let query = db
    .selectFrom('training_attendance')
    .innerJoin('training_sessions', 'training_sessions.id', 'training_attendance.session_id')
    .innerJoin('training_courses', 'training_courses.id', 'training_sessions.course_id')
    .innerJoin('trainees', 'trainees.id', 'training_attendance.trainee_id')
    .select(['training_sessions.held_on as day', 'training_courses.topic', 'trainees.unit', 'trainees.id as trainee_id'])
    .where(visibleTo(viewer, 'trainees'))
    .where(visibleTo(viewer, 'training_courses'))
    .where('training_attendance.status', '=', 'present');
  if (filter.from) query = query.where('training_sessions.held_on', '>=', filter.from);
  if (filter.to) query = query.where('training_sessions.held_on', '<=', filter.to);
  return query.execute();
}
