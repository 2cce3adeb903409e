import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../shared/errors.ts';
import type { Db } from '../../db/index.ts';
import { oversightRoutes } from './cases.routes.ts';
import { RotatingSalt } from './client-key.ts';
import { DEFAULT_RATE_LIMITS, publicComplaintRoutes, type PublicRateLimits } from './complaints.routes.ts';
import { detentionRoutes } from './detentions.routes.ts';
import { AttachmentStore } from './storage.ts';

export interface AccountabilityRoutesOptions {
  db: Db;
  /** KONBIT_DATA_DIR: attachments are kept under accountability/attachments in it. */
  dataDir: string;
  rateLimits?: Partial<PublicRateLimits>;
}

/** The accountability module's HTTP API: public complaints, oversight case handling, the detention register. */
export async function accountabilityRoutes(app: FastifyInstance, { db, dataDir, rateLimits }: AccountabilityRoutesOptions): Promise<void> {
  // Counted in this process's memory only, per route, under keys that do not identify anyone (client-key.ts).
  await app.register(rateLimit, {
    global: false,
    // Room for many clients before the least recently seen are forgotten.
    cache: 50_000,
    errorResponseBuilder: (_request, context) => new AppError('RATE_LIMITED', `too many requests: try again in ${context.after}`, { retryAfterSeconds: Math.ceil(context.ttl / 1000) }),
  });
  const store = new AttachmentStore(dataDir);
  const salt = new RotatingSalt();
  await publicComplaintRoutes(app, { db, store, salt, limits: { ...DEFAULT_RATE_LIMITS, ...rateLimits } });
  await oversightRoutes(app, { db, store });
  await detentionRoutes(app, { db });
}
