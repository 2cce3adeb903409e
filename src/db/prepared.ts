import { createHash } from 'node:crypto';
import type SQLite from 'better-sqlite3';
import type { Compilable, CompiledQuery, Kysely, SqliteDatabase, SqliteStatement } from 'kysely';
import { dialectOf, pgPoolOf } from './dialect.ts';

/*
 * Queries compiled once per shape and run many times with new values. Kysely
 * builds and compiles a query on every call, which for a filter with a
 * releasability predicate and a space-time search costs about as much as
 * running it. Here the query is built once with slots where the values go
 * (`slots.put(value)` returns a stand-in that Kysely passes through as a
 * parameter), compiled, and kept under its shape; later calls only bind the
 * values. Outside a transaction the statement is prepared once too: a
 * better-sqlite3 statement kept per SQL text, or a named PostgreSQL statement.
 *
 * Anything whose value changes the SQL text (how many types, whether the
 * reader has an organisation) belongs in the shape; everything else in slots.
 */

/** A value given when the query runs: what a compiled query holds in its parameters until then. */
class Slot {
  constructor(readonly index: number) {}
}

/** The values of one call, in the order their slots were put. */
export class Slots {
  readonly values: unknown[] = [];

  /** A stand-in for value, to build the query with; typed as the value so that builders accept it. */
  put<T>(value: T): T {
    this.values.push(value);
    return new Slot(this.values.length - 1) as unknown as T;
  }
}

const compiledByShape = new Map<string, CompiledQuery>();
const MAX_SHAPES = 500;

const sqliteDatabases = new WeakMap<Kysely<any>, SQLite.Database>();
const statements = new WeakMap<SQLite.Database, Map<string, SQLite.Statement>>();

/** createDb hands over its SQLite database, so that statements can be prepared once. */
export function rememberSqlite(db: Kysely<any>, database: SQLite.Database): void {
  sqliteDatabases.set(db, database);
}

/**
 * Runs the query of this shape with the values put in slots. build() is
 * called with those slots only the first time a shape is seen; it must put
 * the same values in the same order on every call (the caller puts them, and
 * passes the same Slots whose values this call binds).
 */
export async function runShaped<Row>(db: Kysely<any>, shape: string, slots: Slots, build: () => Compilable<Row>): Promise<Row[]> {
  return run(db, shape, slots, build, false) as Promise<Row[]>;
}

/**
 * runShaped, with each row as an array of its columns in the order selected:
 * a map layer of thousands of rows builds no object per row.
 */
export async function runShapedTuples(db: Kysely<any>, shape: string, slots: Slots, build: () => Compilable<unknown>): Promise<unknown[][]> {
  return run(db, shape, slots, build, true) as Promise<unknown[][]>;
}

async function run(db: Kysely<any>, shape: string, slots: Slots, build: () => Compilable<unknown>, tuples: boolean): Promise<unknown[]> {
  const key = `${dialectOf(db)} ${shape}`;
  let compiled = compiledByShape.get(key);
  if (!compiled) {
    compiled = build().compile();
    if (compiledByShape.size >= MAX_SHAPES) compiledByShape.clear();
    compiledByShape.set(key, compiled);
  }
  const parameters = compiled.parameters.map((value) => (value instanceof Slot ? slots.values[value.index] : value));
  const database = sqliteDatabases.get(db);
  if (database) {
    // Holding Kysely's connection keeps this read out of any transaction open on it meanwhile.
    return db.connection().execute(async () => preparedStatement(database, compiled.sql, tuples).all(...parameters));
  }
  const pool = pgPoolOf(db);
  if (pool) {
    const name = statementName(compiled.sql);
    const result = tuples ? await pool.query({ name, text: compiled.sql, values: parameters, rowMode: 'array' }) : await pool.query({ name, text: compiled.sql, values: parameters });
    return result.rows;
  }
  // A transaction (or an unknown database): Kysely runs it on the transaction's connection.
  const result = await db.executeQuery<Record<string, unknown>>({ ...compiled, parameters });
  return tuples ? result.rows.map((row) => Object.values(row)) : [...result.rows];
}

function preparedStatement(database: SQLite.Database, text: string, tuples: boolean): SQLite.Statement {
  let byText = statements.get(database);
  if (!byText) statements.set(database, (byText = new Map()));
  const key = `${tuples ? 'tuples' : 'rows'} ${text}`;
  let statement = byText.get(key);
  if (!statement) {
    if (byText.size >= MAX_SHAPES) byText.clear();
    statement = database.prepare(text).raw(tuples);
    byText.set(key, statement);
  }
  return statement;
}

/** PostgreSQL prepares a named statement once per connection: the name follows the text. */
function statementName(text: string): string {
  return `konbit_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
}

/**
 * better-sqlite3 as Kysely's SQLite dialect takes it, with each statement kept
 * per SQL text: Kysely prepares every query it runs, and preparing a statement
 * costs about as much as running a short one. Streams (iterate) get a statement
 * of their own, since a statement being iterated cannot run another query.
 */
export function withStatementCache(database: SQLite.Database): SqliteDatabase {
  const kept = new Map<string, SQLite.Statement>();
  return {
    close: () => {
      kept.clear();
      database.close();
    },
    prepare: (text: string): SqliteStatement => {
      let statement = kept.get(text);
      if (!statement) {
        statement = database.prepare(text);
        if (kept.size >= MAX_KEPT_STATEMENTS) kept.delete(kept.keys().next().value!);
        kept.set(text, statement);
      }
      const reusable = statement;
      return {
        reader: reusable.reader,
        all: (parameters) => reusable.all(parameters),
        run: (parameters) => reusable.run(parameters),
        iterate: (parameters) => database.prepare(text).iterate(parameters),
      };
    },
  };
}

const MAX_KEPT_STATEMENTS = 2000;
