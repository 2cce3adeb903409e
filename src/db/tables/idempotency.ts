/*
 * The idempotency keys of replayable writes (migration 0009). Times are
 * ISO-8601 UTC text; the response is the JSON body first answered.
 */

/** One key a user sent, with the answer it got. Scoped to the user: another user's key never matches. */
export interface IdempotencyKeysTable {
  user_id: string;
  key: string;
  /** What the key was used for ("roadblock.create", "task.status"): a key serves one operation. */
  operation: string;
  /** sha256 of the operation and its request, to tell a retry from another request under the same key. */
  request_hash: string;
  status_code: number;
  response: string;
  created_at: string;
}

export interface IdempotencyTables {
  idempotency_keys: IdempotencyKeysTable;
}
