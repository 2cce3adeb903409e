import type { Db } from '../../db/index.ts';
import type { PledgeEventsTable, PledgesTable } from '../../db/tables/ledger.ts';

export type PledgeEventsRow = PledgeEventsTable;
import { visibleTo, type Viewer } from '../auth/index.ts';

/*
 * SQL for pledges and their fulfilment events. Every read of a pledge applies
 * visibleTo(viewer, 'pledges'); events are read only for pledges already
 * found visible, so they are seen exactly when their pledge is.
 */

export type PledgeRow = PledgesTable & { organisation_code: string; organisation_name: string; organisation_iso3: string | null; owner_code: string };

function selectPledges(db: Db, viewer: Viewer) {
  return selectPledgeRows(db).where(visibleTo(viewer, 'pledges'));
}

function selectPledgeRows(db: Db) {
  return db
    .selectFrom('pledges')
    .innerJoin('organisations as pledger', 'pledger.id', 'pledges.organisation_id')
    .innerJoin('organisations as owner', 'owner.id', 'pledges.owner_org_id')
    .selectAll('pledges')
    .select(['pledger.code as organisation_code', 'pledger.name as organisation_name', 'pledger.iso3 as organisation_iso3', 'owner.code as owner_code']);
}

export interface PledgeFilter {
  kind?: string | undefined;
  organisationId?: string | undefined;
  limit: number;
}

export async function listVisible(db: Db, viewer: Viewer, filter: PledgeFilter): Promise<PledgeRow[]> {
  let query = selectPledges(db, viewer);
  if (filter.kind) query = query.where('pledges.kind', '=', filter.kind);
  if (filter.organisationId) query = query.where('pledges.organisation_id', '=', filter.organisationId);
  return query.orderBy('pledges.pledged_on').orderBy('pledges.created_at').orderBy('pledges.id').limit(filter.limit).execute();
}

export async function findVisible(db: Db, viewer: Viewer, id: string): Promise<PledgeRow | undefined> {
  return selectPledges(db, viewer).where('pledges.id', '=', id).executeTakeFirst();
}

/** The system's own writes (command line, demo) act on any pledge: they hold the database itself. */
export async function findAnyForSystem(db: Db, id: string): Promise<PledgeRow | undefined> {
  return selectPledgeRows(db).where('pledges.id', '=', id).executeTakeFirst();
}

export async function countVisible(db: Db, viewer: Viewer, kind?: string): Promise<number> {
  let query = db.selectFrom('pledges').select((eb) => eb.fn.countAll().as('count')).where(visibleTo(viewer, 'pledges'));
  if (kind) query = query.where('pledges.kind', '=', kind);
  return Number((await query.executeTakeFirstOrThrow()).count);
}

export async function insertPledge(db: Db, row: PledgesTable): Promise<void> {
  await db.insertInto('pledges').values(row).execute();
}

export async function updatePledge(db: Db, id: string, changes: Partial<PledgesTable>): Promise<void> {
  await db.updateTable('pledges').set(changes).where('id', '=', id).execute();
}

/** Events of pledges the caller has already found visible, oldest first. */
export async function eventsOf(db: Db, pledgeIds: readonly string[], { includeVoided }: { includeVoided: boolean }): Promise<PledgeEventsTable[]> {
  const events: PledgeEventsTable[] = [];
  for (let start = 0; start < pledgeIds.length; start += 500) {
    let query = db.selectFrom('pledge_events').selectAll().where('pledge_id', 'in', pledgeIds.slice(start, start + 500));
    if (!includeVoided) query = query.where('voided_at', 'is', null);
    events.push(...(await query.orderBy('occurred_on').orderBy('created_at').orderBy('id').execute()));
  }
  return events;
}

export async function insertEvent(db: Db, row: PledgeEventsTable): Promise<void> {
  await db.insertInto('pledge_events').values(row).execute();
}

export async function voidEvent(db: Db, id: string, at: string, reason: string): Promise<void> {
  await db.updateTable('pledge_events').set({ voided_at: at, void_reason: reason }).where('id', '=', id).execute();
}

export async function setEventUsdCents(db: Db, id: string, usdCents: number): Promise<void> {
  await db.updateTable('pledge_events').set({ usd_cents: usdCents }).where('id', '=', id).execute();
}
