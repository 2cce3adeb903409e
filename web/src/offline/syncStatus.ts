/*
 * The sync state the header shows: when the user's data was last stored
 * whole, whether a sync is running, and whether the device is online. Kept
 * outside React so that any component reads the same state.
 */
import { lastSyncOf, markSignedIn, syncOffline } from './sync.ts';

const EVERY_MS = 5 * 60_000;
const FIRST_SYNC_AFTER_MS = 5_000;

export interface SyncStatus {
  userId: string | null;
  lastSync: string | null;
  syncing: boolean;
  online: boolean;
}

let status: SyncStatus = { userId: null, lastSync: null, syncing: false, online: navigator.onLine };
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;
let firstSync: ReturnType<typeof setTimeout> | null = null;

function publish(next: Partial<SyncStatus>): void {
  status = { ...status, ...next };
  for (const listener of listeners) listener();
}

export function subscribeSync(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function syncStatus(): SyncStatus {
  return status;
}

const wentOnline = () => {
  publish({ online: true });
  void syncNow();
};
const wentOffline = () => publish({ online: false });

/** Stores the user's offline set now (if online and not already syncing). */
export async function syncNow(): Promise<void> {
  const { userId, syncing } = status;
  if (!userId || syncing || !navigator.onLine) return;
  publish({ syncing: true });
  try {
    const result = await syncOffline(userId);
    if (status.userId === userId) publish({ lastSync: result.at ?? status.lastSync });
  } catch {
    // Storage full or refused: the app works on; the header keeps the previous time.
  } finally {
    if (status.userId === userId) publish({ syncing: false });
  }
}

/** Starts keeping this user's data: marks them for the service worker, reads their last sync, syncs now and every few minutes. */
export async function startSync(userId: string): Promise<void> {
  if (status.userId === userId) return;
  stopSync();
  await markSignedIn(userId);
  publish({ userId, lastSync: await lastSyncOf(userId).catch(() => null), syncing: false, online: navigator.onLine });
  window.addEventListener('online', wentOnline);
  window.addEventListener('offline', wentOffline);
  timer = setInterval(() => void syncNow(), EVERY_MS);
  // The first sync waits for the screen the user opened to load: its few hundred requests come after.
  firstSync = setTimeout(() => void syncNow(), FIRST_SYNC_AFTER_MS);
}

export function stopSync(): void {
  window.removeEventListener('online', wentOnline);
  window.removeEventListener('offline', wentOffline);
  if (timer) clearInterval(timer);
  if (firstSync) clearTimeout(firstSync);
  timer = null;
  firstSync = null;
  publish({ userId: null, lastSync: null, syncing: false });
}
