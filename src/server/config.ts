import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const Env = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL; leave it unset for the embedded SQLite database')
    .optional(),
  KONBIT_DATA_DIR: z.string().min(1).default('./data'),
  KONBIT_DATASETS: z.string().min(1).optional(),
  KONBIT_DEMO_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
  KONBIT_SESSION_HOURS: z.coerce.number().positive().max(24 * 30).default(12),
  KONBIT_COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  KONBIT_TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  KONBIT_BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(1_048_576),
  KONBIT_IDEMPOTENCY_RETENTION_DAYS: z.coerce.number().positive().max(3650).default(30),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
});

export interface Config {
  readonly host: string;
  readonly port: number;
  /** `sqlite:<file>` or a postgres:// URL. */
  readonly databaseUrl: string;
  readonly dataDir: string;
  /** Folder with the public datasets, or null when none was found. */
  readonly datasetsDir: string | null;
  readonly demoPassword: string | null;
  readonly sessionHours: number;
  readonly cookieSecure: 'auto' | boolean;
  readonly trustProxy: boolean;
  readonly bodyLimitBytes: number;
  /** How long an Idempotency-Key and its first answer are kept, in days. */
  readonly idempotencyRetentionDays: number;
  readonly logLevel: (typeof LOG_LEVELS)[number];
}

export class ConfigError extends Error {}

/**
 * Reads the environment once into a frozen, validated Config. A bad value
 * throws a ConfigError with one line naming the variable.
 */
export function loadConfig(env: Record<string, string | undefined>, cwd = process.cwd()): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = issue?.path.join('.') ?? 'environment';
    throw new ConfigError(`invalid ${variable}=${JSON.stringify(env[variable] ?? '')}: ${issue?.message}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(cwd, e.KONBIT_DATA_DIR);
  return Object.freeze({
    host: e.HOST,
    port: e.PORT,
    databaseUrl: e.DATABASE_URL ?? `sqlite:${path.join(dataDir, 'konbit.db')}`,
    dataDir,
    datasetsDir: resolveDatasets(e.KONBIT_DATASETS, cwd),
    demoPassword: e.KONBIT_DEMO_PASSWORD ?? null,
    sessionHours: e.KONBIT_SESSION_HOURS,
    cookieSecure: e.KONBIT_COOKIE_SECURE === 'auto' ? 'auto' : e.KONBIT_COOKIE_SECURE === 'true',
    trustProxy: e.KONBIT_TRUST_PROXY === 'true',
    bodyLimitBytes: e.KONBIT_BODY_LIMIT_BYTES,
    idempotencyRetentionDays: e.KONBIT_IDEMPOTENCY_RETENTION_DAYS,
    logLevel: e.LOG_LEVEL,
  });
}

function resolveDatasets(configured: string | undefined, cwd: string): string | null {
  if (configured) {
    const dir = path.resolve(cwd, configured);
    if (!existsSync(dir)) throw new ConfigError(`invalid KONBIT_DATASETS=${JSON.stringify(configured)}: no such folder`);
    return dir;
  }
  const beside = path.resolve(cwd, '..', 'shared', 'data');
  return existsSync(beside) ? beside : null;
}
