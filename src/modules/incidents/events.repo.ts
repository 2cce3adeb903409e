import type { Insertable, Selectable } from 'kysely';
import { lockForSerialWrite, type Db } from '../../db/index.ts';
import type { IncidentEventsTable } from '../../db/tables/incidents.ts';
import { chunks } from './incidents.repo.ts';

/*
 * The live stream's durable log. Events are appended in the transaction of
 * the change they describe, under a lock held to commit (SQLite has one
 * writer anyway), so sequence numbers follow commit order and a reader that
 * has seen event n has seen every event before it.
 */

const EVENT_WRITERS_LOCK = 0x6b6e6576; // "knev"

/** Serialises the transactions that write events, until they commit. */
export async function lockEventWriters(trx: Db): Promise<void> {
  await lockForSerialWrite(trx, EVENT_WRITERS_LOCK);
}

export type EventRow = Selectable<IncidentEventsTable>;

export async function insertEvents(trx: Db, rows: readonly Insertable<IncidentEventsTable>[]): Promise<void> {
  for (const chunk of chunks(rows, 500)) await trx.insertInto('incident_events').values(chunk).execute();
}

export async function eventsAfter(db: Db, seq: number, limit: number): Promise<EventRow[]> {
  const rows = await db.selectFrom('incident_events').selectAll().where('seq', '>', seq).orderBy('seq').limit(limit).execute();
  return rows.map((row) => ({ ...row, seq: Number(row.seq) }));
}

export async function seqRange(db: Db): Promise<{ min: number; max: number }> {
  const row = await db
    .selectFrom('incident_events')
    .select((eb) => [eb.fn.min('seq').as('min'), eb.fn.max('seq').as('max')])
    .executeTakeFirst();
  return { min: Number(row?.min ?? 0), max: Number(row?.max ?? 0) };
}

/** Forgets events older than the instant (readers further behind are told to reload). */
export async function pruneBefore(db: Db, at: string): Promise<number> {
  const result = await db.deleteFrom('incident_events').where('at', '<', at).executeTakeFirst();
  return Number(result.numDeletedRows);
}
