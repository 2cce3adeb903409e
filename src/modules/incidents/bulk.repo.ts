import { CompiledQuery } from 'kysely';
import type { Db } from '../../db/index.ts';
import { bulkInsert, bulkRowsPerStatement, indexNewRows, type BulkColumn } from '../../db/dialect.ts';

/*
 * The bulk import's writer. An import writes thousands of rows per batch;
 * building them as objects and compiling them through Kysely's insert builder
 * cost more than the database's own work. Here rows are arrays of values in a
 * fixed column order, written with one multi-row INSERT per table and chunk
 * (db/dialect.ts lays the parameters out for each database: arrays through
 * unnest on PostgreSQL, a VALUES list within the parameter limit on SQLite).
 * Only plain values are bound: no SQL is ever made from a value.
 */

/** A table the import writes, with its columns in the order of each row's values. */
export interface BulkTable {
  name: string;
  columns: readonly BulkColumn[];
}

/** A value a bulk row may hold (booleans are stored as 0/1 by the caller). */
export type BulkValue = string | number | null;

const text = (name: string): BulkColumn => ({ name, type: 'text' });
const integer = (name: string): BulkColumn => ({ name, type: 'integer' });

export const INCIDENTS: BulkTable = {
  name: 'incidents',
  columns: [
    text('id'), text('type'), integer('type_code'), text('title'), text('description'), text('occurred_at'), { name: 'occurred_ms', type: 'bigint' }, text('occurred_week'),
    text('occurred_precision'), text('reported_at'), { name: 'lon', type: 'double precision' }, { name: 'lat', type: 'double precision' }, text('location_precision'),
    text('place_name'), text('adm1_pcode'), text('adm1_name'), text('adm2_pcode'), text('adm2_name'), text('adm3_pcode'), text('adm3_name'),
    integer('killed'), integer('injured'), integer('abducted'), integer('displaced'), text('verification'), text('reporter_id'), text('classification'), text('owner_org_id'),
    text('external_system'), text('external_id'), integer('illustrative'), integer('version'), text('search_text'), text('created_at'), text('updated_at'),
  ],
};
export const SOURCES: BulkTable = {
  name: 'incident_sources',
  columns: [text('incident_id'), integer('position'), text('name'), text('url'), text('reliability'), integer('credibility'), text('reported_at')],
};
export const ACTOR_LINKS: BulkTable = { name: 'incident_actors', columns: [text('incident_id'), text('actor_id'), text('role')] };
export const TAGS: BulkTable = { name: 'incident_tags', columns: [text('incident_id'), text('tag')] };
export const RELEASES: BulkTable = { name: 'record_releases', columns: [text('entity_type'), text('record_id'), text('organisation_id')] };
export const EVENTS: BulkTable = {
  name: 'incident_events',
  columns: [text('at'), text('type'), text('incident_id'), text('labels'), text('related_labels'), text('payload')],
};

/** How many rows of a table one statement carries on this database. */
export function rowsPerStatement(db: Db, table: BulkTable): number {
  return bulkRowsPerStatement(db, table.columns.length);
}

/** Inserts rows (arrays of values in the table's column order), a chunk per statement. */
export async function insertRows(trx: Db, table: BulkTable, rows: readonly (readonly BulkValue[])[]): Promise<void> {
  const width = table.columns.length;
  for (const row of rows) {
    if (row.length !== width) throw new Error(`insertRows: a row for ${table.name} has ${row.length} values where the table has ${width} columns`);
  }
  const perStatement = rowsPerStatement(trx, table);
  for (let start = 0; start < rows.length; start += perStatement) {
    const statement = bulkInsert(trx, table.name, table.columns, rows.slice(start, start + perStatement));
    await trx.executeQuery(CompiledQuery.raw(statement.sql, statement.parameters));
  }
}

/** Inserts new incidents and adds them to the space-time and full-text indexes. */
export async function insertIncidentRows(trx: Db, rows: readonly (readonly BulkValue[])[]): Promise<void> {
  const perStatement = rowsPerStatement(trx, INCIDENTS);
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    await insertRows(trx, INCIDENTS, chunk);
    await indexNewRows(trx, { table: 'incidents', ids: chunk.map((row) => row[0] as string), lon: 'lon', lat: 'lat', time: 'occurred_ms', category: 'type_code', text: 'search_text' });
  }
}
