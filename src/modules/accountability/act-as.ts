import { Role } from '../../shared/access.ts';
import { AppError } from '../../shared/errors.ts';
import type { Db } from '../../db/index.ts';
import type { Actor } from '../auth/index.ts';
import { actorRow, usersWithRoles } from './cases.repo.ts';

/** The actor for a username, for the command line (`--as`) and the demo loader. */
export async function actorForUsername(db: Db, username: string): Promise<Actor> {
  const row = await actorRow(db, username);
  if (!row) throw new AppError('NOT_FOUND', `no user ${username}: add one with konbit user add`);
  if (row.disabled) throw new AppError('FORBIDDEN', `user ${username} is disabled`);
  const [withRoles] = await usersWithRoles(db, [username]);
  return {
    userId: row.id,
    username: row.username,
    organisationId: row.organisation_id,
    organisationCode: row.code,
    isMissionMember: row.is_mission_member === 1,
    roles: (withRoles?.roles ?? []).flatMap((role) => {
      const parsed = Role.safeParse(role);
      return parsed.success ? [parsed.data] : [];
    }),
  };
}
