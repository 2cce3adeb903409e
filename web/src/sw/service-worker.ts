/*
 * Konbit's service worker: the app opens without a network, and what the
 * signed-in user last saw stays readable.
 *
 * - The app shell of this build (listed into PRECACHE at build time) is
 *   stored on install and served cache-first; a page load falls back to the
 *   stored index.html when the network is gone.
 * - API reads go to the network first; each good answer is kept (the basemap
 *   in a cache of its own, everything else under the signed-in user's id),
 *   and when the network fails the kept answer is served, marked with
 *   X-Konbit-Offline so the app can say so. Map tiles, dozens per view, are
 *   kept a few seconds later, once the map has drawn them.
 * - The cost on the page's own loads stays small: where the browser offers
 *   it (Chromium's static routing), the shell's fingerprinted files are read
 *   from storage without running this script at all, and a page load starts
 *   its network request while the worker starts (navigation preload).
 * - Without a signed-in user (the page removes the marker on sign-out) no
 *   user data is kept or served.
 */
import { BASEMAP_CACHE, dataCacheOf, isBasemap, isOfflineData, SESSION_CACHE, SESSION_USER_URL, SHELL_CACHE_PREFIX } from '../offline/names.ts';

/** Replaced at build time by the list of the build's files (vite.config.ts). */
const PRECACHE: string[] = JSON.parse('__KONBIT_PRECACHE__') as string[];
const SHELL_CACHE = `${SHELL_CACHE_PREFIX}${'__KONBIT_BUILD__'}`;

/** How long after a map tile passed it is kept: the map draws it first. */
const TILE_KEEP_DELAY_MS = 5000;

interface ExtendableEventLike extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
/** A static route (Chromium's ServiceWorker static routing API): requests it matches never reach the fetch handler. */
interface RouterRule {
  condition: { urlPattern: string };
  source: { cacheName: string };
}
interface InstallEventLike extends ExtendableEventLike {
  addRoutes?(rules: RouterRule[]): Promise<void>;
}
interface FetchEventLike extends ExtendableEventLike {
  request: Request;
  /** The navigation's own request, started while the worker started (navigation preload), if enabled. */
  preloadResponse?: Promise<Response | undefined>;
  respondWith(response: Promise<Response>): void;
}
interface WorkerScope {
  addEventListener(type: 'install', listener: (event: InstallEventLike) => void): void;
  addEventListener(type: 'activate', listener: (event: ExtendableEventLike) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEventLike) => void): void;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  registration: { navigationPreload?: { enable(): Promise<void> } };
  location: Location;
}
const scope = self as unknown as WorkerScope;

scope.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(SHELL_CACHE);
    await cache.addAll(PRECACHE.map((file) => `/${file}`));
    // The fingerprinted files straight from the shell (a file missing there goes to the network):
    // starting this script for each of a page load's twenty-odd files cost more than reading them.
    try {
      await event.addRoutes?.([{ condition: { urlPattern: '/assets/*' }, source: { cacheName: SHELL_CACHE } }]);
    } catch {
      // A browser without this kind of route: the fetch handler serves the shell instead.
    }
    await scope.skipWaiting();
  })());
});

scope.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    // Earlier builds' shells only: user data and the basemap outlive a new release.
    for (const name of await caches.keys()) if (name.startsWith(SHELL_CACHE_PREFIX) && name !== SHELL_CACHE) await caches.delete(name);
    await scope.registration.navigationPreload?.enable();
    await scope.clients.claim();
  })());
});

scope.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== scope.location.origin) return;
  if (request.mode === 'navigate') return event.respondWith(page(event));
  if (isOfflineData(url.pathname)) return event.respondWith(data(event, url));
  if (PRECACHE.includes(url.pathname.slice(1))) event.respondWith(shell(request));
});

async function shell(request: Request): Promise<Response> {
  const hit = await caches.match(request, { cacheName: SHELL_CACHE });
  return hit ?? fetch(request);
}

async function page(event: FetchEventLike): Promise<Response> {
  try {
    return (await event.preloadResponse) ?? (await fetch(event.request));
  } catch (error) {
    const hit = await caches.match('/index.html', { cacheName: SHELL_CACHE });
    if (hit) return hit;
    throw error;
  }
}

async function signedInUser(): Promise<string | null> {
  const marker = await caches.match(SESSION_USER_URL, { cacheName: SESSION_CACHE });
  return marker ? (await marker.text()) || null : null;
}

async function cacheNameFor(url: URL): Promise<string | null> {
  if (isBasemap(url.pathname)) return BASEMAP_CACHE;
  const user = await signedInUser();
  return user ? dataCacheOf(user) : null;
}

async function data(event: FetchEventLike, url: URL): Promise<Response> {
  const { request } = event;
  const cacheName = await cacheNameFor(url);
  try {
    const response = await fetch(request);
    if (response.ok && cacheName && !response.headers.get('content-type')?.includes('event-stream')) {
      const copy = response.clone();
      const keep = async () => {
        // The user may have signed out while the answer travelled: keep it only if they have not.
        if ((await cacheNameFor(url)) === cacheName) await (await caches.open(cacheName)).put(request, copy);
      };
      if (isTile(url.pathname)) event.waitUntil(later(TILE_KEEP_DELAY_MS).then(keep));
      else await keep();
    }
    return response;
  } catch (error) {
    const kept = cacheName ? await keptAnswer(cacheName, request) : null;
    if (!kept) throw error;
    const headers = new Headers(kept.headers);
    headers.set('x-konbit-offline', kept.headers.get('date') ?? 'true');
    return new Response(kept.body, { status: kept.status, statusText: kept.statusText, headers });
  }
}

/** A vector tile of the map (basemap or incidents). */
function isTile(pathname: string): boolean {
  return pathname.endsWith('.mvt');
}

function later(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The answer kept for this request, or for the same path with other parameters (a map window that moved). */
async function keptAnswer(cacheName: string, request: Request): Promise<Response | null> {
  const cache = await caches.open(cacheName);
  return (await cache.match(request)) ?? (await cache.match(request, { ignoreSearch: true, ignoreVary: true })) ?? null;
}
