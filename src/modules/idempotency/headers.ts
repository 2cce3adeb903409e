import { z } from 'zod';

/** The request header of a write that may be repeated: the same key makes a retry, not a new request. */
export const IdempotencyHeaders = z.object({ 'idempotency-key': z.string().min(1).max(200).optional() });

/** The response header that tells a client it got the first answer again. */
export const REPLAYED_HEADER = 'idempotent-replayed';
