import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AttendanceInput, CertificationInput, Course, CourseInput, Enrolment, EnrolmentInput, IsoDate, SessionInput, TotalsQuery, Trainee, TraineeInput, TrainingTopic,
  TrainingTotals, VettingClearInput, VettingFlag, VettingFlagInput,
} from '../../shared/training.ts';
import type { Db } from '../../db/index.ts';
import { actorOf } from '../auth/index.ts';
import { addSession, createCourse, getCourse, listCourses } from './courses.service.ts';
import { certify, enrol, listEnrolments, recordAttendance, traineeCourses } from './progress.service.ts';
import { trainingTotals } from './totals.service.ts';
import { clearVettingFlag, getTrainee, listTrainees, listVettingFlags, raiseVettingFlag, registerTrainee } from './trainees.service.ts';
import { TRAINING_WRITERS, VETTING_ROLES } from './training.policy.ts';

/** Training of the national police: thin HTTP pipelines over the services. */

const tags = ['training'];
const read = { access: 'public' as const };
const member = { access: 'signed-in' as const };
const writers = { access: TRAINING_WRITERS };
const oversight = { access: VETTING_ROLES };
const Id = z.object({ id: z.string().max(64) });
const SessionId = z.object({ id: z.string().max(64), sessionId: z.string().max(64) });
const FlagId = z.object({ id: z.string().max(64), flagId: z.string().max(64) });
const TraineeCourse = z.object({ courseId: z.string(), title: z.string(), topic: TrainingTopic, status: z.string(), certifiedOn: z.string().nullable() });

export async function trainingRoutes(app: FastifyInstance, { db }: { db: Db }): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/v1/training/courses', {
    config: read,
    schema: { tags, summary: 'Courses the reader may see, newest first', querystring: z.strictObject({ topic: TrainingTopic.optional(), from: IsoDate.optional(), to: IsoDate.optional(), limit: z.coerce.number().int().min(1).max(2000).default(500) }), response: { 200: z.array(Course) } },
  }, async (request) => listCourses({ db, viewer: request.viewer, ...request.query }));
  api.post('/api/v1/training/courses', { config: writers, schema: { tags, summary: 'Record a course', body: CourseInput, response: { 201: Course } } }, async (request, reply) =>
    reply.code(201).send(await createCourse({ db, actor: actorOf(request), input: request.body })),
  );
  api.get('/api/v1/training/courses/:id', { config: read, schema: { tags, params: Id, response: { 200: Course } } }, async (request) => getCourse({ db, viewer: request.viewer, id: request.params.id }));
  api.post('/api/v1/training/courses/:id/sessions', { config: writers, schema: { tags, summary: 'Add a session within the course’s dates', params: Id, body: SessionInput, response: { 201: Course } } }, async (request, reply) =>
    reply.code(201).send(await addSession({ db, actor: actorOf(request), courseId: request.params.id, input: request.body })),
  );
  api.get('/api/v1/training/courses/:id/enrolments', { config: member, schema: { tags, summary: 'Trainees on the course (those the reader may see), with attendance and certification', params: Id, response: { 200: z.array(Enrolment) } } }, async (request) =>
    listEnrolments({ db, viewer: request.viewer, courseId: request.params.id }),
  );
  api.post('/api/v1/training/courses/:id/enrolments', { config: writers, schema: { tags, summary: 'Enrol a trainee', params: Id, body: EnrolmentInput, response: { 201: Enrolment } } }, async (request, reply) =>
    reply.code(201).send(await enrol({ db, actor: actorOf(request), courseId: request.params.id, traineeId: request.body.traineeId })),
  );
  api.post('/api/v1/training/courses/:id/sessions/:sessionId/attendance', { config: writers, schema: { tags, summary: 'Record attendance at a session (all records or none)', params: SessionId, body: AttendanceInput, response: { 200: z.array(Enrolment) } } }, async (request) =>
    recordAttendance({ db, actor: actorOf(request), courseId: request.params.id, sessionId: request.params.sessionId, input: request.body }),
  );
  api.post('/api/v1/training/courses/:id/certifications', { config: writers, schema: { tags, summary: 'Certify a trainee: once, with enough attendance, never past a standing vetting flag in a sensitive topic', params: Id, body: CertificationInput, response: { 200: Enrolment } } }, async (request) =>
    certify({ db, actor: actorOf(request), courseId: request.params.id, input: request.body }),
  );

  api.get('/api/v1/training/trainees', {
    config: member,
    schema: { tags, summary: 'Trainees the reader may see (never public)', querystring: z.strictObject({ unit: z.string().max(200).optional(), serviceNumber: z.string().max(40).optional(), limit: z.coerce.number().int().min(1).max(5000).default(1000) }), response: { 200: z.array(Trainee) } },
  }, async (request) => listTrainees({ db, viewer: request.viewer, ...request.query }));
  api.post('/api/v1/training/trainees', { config: writers, schema: { tags, summary: 'Register a trainee by HNP service number (MISSION or RESTRICTED)', body: TraineeInput, response: { 201: Trainee } } }, async (request, reply) =>
    reply.code(201).send(await registerTrainee({ db, actor: actorOf(request), input: request.body })),
  );
  api.get('/api/v1/training/trainees/:id', { config: member, schema: { tags, params: Id, response: { 200: Trainee } } }, async (request) => getTrainee({ db, viewer: request.viewer, id: request.params.id }));
  api.get('/api/v1/training/trainees/:id/courses', { config: member, schema: { tags, summary: 'A trainee’s courses and certifications', params: Id, response: { 200: z.array(TraineeCourse) } } }, async (request) =>
    traineeCourses({ db, viewer: request.viewer, traineeId: request.params.id }),
  );
  api.get('/api/v1/training/trainees/:id/vetting', { config: oversight, schema: { tags, summary: 'A trainee’s vetting flags with their reasons (oversight body only)', params: Id, response: { 200: z.array(VettingFlag) } } }, async (request) =>
    listVettingFlags({ db, actor: actorOf(request), traineeId: request.params.id }),
  );
  api.post('/api/v1/training/trainees/:id/vetting', { config: oversight, schema: { tags, summary: 'Flag a trainee: blocks certification in sensitive topics until cleared', params: Id, body: VettingFlagInput, response: { 201: VettingFlag } } }, async (request, reply) =>
    reply.code(201).send(await raiseVettingFlag({ db, actor: actorOf(request), traineeId: request.params.id, input: request.body })),
  );
  api.post('/api/v1/training/trainees/:id/vetting/:flagId/clear', { config: oversight, schema: { tags, summary: 'Clear a vetting flag', params: FlagId, body: VettingClearInput, response: { 200: VettingFlag } } }, async (request) =>
    clearVettingFlag({ db, actor: actorOf(request), traineeId: request.params.id, flagId: request.params.flagId, input: request.body }),
  );

  api.get('/api/v1/training/totals', { config: read, schema: { tags, summary: 'Enrolments, attendance and certifications by period, topic and unit, over what the reader may see', querystring: TotalsQuery, response: { 200: TrainingTotals } } }, async (request) =>
    trainingTotals({ db, viewer: request.viewer, query: request.query }),
  );
}
