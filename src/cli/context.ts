import { loadConfig, ConfigError, type Config } from '../server/config.ts';
import { createDb, migrateToLatest, type Db } from '../db/index.ts';
import { AppError } from '../shared/errors.ts';
import { ZodError } from 'zod';

/** Reads the configuration once for a command; a bad value ends the process with one line. */
export function commandConfig(): Config {
  try {
    // eslint-disable-next-line no-restricted-properties -- the one place that reads the environment
    return loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
}

/** Runs a command body against the migrated database, then closes it. */
export async function withDb<T>(config: Config, body: (db: Db) => Promise<T>): Promise<T> {
  const db = createDb({ url: config.databaseUrl });
  try {
    await migrateToLatest(db);
    return await body(db);
  } finally {
    await db.destroy();
  }
}

export function fail(message: string, exitCode = 1): never {
  console.error(`konbit: ${message}`);
  process.exit(exitCode);
}

/** Turns the errors a user can cause into one clear line; anything else keeps its stack. */
export function reportError(error: unknown): never {
  if (error instanceof AppError) fail(`${error.message} (${error.code})`);
  if (error instanceof ZodError) fail(error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; '));
  if (error instanceof ConfigError) fail(error.message);
  throw error;
}
