import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LoginBody, Me, Organisation, OrganisationInput, UserInput } from '../../shared/auth.ts';
import type { Db } from '../../db/index.ts';
import { verifyAuditChain } from './audit.ts';
import { actorOf, sessionOf } from './http-access.ts';
import { createOrganisation, listOrganisations } from './organisations.service.ts';
import { login, logout, SESSION_COOKIE } from './sessions.service.ts';
import { createUser } from './users.service.ts';

export interface AuthRoutesOptions {
  db: Db;
  sessionHours: number;
  /** true, false, or 'auto': Secure when the request came over TLS. */
  cookieSecure: boolean | 'auto';
}

const AuditVerdict = z.object({
  ok: z.boolean(),
  rows: z.number(),
  lastHash: z.string().optional(),
  brokenAtSeq: z.number().optional(),
  reason: z.string().optional(),
});

export async function authRoutes(app: FastifyInstance, { db, sessionHours, cookieSecure }: AuthRoutesOptions): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/api/v1/auth/login',
    {
      config: { access: 'public' },
      schema: { tags: ['auth'], summary: 'Sign in; sets the session cookie', body: LoginBody, response: { 200: Me } },
    },
    async (request, reply) => {
      const { token, session } = await login({ db, ...request.body, ip: request.ip, sessionHours, requestId: request.id });
      void reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: cookieSecure === 'auto' ? request.protocol === 'https' : cookieSecure,
        expires: new Date(session.me.expiresAt),
      });
      return session.me;
    },
  );

  api.post(
    '/api/v1/auth/logout',
    { config: { access: 'signed-in' }, schema: { tags: ['auth'], summary: 'Sign out and end the session' } },
    async (request, reply) => {
      await logout(db, request.cookies[SESSION_COOKIE] ?? '', actorOf(request));
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send();
    },
  );

  api.get(
    '/api/v1/auth/me',
    { config: { access: 'signed-in' }, schema: { tags: ['auth'], summary: 'Who is signed in, with the CSRF token for mutations', response: { 200: Me } } },
    async (request) => sessionOf(request).me,
  );

  api.get(
    '/api/v1/organisations',
    { config: { access: 'public' }, schema: { tags: ['auth'], summary: 'The mission’s organisations', response: { 200: z.array(Organisation) } } },
    async () => listOrganisations(db),
  );

  api.post(
    '/api/v1/organisations',
    { config: { access: ['admin'] }, schema: { tags: ['auth'], summary: 'Add an organisation', body: OrganisationInput, response: { 201: Organisation } } },
    async (request, reply) => reply.code(201).send(await createOrganisation({ db, actor: actorOf(request), input: request.body })),
  );

  api.post(
    '/api/v1/users',
    {
      config: { access: ['admin'] },
      schema: { tags: ['auth'], summary: 'Add a user', body: UserInput, response: { 201: z.object({ id: z.string(), username: z.string() }) } },
    },
    async (request, reply) => reply.code(201).send(await createUser({ db, actor: actorOf(request), input: request.body })),
  );

  api.get(
    '/api/v1/audit/verify',
    { config: { access: ['admin', 'oversight'] }, schema: { tags: ['audit'], summary: 'Check the audit log’s hash chain', response: { 200: AuditVerdict } } },
    async () => verifyAuditChain(db),
  );
}
