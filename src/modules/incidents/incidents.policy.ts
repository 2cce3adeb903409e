import type { Role } from '../../shared/access.ts';
import { AppError } from '../../shared/errors.ts';
import { hasRole, type Actor } from '../auth/index.ts';

/*
 * Who may do what with incidents. Reading follows releasability alone (the
 * repo's visibleTo); these rules come on top for changes. Each refusal says
 * what would be needed.
 */

export const REPORTER_ROLES: readonly Role[] = ['reporter', 'analyst', 'commander'];
export const ANALYST_ROLES: readonly Role[] = ['analyst'];

export function assertMayReport(actor: Actor): void {
  if (!hasRole(actor, ...REPORTER_ROLES)) throw new AppError('FORBIDDEN', `reporting an incident needs one of the roles: ${REPORTER_ROLES.join(', ')}`);
}

/** The reporter, or an analyst or commander of the owning organisation. */
export function assertMayEdit(actor: Actor, incident: { reporter_id: string; owner_org_id: string }): void {
  if (incident.reporter_id === actor.userId) return;
  if (incident.owner_org_id === actor.organisationId && hasRole(actor, 'analyst', 'commander')) return;
  throw new AppError('FORBIDDEN', 'only the reporter, or an analyst or commander of the organisation that owns the incident, may edit it');
}

/** An analyst who did not report it: a report is verified by someone other than its reporter. */
export function assertMayVerify(actor: Actor, incident: { reporter_id: string }): void {
  if (!hasRole(actor, ...ANALYST_ROLES)) throw new AppError('FORBIDDEN', 'verifying, disputing or rejecting an incident needs the analyst role');
  if (incident.reporter_id === actor.userId) {
    throw new AppError('FORBIDDEN', 'you reported this incident, so you may not verify, dispute or reject it: another analyst must');
  }
}

export function assertMayMerge(actor: Actor): void {
  if (!hasRole(actor, ...ANALYST_ROLES)) throw new AppError('FORBIDDEN', 'merging duplicates needs the analyst role');
}

export function assertMayCurateActors(actor: Actor): void {
  if (!hasRole(actor, ...ANALYST_ROLES)) throw new AppError('FORBIDDEN', 'changing the actor registry needs the analyst role');
}
