import { randomUUID } from 'node:crypto';
import { AppError, notFound } from '../../shared/errors.ts';
import { AttendanceInput, CertificationInput, TRAINING_TOPICS, type Enrolment, type TrainingTopic } from '../../shared/training.ts';
import type { Db } from '../../db/index.ts';
import { appendAudit, type Actor, type Viewer } from '../auth/index.ts';
import { findCourseForWriter } from './courses.service.ts';
import * as courses from './courses.repo.ts';
import * as repo from './progress.repo.ts';
import { findTraineeForWriter } from './trainees.service.ts';
import * as trainees from './trainees.repo.ts';
import { assertMayRun, viewerOf } from './training.policy.ts';

/*
 * A trainee's way through a course: enrolment, attendance at its sessions,
 * certification. Certification needs enough attendance, happens once, and
 * in a sensitive topic waits while the oversight body's flag stands.
 */

function present(rows: readonly repo.EnrolmentRow[], attended: ReadonlyMap<string, number>, sessions: number): Enrolment[] {
  return rows.map((row) => ({
    id: row.id, courseId: row.course_id, traineeId: row.trainee_id, serviceNumber: row.service_number, fullName: row.full_name, unit: row.unit,
    status: row.status as Enrolment['status'], attended: attended.get(row.trainee_id) ?? 0, sessions, certifiedOn: row.certified_on, enrolledAt: row.enrolled_at,
  }));
}

/** The enrolments of a course whose trainees the viewer may see. */
export async function listEnrolments({ db, viewer, courseId }: { db: Db; viewer: Viewer; courseId: string }): Promise<Enrolment[]> {
  if (!(await courses.findVisible(db, viewer, courseId))) throw notFound('course');
  const [rows, attended, sessions] = await Promise.all([repo.enrolmentsOfCourse(db, viewer, courseId), repo.attendedByTrainee(db, courseId), courses.sessionsOf(db, [courseId])]);
  return present(rows, attended, sessions.length);
}

/** A trainee's courses, as far as the viewer may see them. */
export async function traineeCourses({ db, viewer, traineeId }: { db: Db; viewer: Viewer; traineeId: string }) {
  if (!(await trainees.findVisible(db, viewer, traineeId))) throw notFound('trainee');
  return (await repo.enrolmentsOfTrainee(db, viewer, traineeId)).map((row) => ({
    courseId: row.course_id, title: row.course_title, topic: row.topic as TrainingTopic, status: row.status as Enrolment['status'], certifiedOn: row.certified_on,
  }));
}

async function enrolmentFor(db: Db, actor: Actor | null, courseId: string, traineeId: string) {
  const course = await findCourseForWriter(db, actor, courseId);
  const trainee = await findTraineeForWriter(db, actor, traineeId);
  return { course, trainee, enrolment: await repo.findEnrolment(db, courseId, traineeId) };
}

export async function enrol({ db, actor, courseId, traineeId }: { db: Db; actor: Actor | null; courseId: string; traineeId: string }): Promise<Enrolment> {
  await db.transaction().execute(async (trx) => {
    const { course, trainee, enrolment } = await enrolmentFor(trx, actor, courseId, traineeId);
    assertMayRun(actor, course);
    if (enrolment) throw new AppError('CONFLICT', `trainee ${trainee.service_number} is enrolled on this course already`);
    const taken = await repo.enrolledCount(trx, courseId);
    if (course.capacity !== null && taken >= course.capacity) throw new AppError('CONFLICT', `the course is full (${taken} of ${course.capacity} places taken)`);
    const id = randomUUID();
    await repo.insertEnrolment(trx, { id, course_id: courseId, trainee_id: traineeId, status: 'enrolled', enrolled_at: new Date().toISOString(), certified_on: null, certified_by: null, certificate_note: '' });
    await appendAudit(trx, { actor, action: 'enrol', entityType: 'training_course', entityId: courseId, details: { traineeId } });
  });
  return enrolmentView(db, actor, courseId, traineeId);
}

/** The enrolment as the writer sees it; the system (command line, demo) sees every record. */
async function enrolmentView(db: Db, actor: Actor | null, courseId: string, traineeId: string): Promise<Enrolment> {
  if (actor === null) {
    const row = await repo.enrolmentAny(db, courseId, traineeId);
    if (!row) throw notFound('enrolment');
    const [attended, sessions] = await Promise.all([repo.attendedByTrainee(db, courseId), courses.sessionsOf(db, [courseId])]);
    return present([row], attended, sessions.length)[0]!;
  }
  const found = (await listEnrolments({ db, viewer: actor, courseId })).find((e) => e.traineeId === traineeId);
  if (!found) throw notFound('enrolment');
  return found;
}

