import type { Db } from '../../db/index.ts';
import type { SitesTable } from '../../db/tables/sites.ts';
import { visibleTo, type Viewer } from '../auth/index.ts';

/** SQL for sites. Every read for a reader goes through visibleTo. */

export type SiteRow = SitesTable & { owner_code: string };

function selectRows(db: Db) {
  return db.selectFrom('sites').innerJoin('organisations', 'organisations.id', 'sites.owner_org_id').selectAll('sites').select('organisations.code as owner_code');
}

function selectVisible(db: Db, viewer: Viewer) {
  return selectRows(db).where(visibleTo(viewer, 'sites'));
}

export interface SiteFilter {
  kind?: string | undefined;
  minCriticality?: number | undefined;
  bbox?: readonly [number, number, number, number] | undefined;
  /** Folded words the name must contain. */
  nameLike?: string | undefined;
  ids?: readonly string[] | undefined;
  limit: number;
}

export async function listVisible(db: Db, viewer: Viewer, filter: SiteFilter): Promise<SiteRow[]> {
  let query = selectVisible(db, viewer);
  if (filter.kind) query = query.where('sites.kind', '=', filter.kind);
  if (filter.minCriticality) query = query.where('sites.criticality', '>=', filter.minCriticality);
  if (filter.bbox) {
    const [west, south, east, north] = filter.bbox;
    query = query.where('sites.max_lon', '>=', west).where('sites.min_lon', '<=', east).where('sites.max_lat', '>=', south).where('sites.min_lat', '<=', north);
  }
  if (filter.nameLike) query = query.where((eb) => eb(eb.fn('lower', ['sites.name']), 'like', `%${filter.nameLike!.replace(/[%_\\]/g, '')}%`));
  if (filter.ids) {
    if (filter.ids.length === 0) return [];
    query = query.where('sites.id', 'in', filter.ids);
  }
  return query.orderBy('sites.criticality', 'desc').orderBy('sites.name').orderBy('sites.id').limit(filter.limit).execute();
}

export async function findVisible(db: Db, viewer: Viewer, id: string): Promise<SiteRow | undefined> {
  return selectVisible(db, viewer).where('sites.id', '=', id).executeTakeFirst();
}

/** For the system (command line, demo), which acts on every record. */
export async function findAny(db: Db, id: string): Promise<SiteRow | undefined> {
  return selectRows(db).where('sites.id', '=', id).executeTakeFirst();
}

export async function countVisible(db: Db, viewer: Viewer): Promise<number> {
  const row = await db.selectFrom('sites').select((eb) => eb.fn.countAll().as('count')).where(visibleTo(viewer, 'sites')).executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Every site, for the threat history of the mission and public pictures. */
export async function listAll(db: Db): Promise<SiteRow[]> {
  return selectRows(db).orderBy('sites.id').execute();
}

export async function byExternalRefs(db: Db, ownerId: string, refs: readonly string[]): Promise<SitesTable[]> {
  const rows: SitesTable[] = [];
  for (let start = 0; start < refs.length; start += 500) {
    rows.push(...(await db.selectFrom('sites').selectAll().where('owner_org_id', '=', ownerId).where('external_ref', 'in', refs.slice(start, start + 500)).execute()));
  }
  return rows;
}

export async function insert(db: Db, rows: readonly SitesTable[]): Promise<void> {
  for (let start = 0; start < rows.length; start += 100) await db.insertInto('sites').values(rows.slice(start, start + 100)).execute();
}

export async function update(db: Db, id: string, changes: Partial<SitesTable>): Promise<void> {
  await db.updateTable('sites').set(changes).where('id', '=', id).execute();
}

export async function organisationKind(db: Db, id: string): Promise<string | undefined> {
  return (await db.selectFrom('organisations').select('kind').where('id', '=', id).executeTakeFirst())?.kind;
}
