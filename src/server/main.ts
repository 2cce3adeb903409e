import { createDb, migrateToLatest } from '../db/index.ts';
import { idempotencyPruning } from '../modules/idempotency/index.ts';
import { buildApp } from './app.ts';
import type { Config } from './config.ts';

export interface StartOptions {
  /** Runs after migrations and before listening (the demo seed on first start). */
  beforeListen?: (db: ReturnType<typeof createDb>) => Promise<void>;
}

/** config -> database -> app -> listen; closes cleanly on SIGINT/SIGTERM. */
export async function startServer(config: Config, options: StartOptions = {}): Promise<void> {
  const db = createDb({ url: config.databaseUrl });
  await migrateToLatest(db);
  await options.beforeListen?.(db);
  const app = await buildApp(config, { db });
  // Idempotency-Keys past their retention are forgotten while the server listens (hourly).
  await app.register(idempotencyPruning, { db, retentionDays: config.idempotencyRetentionDays });
  const close = async () => {
    await app.close();
    await db.destroy();
    process.exit(0);
  };
  process.once('SIGINT', () => void close());
  process.once('SIGTERM', () => void close());
  await app.listen({ host: config.host, port: config.port });
}
