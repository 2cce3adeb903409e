/**
 * Idempotency keys for writes a device may repeat after losing the answer: the first answer is
 * stored with the key in the write's own transaction and replayed to a retry; keys past their
 * retention are pruned (pruning.ts).
 */
export { runOnce, forgetKeysBefore, requestHashOf, type OnceProps, type OnceResult } from './idempotency.service.ts';
export { IdempotencyHeaders, REPLAYED_HEADER } from './headers.ts';
export { idempotencyPruning, pruneIdempotencyKeys, startKeyPruning, PRUNE_EVERY_MS, type KeyPruner, type PruneResult } from './pruning.ts';
