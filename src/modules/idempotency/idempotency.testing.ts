import type { Db } from '../../db/index.ts';
import { buildOrganisation, buildUser } from '../auth/testing.ts';
import { insertKey } from './idempotency.repo.ts';

/* Keys stored at chosen times, for the pruning tests of the module and of the command line. */

/** A user (ken.reporter of a new KEN organisation) to own the keys; answers the user's id. */
export async function buildKeyOwner(db: Db): Promise<string> {
  await buildOrganisation(db, 'KEN');
  return (await buildUser(db, 'ken.reporter', 'KEN', ['reporter'])).actor.userId;
}

/** Stores one key per time given, named key-0, key-1… in that order. */
export async function storeKeysAt(db: Db, userId: string, times: readonly Date[]): Promise<void> {
  for (const [i, time] of times.entries()) {
    await insertKey(db, {
      user_id: userId, key: `key-${i}`, operation: 'roadblock.create', request_hash: `hash-${i}`, status_code: 201, response: '{}', created_at: time.toISOString(),
    });
  }
}

/** The keys still stored, in name order. */
export async function storedKeys(db: Db): Promise<string[]> {
  return (await db.selectFrom('idempotency_keys').select('key').orderBy('key').execute()).map((row) => row.key);
}
