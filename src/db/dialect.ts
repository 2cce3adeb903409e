import { PostgresAdapter, sql, type Kysely } from 'kysely';
import pg from 'pg';

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

/*
 * Spatial, temporal and full-text indexes. A table indexed here has an
 * integer key column `seq`; SQLite keeps virtual tables `<table>_rtree` and
 * `<table>_fts` in step through triggers on update and delete, and through
 * indexNewRows after inserts; PostgreSQL keeps generated columns `space_time`
 * and `search_vector` with GiST and GIN indexes on them.
 */

/** An integer primary key the database numbers itself: SQLite's rowid alias, PostgreSQL's bigserial. */
export function serialKeyType(db: Kysely<any>): 'integer' | 'bigserial' {
  return dialectOf(db) === 'postgres' ? 'bigserial' : 'integer';
}

/**
 * Time in the space-time indexes, in units that make a month weigh about as
 * much as a commune: 30 days ≈ 0.045° (about 5 km). The indexes split their
 * nodes by extent along each axis; in days, time would dwarf space and every
 * node would span the whole city for a few days.
 */
const INDEX_TIME_UNIT_MS = 667 * 86_400_000;

/** Installs PostGIS once per database; concurrent migrations wait on each other rather than race. */
async function ensurePostgis(db: Kysely<any>): Promise<void> {
  const installed = await sql<{ one: number }>`select 1 as one from pg_extension where extname = 'postgis'`.execute(db);
  if (installed.rows.length > 0) return;
  await sql`select pg_advisory_xact_lock(${0x706f7374})`.execute(db);
  try {
    await sql`create extension if not exists postgis schema public`.execute(db);
  } catch (error) {
    throw new Error(`PostGIS is needed for Konbit's spatial indexes and could not be installed (${error instanceof Error ? error.message : String(error)}); install it: create extension postgis`);
  }
}

export interface SpaceTimeColumns {
  table: string;
  lon: string;
  lat: string;
  /** Epoch milliseconds. */
  time: string;
  /** A small integer (a type code): the fourth dimension, so that a filter on a few categories narrows inside the index too. */
  category: string;
}

/**
 * One index over longitude, latitude, time and category together, so that a
 * box, a time window and a few categories narrow each other inside the index:
 * a 4-D R*Tree on SQLite, an n-D GiST over POINT ZM(lon, lat, time, category)
 * on PostgreSQL.
 */
export async function createSpaceTimeIndex(db: Kysely<any>, { table, lon, lat, time, category }: SpaceTimeColumns): Promise<void> {
  const rtree = `${table}_rtree`;
  const t = (column: string) => sql`(${sql.ref(column)} / ${sql.lit(INDEX_TIME_UNIT_MS)}.0)`;
  if (dialectOf(db) === 'postgres') {
    await ensurePostgis(db);
    await sql`alter table ${sql.table(table)} add column space_time public.geometry generated always as (public.st_makepoint(${sql.ref(lon)}, ${sql.ref(lat)}, ${t(time)}::float8, ${sql.ref(category)}::float8)) stored`.execute(db);
    await sql`create index ${sql.id(`${table}_space_time`)} on ${sql.table(table)} using gist (space_time public.gist_geometry_ops_nd)`.execute(db);
    return;
  }
  await sql`create virtual table ${sql.table(rtree)} using rtree(id, min_lon, max_lon, min_lat, max_lat, min_t, max_t, min_c, max_c)`.execute(db);
  const of = (column: string) => sql`new.${sql.ref(column)}`;
  const values = sql`new.seq, ${of(lon)}, ${of(lon)}, ${of(lat)}, ${of(lat)}, ${of(time)} / ${sql.lit(INDEX_TIME_UNIT_MS)}.0, ${of(time)} / ${sql.lit(INDEX_TIME_UNIT_MS)}.0, ${of(category)}, ${of(category)}`;
  // New rows are indexed by indexNewRows, a set at a time: per-row insert triggers cost several times more.
  await sql`create trigger ${sql.id(`${rtree}_update`)} after update of ${sql.ref(lon)}, ${sql.ref(lat)}, ${sql.ref(time)}, ${sql.ref(category)} on ${sql.table(table)} begin delete from ${sql.table(rtree)} where id = old.seq; insert into ${sql.table(rtree)} values (${values}); end`.execute(db);
  await sql`create trigger ${sql.id(`${rtree}_delete`)} after delete on ${sql.table(table)} begin delete from ${sql.table(rtree)} where id = old.seq; end`.execute(db);
}

