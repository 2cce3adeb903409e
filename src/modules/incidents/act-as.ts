import { Role } from '../../shared/access.ts';
import { AppError } from '../../shared/errors.ts';
import type { Db } from '../../db/index.ts';
import type { Actor } from '../auth/index.ts';
import { findActorByUsername } from './incidents.repo.ts';

/** The actor for a username, for the command line and the demo loader. */
export async function actorForUsername(db: Db, username: string): Promise<Actor> {
  const found = await findActorByUsername(db, username);
  if (!found) throw new AppError('NOT_FOUND', `no user ${username}: list users or add one with konbit user add`);
  if (found.user.disabled) throw new AppError('FORBIDDEN', `user ${username} is disabled`);
  return {
    userId: found.user.id,
    username: found.user.username,
    organisationId: found.user.organisation_id,
    organisationCode: found.user.code,
    isMissionMember: found.user.is_mission_member === 1,
    roles: found.roles.flatMap((role) => (Role.safeParse(role).success ? [Role.parse(role)] : [])),
  };
}
