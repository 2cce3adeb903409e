import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { sql } from 'kysely';
import { createDb, migrateToLatest, type Db } from './index.ts';
import type { DialectName } from './dialect.ts';

/*
 * A fresh, migrated database per test: in memory on SQLite, a schema of its own
 * on PostgreSQL (KONBIT_TEST_PG_URL), dropped afterwards.
 */

const pgUrl = process.env.KONBIT_TEST_PG_URL;

export const TEST_DIALECTS: readonly DialectName[] = pgUrl ? ['sqlite', 'postgres'] : ['sqlite'];

export interface TestDb {
  db: Db;
  dialect: DialectName;
  url: string;
  searchPath: string | undefined;
  drop(): Promise<void>;
}

export async function createTestDb(dialect: DialectName): Promise<TestDb> {
  if (dialect === 'sqlite') {
    const db = createDb({ url: 'sqlite::memory:' });
    await migrateToLatest(db);
    return { db, dialect, url: 'sqlite::memory:', searchPath: undefined, drop: () => db.destroy() };
  }
  if (!pgUrl) throw new Error('KONBIT_TEST_PG_URL is not set');
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = createDb({ url: pgUrl, poolSize: 1 });
  await sql`create schema ${sql.id(schema)}`.execute(admin);
  const searchPath = `${schema},public`;
  const db = createDb({ url: pgUrl, searchPath, poolSize: 4 });
  try {
    await migrateToLatest(db);
  } catch (error) {
    await db.destroy();
    await sql`drop schema ${sql.id(schema)} cascade`.execute(admin);
    await admin.destroy();
    throw error;
  }
  return {
    db,
    dialect,
    url: pgUrl,
    searchPath,
    drop: async () => {
      await db.destroy();
      await sql`drop schema ${sql.id(schema)} cascade`.execute(admin);
      await admin.destroy();
    },
  };
}

/** Declares one test per database, named "<name> [<dialect>]", each on a fresh database. */
export function dbTest(name: string, body: (t: TestDb) => Promise<void>): void {
  for (const dialect of TEST_DIALECTS) {
    test(`${name} [${dialect}]`, async () => {
      const testDb = await createTestDb(dialect);
      try {
        await body(testDb);
      } finally {
        await testDb.drop();
      }
    });
  }
}
