import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import type { Role } from '../../shared/access.ts';
import { AppError } from '../../shared/errors.ts';
import type { Db } from '../../db/index.ts';
import { PUBLIC_VIEWER, type Actor, type Viewer } from './actor.ts';
import { authenticate, authenticateFromCache, csrfMatches, SESSION_COOKIE, type Session } from './sessions.service.ts';

/**
 * Every route declares who may call it, next to its definition:
 * `config: { access: 'public' }`, `'signed-in'`, or a list of roles (any one
 * suffices). A route without a declaration cannot be registered.
 */
export type Access = 'public' | 'signed-in' | readonly Role[];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyInstance {
    /** Every route registered, with its access policy: what the policy test walks. */
    routeAccessTable: { method: string; url: string; access: Access | undefined }[];
  }
  interface FastifyRequest {
    actor: Actor | null;
    viewer: Viewer;
    session: Session | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Routes outside /api/ that declare nothing are the documentation's and the
 * web app's static files, added by plugins: public by nature. Every /api/
 * route must declare its policy.
 */
export function isPublicAssetRoute(url: string): boolean {
  return !url.startsWith('/api/');
}

export interface HttpAccessOptions {
  db: Db;
}

/** Refuses to register a route that declares no access policy. */
export function requireAccessDeclaration(route: RouteOptions): void {
  const access = (route.config as { access?: Access } | undefined)?.access;
  if (access !== undefined) return;
  if (isPublicAssetRoute(route.url)) {
    route.config = { ...(route.config as object), access: 'public' } as RouteOptions['config'];
    return;
  }
  throw new Error(`route ${String(route.method)} ${route.url} declares no access policy (config.access)`);
}

/**
 * Resolves the session cookie into request.actor / request.viewer, enforces
 * the route's access policy, and checks the CSRF header on mutations.
 */
export const httpAccess = fp(async (app: FastifyInstance, { db }: HttpAccessOptions) => {
  app.decorateRequest('actor', null);
  // Fastify shares a decorator's initial value between requests, so each
  // request gets its viewer in onRequest rather than a shared object here.
  app.decorateRequest('viewer', null as unknown as Viewer);
  app.addHook('onRequest', (request, _reply, done) => {
    request.viewer = PUBLIC_VIEWER;
    done();
  });
  app.decorateRequest('session', null);
  app.decorate('routeAccessTable', []);
  app.addHook('onRoute', (route) => {
    requireAccessDeclaration(route);
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) app.routeAccessTable.push({ method, url: route.url, access: (route.config as { access?: Access }).access });
  });
  // The session is opened before validation, so that routes may answer from what the reader may see
  // before parsing the query again (the incident read cache); the policy is enforced after it, as
  // before: a malformed request is refused for what it is, whoever sends it. Callback hooks rather
  // than async ones: a request without a cookie, or with a session this instance holds, is decided
  // without a promise; only a session not held here waits for the database.
  app.addHook('preValidation', (request, _reply, done) => {
    const token = request.cookies[SESSION_COOKIE];
    const known = token ? authenticateFromCache(token, request.id) : null;
    if (known !== undefined) {
      openSession(request, known);
      done();
    } else {
      authenticate(db, token!, request.id).then((session) => done(openSession(request, session)), done);
    }
  });
  app.addHook('preHandler', (request, _reply, done) => {
    try {
      admit(request);
    } catch (error) {
      done(error as Error);
      return;
    }
    done();
  });
});

function openSession(request: FastifyRequest, session: Session | null): undefined {
  if (!session) return;
  request.session = session;
  request.actor = session.actor;
  request.viewer = session.actor;
}

/** Enforces the route's access policy, and the CSRF header on a signed-in caller's mutations. */
function admit(request: FastifyRequest): void {
  const access = request.routeOptions.config.access;
  if (access === undefined || access === 'public') {
    // A signed-in caller's public mutation still proves it came from Konbit's pages.
    if (request.actor && !SAFE_METHODS.has(request.method)) checkCsrf(request);
    return;
  }
  if (!request.actor) throw new AppError('UNAUTHENTICATED', 'sign in first: this needs a session');
  if (!SAFE_METHODS.has(request.method)) checkCsrf(request);
  if (access !== 'signed-in' && !access.some((role) => request.actor!.roles.includes(role))) {
    throw new AppError('FORBIDDEN', `this needs one of the roles: ${access.join(', ')}`);
  }
}

function checkCsrf(request: FastifyRequest): void {
  const header = request.headers['x-csrf-token'];
  if (!csrfMatches(request.session?.me.csrfToken ?? '', typeof header === 'string' ? header : undefined)) {
    throw new AppError('CSRF_FAILED', 'missing or wrong X-CSRF-Token header: send the csrfToken from /api/v1/auth/me');
  }
}

/** The session of a route whose access policy requires one. */
export function sessionOf(request: FastifyRequest): Session {
  if (!request.session) throw new AppError('UNAUTHENTICATED', 'sign in first: this needs a session');
  return request.session;
}

/** The signed-in actor of a route whose access policy requires one. */
export function actorOf(request: FastifyRequest): Actor {
  return sessionOf(request).actor;
}
