import type { Role } from '../../shared/access.ts';
import { AppError } from '../../shared/errors.ts';
import { hasRole, type Actor } from '../auth/index.ts';

/*
 * Who may change the ledger. Reading is decided by releasability alone; these
 * rules apply to a record the actor can already see (one it cannot see is
 * answered 404 before any rule is asked). A null actor is the system itself:
 * the command line and the demo loader.
 */

/** Roles that may record pledges and their fulfilment. */
export const PLEDGE_WRITERS: readonly Role[] = ['admin', 'commander', 'analyst', 'donor'];
/** Roles that may record the mandate's milestones. */
export const MILESTONE_WRITERS: readonly Role[] = ['admin', 'commander', 'analyst'];

/** Administrators and analysts record what any organisation announced; others only their own. */
export function mayRecordFor(actor: Actor | null, organisationId: string): boolean {
  return actor === null || actor.organisationId === organisationId || hasRole(actor, 'admin', 'analyst');
}

/** The record's owner, the organisation it concerns, or an administrator. */
export function mayChange(actor: Actor | null, record: { owner_org_id: string; organisation_id: string | null }): boolean {
  return actor === null || actor.organisationId === record.owner_org_id || actor.organisationId === record.organisation_id || hasRole(actor, 'admin');
}

export function assertMayRecordFor(actor: Actor | null, organisationId: string, organisationCode: string): void {
  if (!mayRecordFor(actor, organisationId)) {
    throw new AppError('FORBIDDEN', `only ${organisationCode}, an analyst or an administrator may record for ${organisationCode}`);
  }
}

export function assertMayChange(actor: Actor | null, record: { owner_org_id: string; organisation_id: string | null }, what: string): void {
  if (!mayChange(actor, record)) {
    throw new AppError('FORBIDDEN', `only the organisation that owns this ${what}, the organisation it concerns or an administrator may change it`);
  }
}
