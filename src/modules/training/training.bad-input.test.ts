import { describe } from 'node:test';
import type { InjectOptions } from 'fastify';
import { dbTest } from '../../db/testing.ts';
import { buildOrganisation, buildUser } from '../auth/testing.ts';
import { buildTestApp } from '../../server/testing.ts';
import { assertRefusedWithoutWrites, type BadCase } from '../refusals.testing.ts';
import { addSession, certify, createCourse, enrol, registerTrainee } from './index.ts';
import { courseInput, rowCounts, traineeInput } from './training.testing.ts';

/*
 * Each bad input of training gets a clear error and leaves every training
 * table, release list and the audit log as they were.
 */

describe('training bad input', () => {
  dbTest('each bad input is refused with a clear error and writes nothing', async ({ db }) => {
    const app = await buildTestApp(db);
    await buildOrganisation(db, 'KEN');
    await buildOrganisation(db, 'JAM');
    await buildOrganisation(db, 'HNP', 'host_police');
    const ken = await buildUser(db, 'ken.trainer', 'KEN', ['commander']);
    const jam = await buildUser(db, 'jam.trainer', 'JAM', ['commander']);
    const course = await createCourse({ db, actor: ken.actor, input: courseInput({ capacity: 2 }) });
    const certified = await registerTrainee({ db, actor: ken.actor, input: traineeInput({ serviceNumber: '04-00001' }) });
    const other = await registerTrainee({ db, actor: ken.actor, input: traineeInput({ serviceNumber: '04-00002' }) });
    const outsider = await registerTrainee({ db, actor: ken.actor, input: traineeInput({ serviceNumber: '04-00003' }) });
    const secret = await registerTrainee({ db, actor: ken.actor, input: traineeInput({ serviceNumber: '04-00004', classification: 'RESTRICTED' }) });
    await enrol({ db, actor: ken.actor, courseId: course.id, traineeId: certified.id });
    await enrol({ db, actor: ken.actor, courseId: course.id, traineeId: other.id });
    // Certified before any session was recorded: no attendance to check.
    await certify({ db, actor: ken.actor, courseId: course.id, input: { traineeId: certified.id, certifiedOn: '2024-03-04' } });
    await addSession({ db, actor: ken.actor, courseId: course.id, input: { heldOn: '2024-03-04' } });
    const session = (await addSession({ db, actor: ken.actor, courseId: course.id, input: { heldOn: '2024-03-05' } })).sessions[0]!;

    const post = (url: string, payload: object, user = ken): InjectOptions => ({ method: 'POST', url, headers: user.headers, payload });
    const courses = '/api/v1/training/courses';
    const of = (path: string) => `${courses}/${course.id}/${path}`;
    const cases: BadCase[] = [
      { name: 'a course ending before it starts', request: post(courses, courseInput({ startsOn: '2024-03-08', endsOn: '2024-03-04' })), status: 400, code: 'VALIDATION_FAILED', message: /the course ends \(2024-03-04\) before it starts \(2024-03-08\)/ },
      { name: 'an impossible date', request: post(courses, courseInput({ startsOn: '2024-02-30' })), status: 400, code: 'VALIDATION_FAILED', message: /YYYY-MM-DD/ },
      { name: 'a session outside the course', request: post(of('sessions'), { heldOn: '2024-03-20' }), status: 400, code: 'VALIDATION_FAILED', message: /2024-03-20 is outside the course \(2024-03-04 to 2024-03-08\)/ },
      { name: 'a trainee certified twice', request: post(of('certifications'), { traineeId: certified.id, certifiedOn: '2024-03-08' }), status: 409, code: 'CONFLICT', message: /trainee 04-00001 was certified on this course already, on 2024-03-04: a trainee is certified once/ },
      { name: 'certifying before the course starts', request: post(of('certifications'), { traineeId: other.id, certifiedOn: '2024-03-01' }), status: 400, code: 'VALIDATION_FAILED', message: /2024-03-01 is before the course starts \(2024-03-04\)/ },
      { name: 'certifying a trainee who is not enrolled', request: post(of('certifications'), { traineeId: outsider.id, certifiedOn: '2024-03-08' }), status: 409, code: 'CONFLICT', message: /trainee 04-00003 is not enrolled on this course/ },
      { name: 'certifying without enough attendance', request: post(of('certifications'), { traineeId: other.id, certifiedOn: '2024-03-08' }), status: 409, code: 'CONFLICT', message: /attended 0 of 2 sessions \(0%\), below the course's 75%/ },
      { name: 'a public trainee record', request: post('/api/v1/training/trainees', traineeInput({ classification: 'PUBLIC' as 'MISSION' })), status: 400, code: 'VALIDATION_FAILED', message: /personal data of officers is MISSION or RESTRICTED, never PUBLIC/ },
      { name: 'a service number registered already', request: post('/api/v1/training/trainees', traineeInput({ serviceNumber: '04-00004' }), jam), status: 409, code: 'CONFLICT', message: /^service number 04-00004 is registered already: look the trainee up, or check the number$/ },
      { name: 'a malformed service number', request: post('/api/v1/training/trainees', traineeInput({ serviceNumber: 'x' })), status: 400, code: 'VALIDATION_FAILED', message: /a service number is 3–20 letters, digits or dashes/ },
      { name: 'enrolling twice', request: post(of('enrolments'), { traineeId: other.id }), status: 409, code: 'CONFLICT', message: /trainee 04-00002 is enrolled on this course already/ },
      { name: 'enrolling in a full course', request: post(of('enrolments'), { traineeId: outsider.id }), status: 409, code: 'CONFLICT', message: /the course is full \(2 of 2 places taken\)/ },
      { name: 'enrolling on another nation’s course', request: post(of('enrolments'), { traineeId: outsider.id }, jam), status: 403, code: 'FORBIDDEN', message: /only the organisation that owns or gives this course/ },
      { name: 'enrolling a trainee the user cannot see', request: post(of('enrolments'), { traineeId: secret.id }, jam), status: 404, code: 'NOT_FOUND', message: /^trainee not found$/ },
      {
        // The first record is good; the second names a trainee not on the course: neither is written.
        name: 'attendance naming a trainee not on the course',
        request: post(of(`sessions/${session.id}/attendance`), { records: [{ traineeId: other.id, status: 'present' }, { traineeId: outsider.id, status: 'present' }] }),
        status: 400, code: 'VALIDATION_FAILED', message: /records\.1: trainee 04-00003 is not enrolled on this course; enrol them first/,
      },
      { name: 'a vetting flag from outside the oversight body', request: post(`/api/v1/training/trainees/${other.id}/vetting`, { reason: 'x' }), status: 403, code: 'FORBIDDEN', message: /./ },
    ];

    await assertRefusedWithoutWrites(app, cases, () => rowCounts(db));
    await app.close();
  });
});
