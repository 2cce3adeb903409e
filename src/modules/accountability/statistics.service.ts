import { codesOf } from '../../shared/i18n.ts';
import { COMPLAINT_CATEGORIES, OUTCOMES, StatisticsQuery, type ComplaintStatistics } from '../../shared/accountability.ts';
import type { Db } from '../../db/index.ts';
import { countsBy, countsByMonth } from './cases.repo.ts';
import { suppress, suppressBreakdown } from './suppression.ts';

/*
 * Public statistics: complaints by category, by month of receipt and by
 * outcome, over the last N months. Every category, month and outcome is
 * listed whether or not it has complaints, so an absent row reveals nothing,
 * and every count below 5 is shown as "<5" (with secondary suppression where
 * a hidden cell could be worked out from the total).
 */

function monthsBack(now: Date, months: number): string[] {
  const list: string[] = [];
  for (let i = months - 1; i >= 0; i -= 1) {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1));
    list.push(d.toISOString().slice(0, 7));
  }
  return list;
}

export async function complaintStatistics({ db, query = {}, now = new Date() }: { db: Db; query?: { months?: number | string }; now?: Date }): Promise<ComplaintStatistics> {
  const { months } = StatisticsQuery.parse(query);
  const monthList = monthsBack(now, months);
  const from = `${monthList[0]}-01T00:00:00.000Z`;
  const [byCategory, byStatus, byOutcome, byMonth] = await Promise.all([countsBy(db, 'category', from), countsBy(db, 'status', from), countsBy(db, 'outcome', from), countsByMonth(db, from)]);
  const total = byStatus.reduce((sum, r) => sum + r.count, 0);
  const totalPublished = suppress(total) !== '<5';
  const countOf = (rows: { key: string | null; count: number }[], key: string | null) => rows.find((r) => r.key === key)?.count ?? 0;

  const categories = [...codesOf(COMPLAINT_CATEGORIES).map((c) => ({ key: c, count: countOf(byCategory, c) })), { key: 'pending_triage' as const, count: countOf(byCategory, null) }];
  const open = byStatus.filter((r) => r.key !== 'closed').reduce((sum, r) => sum + r.count, 0);
  const outcomes = [...codesOf(OUTCOMES).map((o) => ({ key: o, count: countOf(byOutcome, o) })), { key: 'open' as const, count: open }];
  const monthCells = monthList.map((m) => ({ key: m, count: byMonth.find((r) => r.month === m)?.count ?? 0 }));

  return {
    from: monthList[0]!,
    to: monthList.at(-1)!,
    total: suppress(total),
    byCategory: suppressBreakdown(categories, totalPublished).map((c) => ({ category: c.key, count: c.count })),
    byMonth: suppressBreakdown(monthCells, totalPublished).map((c) => ({ month: c.key, count: c.count })),
    byOutcome: suppressBreakdown(outcomes, totalPublished).map((c) => ({ outcome: c.key, count: c.count })),
    note: 'Counts below 5 are shown as "<5" so that no one can be identified; where one small count could be worked out from the total, another is hidden too.',
  };
}
