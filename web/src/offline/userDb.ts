/*
 * One IndexedDB database per user on this device (plain IndexedDB: two
 * stores need no library). `outbox` holds reports not yet delivered; `meta`
 * holds small facts such as the time of the last sync.
 */
import { userDbOf } from './names.ts';

const VERSION = 1;
export type StoreName = 'outbox' | 'meta';

const open = new Map<string, Promise<IDBDatabase>>();

function promised<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

/** The user's database, opened once per page. */
export function userDb(userId: string): Promise<IDBDatabase> {
  const name = userDbOf(userId);
  let db = open.get(name);
  if (!db) {
    const request = indexedDB.open(name, VERSION);
    request.onupgradeneeded = () => {
      request.result.createObjectStore('outbox', { keyPath: 'id' });
      request.result.createObjectStore('meta');
    };
    db = promised(request);
    open.set(name, db);
  }
  return db;
}

/** Runs one request in a transaction of its own and waits for it to commit. */
export async function run<T>(userId: string, store: StoreName, mode: IDBTransactionMode, call: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await userDb(userId);
  const tx = db.transaction(store, mode);
  const result = promised(call(tx.objectStore(store)));
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
  return result;
}

/** Closes and deletes a user's database (signing out). */
export async function deleteUserDb(userId: string): Promise<void> {
  const name = userDbOf(userId);
  const db = open.get(name);
  open.delete(name);
  if (db) (await db.catch(() => null))?.close();
  await new Promise<void>((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error('could not delete the stored data'));
    // Another tab still holds it open: it is deleted once that tab lets go.
    request.onblocked = () => resolve();
  });
}
