import type { Db } from '../../db/index.ts';
import type { SiteThreatHistoryTable } from '../../db/tables/sites.ts';

/** SQL for the threat history of sites; callers check that the reader may see the site. */

export type HistoryInsert = SiteThreatHistoryTable;

export async function history(db: Db, siteId: string, basis: string): Promise<SiteThreatHistoryTable[]> {
  return db.selectFrom('site_threat_history').selectAll().where('site_id', '=', siteId).where('basis', '=', basis).orderBy('at').orderBy('id').execute();
}

/** The newest entry's signature of each site and basis, keyed "siteId:basis". */
export async function latestSignatures(db: Db): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('site_threat_history as h')
    .select(['h.site_id', 'h.basis', 'h.signature'])
    .where((eb) =>
      eb('h.at', '=', eb.selectFrom('site_threat_history as newer').select((e) => e.fn.max('newer.at').as('at')).whereRef('newer.site_id', '=', 'h.site_id').whereRef('newer.basis', '=', 'h.basis')),
    )
    .execute();
  return new Map(rows.map((row) => [`${row.site_id}:${row.basis}`, row.signature]));
}

export async function insert(db: Db, rows: readonly HistoryInsert[]): Promise<void> {
  for (let start = 0; start < rows.length; start += 200) await db.insertInto('site_threat_history').values(rows.slice(start, start + 200)).execute();
}
