import type { Role } from '../../shared/access.ts';
import { AppError } from '../../shared/errors.ts';
import type { Db } from '../../db/index.ts';
import { hasRole, type Actor, type Viewer } from '../auth/index.ts';
import { organisationKind } from './trainees.repo.ts';

/*
 * Who may do what in training. Reading follows releasability; courses are
 * run by their owner and their trainer; vetting belongs to the oversight
 * body alone, and so does the reason of a flag. A null actor is the system
 * (command line, demo).
 */

/** Recording courses, sessions, trainees, attendance and certification. */
export const TRAINING_WRITERS: readonly Role[] = ['admin', 'commander', 'analyst'];
/** Raising and clearing vetting flags (and the oversight organisation is checked too). */
export const VETTING_ROLES: readonly Role[] = ['oversight'];

/** The course's owner, its trainer organisation, or an administrator. */
export function assertMayRun(actor: Actor | null, course: { owner_org_id: string; trainer_org_id: string }): void {
  if (actor === null || actor.organisationId === course.owner_org_id || actor.organisationId === course.trainer_org_id || hasRole(actor, 'admin')) return;
  throw new AppError('FORBIDDEN', 'only the organisation that owns or gives this course, or an administrator, may enrol, record attendance or certify');
}

/** Whether the reader belongs to the oversight body: only it reads the reasons of vetting flags. */
export async function isOversight(db: Db, viewer: Viewer): Promise<boolean> {
  return viewer.organisationId !== null && (await organisationKind(db, viewer.organisationId)) === 'oversight';
}

export async function assertOversight(db: Db, actor: Actor | null): Promise<void> {
  if (actor === null) return;
  if (hasRole(actor, ...VETTING_ROLES) && (await isOversight(db, actor))) return;
  throw new AppError('FORBIDDEN', 'vetting flags are raised and cleared by the oversight body only (an oversight user of the oversight organisation)');
}

/** Reads as the writer: the actor, or for the system the owner, as the mission member a training owner is. */
export function viewerOf(actor: Actor | null, ownerOrgId: string): Viewer {
  return actor ?? { organisationId: ownerOrgId, isMissionMember: true };
}
