import assert from 'node:assert/strict';
import type { Db } from '../../src/db/index.ts';
import type { Actor } from '../../src/modules/auth/index.ts';
import type { MatrixRecord } from '../../src/modules/auth/releasability.testing.ts';
import { addSession, certify, createCourse, enrol, recordAttendance, registerTrainee } from '../../src/modules/training/index.ts';

/*
 * The training module's part of a matrix bundle. A bundle's course carries its label; its trainee
 * (an HNP officer's personal data, never PUBLIC: a PUBLIC bundle has none, and registering one is
 * refused) is enrolled on the shared PUBLIC academy course, present at its one session and
 * certified — so the academy's enrolments, its counts and the training totals hold exactly the
 * trainees the reader may see. The other way round, one MISSION cadet is enrolled on every bundle's
 * course (held in 2024, before the periods the totals are read over): the cadet's courses and the
 * courses' counts must hold exactly the courses the reader may see.
 */

const DAY = 86_400_000;
const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);

export interface Academy {
  courseId: string;
  sessionId: string;
  cadetId: string;
  /** The organisation that registered the cadet. */
  cadetOwner: string;
}

export interface TrainingRecords {
  course: string;
  /** null for a PUBLIC bundle. */
  trainee: string | null;
}

/** The PUBLIC academy course, running from three days ago to three days ahead, with a session yesterday. */
export async function createAcademy(db: Db, owner: Actor): Promise<Academy> {
  const course = await createCourse({ db, actor: owner, input: { title: 'Matrix academy', topic: 'first_aid', startsOn: day(-3), endsOn: day(3), classification: 'PUBLIC' } });
  const withSession = await addSession({ db, actor: owner, courseId: course.id, input: { heldOn: day(-1), title: 'Matrix session' } });
  const cadet = await registerTrainee({ db, actor: owner, input: { serviceNumber: 'MX-CADET', fullName: 'Matrix cadet', unit: 'CIMO', classification: 'MISSION' } });
  return { courseId: course.id, sessionId: withSession.sessions[0]!.id, cadetId: cadet.id, cadetOwner: owner.organisationCode };
}

export async function createTrainingRecords(db: Db, record: MatrixRecord, owner: Actor, cell: number, academy: Academy): Promise<TrainingRecords> {
  const label = { classification: record.classification, releasableTo: record.releasableTo };
  const course = await createCourse({ db, actor: owner, input: { title: record.key, topic: 'community_policing', startsOn: '2024-01-08', endsOn: '2024-01-12', ...label } });
  await enrol({ db, actor: null, courseId: course.id, traineeId: academy.cadetId });
  const person = { serviceNumber: `MX-${cell}`, fullName: record.key, unit: 'UDMO' };
  if (record.classification === 'PUBLIC') {
    await assert.rejects(registerTrainee({ db, actor: owner, input: { ...person, classification: 'PUBLIC' as 'MISSION' } }), /never PUBLIC/);
    return { course: course.id, trainee: null };
  }
  const trainee = await registerTrainee({ db, actor: owner, input: { ...person, classification: record.classification, releasableTo: record.releasableTo } });
  // The academy is the system's to run: enrolment, attendance and certification need no writer's view.
  await enrol({ db, actor: null, courseId: academy.courseId, traineeId: trainee.id });
  await recordAttendance({ db, actor: null, courseId: academy.courseId, sessionId: academy.sessionId, input: { records: [{ traineeId: trainee.id, status: 'present' }] } });
  await certify({ db, actor: null, courseId: academy.courseId, input: { traineeId: trainee.id, certifiedOn: day(0) } });
  return { course: course.id, trainee: trainee.id };
}
