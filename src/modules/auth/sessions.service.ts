import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Locale } from '../../shared/i18n.ts';
import { Role } from '../../shared/access.ts';
import type { Me } from '../../shared/auth.ts';
import { AppError } from '../../shared/errors.ts';
import type { Db } from '../../db/index.ts';
import type { Actor } from './actor.ts';
import { appendAudit } from './audit.ts';
import * as repo from './auth.repo.ts';
import { decoyPasswordHash, verifyPassword } from './passwords.ts';
import { sessionCache, type CachedSession } from './session-cache.ts';

/*
 * Sessions live in the database, so any Konbit instance can serve any request.
 * The cookie carries a random token; the database keeps only its sha256.
 */

export const SESSION_COOKIE = 'konbit_session';

// Per account: 5 failures in 15 minutes lock it for 15 minutes. Per address: 30.
const THROTTLE_WINDOW_MS = 15 * 60_000;
const MAX_FAILURES = { user: 5, ip: 30 } as const;

export interface Session {
  actor: Actor;
  me: Me;
}

export interface LoginProps {
  db: Db;
  username: string;
  password: string;
  ip: string;
  sessionHours: number;
  requestId?: string;
}

export async function login({ db, username, password, ip, sessionHours, requestId }: LoginProps): Promise<{ token: string; session: Session }> {
  const keys = { user: `user:${username.toLowerCase()}`, ip: `ip:${ip}` } as const;
  await refuseWhileThrottled(db, Object.values(keys));
  const user = await repo.findUserByUsername(db, username);
  const valid = await verifyPassword(user?.password_hash ?? (await decoyPasswordHash()), password);
  if (!user || !valid || user.disabled === 1) {
    await db.transaction().execute(async (trx) => {
      await recordFailure(trx, keys.user, MAX_FAILURES.user);
      await recordFailure(trx, keys.ip, MAX_FAILURES.ip);
      await appendAudit(trx, { actor: { userId: user?.id ?? null, organisationId: null, requestId }, action: 'login_failed', entityType: 'session', entityId: null, details: { username, ip } });
    });
    throw new AppError('INVALID_CREDENTIALS', 'the username or password is wrong');
  }
  const token = randomBytes(32).toString('base64url');
  const now = new Date();
  await db.transaction().execute(async (trx) => {
    await repo.clearThrottle(trx, keys.user);
    await repo.deleteExpiredSessions(trx, now.toISOString());
    await repo.insertSession(trx, {
      id: digest(token),
      user_id: user.id,
      csrf_token: randomBytes(24).toString('base64url'),
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + sessionHours * 3_600_000).toISOString(),
    });
    await appendAudit(trx, { actor: { userId: user.id, organisationId: user.organisation_id, requestId }, action: 'login', entityType: 'session', entityId: null, details: { ip } });
  });
  // Read back without keeping it: the cache fills when the session is first used.
  const entry = await lookUp(db, digest(token), Date.now(), { keep: false });
  if (!entry) throw new Error('a session just created could not be read back');
  return { token, session: sessionOf(entry, undefined) };
}

export async function logout(db: Db, token: string, actor: Actor): Promise<void> {
  const sessionId = digest(token);
  await db.transaction().execute(async (trx) => {
    await repo.deleteSession(trx, sessionId);
    await appendAudit(trx, { actor, action: 'logout', entityType: 'session', entityId: null });
  });
  sessionCache.revoke({ kind: 'session', digest: sessionId });
}

/** The session a cookie token opens, or null when it is unknown, expired or its user disabled. */
export async function authenticate(db: Db, token: string, requestId?: string): Promise<Session | null> {
  const known = authenticateFromCache(token, requestId);
  if (known !== undefined) return known;
  const found = await lookUp(db, digest(token), Date.now());
  return found ? sessionOf(found, requestId) : null;
}

/**
 * The session a token opens when the answer needs no database read: null for a
 * malformed token, the session when this instance holds it fresh; undefined
 * when only the database can tell (authenticate then reads it). Lets the
 * access hook answer most requests without a promise.
 */
export function authenticateFromCache(token: string, requestId?: string): Session | null | undefined {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const cached = sessionCache.get(digest(token), Date.now());
  return cached ? sessionOf(cached, requestId) : undefined;
}

/** Reads a session from the database and keeps it a few seconds, unless revoked meanwhile. */
async function lookUp(db: Db, sessionId: string, nowMs: number, { keep = true } = {}): Promise<CachedSession | null> {
  const generation = sessionCache.generation;
  const row = await repo.findSession(db, sessionId);
  if (!row || row.disabled === 1 || row.expires_at <= new Date(nowMs).toISOString()) return null;
  const entry: CachedSession = { row, roles: Role.array().parse(await repo.rolesOf(db, row.user_id)), expiresMs: Date.parse(row.expires_at), cachedAtMs: nowMs };
  if (keep) sessionCache.set(sessionId, entry, generation);
  return entry;
}

/** The session of an entry, built once per entry: each request gets its own actor, tagged with its request id. */
function sessionOf(entry: CachedSession, requestId: string | undefined): Session {
  const session = (entry.session ??= buildSession(entry));
  return requestId ? { actor: { ...session.actor, requestId }, me: session.me } : session;
}

function buildSession({ row, roles }: CachedSession): Session {
  const actor: Actor = {
    userId: row.user_id,
    username: row.username,
    organisationId: row.organisation_id,
    organisationCode: row.organisation_code,
    isMissionMember: row.is_mission_member === 1,
    roles,
  };
  const me: Me = {
    id: row.user_id,
    username: row.username,
    displayName: row.display_name,
    locale: Locale.catch('en').parse(row.locale),
    roles,
    organisation: { id: row.organisation_id, code: row.organisation_code, name: row.organisation_name },
    csrfToken: row.csrf_token,
    expiresAt: row.expires_at,
  };
  return { actor, me };
}

/** Constant-time comparison of the CSRF header with the session's token. */
export function csrfMatches(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

function digest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

async function refuseWhileThrottled(db: Db, keys: readonly string[]): Promise<void> {
  const now = new Date().toISOString();
  for (const key of keys) {
    const row = await repo.findThrottle(db, key);
    if (row?.locked_until && row.locked_until > now) {
      const seconds = Math.ceil((Date.parse(row.locked_until) - Date.now()) / 1000);
      throw new AppError('LOGIN_THROTTLED', `too many failed sign-ins; try again in ${Math.ceil(seconds / 60)} minutes`, { retryAfterSeconds: seconds });
    }
  }
}

async function recordFailure(db: Db, key: string, maxFailures: number): Promise<void> {
  const now = Date.now();
  const row = await repo.findThrottle(db, key);
  const windowOpen = row && now - Date.parse(row.window_started_at) < THROTTLE_WINDOW_MS;
  const failures = windowOpen ? row.failures + 1 : 1;
  await repo.saveThrottle(db, {
    key,
    failures,
    window_started_at: windowOpen ? row.window_started_at : new Date(now).toISOString(),
    locked_until: failures >= maxFailures ? new Date(now + THROTTLE_WINDOW_MS).toISOString() : null,
  });
}
