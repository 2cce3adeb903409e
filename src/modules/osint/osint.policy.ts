import type { Role } from '../../shared/access.ts';
import { AppError } from '../../shared/errors.ts';
import { hasRole, type Actor } from '../auth/index.ts';

/*
 * Who may do what with news. A null actor is the system (the command line,
 * the feed poller), which may ingest and grade but never decide a proposal:
 * an accepted record always names the analyst who accepted it.
 */

/** Read articles, stories, outlets, feeds and the review queue. */
export const NEWS_READERS: readonly Role[] = ['admin', 'commander', 'analyst'];
/** Ingest articles, manage feeds, grade outlets. */
export const NEWS_CURATORS: readonly Role[] = ['admin', 'analyst'];
/** Accept, edit or reject proposals. */
export const NEWS_DECIDERS: readonly Role[] = ['analyst'];

export function assertMayCurate(actor: Actor | null): void {
  if (actor && !hasRole(actor, ...NEWS_CURATORS)) throw new AppError('FORBIDDEN', `ingesting news, managing feeds and grading outlets need one of the roles: ${NEWS_CURATORS.join(', ')}`);
}

export function assertMayDecide(actor: Actor | null): asserts actor is Actor {
  if (!actor) throw new AppError('FORBIDDEN', 'a proposal is decided by an analyst: name one (--as USERNAME)');
  if (!hasRole(actor, ...NEWS_DECIDERS)) throw new AppError('FORBIDDEN', 'accepting, editing or rejecting a proposal needs the analyst role');
}
