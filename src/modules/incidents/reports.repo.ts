import type { Db } from '../../db/index.ts';
import { indexNewRows } from '../../db/dialect.ts';
import { INCIDENTS, insertRows, type BulkTable, type BulkValue } from './bulk.repo.ts';
import { chunks } from './incidents.repo.ts';

/*
 * What a group commit of field reports writes and reads in one go: rows for
 * all the reports of a batch in one statement per table, and the reports an
 * Idempotency-Key names already, for all the keys of a batch at once.
 */

/** Incidents as field reports write them: the import's columns and the Idempotency-Key with its request hash. */
export const REPORTED_INCIDENTS: BulkTable = {
  name: 'incidents',
  columns: [...INCIDENTS.columns, { name: 'idempotency_key', type: 'text' }, { name: 'idempotency_hash', type: 'text' }],
};

/** Inserts new incidents (arrays in REPORTED_INCIDENTS' column order) and adds them to the space-time and full-text indexes. */
export async function insertReportedIncidents(trx: Db, rows: readonly (readonly BulkValue[])[]): Promise<void> {
  await insertRows(trx, REPORTED_INCIDENTS, rows);
  await indexNewRows(trx, { table: 'incidents', ids: rows.map((row) => row[0] as string), lon: 'lon', lat: 'lat', time: 'occurred_ms', category: 'type_code', text: 'search_text' });
}

export interface EarlierReport {
  id: string;
  idempotency_key: string;
  idempotency_hash: string | null;
}

/** The incidents this reporter wrote under any of these Idempotency-Keys. */
export async function reportsByIdempotencyKeys(db: Db, reporterId: string, keys: readonly string[]): Promise<EarlierReport[]> {
  const found: EarlierReport[] = [];
  for (const chunk of chunks([...new Set(keys)])) {
    const rows = await db
      .selectFrom('incidents')
      .select(['id', 'idempotency_key', 'idempotency_hash'])
      .where('reporter_id', '=', reporterId)
      .where('idempotency_key', 'in', chunk)
      .execute();
    for (const row of rows) found.push({ id: row.id, idempotency_key: row.idempotency_key!, idempotency_hash: row.idempotency_hash });
  }
  return found;
}
