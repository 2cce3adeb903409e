import type { Db } from '../../db/index.ts';
import { OFFICER_EVENT_KINDS } from '../../shared/ledger.ts';
import { visibleTo, type Viewer } from '../auth/index.ts';

/*
 * The ledger's aggregates. Each one sums only pledges the viewer may see
 * (visibleTo in the same query), so a restricted pledge adds nothing to a
 * total its reader may not see. PostgreSQL returns sums as text: callers get
 * numbers.
 */

const num = (value: unknown) => Number(value ?? 0);

export interface PledgeTotalsRow {
  organisationCode: string;
  organisationName: string;
  officers: number;
  unspecified: number;
  usdCents: number;
}

/** Per pledging organisation: officers pledged, pledges of unspecified size, USD pledged, up to asOf. */
export async function pledgeTotals(db: Db, viewer: Viewer, asOf: string): Promise<PledgeTotalsRow[]> {
  const rows = await db
    .selectFrom('pledges')
    .innerJoin('organisations as pledger', 'pledger.id', 'pledges.organisation_id')
    .where(visibleTo(viewer, 'pledges'))
    .where('pledges.pledged_on', '<=', asOf)
    .select((eb) => [
      'pledger.code',
      'pledger.name',
      eb.fn.sum('pledges.officers').as('officers'),
      eb.fn.sum(eb.case().when(eb.and([eb('pledges.kind', '=', 'personnel'), eb('pledges.officers', 'is', null)])).then(1).else(0).end()).as('unspecified'),
      eb.fn.sum('pledges.usd_cents').as('usd_cents'),
    ])
    .groupBy(['pledger.code', 'pledger.name'])
    .orderBy('pledger.code')
    .execute();
  return rows.map((r) => ({ organisationCode: r.code, organisationName: r.name, officers: num(r.officers), unspecified: num(r.unspecified), usdCents: num(r.usd_cents) }));
}

export interface EventTotalsRow {
  organisationCode: string;
  kind: string;
  officers: number;
  usdCents: number;
}

/** Per pledging organisation and event kind: officers and USD, up to asOf, voided events left out. */
export async function eventTotals(db: Db, viewer: Viewer, asOf: string): Promise<EventTotalsRow[]> {
  const rows = await db
    .selectFrom('pledge_events')
    .innerJoin('pledges', 'pledges.id', 'pledge_events.pledge_id')
    .innerJoin('organisations as pledger', 'pledger.id', 'pledges.organisation_id')
    .where(visibleTo(viewer, 'pledges'))
    .where('pledge_events.voided_at', 'is', null)
    .where('pledge_events.occurred_on', '<=', asOf)
    .select((eb) => ['pledger.code', 'pledge_events.kind', eb.fn.sum('pledge_events.officers').as('officers'), eb.fn.sum('pledge_events.usd_cents').as('usd_cents')])
    .groupBy(['pledger.code', 'pledge_events.kind'])
    .execute();
  return rows.map((r) => ({ organisationCode: r.code, kind: r.kind, officers: num(r.officers), usdCents: num(r.usd_cents) }));
}

export interface InKindStatusRow {
  organisationCode: string;
  category: string;
  /** The latest event's kind up to asOf, or null when none: still pledged. */
  status: string | null;
}

export async function inKindStatuses(db: Db, viewer: Viewer, asOf: string): Promise<InKindStatusRow[]> {
  const rows = await db
    .selectFrom('pledges')
    .innerJoin('organisations as pledger', 'pledger.id', 'pledges.organisation_id')
    .where(visibleTo(viewer, 'pledges'))
    .where('pledges.kind', '=', 'in_kind')
    .where('pledges.pledged_on', '<=', asOf)
    .select((eb) => [
      'pledger.code',
      'pledges.category',
      eb
        .selectFrom('pledge_events as latest')
        .select('latest.kind')
        .whereRef('latest.pledge_id', '=', 'pledges.id')
        .where('latest.voided_at', 'is', null)
        .where('latest.occurred_on', '<=', asOf)
        .orderBy('latest.occurred_on', 'desc')
        .orderBy('latest.created_at', 'desc')
        .limit(1)
        .as('status'),
    ])
    .execute();
  return rows.map((r) => ({ organisationCode: r.code, category: r.category ?? 'other', status: r.status ?? null }));
}

export interface DeltaRow {
  organisationCode: string;
  date: string;
  kind: string;
  officers: number;
}

/** Officers pledged per organisation and day, up to `to`. */
export async function pledgedOfficersByDay(db: Db, viewer: Viewer, to: string, organisationId?: string): Promise<DeltaRow[]> {
  let query = db
    .selectFrom('pledges')
    .innerJoin('organisations as pledger', 'pledger.id', 'pledges.organisation_id')
    .where(visibleTo(viewer, 'pledges'))
    .where('pledges.kind', '=', 'personnel')
    .where('pledges.pledged_on', '<=', to);
  if (organisationId) query = query.where('pledges.organisation_id', '=', organisationId);
  const rows = await query
    .select((eb) => ['pledger.code', 'pledges.pledged_on', eb.fn.sum('pledges.officers').as('officers')])
    .groupBy(['pledger.code', 'pledges.pledged_on'])
    .execute();
  return rows.map((r) => ({ organisationCode: r.code, date: r.pledged_on, kind: 'pledged', officers: num(r.officers) }));
}

/** Officers confirmed, arrived and departed per organisation, day and event kind, up to `to`. */
export async function officerEventsByDay(db: Db, viewer: Viewer, to: string, organisationId?: string): Promise<DeltaRow[]> {
  let query = db
    .selectFrom('pledge_events')
    .innerJoin('pledges', 'pledges.id', 'pledge_events.pledge_id')
    .innerJoin('organisations as pledger', 'pledger.id', 'pledges.organisation_id')
    .where(visibleTo(viewer, 'pledges'))
    .where('pledge_events.voided_at', 'is', null)
    .where('pledge_events.kind', 'in', [...OFFICER_EVENT_KINDS])
    .where('pledge_events.occurred_on', '<=', to);
  if (organisationId) query = query.where('pledges.organisation_id', '=', organisationId);
  const rows = await query
    .select((eb) => ['pledger.code', 'pledge_events.occurred_on', 'pledge_events.kind', eb.fn.sum('pledge_events.officers').as('officers')])
    .groupBy(['pledger.code', 'pledge_events.occurred_on', 'pledge_events.kind'])
    .execute();
  return rows.map((r) => ({ organisationCode: r.code, date: r.occurred_on, kind: r.kind, officers: num(r.officers) }));
}
