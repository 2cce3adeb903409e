import type { Role } from '../../shared/access.ts';
import type { SessionRow } from './auth.repo.ts';
import type { Session } from './sessions.service.ts';

/*
 * Every API request opens its session, and reading it from the database (a
 * three-table join plus the roles) costs more than many answers do. Sessions
 * found are kept here for a few seconds, keyed by the token's digest.
 *
 * Revocation stays immediate on this instance: logout and password changes
 * forget the entries before they return, and a lookup that raced with a
 * revocation is not kept (the generation moved on while it read). Other
 * instances hear of a revocation through the change channel (server/fanout.ts)
 * and forget it the moment the message arrives; the short lifetime bounds what
 * no message announces (a user disabled from another process on SQLite).
 */

/** How long a session read from the database is trusted without reading it again. */
export const SESSION_CACHE_MS = 5_000;
const MAX_ENTRIES = 10_000;

export interface CachedSession {
  row: SessionRow;
  roles: Role[];
  /** Date.parse(row.expires_at), so that each hit compares numbers. */
  expiresMs: number;
  cachedAtMs: number;
  /** The session built from the row, kept so that each request does not build it again. */
  session?: Session;
}

/** A revocation, as the fan-out relays it: one session by digest, or every session of a user. */
export type Revocation = { kind: 'session'; digest: string } | { kind: 'user'; userId: string };

export class SessionCache {
  readonly #entries = new Map<string, CachedSession>();
  readonly #listeners = new Set<(revocation: Revocation) => void>();
  #generation = 0;

  /** The entry for a token digest, if it is fresh and unexpired. */
  get(digest: string, nowMs: number): CachedSession | undefined {
    const entry = this.#entries.get(digest);
    if (!entry) return undefined;
    if (nowMs - entry.cachedAtMs > SESSION_CACHE_MS || entry.expiresMs <= nowMs) {
      this.#entries.delete(digest);
      return undefined;
    }
    return entry;
  }

  /** Read before looking a session up; pass to set, which keeps nothing if a revocation came meanwhile. */
  get generation(): number {
    return this.#generation;
  }

  set(digest: string, entry: CachedSession, generationAtLookup: number): void {
    if (generationAtLookup !== this.#generation) return;
    if (this.#entries.size >= MAX_ENTRIES) this.#entries.delete(this.#entries.keys().next().value!);
    this.#entries.set(digest, entry);
  }

  /** Forgets what the revocation ends here, and tells the listeners (the fan-out) unless it came from them. */
  revoke(revocation: Revocation, { relay = true }: { relay?: boolean } = {}): void {
    this.#generation++;
    if (revocation.kind === 'session') this.#entries.delete(revocation.digest);
    else for (const [digest, entry] of this.#entries) if (entry.row.user_id === revocation.userId) this.#entries.delete(digest);
    if (relay) for (const listener of this.#listeners) listener(revocation);
  }

  /** Calls listener on every local revocation; returns the function that stops it. */
  onRevoke(listener: (revocation: Revocation) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Forgets everything (a lost change channel may have missed revocations). */
  clear(): void {
    this.#generation++;
    this.#entries.clear();
  }
}

/** The process's cache: sessions.service reads and fills it, revocations empty it. */
export const sessionCache = new SessionCache();
