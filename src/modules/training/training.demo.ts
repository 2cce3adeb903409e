import type { CourseInput, TraineeInput } from '../../shared/training.ts';
import { AppError } from '../../shared/errors.ts';
import type { Db } from '../../db/index.ts';
import { actorForUsername } from '../incidents/index.ts';
import { addSession, createCourse } from './courses.service.ts';
import { certify, enrol, recordAttendance } from './progress.service.ts';
import { raiseVettingFlag, registerTrainee } from './trainees.service.ts';

/*
 * The demo's training: four courses over the last months, given by Kenya,
 * Jamaica, the United States and the HNP itself, to a dozen trainees. The
 * courses follow the mission's mandate to train and support the HNP; every
 * trainee, course and result is illustrative — the names say so, and no real
 * officer's data is used. One trainee is flagged by the oversight body, which
 * blocks their certification in crowd control.
 */

const DAY_MS = 86_400_000;
const UNITS = ['UDMO Ouest', 'BLTS', 'CIMO', 'Commissariat de Delmas 33'];

export async function loadTrainingDemo({ db }: { db: Db; datasetsDir?: string | null }): Promise<string> {
  const day = (offset: number) => new Date(Date.now() + offset * DAY_MS).toISOString().slice(0, 10);
  const courses: (CourseInput & { owner: string })[] = [
    { owner: 'KEN', title: 'Human rights and the use of force', topic: 'human_rights_use_of_force', trainer: 'KEN', place: 'HNP Academy (illustrative)', startsOn: day(-120), endsOn: day(-116), capacity: 30, classification: 'PUBLIC' },
    { owner: 'JAM', title: 'Crowd control and public order', topic: 'crowd_control', trainer: 'JAM', place: 'HNP Academy (illustrative)', startsOn: day(-75), endsOn: day(-70), capacity: 24, classification: 'MISSION' },
    { owner: 'MSS-HQ', title: 'Anti-kidnapping investigation', topic: 'anti_kidnapping', trainer: 'USA', place: 'Port-au-Prince (illustrative)', startsOn: day(-40), endsOn: day(-36), capacity: 16, classification: 'MISSION' },
    { owner: 'HNP', title: 'First aid under fire', topic: 'first_aid', trainer: 'HNP', place: 'Commissariat de Delmas 33 (illustrative)', startsOn: day(-10), endsOn: day(-8), classification: 'PUBLIC' },
  ];
  const trainees: TraineeInput[] = Array.from({ length: 12 }, (_, i) => ({
    serviceNumber: `DEMO-${String(i + 1).padStart(4, '0')}`, fullName: `Illustrative trainee ${String(i + 1).padStart(2, '0')}`, unit: UNITS[i % UNITS.length]!,
    rank: i % 4 === 0 ? 'Inspecteur' : 'Agent II', illustrative: true, classification: i >= 10 ? 'RESTRICTED' : 'MISSION', releasableTo: i >= 10 ? ['KEN', 'JAM', 'OVERSIGHT'] : [],
  }));
  const registered = [];
  for (const input of trainees) registered.push(await registerTrainee({ db, actor: null, ownerCode: 'HNP', input }));

  let certified = 0;
  let blocked = 0;
  const flagged = registered[3]!;
  const oversight = await actorForUsername(db, 'oversight').catch(() => null);
  if (oversight) await raiseVettingFlag({ db, actor: oversight, traineeId: flagged.id, input: { reason: 'Illustrative: a substantiated complaint of excessive force is under review.' } });
  for (const [c, { owner, ...input }] of courses.entries()) {
    const created = await createCourse({ db, actor: null, ownerCode: owner, input: { ...input, illustrative: true, description: 'Illustrative demo course.' } });
    let course = created;
    for (let s = 0; s < 3; s++) course = await addSession({ db, actor: null, courseId: created.id, input: { heldOn: day(-[120, 75, 40, 10][c]! + s), title: `Day ${s + 1}`, hours: 6 } });
    const cohort = registered.filter((_, i) => (i + c) % 3 !== 0);
    for (const trainee of cohort) await enrol({ db, actor: null, courseId: created.id, traineeId: trainee.id });
    for (const [s, session] of course.sessions.entries()) {
      const records = cohort.map((t, i) => ({ traineeId: t.id, status: (i + s) % 7 === 0 ? ('absent' as const) : ('present' as const) }));
      await recordAttendance({ db, actor: null, courseId: created.id, sessionId: session.id, input: { records } });
    }
    for (const trainee of cohort) {
      try {
        await certify({ db, actor: null, courseId: created.id, input: { traineeId: trainee.id, certifiedOn: input.endsOn } });
        certified += 1;
      } catch (error) {
        if (!(error instanceof AppError) || (error.code !== 'VETTING_BLOCKED' && error.code !== 'CONFLICT')) throw error;
        if (error.code === 'VETTING_BLOCKED') blocked += 1;
      }
    }
  }
  return `training: ${courses.length} courses, ${registered.length} trainees (illustrative), ${certified} certifications, ${blocked} blocked by a vetting flag (crowd control, anti-kidnapping)`;
}
