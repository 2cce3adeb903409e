import { AppError } from '../../shared/errors.ts';
import type { ReportFormat } from '../../shared/reports.ts';
import type { Viewer } from '../auth/index.ts';
import type { ResolvedAudience } from './audience.ts';

/*
 * Who may produce which report: an audience whose view is no wider than the
 * requester's own. Anyone may produce the public edition; a member of the
 * mission the mission edition; a user the edition of their own
 * organisation — never another organisation's, which would show records
 * released to it alone.
 */

/** The system itself (the command line run on the server) may produce any edition. */
export type Requester = Viewer | 'system';

export function mayProduce(requester: Requester, audience: ResolvedAudience): boolean {
  if (requester === 'system' || audience.kind === 'public') return true;
  if (requester.organisationId === null) return false;
  if (audience.kind === 'mission') return requester.isMissionMember;
  return requester.organisationId === audience.viewer.organisationId;
}

export function assertMayProduce(requester: Requester, audience: ResolvedAudience, format: ReportFormat): void {
  // A PDF starts a browser on the server: only for signed-in users.
  if (requester !== 'system' && requester.organisationId === null && (audience.kind !== 'public' || format === 'pdf')) {
    throw new AppError('UNAUTHENTICATED', audience.kind === 'public' ? 'sign in to produce a PDF, or ask for format=html and print it' : `sign in to produce the ${audience.code} edition; without an account only the PUBLIC edition is available`);
  }
  if (!mayProduce(requester, audience)) {
    throw new AppError('FORBIDDEN', `you may produce the PUBLIC edition, the MISSION edition if your organisation is a mission member, and your own organisation's edition; the ${audience.code} edition would show records you may not see`);
  }
}
