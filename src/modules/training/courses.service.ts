import { randomUUID } from 'node:crypto';
import { AppError, notFound } from '../../shared/errors.ts';
import { CourseInput, SENSITIVE_TOPICS, SessionInput, type Course, type TrainingTopic } from '../../shared/training.ts';
import type { Db } from '../../db/index.ts';
import type { TrainingCoursesTable } from '../../db/tables/sites.ts';
import { appendAudit, organisationIdsForCodes, type Actor, type Viewer } from '../auth/index.ts';
import * as repo from './courses.repo.ts';
import { ownerOf, releaseCodes, writeReleases } from './labels.ts';
import * as progress from './progress.repo.ts';
import { assertMayRun, viewerOf } from './training.policy.ts';

/*
 * Courses given to the national police, and their sessions. A course has
 * dates that must make sense (it cannot end before it starts, nor hold a
 * session outside them); a course in a sensitive topic is one that vetting
 * flags block certification in.
 */

async function present(db: Db, viewer: Viewer, rows: readonly repo.CourseRow[]): Promise<Course[]> {
  const ids = rows.map((r) => r.id);
  const [lists, sessions, counts] = await Promise.all([releaseCodes(db, 'training_courses', ids), repo.sessionsOf(db, ids), progress.countsByCourse(db, viewer, ids)]);
  return rows.map((row) => ({
    id: row.id, title: row.title, topic: row.topic as TrainingTopic, sensitive: row.sensitive === 1, trainer: row.trainer_code, place: row.place,
    startsOn: row.starts_on, endsOn: row.ends_on, capacity: row.capacity, minAttendancePercent: row.min_attendance_pct, description: row.description,
    illustrative: row.illustrative === 1,
    sessions: sessions.filter((s) => s.course_id === row.id).map((s) => ({ id: s.id, heldOn: s.held_on, title: s.title, hours: Number(s.hours) })),
    enrolled: counts.get(row.id)?.enrolled ?? 0, certified: counts.get(row.id)?.certified ?? 0,
    classification: row.classification as Course['classification'], owner: row.owner_code, releasableTo: lists.get(row.id) ?? [], createdAt: row.created_at,
  }));
}

export interface CreateCourseProps {
  db: Db;
  actor: Actor | null;
  input: CourseInput;
  ownerCode?: string | undefined;
}

export async function createCourse({ db, actor, input, ownerCode }: CreateCourseProps): Promise<Course> {
  const parsed = CourseInput.parse(input);
  const ownerId = await ownerOf(db, actor, ownerCode);
  const id = await db.transaction().execute(async (trx) => {
    const trainerCode = parsed.trainer ?? actor?.organisationCode ?? ownerCode!;
    const [trainerId] = await organisationIdsForCodes(trx, [trainerCode], 'trainer');
    const now = new Date().toISOString();
    const row: TrainingCoursesTable = {
      id: randomUUID(), title: parsed.title, topic: parsed.topic, sensitive: (parsed.sensitive ?? SENSITIVE_TOPICS.includes(parsed.topic)) ? 1 : 0, trainer_org_id: trainerId!,
      place: parsed.place, starts_on: parsed.startsOn, ends_on: parsed.endsOn, capacity: parsed.capacity, min_attendance_pct: parsed.minAttendancePercent,
      description: parsed.description, illustrative: parsed.illustrative ? 1 : 0, classification: parsed.classification, owner_org_id: ownerId,
      created_by: actor?.userId ?? null, created_at: now, updated_at: now,
    };
    await repo.insert(trx, row);
    await writeReleases(trx, 'training_courses', row.id, parsed.classification, parsed.releasableTo);
    await appendAudit(trx, { actor, action: 'create', entityType: 'training_course', entityId: row.id, details: { title: row.title, topic: row.topic, startsOn: row.starts_on, endsOn: row.ends_on, classification: row.classification } });
    return row.id;
  });
  return getCourse({ db, viewer: viewerOf(actor, ownerId), id });
}

export async function findCourseForWriter(db: Db, actor: Actor | null, id: string): Promise<repo.CourseRow> {
  const row = actor ? await repo.findVisible(db, actor, id) : await repo.findAny(db, id);
  if (!row) throw notFound('course');
  return row;
}

/** Adds a session to a course, on a day within the course's dates. */
export async function addSession({ db, actor, courseId, input }: { db: Db; actor: Actor | null; courseId: string; input: SessionInput }): Promise<Course> {
  const parsed = SessionInput.parse(input);
  const ownerId = await db.transaction().execute(async (trx) => {
    const course = await findCourseForWriter(trx, actor, courseId);
    assertMayRun(actor, course);
    if (parsed.heldOn < course.starts_on || parsed.heldOn > course.ends_on) {
      throw new AppError('VALIDATION_FAILED', `invalid input: heldOn: ${parsed.heldOn} is outside the course (${course.starts_on} to ${course.ends_on})`, [{ path: 'heldOn', message: 'outside the course dates' }]);
    }
    const id = randomUUID();
    await repo.insertSession(trx, { id, course_id: courseId, held_on: parsed.heldOn, title: parsed.title, hours: parsed.hours, created_at: new Date().toISOString() });
    await appendAudit(trx, { actor, action: 'add_session', entityType: 'training_course', entityId: courseId, details: { sessionId: id, heldOn: parsed.heldOn } });
    return course.owner_org_id;
  });
  return getCourse({ db, viewer: viewerOf(actor, ownerId), id: courseId });
}

export async function getCourse({ db, viewer, id }: { db: Db; viewer: Viewer; id: string }): Promise<Course> {
  const row = await repo.findVisible(db, viewer, id);
  if (!row) throw notFound('course');
  return (await present(db, viewer, [row]))[0]!;
}

export async function listCourses({ db, viewer, topic, from, to, limit = 500 }: { db: Db; viewer: Viewer; topic?: string | undefined; from?: string | undefined; to?: string | undefined; limit?: number }): Promise<Course[]> {
  return present(db, viewer, await repo.listVisible(db, viewer, { topic, from, to, limit }));
}

export async function countCourses({ db, viewer }: { db: Db; viewer: Viewer }): Promise<number> {
  return repo.countVisible(db, viewer);
}
