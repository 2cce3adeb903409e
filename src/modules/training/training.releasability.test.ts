import assert from 'node:assert/strict';
import { describe } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { dbTest } from '../../db/testing.ts';
import { runReleasabilityMatrix, type MatrixSubject, type ReadPath } from '../auth/releasability.testing.ts';
import { buildTestApp } from '../../server/testing.ts';
import { countCourses, countTrainees, createCourse, enrol, getCourse, getTrainee, listCourses, listEnrolments, listTrainees, registerTrainee, trainingTotals } from './index.ts';
import { courseInput, rowCounts, traineeInput } from './training.testing.ts';

/*
 * Courses and trainee records through every read path, for every reader.
 * Trainee records are never PUBLIC: for the harness's PUBLIC labels the
 * create step proves that the service refuses them and writes nothing, and
 * a stand-in id takes the record's place, which every read path reports as
 * seen — so the harness checks the other labels exactly, and the PUBLIC
 * ones are checked by the refusal.
 */

function singleReads(ids: ReadonlyMap<string, string>, name: string, read: (subject: MatrixSubject, id: string) => Promise<string | null>, extra: () => string[] = () => []): ReadPath {
  return {
    name, kind: 'ids',
    read: async (subject) => {
      const seen: string[] = [];
      for (const id of ids.values()) {
        if (id.startsWith('public-stand-in:')) continue;
        const got = await read(subject, id);
        if (got !== null) seen.push(got);
      }
      return [...seen, ...extra()];
    },
  };
}

function httpGet(app: FastifyInstance) {
  return async (subject: MatrixSubject, url: string) => {
    const response = await app.inject({ method: 'GET', url, headers: subject.user?.headers ?? {} });
    return response;
  };
}

describe('training releasability', () => {
  dbTest('courses: every read path returns exactly what each organisation may see', async ({ db }) => {
    const app = await buildTestApp(db);
    const get = httpGet(app);
    const cases = await runReleasabilityMatrix({
      db,
      create: async (record, owner) => (await createCourse({ db, actor: owner, input: courseInput({ title: record.key, classification: record.classification, releasableTo: record.releasableTo }) })).id,
      paths: (ids) => [
        { name: 'service list', kind: 'ids', read: async ({ viewer }) => (await listCourses({ db, viewer, limit: 2000 })).map((c) => c.id) },
        { name: 'service count', kind: 'count', read: ({ viewer }) => countCourses({ db, viewer }) },
        singleReads(ids, 'service single read', ({ viewer }, id) => getCourse({ db, viewer, id }).then((c) => c.id, () => null)),
        { name: 'GET /api/v1/training/courses', kind: 'ids', read: async (subject) => (await get(subject, '/api/v1/training/courses?limit=2000')).json<{ id: string }[]>().map((c) => c.id) },
        singleReads(ids, 'GET /api/v1/training/courses/:id', async (subject, id) => {
          const response = await get(subject, `/api/v1/training/courses/${id}`);
          assert.ok([200, 404].includes(response.statusCode));
          return response.statusCode === 200 ? response.json<{ id: string }>().id : null;
        }),
      ],
    });
    assert.ok(cases > 1500, `only ${cases} cases checked`);
    await app.close();
  });

  dbTest('trainee records: every read path returns exactly what each organisation may see; PUBLIC is refused', async ({ db }) => {
    const app = await buildTestApp(db);
    const get = httpGet(app);
    const standIns: string[] = [];
    const courses = new Map<string, string>();
    const cases = await runReleasabilityMatrix({
      db,
      create: async (record, owner) => {
        if (record.classification === 'PUBLIC') {
          const before = await rowCounts(db);
          await assert.rejects(
            registerTrainee({ db, actor: owner, input: traineeInput({ fullName: record.key, classification: 'PUBLIC' as 'MISSION' }) }),
            (error: { issues?: { message: string }[] }) => error.issues?.some((i) => i.message === 'personal data of officers is MISSION or RESTRICTED, never PUBLIC') === true,
          );
          assert.deepEqual(await rowCounts(db), before);
          standIns.push(`public-stand-in:${record.key}`);
          return standIns.at(-1)!;
        }
        const trainee = await registerTrainee({ db, actor: owner, input: traineeInput({ fullName: record.key, classification: record.classification, releasableTo: record.releasableTo }) });
        // Each owner's own public course, with its trainees enrolled: the enrolment paths must hide them just the same.
        if (!courses.has(owner.organisationId)) courses.set(owner.organisationId, (await createCourse({ db, actor: owner, input: courseInput({ classification: 'PUBLIC' }) })).id);
        await enrol({ db, actor: owner, courseId: courses.get(owner.organisationId)!, traineeId: trainee.id });
        return trainee.id;
      },
      paths: (ids) => [
        { name: 'service list', kind: 'ids', read: async ({ viewer }) => [...(await listTrainees({ db, viewer })).map((t) => t.id), ...standIns] },
        { name: 'service count', kind: 'count', read: async ({ viewer }) => (await countTrainees({ db, viewer })) + standIns.length },
        singleReads(ids, 'service single read', ({ viewer }, id) => getTrainee({ db, viewer, id }).then((t) => t.id, (error: { code?: string }) => {
          assert.equal(error.code, 'NOT_FOUND');
          return null;
        }), () => standIns),
        {
          name: 'service enrolments of every course', kind: 'ids',
          read: async ({ viewer }) => {
            const seen: string[] = [];
            for (const courseId of courses.values()) seen.push(...(await listEnrolments({ db, viewer, courseId })).map((e) => e.traineeId));
            return [...seen, ...standIns];
          },
        },
        { name: 'service totals', kind: 'count', read: async ({ viewer }) => (await trainingTotals({ db, viewer })).totals.enrolled + standIns.length },
        {
          name: 'GET /api/v1/training/trainees', kind: 'ids',
          read: async (subject) => {
            const response = await get(subject, '/api/v1/training/trainees');
            if (subject.user === null) return (assert.equal(response.statusCode, 401), standIns);
            return [...response.json<{ id: string }[]>().map((t) => t.id), ...standIns];
          },
        },
        singleReads(ids, 'GET /api/v1/training/trainees/:id', async (subject, id) => {
          const response = await get(subject, `/api/v1/training/trainees/${id}`);
          if (subject.user === null) return (assert.equal(response.statusCode, 401), null);
          assert.ok([200, 404].includes(response.statusCode), `status ${response.statusCode}`);
          return response.statusCode === 200 ? response.json<{ id: string }>().id : null;
        }, () => standIns),
        {
          name: 'GET /api/v1/training/courses/:id/enrolments', kind: 'ids',
          read: async (subject) => {
            const seen: string[] = [];
            for (const courseId of courses.values()) {
              const response = await get(subject, `/api/v1/training/courses/${courseId}/enrolments`);
              if (subject.user === null) assert.equal(response.statusCode, 401);
              else seen.push(...response.json<{ traineeId: string }[]>().map((e) => e.traineeId));
            }
            return [...seen, ...standIns];
          },
        },
      ],
    });
    assert.ok(cases > 2500, `only ${cases} cases checked`);
    await app.close();
  });
});
