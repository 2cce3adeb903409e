import { CLOSED_MILESTONE_STATUSES, IsoDate, SeriesQuery, type InKindCategory, type LedgerSeries, type LedgerSummary, type LedgerTotals } from '../../shared/ledger.ts';
import type { Db } from '../../db/index.ts';
import { organisationIdsForCodes, type Viewer } from '../auth/index.ts';
import { cumulate, seriesDates, today, type DailyDelta } from './derive.ts';
import { centsToUsd } from './money.ts';
import { listMilestones } from './milestones.service.ts';
import * as reports from './reports.repo.ts';

/*
 * What the dashboard shows: totals per nation and for the mission as of a
 * day, and officers pledged, confirmed and deployed over time. Every number
 * comes from sums over the pledges the viewer may see (reports.repo.ts).
 */

function emptyTotals(): LedgerTotals {
  return { officers: { pledged: 0, unspecifiedPledges: 0, confirmed: 0, deployed: 0 }, usd: { pledged: 0, committed: 0, paid: 0 }, inKind: [] };
}

/** Adds cents as cents, then shows dollars: no sum of rounded dollars drifts. */
interface CentTotals {
  totals: LedgerTotals;
  cents: { pledged: number; committed: number; paid: number };
}

export async function getSummary({ db, viewer, asOf = today() }: { db: Db; viewer: Viewer; asOf?: string }): Promise<LedgerSummary> {
  IsoDate.parse(asOf);
  const [pledges, events, inKind, milestones] = await Promise.all([
    reports.pledgeTotals(db, viewer, asOf),
    reports.eventTotals(db, viewer, asOf),
    reports.inKindStatuses(db, viewer, asOf),
    listMilestones({ db, viewer, asOf, limit: 10_000 }),
  ]);
  const names = new Map(pledges.map((p) => [p.organisationCode, p.organisationName]));
  const byOrg = new Map<string, CentTotals>();
  const totalsOf = (code: string) => {
    let entry = byOrg.get(code);
    if (!entry) byOrg.set(code, (entry = { totals: emptyTotals(), cents: { pledged: 0, committed: 0, paid: 0 } }));
    return entry;
  };
  for (const p of pledges) {
    const entry = totalsOf(p.organisationCode);
    entry.totals.officers.pledged += p.officers;
    entry.totals.officers.unspecifiedPledges += p.unspecified;
    entry.cents.pledged += p.usdCents;
  }
  for (const e of events) {
    const entry = totalsOf(e.organisationCode);
    if (e.kind === 'confirmed') entry.totals.officers.confirmed += e.officers;
    else if (e.kind === 'deployed') entry.totals.officers.deployed += e.officers;
    else if (e.kind === 'rotated_out' || e.kind === 'repatriated') entry.totals.officers.deployed -= e.officers;
    else if (e.kind === 'committed') entry.cents.committed += e.usdCents;
    else if (e.kind === 'disbursed') entry.cents.paid += e.usdCents;
  }
  for (const item of inKind) {
    const list = totalsOf(item.organisationCode).totals.inKind;
    addInKind(list, item.category as InKindCategory, item.status ?? 'pledged');
  }
  const mission: CentTotals = { totals: emptyTotals(), cents: { pledged: 0, committed: 0, paid: 0 } };
  for (const { totals, cents } of byOrg.values()) {
    for (const key of ['pledged', 'unspecifiedPledges', 'confirmed', 'deployed'] as const) mission.totals.officers[key] += totals.officers[key];
    for (const key of ['pledged', 'committed', 'paid'] as const) mission.cents[key] += cents[key];
    for (const item of totals.inKind) addInKind(mission.totals.inKind, item.category, item.status, item.pledges);
  }
  const finish = ({ totals, cents }: CentTotals): LedgerTotals => ({
    ...totals,
    usd: { pledged: centsToUsd(cents.pledged), committed: centsToUsd(cents.committed), paid: centsToUsd(cents.paid) },
    inKind: totals.inKind.sort((a, b) => a.category.localeCompare(b.category) || a.status.localeCompare(b.status)),
  });
  return {
    asOf,
    mission: finish(mission),
    byOrganisation: [...byOrg.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([code, entry]) => ({ organisation: code, organisationName: names.get(code) ?? code, ...finish(entry) })),
    milestones: {
      total: milestones.length,
      open: milestones.filter((m) => !CLOSED_MILESTONE_STATUSES.includes(m.status)).length,
      late: milestones.filter((m) => m.late),
    },
  };
}

function addInKind(list: LedgerTotals['inKind'], category: InKindCategory, status: string, pledges = 1): void {
  const found = list.find((i) => i.category === category && i.status === status);
  if (found) found.pledges += pledges;
  else list.push({ category, status, pledges });
}

/** Officers pledged, confirmed and deployed (current strength) at each date of the range, per nation and mission-wide. */
export async function getSeries({ db, viewer, query }: { db: Db; viewer: Viewer; query: SeriesQuery }): Promise<LedgerSeries> {
  const { from, to, interval, organisation } = SeriesQuery.parse(query);
  const dates = seriesDates(from, to, interval);
  const organisationId = organisation ? (await organisationIdsForCodes(db, [organisation], 'organisation'))[0] : undefined;
  const [pledged, events] = await Promise.all([reports.pledgedOfficersByDay(db, viewer, to, organisationId), reports.officerEventsByDay(db, viewer, to, organisationId)]);
  const deltas: DailyDelta[] = [
    ...pledged.map((r) => ({ organisationCode: r.organisationCode, date: r.date, pledged: r.officers, confirmed: 0, deployed: 0 })),
    ...events.map((r) => ({
      organisationCode: r.organisationCode,
      date: r.date,
      pledged: 0,
      confirmed: r.kind === 'confirmed' ? r.officers : 0,
      deployed: r.kind === 'deployed' ? r.officers : r.kind === 'rotated_out' || r.kind === 'repatriated' ? -r.officers : 0,
    })),
  ];
  const codes = [...new Set(deltas.map((d) => d.organisationCode))].sort();
  return {
    from,
    to,
    interval,
    mission: cumulate(deltas, dates),
    byOrganisation: codes.map((code) => ({ organisation: code, points: cumulate(deltas.filter((d) => d.organisationCode === code), dates) })),
  };
}
