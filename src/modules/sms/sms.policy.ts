import { AppError } from '../../shared/errors.ts';
import { hasRole, type Actor } from '../auth/index.ts';

/*
 * Who may do what with SMS reporting: an organisation's administrators
 * manage the gateways and the numbers of their own organisation's accounts;
 * analysts place the reports the parser could not.
 */

export function assertAdmin(actor: Actor, what: string): void {
  if (!hasRole(actor, 'admin')) throw new AppError('FORBIDDEN', `${what} needs the admin role`);
}

export function assertAnalyst(actor: Actor): void {
  if (!hasRole(actor, 'analyst')) throw new AppError('FORBIDDEN', 'placing an SMS report on the map needs the analyst role');
}

/** Roles that may report an incident (as the incidents module requires of a reporter). */
export const REPORTING_ROLES = ['reporter', 'analyst', 'commander'] as const;
