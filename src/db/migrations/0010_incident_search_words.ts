import type { Kysely } from 'kysely';
import { setFullTextVectorSource } from '../dialect.ts';

/*
 * Incidents' full-text vector on PostgreSQL built from the stored words
 * (search_text is already folded, space-separated words) instead of
 * to_tsvector's parser: the same lexemes, and the parser was the largest
 * single cost of writing an incident (about half the insert's server time in
 * a bulk import). SQLite's FTS5 is unchanged.
 */

const INCIDENT_TEXT = { table: 'incidents', column: 'search_text' };

export async function up(db: Kysely<any>): Promise<void> {
  await setFullTextVectorSource(db, INCIDENT_TEXT, 'words');
}

export async function down(db: Kysely<any>): Promise<void> {
  await setFullTextVectorSource(db, INCIDENT_TEXT, 'parsed');
}
