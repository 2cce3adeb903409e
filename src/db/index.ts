import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { rememberPool } from './dialect.ts';
import { rememberSqlite, withStatementCache } from './prepared.ts';
import { LATEST_MIGRATION, migrationProvider } from './migrations/index.ts';
import type { DB } from './schema.ts';

export type { DB, ShareableTable } from './schema.ts';
export { changeChannel, dialectOf, lockForSerialWrite, type ChangeChannel, type DialectName } from './dialect.ts';
export { runShaped, runShapedTuples, Slots } from './prepared.ts';

export type Db = Kysely<DB>;

// The schema each PostgreSQL database keeps its migration table in, when not
// the default. Kysely looks for that table in every schema it can see, so a
// test schema must name its own.
const migrationSchemas = new WeakMap<Kysely<any>, string>();

export interface DbOptions {
  /** `sqlite:<file>`, `sqlite::memory:` or a postgres:// URL. */
  url: string;
  /** PostgreSQL only: schemas to search, first one for new tables (tests use one schema each). */
  searchPath?: string;
  poolSize?: number;
}

/** Opens the database named by the URL. It does not migrate: call migrateToLatest. */
export function createDb(options: DbOptions): Db {
  if (options.url.startsWith('sqlite:')) {
    const database = openSqlite(options.url.slice('sqlite:'.length));
    const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) });
    rememberSqlite(db, database);
    return db;
  }
  // PostgreSQL returns bigint (int8) as text to avoid precision loss; Konbit's
  // bigints are counters and sequence numbers that fit in a double.
  pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    ...(options.searchPath ? { options: `-c search_path=${options.searchPath}` } : {}),
  });
  // A client that loses its server must not crash the process, whether idle or
  // checked out between two queries (pg emits 'error' then, and a checked-out
  // client has no listener of the pool's): the next query reports the outage.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  rememberPool(db, pool);
  const ownSchema = options.searchPath?.split(',')[0]?.trim();
  if (ownSchema && ownSchema !== 'public') migrationSchemas.set(db, ownSchema);
  return db;
}

function migrator(db: Kysely<any>): Migrator {
  const schema = migrationSchemas.get(db);
  return new Migrator({ db, provider: migrationProvider, ...(schema ? { migrationTableSchema: schema } : {}) });
}

function openSqlite(file: string): SQLite.Database {
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const database = new SQLite(file);
  database.pragma('journal_mode = WAL');
  // NORMAL is durable across process crashes in WAL mode; FULL also survives power loss.
  database.pragma('synchronous = FULL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  return database;
}

/** Kysely's migrator for this database, for resets that run migrations down. */
export { migrator };

/** Applies every pending migration; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<any>): Promise<void> {
  const { error, results } = await migrator(db).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Whether the database answers and every migration has been applied. */
export async function migrationsCurrent(db: Kysely<any>): Promise<boolean> {
  const migrations = await migrator(db).getMigrations();
  return migrations.every((m) => m.executedAt !== undefined) && migrations.some((m) => m.name === LATEST_MIGRATION);
}