/** Removes what createSpaceTimeIndex made (before the table is dropped). */
export async function dropSpaceTimeIndex(db: Kysely<any>, table: string): Promise<void> {
  if (dialectOf(db) === 'postgres') return; // the column and its index go with the table
  await sql`drop table if exists ${sql.table(`${table}_rtree`)}`.execute(db);
}

export interface SpaceTimeWindow {
  /** The table's alias in the query. */
  alias: string;
  table: string;
  bbox: { west: number; south: number; east: number; north: number };
  fromMs?: number | undefined;
  toMs?: number | undefined;
  /** Only these categories; all when absent. */
  categories?: readonly number[] | undefined;
}

/**
 * A condition that narrows rows to a box, time window and categories through
 * the index from createSpaceTimeIndex. The index stores rounded coordinates,
 * so this is a superset: callers also compare the exact columns.
 */
export function spatialBboxFilter(db: Kysely<any>, { alias, table, bbox, fromMs, toMs, categories }: SpaceTimeWindow) {
  // Open ends of the window become far-away times; the index then ignores them. The times are
  // divided in SQL, so that a query compiled once (db/prepared.ts) takes them as parameters.
  const indexTime = (value: number) => sql`(${value} / ${sql.lit(INDEX_TIME_UNIT_MS)}.0)`;
  const from = fromMs === undefined ? sql`${-1e6}` : indexTime(fromMs);
  const to = toMs === undefined ? sql`${1e6}` : indexTime(toMs);
  // One search per category: an index searches one box at a time, and the boxes of two categories far apart would cover those between.
  const ranges: [number, number][] = categories?.length ? [...new Set(categories)].map((c) => [c, c]) : [[-1e6, 1e6]];
  if (dialectOf(db) === 'postgres') {
    const boxes = ranges.map(
      ([low, high]) =>
        sql`${sql.ref(`${alias}.space_time`)} OPERATOR(public.&&&) public.st_makeline(public.st_makepoint(${bbox.west}::float8, ${bbox.south}::float8, ${from}::float8, ${low}::float8), public.st_makepoint(${bbox.east}::float8, ${bbox.north}::float8, ${to}::float8, ${high}::float8))`,
    );
    return sql<boolean>`(${sql.join(boxes, sql` or `)})`;
  }
  const searches = ranges.map(
    ([low, high]) =>
      sql`select id from ${sql.table(`${table}_rtree`)} where max_lon >= ${bbox.west} and min_lon <= ${bbox.east} and max_lat >= ${bbox.south} and min_lat <= ${bbox.north} and max_t >= ${from} and min_t <= ${to} and max_c >= ${low} and min_c <= ${high}`,
  );
  return sql<boolean>`${sql.ref(`${alias}.seq`)} in (${sql.join(searches, sql` union all `)})`;
}

/**
 * Full-text search over one text column: FTS5 (external content, kept by
 * triggers) on SQLite, a generated tsvector with a GIN index on PostgreSQL.
 * The 'simple' configuration and unicode61 tokenizer stem nothing, so
 * Haitian Creole, French and English words match alike; the caller folds
 * accents and case before writing and searching.
 */
