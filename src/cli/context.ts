import { loadConfig, ConfigError, type Config } from '../server/config.ts';
import { createDb, migrateToLatest, type Db } from '../db/index.ts';
import { listOrganisations, PUBLIC_VIEWER, type Viewer } from '../modules/auth/index.ts';
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

/** Runs a command body against the database the environment names. */
export function withCommandDb<T>(body: (db: Db) => Promise<T>): Promise<T> {
  return withDb(commandConfig(), body);
}

/** What the organisation named by --as-org may see; only public records when none is named. */
export async function viewerForOrganisation(db: Db, code: string | undefined): Promise<Viewer> {
  if (!code) return PUBLIC_VIEWER;
  const organisation = (await listOrganisations(db)).find((o) => o.code === code);
  if (!organisation) fail(`unknown organisation ${code} in --as-org`);
  return { organisationId: organisation.id, isMissionMember: organisation.isMissionMember };
}

/** An option's text (commander gives true for an option named without a value). */
export const optionText = (value: string | boolean | undefined): string | undefined => (typeof value === 'string' ? value : undefined);

/** An option's number; anything but a number ends the command, naming the option. */
export function optionNumber(value: string | boolean | undefined, name: string): number | undefined {
  if (typeof value !== 'string') return undefined;
  const parsed = Number(value);
  if (value.trim() === '' || !Number.isFinite(parsed)) fail(`--${name} must be a number, got ${JSON.stringify(value)}`);
  return parsed;
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
