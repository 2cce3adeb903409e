import type { CurrencyCode, Pledge } from '../../shared/ledger.ts';
import type { Db } from '../../db/index.ts';
import { listOrganisations, type Viewer } from '../auth/index.ts';
import { inOrder } from './derive.ts';
import { centsToUsd, fromMinorUnits, toMinorUnits, usdCents } from './money.ts';
import { toCsv, text, type Cell } from './csv.ts';
import { listPledges } from './pledges.service.ts';
import * as repo from './pledges.repo.ts';

/*
 * Exports of what the viewer may see, and nothing else: both start from
 * listPledges, whose query applies releasability.
 *
 * - HXL: one row per pledge, a header row and then a row of HXL hashtags
 *   (3W and financial tags), so humanitarian tools read it as it is.
 * - FTS: funding flows in the shape of the UN Financial Tracking Service: a
 *   flow per stage, with amounts that do not overlap (the part of a pledge not
 *   yet committed is a "pledge" flow, committed but unpaid a "commitment",
 *   each disbursement a "paid" flow), so the flows add up to the pledge.
 */

const EXPORT_LIMIT = 100_000;

export const HXL_COLUMNS: readonly (readonly [header: string, hashtag: string, value: (p: Pledge) => Cell])[] = [
  ['Pledge ID', '#meta+id', (p) => p.id],
  ['Organisation', '#org+name', (p) => text(p.organisationName)],
  ['Organisation code', '#org+code', (p) => p.organisation],
  ['Pledge type', '#meta+kind', (p) => p.kind],
  ['Title', '#description+title', (p) => text(p.title)],
  ['Date pledged', '#date+pledged', (p) => p.pledgedOn],
  ['Date precision', '#date+precision', (p) => p.datePrecision],
  ['Officers pledged', '#capacity+officers+pledged', (p) => p.officers],
  ['Officers confirmed', '#capacity+officers+confirmed', (p) => (p.kind === 'personnel' ? p.progress.confirmedOfficers : null)],
  ['Officers deployed', '#capacity+officers+deployed', (p) => (p.kind === 'personnel' ? p.progress.deployedOfficers : null)],
  ['Unit kind', '#capacity+type', (p) => p.unitKind],
  ['Amount pledged', '#value+pledged', (p) => p.amount],
  ['Amount committed', '#value+committed', (p) => (p.kind === 'funds' ? p.progress.committed.amount : null)],
  ['Amount paid', '#value+paid', (p) => (p.kind === 'funds' ? p.progress.paid.amount : null)],
  ['Currency', '#currency', (p) => p.currency],
  ['USD per unit on the pledge date', '#meta+usd_rate', (p) => p.usdRate],
  ['USD pledged', '#value+pledged+usd', (p) => p.usdValue],
  ['USD committed', '#value+committed+usd', (p) => (p.kind === 'funds' ? p.progress.committed.usd : null)],
  ['USD paid', '#value+paid+usd', (p) => (p.kind === 'funds' ? p.progress.paid.usd : null)],
  ['Channel', '#meta+channel', (p) => p.channel],
  ['In-kind category', '#item+type', (p) => p.category],
  ['Quantity', '#item+num', (p) => p.quantity],
  ['Unit', '#item+unit', (p) => text(p.unit)],
  ['In-kind status', '#status', (p) => p.progress.inKindStatus],
  ['Announced by', '#meta+source+name', (p) => text(p.source.announcedBy)],
  ['Source', '#meta+source+title', (p) => text(p.source.title)],
  ['Source URL', '#meta+source+url', (p) => p.source.url],
  ['Illustrative', '#meta+illustrative', (p) => (p.source.illustrative ? 'yes' : 'no')],
  ['Classification', '#meta+classification', (p) => p.classification],
];

export async function exportHxl({ db, viewer }: { db: Db; viewer: Viewer }): Promise<string> {
  const pledges = await listPledges({ db, viewer, limit: EXPORT_LIMIT });
  return toCsv([HXL_COLUMNS.map(([header]) => header), HXL_COLUMNS.map(([, tag]) => tag), ...pledges.map((p) => HXL_COLUMNS.map(([, , value]) => value(p)))]);
}

