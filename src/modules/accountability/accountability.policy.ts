import type { Role } from '../../shared/access.ts';
import { AppError } from '../../shared/errors.ts';
import type { Db } from '../../db/index.ts';
import { hasRole, type Actor, type Viewer } from '../auth/index.ts';
import { organisationKind } from './cases.repo.ts';

/*
 * Who may touch accountability records.
 *
 * Complaints belong to no organisation and are read and handled only by the
 * oversight body: a user holding the oversight role in an organisation of
 * kind "oversight". Neither an administrator (of any organisation) nor an
 * oversight role held inside a contingent is enough: the organisation a
 * complaint concerns must never reach it. The refusal comes before any
 * lookup, so it says nothing about whether a case exists.
 *
 * Within the oversight body, the complainant's contact details are shown
 * only to the investigators assigned to the case.
 *
 * Detentions are recorded by the detaining unit's organisation and read
 * through releasability; the oversight body reads the whole register.
 */

export interface OversightActor extends Actor {
  readonly oversight: true;
}

export async function isOversight(db: Db, viewer: Viewer | Actor | null): Promise<boolean> {
  if (!viewer || !('roles' in viewer) || !hasRole(viewer, 'oversight')) return false;
  return (await organisationKind(db, viewer.organisationId)) === 'oversight';
}

/** The actor, if it belongs to the oversight body; otherwise a 403 that reveals nothing. */
export async function requireOversight(db: Db, actor: Actor | null): Promise<OversightActor> {
  if (!actor || !(await isOversight(db, actor))) {
    throw new AppError('FORBIDDEN', 'complaints are handled by the oversight body only: this needs the oversight role in the oversight organisation');
  }
  return { ...actor, oversight: true };
}

/** Roles that may record a detention and its handover, for their own organisation. */
export const DETENTION_WRITERS: readonly Role[] = ['admin', 'commander', 'reporter'];
/** Organisations whose units may detain. */
export const DETAINING_KINDS = ['contingent', 'mission_hq'] as const;

export async function requireDetentionWriter(db: Db, actor: Actor | null, ownerOrgId?: string): Promise<void> {
  if (actor === null) return; // the system itself: the demo loader
  if (!hasRole(actor, ...DETENTION_WRITERS)) throw new AppError('FORBIDDEN', `recording detentions needs one of the roles: ${DETENTION_WRITERS.join(', ')}`);
  if (ownerOrgId !== undefined && ownerOrgId !== actor.organisationId) {
    throw new AppError('FORBIDDEN', 'only the organisation whose unit detained the person may record the handover or release');
  }
  const kind = await organisationKind(db, actor.organisationId);
  if (!DETAINING_KINDS.includes(kind as (typeof DETAINING_KINDS)[number])) {
    throw new AppError('FORBIDDEN', 'only mission units (contingents and mission headquarters) record detentions');
  }
}
