import { randomUUID } from 'node:crypto';
import { UserInput } from '../../shared/auth.ts';
import { AppError } from '../../shared/errors.ts';
import type { Db } from '../../db/index.ts';
import type { Actor } from './actor.ts';
import { appendAudit } from './audit.ts';
import * as repo from './auth.repo.ts';
import { hashPassword, MIN_PASSWORD_LENGTH } from './passwords.ts';
import { sessionCache } from './session-cache.ts';

export interface CreateUserProps {
  db: Db;
  actor: Actor | null;
  input: UserInput;
}

export async function createUser({ db, actor, input }: CreateUserProps): Promise<{ id: string; username: string }> {
  const parsed = UserInput.parse(input);
  const passwordHash = await hashPassword(parsed.password);
  return db.transaction().execute(async (trx) => {
    const organisation = await repo.findOrganisationByCode(trx, parsed.organisationCode);
    if (!organisation) throw new AppError('VALIDATION_FAILED', `unknown organisation ${parsed.organisationCode}`, [{ path: 'organisationCode', message: 'unknown organisation code' }]);
    if (await repo.findUserByUsername(trx, parsed.username)) throw new AppError('CONFLICT', `the username ${parsed.username} is taken`);
    // The oversight body investigates the mission, its administrators included:
    // only an oversight officer (or the server operator's CLI) creates its accounts.
    const grantsOversight = organisation.kind === 'oversight' || parsed.roles.includes('oversight');
    if (grantsOversight && actor !== null && !actor.roles.includes('oversight')) {
      throw new AppError('FORBIDDEN', 'only the oversight body creates oversight accounts (or the konbit user add command on the server)');
    }
    const now = new Date().toISOString();
    const id = randomUUID();
    await repo.insertUser(
      trx,
      {
        id,
        username: parsed.username,
        display_name: parsed.displayName,
        organisation_id: organisation.id,
        password_hash: passwordHash,
        locale: parsed.locale,
        disabled: 0,
        created_at: now,
        password_changed_at: now,
      },
      [...new Set(parsed.roles)],
    );
    await appendAudit(trx, {
      actor,
      action: 'create',
      entityType: 'user',
      entityId: id,
      details: { after: { username: parsed.username, organisation: parsed.organisationCode, roles: parsed.roles } },
    });
    return { id, username: parsed.username };
  });
}

export interface ChangePasswordProps {
  db: Db;
  actor: Actor | null;
  username: string;
  newPassword: string;
}

/** Sets a new password and ends every session of that user. */
export async function changePassword({ db, actor, username, newPassword }: ChangePasswordProps): Promise<void> {
  if (newPassword.length < MIN_PASSWORD_LENGTH) {
    throw new AppError('VALIDATION_FAILED', `a password has at least ${MIN_PASSWORD_LENGTH} characters`, [{ path: 'password', message: 'too short' }]);
  }
  const passwordHash = await hashPassword(newPassword);
  const userId = await db.transaction().execute(async (trx) => {
    const user = await repo.findUserByUsername(trx, username);
    if (!user) throw new AppError('NOT_FOUND', `user ${username} not found`);
    await repo.updatePassword(trx, user.id, passwordHash, new Date().toISOString());
    await repo.deleteSessionsOfUser(trx, user.id);
    await appendAudit(trx, { actor, action: 'change_password', entityType: 'user', entityId: user.id });
    return user.id;
  });
  // The sessions are gone from the database; this instance forgets them now, the others on the fan-out's message.
  sessionCache.revoke({ kind: 'user', userId });
}
