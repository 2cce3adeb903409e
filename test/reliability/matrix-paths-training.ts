import assert from 'node:assert/strict';
import type { MatrixSubject, ReadPath } from '../../src/modules/auth/releasability.testing.ts';
import type { Course, Enrolment, TrainingTotals } from '../../src/shared/training.ts';
import type { NarrowedPath } from './matrix-narrowed.ts';
import { count, ids, perSubject, sum, type Reader } from './matrix-reader.ts';
import type { MatrixWorld } from './matrix-world.ts';

/*
 * The training module's read paths: courses (list, filter, single read), trainees (list, single
 * read, their courses), the academy's enrolments, attendance and counts, and the training totals.
 * PUBLIC bundles have no trainee (registering one was refused when the world was made): each
 * trainee path adds them back as seen, so that the harness checks every other label exactly —
 * and the public, refused every trainee route (401), sees exactly those.
 */

export function trainingPaths(http: Reader, world: MatrixWorld): ReadPath[] {
  const refused = () => world.without('trainee');
  // The cadet is no bundle's: left out by id.
  const trainees = (got: string[]) => [...world.bundles('trainee', got.filter((id) => world.has('trainee', id))), ...refused()];
  const academy = () => world.shared.academy.courseId;
  const enrolments = perSubject(async (s) => (await http.member<Enrolment[]>(`/api/v1/training/courses/${academy()}/enrolments`, s)) ?? []);
  const academyCourse = perSubject((s) => http.json<Course>(`/api/v1/training/courses/${academy()}`, s));
  // The bundles' courses (and the cadet's enrolments on them) were in 2024: the totals read since.
  const since = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
  const totals = perSubject((s) => http.json<TrainingTotals>(`/api/v1/training/totals?interval=year&from=${since}`, s));
  const courses = (url: string) => async (s: MatrixSubject) => world.bundles('course', (await http.json<Course[]>(url, s)).map((c) => c.id).filter((id) => world.has('course', id)));
  return [
    ids('GET /api/v1/training/courses', courses('/api/v1/training/courses?limit=2000')),
    ids('GET /api/v1/training/courses?topic=&from=&to=', courses('/api/v1/training/courses?limit=2000&topic=community_policing&from=2024-01-01&to=2024-12-31')),
    ids('GET /api/v1/training/courses/:id', (s) => http.singles('course', world, s, (id) => `/api/v1/training/courses/${id}`)),
    ids('GET /api/v1/training/trainees', async (s) => trainees(((await http.member<{ id: string }[]>('/api/v1/training/trainees?limit=5000', s)) ?? []).map((t) => t.id))),
    ids('GET /api/v1/training/trainees/:id', async (s) => [...(await http.singles('trainee', world, s, (id) => `/api/v1/training/trainees/${id}`, true)), ...refused()]),
    ids('GET /api/v1/training/trainees/:id/courses', async (s) => [...(await http.singles('trainee', world, s, (id) => `/api/v1/training/trainees/${id}/courses`, true)), ...refused()]),
    ids('GET /api/v1/training/courses/:id/enrolments', async (s) => trainees((await enrolments(s)).map((e) => e.traineeId))),
    count('GET /api/v1/training/courses/:id/enrolments: sessions attended', async (s) => sum((await enrolments(s)).map((e) => e.attended)) + refused().length),
    count('GET /api/v1/training/courses/:id/enrolments: certified', async (s) => (await enrolments(s)).filter((e) => e.certifiedOn !== null).length + refused().length),
    count('GET /api/v1/training/courses/:id: enrolled', async (s) => (await academyCourse(s)).enrolled + refused().length),
    count('GET /api/v1/training/courses/:id: certified', async (s) => (await academyCourse(s)).certified + refused().length),
    count('GET /api/v1/training/totals: enrolled', async (s) => (await totals(s)).totals.enrolled + refused().length),
    count('GET /api/v1/training/totals: attendances', async (s) => (await totals(s)).totals.attendances + refused().length),
    count('GET /api/v1/training/totals: certified', async (s) => (await totals(s)).totals.certified + refused().length),
    count('GET /api/v1/training/totals: trainees', async (s) => (await totals(s)).totals.trainees + refused().length),
    count('GET /api/v1/training/totals: rows', async (s) => sum((await totals(s)).rows.map((r) => r.enrolled)) + refused().length),
  ];
}

/** The MISSION cadet on every bundle's course: seen only by those who may see the cadet. */
export function trainingNarrowedPaths(http: Reader, world: MatrixWorld): NarrowedPath[] {
  const narrow = (s: MatrixSubject) => s.user !== null && (s.viewer.isMissionMember || s.key === world.shared.academy.cadetOwner);
  const cadetCourses = perSubject(async (s) => {
    const url = `/api/v1/training/trainees/${world.shared.academy.cadetId}/courses`;
    if (narrow(s)) return http.json<{ courseId: string }[]>(url, s);
    await http.text(url, s, s.user === null ? 401 : 404);
    return [];
  });
  const courseList = perSubject((s) => http.json<Course[]>('/api/v1/training/courses?limit=2000', s));
  const enrolledOn = perSubject(async (s) => {
    const { cadetId } = world.shared.academy;
    const seen: string[] = [];
    for (const courseId of world.ids('course')) {
      const response = await http.app.inject({ method: 'GET', url: `/api/v1/training/courses/${courseId}/enrolments`, headers: s.user?.headers ?? {} });
      assert.ok((s.user === null ? [401] : [200, 404]).includes(response.statusCode), `enrolments of ${courseId} as ${s.key}: ${response.statusCode}`);
      if (response.statusCode === 200 && response.json<Enrolment[]>().some((e) => e.traineeId === cadetId)) seen.push(courseId);
    }
    return world.bundles('course', seen);
  });
  return [
    { name: 'GET /api/v1/training/trainees/:id/courses (the cadet)', kind: 'ids', narrow, read: async (s) => world.bundles('course', (await cadetCourses(s)).map((c) => c.courseId).filter((id) => world.has('course', id))) },
    { name: 'GET /api/v1/training/courses/:id/enrolments (the cadet)', kind: 'ids', narrow, read: enrolledOn },
    { name: 'GET /api/v1/training/courses: enrolled', kind: 'count', narrow, read: async (s) => sum((await courseList(s)).filter((c) => world.has('course', c.id)).map((c) => c.enrolled)) },
  ];
}
