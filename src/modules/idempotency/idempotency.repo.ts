import type { Db } from '../../db/index.ts';
import type { IdempotencyKeysTable } from '../../db/tables/idempotency.ts';

/** The key a user sent before, if any. */
export async function findKey(db: Db, userId: string, key: string): Promise<IdempotencyKeysTable | undefined> {
  return db.selectFrom('idempotency_keys').selectAll().where('user_id', '=', userId).where('key', '=', key).executeTakeFirst();
}

/** Stores a key with its answer; a second insert of the same (user, key) is a unique violation. */
export async function insertKey(db: Db, row: IdempotencyKeysTable): Promise<void> {
  await db.insertInto('idempotency_keys').values(row).execute();
}

/** Forgets keys older than `before`: a retry comes within hours, not months. */
export async function deleteKeysBefore(db: Db, before: string): Promise<number> {
  const result = await db.deleteFrom('idempotency_keys').where('created_at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
