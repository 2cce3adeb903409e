import type { Db } from '../../db/index.ts';
import type { Viewer } from '../auth/index.ts';
import { filterExpression, type ResolvedFilter } from './query.repo.ts';

/*
 * What the map's incident tiles are built from: the slimmest rows the
 * reader may see (behind the same filter and visibleTo as every other read),
 * and a stamp that changes with every committed incident change.
 */

export interface TilePointRow {
  id: string;
  lon: number;
  lat: number;
  type: string;
  verification: string;
  occurred_ms: number;
  casualties: number;
}

export async function tilePoints(db: Db, viewer: Viewer, filter: ResolvedFilter): Promise<TilePointRow[]> {
  const rows = await db
    .selectFrom('incidents as i')
    .select(['i.id', 'i.lon', 'i.lat', 'i.type', 'i.verification', 'i.occurred_ms', 'i.killed', 'i.injured'])
    .where(filterExpression(db, viewer, filter))
    .execute();
  return rows.map((row) => ({
    id: row.id,
    lon: Number(row.lon),
    lat: Number(row.lat),
    type: row.type,
    verification: row.verification,
    occurred_ms: Number(row.occurred_ms),
    casualties: Number(row.killed) + Number(row.injured),
  }));
}

/**
 * The last event of the live stream's log: every incident change (report, edit, verification,
 * merge, import) appends one in its own transaction, so a new number means new data.
 */
export async function dataStamp(db: Db): Promise<string> {
  // The primary key's last entry: no scan, however many incidents there are.
  const row = await db.selectFrom('incident_events').select((eb) => eb.fn.max('seq').as('max')).executeTakeFirst();
  return String(Number(row?.max ?? 0));
}
