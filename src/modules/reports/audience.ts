import { AppError } from '../../shared/errors.ts';
import type { ReportAudience } from '../../shared/reports.ts';
import type { Db } from '../../db/index.ts';
import { listOrganisations, PUBLIC_VIEWER, type Viewer } from '../auth/index.ts';

/*
 * The reader a report is written for. A report is produced by calling every
 * module's read services with this viewer, so the releasability rule decides
 * its content exactly as it decides what that audience sees in the app.
 */

/**
 * The mission audience: a member of the mission that belongs to no
 * organisation. It sees PUBLIC and MISSION records and nothing RESTRICTED: no
 * record is owned by or released to this id, which names no organisation.
 */
export const MISSION_AUDIENCE_VIEWER: Viewer = Object.freeze({ organisationId: '00000000-0000-4000-8000-00000000a11d', isMissionMember: true });

export interface ResolvedAudience {
  /** PUBLIC, MISSION or the organisation's code. */
  code: string;
  kind: 'public' | 'mission' | 'organisation';
  /** The organisation's name (for an organisation audience). */
  name: string | null;
  viewer: Viewer;
}

export async function resolveAudience(db: Db, audience: ReportAudience): Promise<ResolvedAudience> {
  if (audience === 'PUBLIC') return { code: 'PUBLIC', kind: 'public', name: null, viewer: PUBLIC_VIEWER };
  if (audience === 'MISSION') return { code: 'MISSION', kind: 'mission', name: null, viewer: MISSION_AUDIENCE_VIEWER };
  const organisation = (await listOrganisations(db)).find((o) => o.code === audience);
  if (!organisation) {
    throw new AppError('VALIDATION_FAILED', `unknown audience ${audience}: give PUBLIC, MISSION or an organisation's code`, [{ path: 'audience', message: 'unknown organisation' }]);
  }
  return { code: organisation.code, kind: 'organisation', name: organisation.name, viewer: { organisationId: organisation.id, isMissionMember: organisation.isMissionMember } };
}
