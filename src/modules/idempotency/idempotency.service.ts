import { createHash } from 'node:crypto';
import { AppError } from '../../shared/errors.ts';
import type { Db } from '../../db/index.ts';
import { isUniqueViolation } from '../../db/dialect.ts';
import * as repo from './idempotency.repo.ts';

/*
 * Writes that a device may send again: a patrol whose signal dropped before
 * the answer came sends the same report with the same Idempotency-Key. The
 * first request's answer is stored in the same transaction as its change, so
 * a retry writes nothing and gets that answer again; the same key with a
 * different request is refused (409), and keys belong to the user who sent
 * them.
 */

export interface OnceProps {
  db: Db;
  /** The signed-in user the key belongs to; without one (system writes) there is no key to keep. */
  userId: string | null | undefined;
  /** The client's Idempotency-Key header, if sent. */
  key: string | undefined;
  /** What the key is used for, e.g. "roadblock.create": a key serves one operation. */
  operation: string;
  /** The request as parsed (path ids included): what tells a retry from another request. */
  request: unknown;
  /** The HTTP status of a first answer, kept with it. */
  statusCode: number;
}

export interface OnceResult<T> {
  value: T;
  /** True when the key had been seen: nothing was written, `value` is the first answer. */
  replayed: boolean;
}

/** sha256 of an operation and its request. */
export function requestHashOf(operation: string, request: unknown): string {
  return createHash('sha256').update(operation).update('\n').update(JSON.stringify(request) ?? '').digest('hex');
}

async function replayOf<T>(db: Db, userId: string, key: string, hash: string): Promise<OnceResult<T> | null> {
  const earlier = await repo.findKey(db, userId, key);
  if (!earlier) return null;
  if (earlier.request_hash !== hash) {
    throw new AppError('CONFLICT', `this Idempotency-Key was used for a different request (${earlier.operation}): use a new key for a new request`, { operation: earlier.operation });
  }
  return { value: JSON.parse(earlier.response) as T, replayed: true };
}

/**
 * Runs `work` in one transaction, once per (user, key): it returns the
 * answer, which is stored with the key before commit. A repeat returns the
 * stored answer; two repeats racing resolve on the key's primary key.
 */
export async function runOnce<T>(props: OnceProps, work: (trx: Db) => Promise<T>): Promise<OnceResult<T>> {
  const { db, userId, key, operation, request, statusCode } = props;
  if (!key || !userId) return { value: await db.transaction().execute(work), replayed: false };
  const hash = requestHashOf(operation, request);
  const replay = await replayOf<T>(db, userId, key, hash);
  if (replay) return replay;
  try {
    const value = await db.transaction().execute(async (trx) => {
      const answer = await work(trx);
      await repo.insertKey(trx, { user_id: userId, key, operation, request_hash: hash, status_code: statusCode, response: JSON.stringify(answer), created_at: new Date().toISOString() });
      return answer;
    });
    return { value, replayed: false };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // Another request with this key committed first: answer with its result.
    const raced = await replayOf<T>(db, userId, key, hash);
    if (raced) return raced;
    throw error;
  }
}

/** Forgets the keys stored before `before` (ISO time); answers how many. */
export function forgetKeysBefore(db: Db, before: string): Promise<number> {
  return repo.deleteKeysBefore(db, before);
}
