import type { Role } from '../../shared/access.ts';

/** Whoever reads: enough to decide releasability. */
export interface Viewer {
  /** null for the public (no account). */
  readonly organisationId: string | null;
  readonly isMissionMember: boolean;
}

/** A signed-in user acting through the API or the command line. */
export interface Actor extends Viewer {
  readonly userId: string;
  readonly username: string;
  readonly organisationId: string;
  readonly organisationCode: string;
  readonly roles: readonly Role[];
  /** Ties audit rows to the request that made them. */
  readonly requestId?: string;
}

export const PUBLIC_VIEWER: Viewer = Object.freeze({ organisationId: null, isMissionMember: false });

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return roles.some((role) => actor.roles.includes(role));
}
