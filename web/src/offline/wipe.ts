/*
 * Signing out leaves nothing of the user on the device: their outbox and
 * sync state (IndexedDB), the answers kept for them (Cache Storage), and the
 * marker that let the service worker serve those. Every user's kept data is
 * deleted, not only the one signing out: a device handed over is clean. The
 * basemap and the app shell are public and stay.
 */
import { DATA_CACHE_PREFIX, USER_DB_PREFIX } from './names.ts';
import { stopOutbox } from './outbox.ts';
import { markSignedIn } from './sync.ts';
import { deleteUserDb } from './userDb.ts';

export async function wipeDeviceData(): Promise<void> {
  stopOutbox();
  await markSignedIn(null);
  if ('caches' in window) {
    for (const name of await caches.keys()) if (name.startsWith(DATA_CACHE_PREFIX)) await caches.delete(name);
  }
  const databases = 'databases' in indexedDB ? await indexedDB.databases() : [];
  for (const { name } of databases) if (name?.startsWith(USER_DB_PREFIX)) await deleteUserDb(name.slice(USER_DB_PREFIX.length));
}