/** Records who was present at a session; all records or none. */
export async function recordAttendance({ db, actor, courseId, sessionId, input }: { db: Db; actor: Actor | null; courseId: string; sessionId: string; input: AttendanceInput }): Promise<Enrolment[]> {
  const { records } = AttendanceInput.parse(input);
  const ownerId = await db.transaction().execute(async (trx) => {
    const course = await findCourseForWriter(trx, actor, courseId);
    assertMayRun(actor, course);
    if (!(await courses.findSession(trx, courseId, sessionId))) throw notFound('session');
    for (const [i, record] of records.entries()) {
      const trainee = await findTraineeForWriter(trx, actor, record.traineeId);
      const enrolment = await repo.findEnrolment(trx, courseId, trainee.id);
      if (!enrolment || enrolment.status !== 'enrolled') {
        throw new AppError('VALIDATION_FAILED', `invalid input: records.${i}: trainee ${trainee.service_number} is not enrolled on this course; enrol them first`, [{ path: `records.${i}.traineeId`, message: 'not enrolled' }]);
      }
    }
    const now = new Date().toISOString();
    await repo.upsertAttendance(trx, records.map((r) => ({ session_id: sessionId, trainee_id: r.traineeId, status: r.status, recorded_at: now, recorded_by: actor?.userId ?? null })));
    await appendAudit(trx, { actor, action: 'attendance', entityType: 'training_course', entityId: courseId, details: { sessionId, records } });
    return course.owner_org_id;
  });
  return listEnrolments({ db, viewer: viewerOf(actor, ownerId), courseId });
}

/** Certifies a trainee on a course: once, after enough attendance, and never past a standing vetting flag in a sensitive topic. */
export async function certify({ db, actor, courseId, input }: { db: Db; actor: Actor | null; courseId: string; input: CertificationInput }): Promise<Enrolment> {
  const parsed = CertificationInput.parse(input);
  await db.transaction().execute(async (trx) => {
    const { course, trainee, enrolment } = await enrolmentFor(trx, actor, courseId, parsed.traineeId);
    assertMayRun(actor, course);
    if (!enrolment || enrolment.status !== 'enrolled') throw new AppError('CONFLICT', `trainee ${trainee.service_number} is not enrolled on this course, so cannot be certified on it`);
    if (enrolment.certified_on !== null) throw new AppError('CONFLICT', `trainee ${trainee.service_number} was certified on this course already, on ${enrolment.certified_on}: a trainee is certified once`);
    if (parsed.certifiedOn < course.starts_on) {
      throw new AppError('VALIDATION_FAILED', `invalid input: certifiedOn: ${parsed.certifiedOn} is before the course starts (${course.starts_on})`, [{ path: 'certifiedOn', message: 'before the course starts' }]);
    }
    const { sessions, attended } = await repo.attendanceOf(trx, courseId, trainee.id, parsed.certifiedOn);
    if (sessions > 0 && attended * 100 < sessions * course.min_attendance_pct) {
      throw new AppError('CONFLICT', `trainee ${trainee.service_number} attended ${attended} of ${sessions} sessions (${Math.round((attended * 100) / sessions)}%), below the course's ${course.min_attendance_pct}%`);
    }
    if (course.sensitive === 1 && (await trainees.activeFlags(trx, [trainee.id])).length > 0) {
      const topic = TRAINING_TOPICS[course.topic as TrainingTopic]?.en.toLowerCase() ?? course.topic;
      throw new AppError('VETTING_BLOCKED', `certification in ${topic} is blocked: the oversight body has flagged trainee ${trainee.service_number}, and only it can clear the flag (its reason is visible to oversight only)`);
    }
    if (!(await repo.certify(trx, enrolment.id, parsed.certifiedOn, actor?.userId ?? null, parsed.note))) {
      throw new AppError('CONFLICT', `trainee ${trainee.service_number} was certified on this course already: a trainee is certified once`);
    }
    await appendAudit(trx, { actor, action: 'certify', entityType: 'training_course', entityId: courseId, details: { traineeId: trainee.id, certifiedOn: parsed.certifiedOn } });
  });
  return enrolmentView(db, actor, courseId, parsed.traineeId);
}
