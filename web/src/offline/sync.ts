/*
 * Keeping what the signed-in user may see on the device: after sign-in and
 * every few minutes while online, the app reads the offline set (the user's
 * profile, the API's description, the latest incidents, areas of control,
 * roadblocks, sites and tasks, and the map's tiles — basemap and incidents —
 * for the country at low zoom and the Port-au-Prince metro area down to
 * street zoom) and stores each answer in Cache Storage, where the service
 * worker finds it when the network is gone. The basemap is public and kept
 * apart; the rest is kept under the user's id.
 */
import { BASEMAP_CACHE, dataCacheOf, isBasemap, SESSION_CACHE, SESSION_USER_URL } from './names.ts';
import { offlineTiles, tileUrl } from './tileList.ts';
import { run } from './userDb.ts';

/** How far back the stored incidents reach. */
const INCIDENT_DAYS = 90;
/** Requests in flight at once while storing tiles: enough to fill a slow link, few enough not to crowd the app's own. */
const PARALLEL = 3;
export const BASEMAP_INDEX = '/api/v1/basemap';
export const INCIDENT_TILESET = '/api/v1/incidents/tiles.json';

/** The reads kept for offline use, for a sync starting at `now` (the map's tiles come after, from their templates). */
export function offlineSet(now: number): string[] {
  const from = new Date(now - INCIDENT_DAYS * 86_400_000).toISOString().slice(0, 10);
  return [
    '/api/v1/auth/me',
    '/docs/json',
    BASEMAP_INDEX,
    // The names of the admin-area filter.
    '/api/v1/basemap/admin-areas',
    INCIDENT_TILESET,
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
  const tally = { stored: 0, failed: 0 };
  const templates = new Map<string, string>();
  const keep = async (url: string) => {
    try {
      const response = await fetch(url, { credentials: 'same-origin', cache: 'no-store' });
      // An answer the service worker served from storage is no news from the server.
      if (response.headers.has('x-konbit-offline')) return void tally.failed++;
      // A service the server does not run (404) is simply not there to keep.
      if (!response.ok) return;
      if (url === BASEMAP_INDEX || url === INCIDENT_TILESET) {
        const template = ((await response.clone().json()) as { tiles?: string[] }).tiles?.[0];
        // Kept as written ({z}/{x}/{y} intact), without the origin when it has one.
        if (template) templates.set(url, template.startsWith(location.origin) ? template.slice(location.origin.length) : template);
      }
      await (isBasemap(new URL(url, location.href).pathname) ? basemap : data).put(url, response);
      tally.stored++;
    } catch {
      tally.failed++;
    }
  };
  await inParallel(offlineSet(Date.now()), keep);
  const basemapTiles = templates.get(BASEMAP_INDEX);
  const incidentTiles = templates.get(INCIDENT_TILESET);
  const tileUrls = [
    ...(basemapTiles ? offlineTiles().map((tile) => tileUrl(basemapTiles, tile)) : []),
    // Incidents from the zoom the map opens at; the filter the map asks for later falls back to these.
    ...(incidentTiles ? offlineTiles(10).map((tile) => tileUrl(incidentTiles, tile)) : []),
  ];
  await inParallel(tileUrls, keep);
  const at = tally.failed === 0 ? new Date().toISOString() : null;
  if (at) await run(userId, 'meta', 'readwrite', (store) => store.put(at, 'lastSync'));
  return { at, ...tally };
}

async function inParallel(urls: readonly string[], work: (url: string) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < urls.length) await work(urls[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, urls.length) }, worker));
}

/** When this user's data was last stored whole, if ever. */
export async function lastSyncOf(userId: string): Promise<string | null> {
  return ((await run(userId, 'meta', 'readonly', (store) => store.get('lastSync'))) as string | undefined) ?? null;
}
