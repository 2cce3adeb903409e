import type { Db } from '../../db/index.ts';
import type { TrainingCoursesTable, TrainingSessionsTable } from '../../db/tables/sites.ts';
import { visibleTo, type Viewer } from '../auth/index.ts';

/** SQL for courses and their sessions. Sessions are read only for courses found visible. */

export type CourseRow = TrainingCoursesTable & { trainer_code: string; owner_code: string };

function selectRows(db: Db) {
  return db
    .selectFrom('training_courses')
    .innerJoin('organisations as trainer', 'trainer.id', 'training_courses.trainer_org_id')
    .innerJoin('organisations as owner', 'owner.id', 'training_courses.owner_org_id')
    .selectAll('training_courses')
    .select(['trainer.code as trainer_code', 'owner.code as owner_code']);
}

export interface CourseFilter {
  topic?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
}

export async function listVisible(db: Db, viewer: Viewer, filter: CourseFilter): Promise<CourseRow[]> {
  let query = selectRows(db).where(visibleTo(viewer, 'training_courses'));
  if (filter.topic) query = query.where('training_courses.topic', '=', filter.topic);
  if (filter.from) query = query.where('training_courses.ends_on', '>=', filter.from);
  if (filter.to) query = query.where('training_courses.starts_on', '<=', filter.to);
  return query.orderBy('training_courses.starts_on', 'desc').orderBy('training_courses.id').limit(filter.limit).execute();
}

export async function findVisible(db: Db, viewer: Viewer, id: string): Promise<CourseRow | undefined> {
  return selectRows(db).where(visibleTo(viewer, 'training_courses')).where('training_courses.id', '=', id).executeTakeFirst();
}

export async function findAny(db: Db, id: string): Promise<CourseRow | undefined> {
  return selectRows(db).where('training_courses.id', '=', id).executeTakeFirst();
}

export async function countVisible(db: Db, viewer: Viewer): Promise<number> {
  const row = await db.selectFrom('training_courses').select((eb) => eb.fn.countAll().as('count')).where(visibleTo(viewer, 'training_courses')).executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function insert(db: Db, row: TrainingCoursesTable): Promise<void> {
  await db.insertInto('training_courses').values(row).execute();
}

export async function sessionsOf(db: Db, courseIds: readonly string[]): Promise<TrainingSessionsTable[]> {
  if (courseIds.length === 0) return [];
  return db.selectFrom('training_sessions').selectAll().where('course_id', 'in', courseIds).orderBy('held_on').orderBy('id').execute();
}

export async function insertSession(db: Db, row: TrainingSessionsTable): Promise<void> {
  await db.insertInto('training_sessions').values(row).execute();
}

export async function findSession(db: Db, courseId: string, sessionId: string): Promise<TrainingSessionsTable | undefined> {
  return db.selectFrom('training_sessions').selectAll().where('course_id', '=', courseId).where('id', '=', sessionId).executeTakeFirst();
}