export async function createFullTextIndex(db: Kysely<any>, { table, column }: { table: string; column: string }): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    await sql`alter table ${sql.table(table)} add column search_vector tsvector generated always as (to_tsvector('simple'::regconfig, ${sql.ref(column)})) stored`.execute(db);
    await sql`create index ${sql.id(`${table}_search_vector`)} on ${sql.table(table)} using gin (search_vector)`.execute(db);
    return;
  }
  const fts = `${table}_fts`;
  await sql`create virtual table ${sql.table(fts)} using fts5(${sql.ref(column)}, content=${sql.lit(table)}, content_rowid='seq', tokenize='unicode61 remove_diacritics 2')`.execute(db);
  const remove = sql`insert into ${sql.table(fts)} (${sql.table(fts)}, rowid, ${sql.ref(column)}) values ('delete', old.seq, old.${sql.ref(column)});`;
  const add = sql`insert into ${sql.table(fts)} (rowid, ${sql.ref(column)}) values (new.seq, new.${sql.ref(column)});`;
  await sql`create trigger ${sql.id(`${fts}_update`)} after update of ${sql.ref(column)} on ${sql.table(table)} begin ${remove} ${add} end`.execute(db);
  await sql`create trigger ${sql.id(`${fts}_delete`)} after delete on ${sql.table(table)} begin ${remove} end`.execute(db);
}

/** Longest word, in characters, a full-text index fed with words must take (PostgreSQL refuses lexemes over 2,047 bytes). */
export const FULL_TEXT_MAX_WORD = 500;

/**
 * How PostgreSQL builds the vector of a full-text index (SQLite's FTS5 needs
 * no change): 'words' takes the column as it is stored, words folded by the
 * caller, separated by spaces and none longer than FULL_TEXT_MAX_WORD; 'parsed'
 * runs to_tsvector's parser over it. For such text both give the same lexemes
 * (positions aside, which no query uses), and the parser costs several times
 * more per row written. Switching rebuilds the column and its index.
 */
export async function setFullTextVectorSource(db: Kysely<any>, { table, column }: { table: string; column: string }, source: 'words' | 'parsed'): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    const words = sql`array_to_tsvector(array_remove(string_to_array(${sql.ref(column)}, ' '), ''))`;
    const parsed = sql`to_tsvector('simple'::regconfig, ${sql.ref(column)})`;
    // Rows written before the limit may hold longer words: they are dropped, as to_tsvector drops words over 2,047 bytes.
    const tooLong = `[^ ]{250}[^ ]{${FULL_TEXT_MAX_WORD + 1 - 250}}[^ ]*`;
    if (source === 'words') await sql`update ${sql.table(table)} set ${sql.ref(column)} = regexp_replace(${sql.ref(column)}, ${tooLong}, '', 'g') where ${sql.ref(column)} ~ ${tooLong}`.execute(db);
    await sql`alter table ${sql.table(table)} drop column search_vector`.execute(db);
    await sql`alter table ${sql.table(table)} add column search_vector tsvector generated always as (${source === 'words' ? words : parsed}) stored`.execute(db);
    await sql`create index ${sql.id(`${table}_search_vector`)} on ${sql.table(table)} using gin (search_vector)`.execute(db);
  }
}

/**
 * Adds rows just inserted (by their text ids) to the space-time and
 * full-text indexes, in two statements: every insert into an indexed table
 * calls it in the same transaction. PostgreSQL's generated columns need
 * nothing.
 */
export async function indexNewRows(trx: Kysely<any>, { table, ids, lon, lat, time, category, text }: SpaceTimeColumns & { ids: readonly string[]; text: string }): Promise<void> {
  if (dialectOf(trx) === 'postgres' || ids.length === 0) return;
  const rows = sql`from ${sql.table(table)} where id in (${sql.join(ids)})`;
  const t = sql`${sql.ref(time)} / ${sql.lit(INDEX_TIME_UNIT_MS)}.0`;
  await sql`insert or replace into ${sql.table(`${table}_rtree`)} select seq, ${sql.ref(lon)}, ${sql.ref(lon)}, ${sql.ref(lat)}, ${sql.ref(lat)}, ${t}, ${t}, ${sql.ref(category)}, ${sql.ref(category)} ${rows}`.execute(trx);
  await sql`insert into ${sql.table(`${table}_fts`)} (rowid, ${sql.ref(text)}) select seq, ${sql.ref(text)} ${rows}`.execute(trx);
}

