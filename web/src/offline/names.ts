/*
 * The names the app and its service worker agree on: where each kind of
 * stored data lives. Everything a user may see is kept under their user id,
 * so that another user signing in on the device never reads it, and signing
 * out deletes it by name.
 */

/** The app shell (HTML, scripts, styles, icons) of one build: no user data. */
export const SHELL_CACHE_PREFIX = 'konbit-shell-';
/** The basemap (boundaries, roads): public data, the same for everyone. */
export const BASEMAP_CACHE = 'konbit-basemap';
/** What one user may see (incidents, areas, roadblocks, sites, their own profile). */
export const DATA_CACHE_PREFIX = 'konbit-data-';
/** One entry: the id of the user signed in on this device, or none. */
export const SESSION_CACHE = 'konbit-session';
export const SESSION_USER_URL = '/__konbit/signed-in-user';
/** The IndexedDB database of one user's outbox and sync state. */
export const USER_DB_PREFIX = 'konbit-user-';

export function dataCacheOf(userId: string): string {
  return `${DATA_CACHE_PREFIX}${userId}`;
}

export function userDbOf(userId: string): string {
  return `${USER_DB_PREFIX}${userId}`;
}

/** API reads that are never kept: live streams and the session's own calls. */
export function isUncachedApi(pathname: string): boolean {
  return pathname.startsWith('/api/v1/stream') || pathname.startsWith('/api/v1/auth/login') || pathname.startsWith('/api/v1/auth/logout');
}

export function isBasemap(pathname: string): boolean {
  return pathname === '/api/v1/basemap' || pathname.startsWith('/api/v1/basemap/');
}

/** GET requests whose answers are kept for offline use. */
export function isOfflineData(pathname: string): boolean {
  return (pathname.startsWith('/api/v1/') && !isUncachedApi(pathname)) || pathname === '/docs/json';
}
