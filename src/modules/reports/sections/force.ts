import type { ForceSection } from '../../../shared/reports.ts';
import { getSummary, listPledges } from '../../ledger/index.ts';
import { dayBefore } from '../period.ts';
import type { SectionContext } from './context.ts';

/*
 * Force generation and funding from the mission ledger: officers pledged,
 * confirmed and deployed, money pledged, committed and paid, at the end of
 * the period and at the end of the previous one; the late milestones; the
 * pledges themselves.
 */

const PLEDGE_LIMIT = 1000;

export async function forceSection({ db, viewer, period }: SectionContext): Promise<ForceSection> {
  const asOf = period.endDay;
  const previousAsOf = dayBefore(period.fromDay);
  const [summary, previous, pledges] = await Promise.all([
    getSummary({ db, viewer, asOf }),
    getSummary({ db, viewer, asOf: previousAsOf }),
    listPledges({ db, viewer, limit: PLEDGE_LIMIT }),
  ]);
  return {
    status: 'available',
    asOf,
    previousAsOf,
    officers: summary.mission.officers,
    previousOfficers: previous.mission.officers,
    usd: summary.mission.usd,
    previousUsd: previous.mission.usd,
    byOrganisation: summary.byOrganisation.map((o) => ({ organisation: o.organisation, name: o.organisationName, officers: o.officers, usd: o.usd })),
    inKind: summary.mission.inKind,
    milestones: { total: summary.milestones.total, open: summary.milestones.open },
    lateMilestones: summary.milestones.late.map((m) => ({ id: m.id, kind: m.kind, title: m.title, status: m.status, planned: m.plannedEnd ?? m.plannedStart, daysLate: m.daysLate })),
    pledges: pledges
      .filter((p) => p.pledgedOn <= asOf)
      .map((p) => ({
        id: p.id, organisation: p.organisation, kind: p.kind, title: p.title, pledgedOn: p.pledgedOn, officers: p.officers, usdValue: p.usdValue,
        category: p.category, illustrative: p.source.illustrative, source: `${p.source.announcedBy}: ${p.source.title}`,
      })),
    queries: [
      { service: 'ledger.getSummary', params: { asOf } },
      { service: 'ledger.getSummary', params: { asOf: previousAsOf } },
      { service: 'ledger.listPledges', params: { pledgedOnOrBefore: asOf } },
    ],
  };
}