/** Rebuilds the space-time and full-text indexes from the whole table (after a bulk load, or to repair them). */
export async function reindexAllRows(db: Kysely<any>, { table, lon, lat, time, category }: SpaceTimeColumns & { text: string }): Promise<void> {
  if (dialectOf(db) === 'postgres') return;
  const t = sql`${sql.ref(time)} / ${sql.lit(INDEX_TIME_UNIT_MS)}.0`;
  await sql`delete from ${sql.table(`${table}_rtree`)}`.execute(db);
  await sql`insert into ${sql.table(`${table}_rtree`)} select seq, ${sql.ref(lon)}, ${sql.ref(lon)}, ${sql.ref(lat)}, ${sql.ref(lat)}, ${t}, ${t}, ${sql.ref(category)}, ${sql.ref(category)} from ${sql.table(table)} order by seq`.execute(db);
  await sql`insert into ${sql.table(`${table}_fts`)} (${sql.table(`${table}_fts`)}) values ('rebuild')`.execute(db);
}

/** Removes what createFullTextIndex made (before the table is dropped). */
export async function dropFullTextIndex(db: Kysely<any>, table: string): Promise<void> {
  if (dialectOf(db) === 'postgres') return;
  await sql`drop table if exists ${sql.table(`${table}_fts`)}`.execute(db);
}

/**
 * Rows whose indexed text holds every word, the last one as a prefix (as
 * someone types). Words must be folded letters and digits only.
 */
export function fullTextMatch(db: Kysely<any>, { alias, table, words }: { alias: string; table: string; words: readonly string[] }) {
  if (words.length === 0 || words.some((w) => !/^[\p{L}\p{N}]+$/u.test(w))) throw new Error('fullTextMatch: give folded words of letters and digits only');
  if (dialectOf(db) === 'postgres') {
    const query = words.map((w, i) => (i === words.length - 1 ? `${w}:*` : w)).join(' & ');
    return sql<boolean>`${sql.ref(`${alias}.search_vector`)} @@ to_tsquery('simple'::regconfig, ${query})`;
  }
  const query = words.map((w, i) => (i === words.length - 1 ? `"${w}"*` : `"${w}"`)).join(' ');
  return sql<boolean>`${sql.ref(`${alias}.seq`)} in (select rowid from ${sql.table(`${table}_fts`)} where ${sql.table(`${table}_fts`)} match ${query})`;
}

/** Whether a database error is a unique-constraint violation (SQLite or PostgreSQL). */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/*
 * Change notifications between the processes that share one database, so that an instance learns
 * at once what another committed. PostgreSQL: NOTIFY on a channel named after the schema, heard
 * on a connection of the listener's own (LISTEN holds it). SQLite is one machine's file, written
 * by one server: there is no channel, and other processes (the command line) are found by polling.
 */

const pgPools = new WeakMap<Kysely<any>, pg.Pool>();

/** createDb hands over its pool: a listening connection copies its settings. */
export function rememberPool(db: Kysely<any>, pool: pg.Pool): void {
  pgPools.set(db, pool);
}

export interface ChangeChannel {
  /** Sends the message to every listener of the database, this process's included. */
  notify(message: string): Promise<void>;
  /**
   * Calls onMessage with each message until closed. A lost connection is opened again (with
   * growing pauses while the database is away); onReconnect then says that messages may have
   * been missed meanwhile.
   */
  listen(onMessage: (message: string) => void, onReconnect: () => void): Promise<{ close(): Promise<void> }>;
}

/** The pool under a PostgreSQL database (not a transaction's), for statements prepared by name. */
export function pgPoolOf(db: Kysely<any>): pg.Pool | undefined {
  return pgPools.get(db);
}

/** The database's change channel, or null where there is none (SQLite). */
export function changeChannel(db: Kysely<any>): ChangeChannel | null {
  const pool = pgPools.get(db);
  if (!pool) return null;
  let name: Promise<string> | undefined;
  const channel = () =>
    (name ??= sql<{ schema: string }>`select current_schema() as schema`.execute(db).then(
      (result) => `konbit_changes:${result.rows[0]!.schema}`,
      (error: unknown) => {
        name = undefined;
        throw error;
      },
    ));
  return {
    notify: async (message) => {
      await sql`select pg_notify(${await channel()}, ${message})`.execute(db);
    },
    listen: async (onMessage, onReconnect) => listenOn(pool, await channel(), onMessage, onReconnect),
  };
}