export const FTS_HEADER = [
  'Flow ID', 'Flow status', 'Flow date', 'Description', 'Amount (US$)', 'Original amount', 'Original currency', 'Exchange rate (US$ per unit)',
  'Contribution type', 'Source organization', 'Source organization code', 'Source location', 'Destination organization', 'Destination location',
  'Reporting organization', 'Pledge ID', 'Illustrative',
] as const;

interface Flow {
  id: string;
  status: 'pledge' | 'commitment' | 'paid';
  date: string;
  minor: number | null;
}

/** The non-overlapping flows of one pledge, oldest first. */
function flowsOf(pledge: Pledge, events: readonly repo.PledgeEventsRow[]): Flow[] {
  const live = inOrder(events.filter((e) => e.voided_at === null).map((e) => ({ ...e, occurredOn: e.occurred_on, createdAt: e.created_at })));
  if (pledge.kind === 'in_kind') {
    const delivered = live.find((e) => e.kind === 'delivered' || e.kind === 'in_service');
    return [delivered ? { id: pledge.id, status: 'paid', date: delivered.occurred_on, minor: null } : { id: pledge.id, status: 'pledge', date: pledge.pledgedOn, minor: null }];
  }
  if (pledge.kind !== 'funds') return [];
  const currency = pledge.currency as CurrencyCode;
  const pledged = toMinorUnits(pledge.amount!, currency);
  const commitments = live.filter((e) => e.kind === 'committed');
  const payments = live.filter((e) => e.kind === 'disbursed');
  const committed = commitments.reduce((sum, e) => sum + Number(e.amount_minor), 0);
  const paid = payments.reduce((sum, e) => sum + Number(e.amount_minor), 0);
  const flows: Flow[] = [];
  if (pledged > committed) flows.push({ id: pledge.id, status: 'pledge', date: pledge.pledgedOn, minor: pledged - committed });
  if (committed > paid) flows.push({ id: `${pledge.id}-commitment`, status: 'commitment', date: commitments.at(-1)!.occurred_on, minor: committed - paid });
  for (const payment of payments) flows.push({ id: payment.id, status: 'paid', date: payment.occurred_on, minor: Number(payment.amount_minor) });
  return flows;
}

export async function exportFts({ db, viewer }: { db: Db; viewer: Viewer }): Promise<string> {
  const pledges = (await listPledges({ db, viewer, limit: EXPORT_LIMIT })).filter((p) => p.kind !== 'personnel');
  const events = await repo.eventsOf(db, pledges.map((p) => p.id), { includeVoided: false });
  const organisations = await listOrganisations(db);
  const mission = organisations.find((o) => o.kind === 'mission_hq');
  const host = organisations.find((o) => o.kind === 'host_police');
  const iso3 = new Map(organisations.map((o) => [o.code, o.iso3]));
  const rows: Cell[][] = [[...FTS_HEADER]];
  for (const pledge of pledges) {
    const currency = pledge.currency as CurrencyCode | null;
    for (const flow of flowsOf(pledge, events.filter((e) => e.pledge_id === pledge.id))) {
      const description = pledge.kind === 'in_kind' ? `${pledge.title} (in-kind: ${pledge.category}${pledge.quantity !== null ? `, ${pledge.quantity} ${pledge.unit ?? ''}`.trimEnd() : ''})` : pledge.title;
      rows.push([
        flow.id, flow.status, flow.date, text(description),
        flow.minor !== null && currency ? centsToUsd(usdCents(flow.minor, currency, pledge.usdRate!)) : null,
        flow.minor !== null && currency ? fromMinorUnits(flow.minor, currency) : null,
        currency, pledge.usdRate,
        pledge.kind === 'in_kind' ? 'in-kind' : 'financial',
        text(pledge.organisationName), pledge.organisation, iso3.get(pledge.organisation) ?? null,
        text(mission?.name ?? 'the mission'), host?.iso3 ?? null,
        pledge.owner, pledge.id, pledge.source.illustrative ? 'yes' : 'no',
      ]);
    }
  }
  return toCsv(rows);
}
