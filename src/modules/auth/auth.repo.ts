import type { Db } from '../../db/index.ts';
import type { OrganisationsTable, UsersTable } from '../../db/schema.ts';

/** SQL for organisations, users, roles, sessions and login throttling. */

export async function findOrganisationByCode(db: Db, code: string): Promise<OrganisationsTable | undefined> {
  return db.selectFrom('organisations').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function listOrganisations(db: Db): Promise<OrganisationsTable[]> {
  return db.selectFrom('organisations').selectAll().orderBy('code').execute();
}

export async function organisationsByCodes(db: Db, codes: readonly string[]): Promise<OrganisationsTable[]> {
  if (codes.length === 0) return [];
  return db.selectFrom('organisations').selectAll().where('code', 'in', [...codes]).execute();
}

export async function organisationsByIds(db: Db, ids: readonly string[]): Promise<OrganisationsTable[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('organisations').selectAll().where('id', 'in', [...ids]).execute();
}

export async function insertOrganisation(db: Db, row: OrganisationsTable): Promise<void> {
  await db.insertInto('organisations').values(row).execute();
}

export async function findUserByUsername(db: Db, username: string): Promise<UsersTable | undefined> {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function insertUser(db: Db, row: UsersTable, roles: readonly string[]): Promise<void> {
  await db.insertInto('users').values(row).execute();
  if (roles.length > 0) await db.insertInto('user_roles').values(roles.map((role) => ({ user_id: row.id, role }))).execute();
}

export async function updatePassword(db: Db, userId: string, passwordHash: string, changedAt: string): Promise<void> {
  await db.updateTable('users').set({ password_hash: passwordHash, password_changed_at: changedAt }).where('id', '=', userId).execute();
}

export async function rolesOf(db: Db, userId: string): Promise<string[]> {
  const rows = await db.selectFrom('user_roles').select('role').where('user_id', '=', userId).orderBy('role').execute();
  return rows.map((r) => r.role);
}

export interface SessionRow {
  session_id: string;
  csrf_token: string;
  expires_at: string;
  user_id: string;
  username: string;
  display_name: string;
  locale: string;
  disabled: number;
  organisation_id: string;
  organisation_code: string;
  organisation_name: string;
  is_mission_member: number;
}

export async function findSession(db: Db, sessionId: string): Promise<SessionRow | undefined> {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
    .select([
      'sessions.id as session_id',
      'sessions.csrf_token',
      'sessions.expires_at',
      'users.id as user_id',
      'users.username',
      'users.display_name',
      'users.locale',
      'users.disabled',
      'organisations.id as organisation_id',
      'organisations.code as organisation_code',
      'organisations.name as organisation_name',
      'organisations.is_mission_member',
    ])
    .where('sessions.id', '=', sessionId)
    .executeTakeFirst();
}

export async function insertSession(db: Db, row: { id: string; user_id: string; csrf_token: string; created_at: string; expires_at: string }): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export async function deleteSessionsOfUser(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

export async function deleteExpiredSessions(db: Db, now: string): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
}

export async function findThrottle(db: Db, key: string) {
  return db.selectFrom('login_throttle').selectAll().where('key', '=', key).executeTakeFirst();
}

export async function saveThrottle(db: Db, row: { key: string; failures: number; window_started_at: string; locked_until: string | null }): Promise<void> {
  await db
    .insertInto('login_throttle')
    .values(row)
    .onConflict((oc) => oc.column('key').doUpdateSet({ failures: row.failures, window_started_at: row.window_started_at, locked_until: row.locked_until }))
    .execute();
}

export async function clearThrottle(db: Db, key: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', '=', key).execute();
}
