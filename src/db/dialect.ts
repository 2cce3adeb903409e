import { PostgresAdapter, sql, type Kysely } from 'kysely';

/*
 * The one place that knows SQLite from PostgreSQL. Modules and migrations ask
 * for capabilities and helpers here; none of them tests which database it is.
 */

export type DialectName = 'sqlite' | 'postgres';

export function dialectOf(db: Kysely<any>): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/** Column type for 64-bit floats. */
export function doubleType(db: Kysely<any>) {
  return dialectOf(db) === 'postgres' ? sql`double precision` : sql`real`;
}

/**
 * Serialises writers that must see each other's rows, such as the audit
 * chain's appenders. SQLite runs one write transaction at a time already; on
 * PostgreSQL a transaction-scoped advisory lock does it.
 */
export async function lockForSerialWrite(trx: Kysely<any>, lockId: number): Promise<void> {
  if (dialectOf(trx) === 'postgres') await sql`select pg_advisory_xact_lock(${lockId})`.execute(trx);
}

/** Column type for raw bytes (packed coordinates): SQLite's blob, PostgreSQL's bytea. */
export function binaryType(db: Kysely<any>) {
  return dialectOf(db) === 'postgres' ? sql`bytea` : sql`blob`;
}
