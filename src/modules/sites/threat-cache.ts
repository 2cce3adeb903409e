import type { SiteThreat } from '../../shared/sites.ts';

/*
 * Derived threats, remembered per reader organisation and settings. A change
 * of incidents (the incidents module's stream bus), of a site, or a minute
 * passing makes them stale: the minute bounds how long a change made by
 * another process (the command line, another instance) or to an area of
 * control goes unseen, and keeps the recency decay current.
 */

const TTL_MS = 60_000;
const MAX_ENTRIES = 20_000;

let generation = 0;
const entries = new Map<string, { threat: SiteThreat; generation: number; expiresAt: number }>();

/** Forgets every remembered threat (incidents, areas or sites changed). */
export function invalidateThreats(): void {
  generation += 1;
  entries.clear();
}

export function cachedThreat(key: string, now = Date.now()): SiteThreat | undefined {
  const entry = entries.get(key);
  if (!entry || entry.generation !== generation || entry.expiresAt <= now) return undefined;
  return entry.threat;
}

export function rememberThreat(key: string, threat: SiteThreat, now = Date.now()): void {
  if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  entries.set(key, { threat, generation, expiresAt: now + TTL_MS });
}