async function listenOn(pool: pg.Pool, channel: string, onMessage: (message: string) => void, onReconnect: () => void): Promise<{ close(): Promise<void> }> {
  let client: pg.Client | null = null;
  let closed = false;
  let pause = 250;
  const connect = async () => {
    const next = new pg.Client(pool.options);
    next.on('notification', (n) => {
      if (n.channel === channel && n.payload !== undefined) onMessage(n.payload);
    });
    next.on('error', () => lost(next));
    next.on('end', () => lost(next));
    try {
      await next.connect();
      await next.query(`listen ${pg.escapeIdentifier(channel)}`);
      // Listening alone never keeps a process alive: the server's sockets or the caller's work do.
      (next.connection.stream as { unref?: () => void }).unref?.();
    } catch (error) {
      void next.end().catch(() => {});
      throw error;
    }
    client = next;
  };
  const lost = (which: pg.Client) => {
    if (closed || client !== which) return;
    client = null;
    void which.end().catch(() => {});
    retry();
  };
  const retry = () => {
    setTimeout(() => {
      if (closed) return;
      connect().then(
        () => {
          pause = 250;
          if (closed) void client?.end().catch(() => {});
          else onReconnect();
        },
        () => {
          pause = Math.min(pause * 2, 10_000);
          retry();
        },
      );
    }, pause).unref();
  };
  await connect();
  return {
    close: async () => {
      closed = true;
      await client?.end().catch(() => {});
    },
  };
}

/*
 * Raw multi-row INSERTs for bulk writes (the incident import), with the
 * parameters laid out as each database takes them best. PostgreSQL gets one
 * array per column through unnest: as many parameters as columns however many
 * rows, and a short text to parse. SQLite gets a VALUES list of `?` within its
 * 32,766 bound parameters, the text built once per shape.
 */

/** A column of a bulk insert: its name and its SQL type (PostgreSQL casts each array to it). */
export interface BulkColumn {
  name: string;
  type: 'text' | 'integer' | 'bigint' | 'double precision';
}

/** Rows per statement at most: beyond this a bigger statement saves nothing and holds more memory. */
const BULK_MAX_ROWS = 1000;
/** SQLITE_MAX_VARIABLE_NUMBER of the SQLite better-sqlite3 builds. */
const SQLITE_MAX_PARAMETERS = 32_766;

/** How many rows of this many columns one bulk statement carries. */
export function bulkRowsPerStatement(db: Kysely<any>, columnCount: number): number {
  if (dialectOf(db) === 'postgres') return BULK_MAX_ROWS;
  return Math.max(1, Math.min(BULK_MAX_ROWS, Math.floor(SQLITE_MAX_PARAMETERS / columnCount)));
}

const sqliteInserts = new Map<string, string>();

/** One INSERT of these rows (at most bulkRowsPerStatement of them), as SQL text and its parameters. */
export function bulkInsert(db: Kysely<any>, table: string, columns: readonly BulkColumn[], rows: readonly (readonly unknown[])[]): { sql: string; parameters: unknown[] } {
  const width = columns.length;
  const names = columns.map((c) => `"${c.name}"`).join(',');
  if (dialectOf(db) === 'postgres') {
    const arrays = columns.map((_, column) => rows.map((row) => row[column]));
    const unnest = columns.map((c, column) => `$${column + 1}::${c.type}[]`).join(',');
    return { sql: `insert into "${table}" (${names}) select * from unnest(${unnest})`, parameters: arrays };
  }
  const key = `${table}\u0000${names}\u0000${rows.length}`;
  let text = sqliteInserts.get(key);
  if (text === undefined) {
    const tuple = `(${new Array<string>(width).fill('?').join(',')})`;
    text = `insert into "${table}" (${names}) values ${new Array<string>(rows.length).fill(tuple).join(',')}`;
    sqliteInserts.set(key, text);
  }
  const parameters = new Array<unknown>(rows.length * width);
  rows.forEach((row, at) => {
    for (let column = 0; column < width; column++) parameters[at * width + column] = row[column];
  });
  return { sql: text, parameters };
}
