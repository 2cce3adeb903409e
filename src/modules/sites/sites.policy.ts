import type { Role } from '../../shared/access.ts';
import { AppError } from '../../shared/errors.ts';
import type { Db } from '../../db/index.ts';
import { hasRole, type Actor, type Viewer } from '../auth/index.ts';
import { organisationKind } from './sites.repo.ts';

/*
 * Who may change sites, their protection and the tasking of units. Reading
 * is decided by releasability alone; these rules apply to records the actor
 * can already see (one it cannot see is answered 404 first). A null actor is
 * the system itself: the command line and the demo loader.
 */

/** Recording and importing sites: command and intelligence. */
export const SITE_WRITERS: readonly Role[] = ['admin', 'commander', 'analyst'];
/** Assigning units to guard sites and tasking them: command. */
export const TASKING_WRITERS: readonly Role[] = ['admin', 'commander'];

/** The record's owner organisation or an administrator. */
export function assertMayChange(actor: Actor | null, record: { owner_org_id: string }, what: string): void {
  if (actor === null || actor.organisationId === record.owner_org_id || hasRole(actor, 'admin')) return;
  throw new AppError('FORBIDDEN', `only the organisation that owns this ${what} or an administrator may change it`);
}

/** A unit is tasked by its own organisation, by mission headquarters, or by an administrator. */
export async function assertMayTask(db: Db, actor: Actor | null, unitOrgId: string, unitOrgCode: string): Promise<void> {
  if (actor === null || actor.organisationId === unitOrgId || hasRole(actor, 'admin')) return;
  if ((await organisationKind(db, actor.organisationId)) === 'mission_hq') return;
  throw new AppError('FORBIDDEN', `only ${unitOrgCode}, mission headquarters or an administrator may task ${unitOrgCode}'s units`);
}

/** Reads as the writer: the actor, or for the system the record's owner, inside the mission (a task of one nation may guard another's site). */
export function viewerOf(actor: Actor | null, ownerOrgId: string): Viewer {
  return actor ?? { organisationId: ownerOrgId, isMissionMember: true };
}

/** Contacts and required strength are for the mission and the owner, not for outside readers. */
export function seesProtectionDetail(viewer: Viewer, ownerOrgId: string): boolean {
  return viewer.isMissionMember || viewer.organisationId === ownerOrgId;
}
