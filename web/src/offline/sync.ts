/*
 * Keeping what the signed-in user may see on the device: after sign-in and
 * every few minutes while online, the app reads the offline set (the user's
 * profile, the API's description, the basemap layers, the latest incidents,
 * areas of control, roadblocks, sites and tasks) and stores each answer in
 * Cache Storage, where the service worker finds it when the network is gone.
 * The basemap is public and kept apart; the rest is kept under the user's id.
 */
import { BASEMAP_CACHE, dataCacheOf, isBasemap, SESSION_CACHE, SESSION_USER_URL } from './names.ts';
import { run } from './userDb.ts';

const BASEMAP_LAYERS = ['adm1', 'adm2', 'adm3', 'roads'] as const;
/** How far back the stored incidents reach. */
const INCIDENT_DAYS = 90;

/** The reads kept for offline use, for a sync starting at `now`. */
export function offlineSet(now: number): string[] {
  const from = new Date(now - INCIDENT_DAYS * 86_400_000).toISOString().slice(0, 10);
  return [
    '/api/v1/auth/me',
    '/docs/json',
    '/api/v1/basemap',
    ...BASEMAP_LAYERS.map((layer) => `/api/v1/basemap/${layer}`),
    `/api/v1/incidents.geojson?from=${from}T00:00:00.000Z`,
    '/api/v1/roads/areas.geojson',
    '/api/v1/roads/roadblocks.geojson',
    '/api/v1/sites.geojson',
    '/api/v1/sites/tasks?limit=200',
    '/api/v1/organisations',
  ];
}

/** Tells the service worker whose data it may keep and serve (null: nobody's). */
export async function markSignedIn(userId: string | null): Promise<void> {
  if (!('caches' in window)) return;
  const cache = await caches.open(SESSION_CACHE);
  if (userId) await cache.put(SESSION_USER_URL, new Response(userId, { headers: { 'content-type': 'text/plain' } }));
  else await cache.delete(SESSION_USER_URL);
}

export interface SyncResult {
  /** When the sync finished, if every read came from the server. */
  at: string | null;
  stored: number;
  failed: number;
}

/** Reads the offline set from the server and stores it; the time is kept only when nothing failed for want of a network. */
export async function syncOffline(userId: string): Promise<SyncResult> {
  if (!('caches' in window)) return { at: null, stored: 0, failed: 0 };
  const [data, basemap] = await Promise.all([caches.open(dataCacheOf(userId)), caches.open(BASEMAP_CACHE)]);
  let stored = 0;
  let failed = 0;
  await Promise.all(offlineSet(Date.now()).map(async (url) => {
    try {
      const response = await fetch(url, { credentials: 'same-origin', headers: { accept: 'application/json' }, cache: 'no-store' });
      // An answer the service worker served from storage is no news from the server.
      if (response.headers.has('x-konbit-offline')) return void failed++;
      // A service the server does not run (404) is simply not there to keep.
      if (!response.ok) return;
      await (isBasemap(new URL(url, location.href).pathname) ? basemap : data).put(url, response);
      stored++;
    } catch {
      failed++;
    }
  }));
  const at = failed === 0 ? new Date().toISOString() : null;
  if (at) await run(userId, 'meta', 'readwrite', (store) => store.put(at, 'lastSync'));
  return { at, stored, failed };
}

/** When this user's data was last stored whole, if ever. */
export async function lastSyncOf(userId: string): Promise<string | null> {
  return ((await run(userId, 'meta', 'readonly', (store) => store.get('lastSync'))) as string | undefined) ?? null;
}
