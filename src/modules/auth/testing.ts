import { randomUUID } from 'node:crypto';
import { MISSION_MEMBER_KINDS, type OrganisationKind, type Role } from '../../shared/access.ts';
import type { Db } from '../../db/index.ts';
import type { Actor } from './actor.ts';
import * as repo from './auth.repo.ts';
import { hashPassword } from './passwords.ts';
import { login } from './sessions.service.ts';

/*
 * Factories for tests: organisations and users straight into the database,
 * with one password hash computed once per process (argon2 is slow on purpose).
 */

export const TEST_PASSWORD = 'test-password-1';
let testPasswordHash: Promise<string> | undefined;

export async function buildOrganisation(db: Db, code: string, kind: OrganisationKind = 'contingent'): Promise<{ id: string; code: string; kind: OrganisationKind }> {
  const id = randomUUID();
  await repo.insertOrganisation(db, {
    id,
    code,
    name: `Organisation ${code}`,
    kind,
    iso3: null,
    is_lead_nation: 0,
    is_mission_member: MISSION_MEMBER_KINDS.includes(kind) ? 1 : 0,
    created_at: new Date().toISOString(),
  });
  return { id, code, kind };
}

export interface TestUser {
  actor: Actor;
  /** Session cookie and CSRF header for app.inject(). */
  headers: { cookie: string; 'x-csrf-token': string };
}

export async function buildUser(db: Db, username: string, organisationCode: string, roles: Role[]): Promise<TestUser> {
  testPasswordHash ??= hashPassword(TEST_PASSWORD);
  const organisation = await repo.findOrganisationByCode(db, organisationCode);
  if (!organisation) throw new Error(`buildUser: no organisation ${organisationCode}`);
  const now = new Date().toISOString();
  await repo.insertUser(
    db,
    { id: randomUUID(), username, display_name: username, organisation_id: organisation.id, password_hash: await testPasswordHash, locale: 'en', disabled: 0, created_at: now, password_changed_at: now },
    roles,
  );
  const { token, session } = await login({ db, username, password: TEST_PASSWORD, ip: '127.0.0.1', sessionHours: 1 });
  return { actor: session.actor, headers: { cookie: `konbit_session=${token}`, 'x-csrf-token': session.me.csrfToken } };
}
