import type { Role } from '../../shared/access.ts';
import { AppError } from '../../shared/errors.ts';
import { hasRole, type Actor, type Viewer } from '../auth/index.ts';

/*
 * Who may change the road picture. Reading is decided by releasability alone; these rules apply
 * to records the actor can already see (one it cannot see is answered 404 first). A null actor is
 * the system itself: the command line and the demo loader.
 */

/** Importing and deleting road networks. */
export const NETWORK_ADMINS: readonly Role[] = ['admin'];
/** Drawing areas of control: intelligence and command. */
export const AREA_WRITERS: readonly Role[] = ['admin', 'commander', 'analyst'];
/** Reporting, confirming and clearing roadblocks: anyone who reports. */
export const ROADBLOCK_WRITERS: readonly Role[] = ['admin', 'commander', 'analyst', 'reporter'];
/** Closing and reopening road segments: the planners. */
export const OVERRIDE_WRITERS: readonly Role[] = ['admin', 'commander', 'analyst'];

/** The record's owner organisation or an administrator. */
export function assertMayChange(actor: Actor | null, record: { owner_org_id: string }, what: string): void {
  if (actor === null || actor.organisationId === record.owner_org_id || hasRole(actor, 'admin')) return;
  throw new AppError('FORBIDDEN', `only the organisation that owns this ${what} or an administrator may change it`);
}

/** Reads as the writer: the actor, or for the system the record's owner. */
export function viewerOf(actor: Actor | null, ownerOrgId: string): Viewer {
  return actor ?? { organisationId: ownerOrgId, isMissionMember: false };
}
