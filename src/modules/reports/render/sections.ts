import { COMPLAINT_CATEGORIES, OUTCOMES } from '../../../shared/accountability.ts';
import { EVENT_KINDS, IN_KIND_CATEGORIES, MILESTONE_KINDS, PLEDGE_KINDS } from '../../../shared/ledger.ts';
import type { AccountabilitySection, ForceSection, RoadsSection } from '../../../shared/reports.ts';
import { ROAD_STATUSES, ROADBLOCK_KINDS } from '../../../shared/roads.ts';
import { TASK_STATUSES } from '../../../shared/sites.ts';
import { changeOf } from '../change.ts';
import { barChart } from './charts.ts';
import { dayText, esc, instantText, label, num, t, usd, type Lang } from './format.ts';
import { changeCell, figure, para, sectionHtml, table, type Cell } from './html-parts.ts';
import { SERIES_COLORS } from './style.ts';

/* Page sections: road access, force generation and funding, accountability. */

const km = (meters: number, lang: Lang) => num(meters / 1000, lang, 1);

export function roadsHtml(s: RoadsSection, lang: Lang): string {
  const parts = [para(`${t('network', lang)}: ${s.network}, ${t('asOf', lang)} ${instantText(s.asOf)}.`)];
  parts.push(`<h3>${esc(t('keyRoads', lang))}</h3>`);
  parts.push(table(
    [t('road', lang), t('status', lang), t('lengthBlocked', lang), t('lengthRisky', lang), t('causes', lang)],
    s.keyRoads.map((r) => [r.name, { html: `<span class="status ${esc(r.status)}">${esc(label(ROAD_STATUSES, r.status, lang))}</span>` }, km(r.blockedMeters, lang), km(r.riskyMeters, lang), r.causes.join('; ')]),
    [2, 3], 'small',
  ));
  parts.push(para(t('segments', lang, { blocked: num(s.segments.blocked, lang), blockedKm: num(s.segments.blockedKm, lang, 1), risky: num(s.segments.risky, lang), riskyKm: num(s.segments.riskyKm, lang, 1) })));
  parts.push(`<h3>${esc(t('roadblocks', lang))}</h3>`);
  parts.push(para(t('roadblocksLine', lang, { inForce: num(s.roadblocks.inForce, lang), reported: num(s.roadblocks.reportedInPeriod, lang), cleared: num(s.roadblocks.clearedInPeriod, lang) })));
  if (s.roadblocks.items.length > 0) {
    parts.push(table(
      [t('kind', lang), t('description', lang), t('group', lang), t('reported', lang), t('status', lang)],
      s.roadblocks.items.map((b) => [label(ROADBLOCK_KINDS, b.kind, lang), b.description, b.group, b.reportedAt.slice(0, 10), t(`state_${b.state as 'active' | 'stale' | 'cleared'}`, lang)]),
      [], 'small',
    ));
  }
  parts.push(`<h3>${esc(t('convoys', lang))}</h3>`);
  if (s.convoys.status === 'available') {
    parts.push(para(t('convoysLine', lang, { total: num(s.convoys.total, lang) })));
    const statuses = Object.entries(s.convoys.byStatus);
    if (statuses.length > 0) parts.push(table([t('status', lang), t('total', lang)], statuses.map(([status, n]) => [label(TASK_STATUSES, status, lang), num(n, lang)]), [1], 'compact'));
  } else {
    parts.push(para(`${t('notAvailable', lang)}: ${s.convoys.reason}`, 'not-available'));
  }
  return sectionHtml('roads', t('roads', lang), parts.join(''));
}

export function forceHtml(s: ForceSection, lang: Lang): string {
  const parts: string[] = [];
  const head = ['', `${t('asOf', lang)} ${dayText(s.asOf, lang)}`, `${t('asOf', lang)} ${dayText(s.previousAsOf, lang)}`, t('change', lang)];
  const officerRow = (key: 'pledged' | 'confirmed' | 'deployed'): Cell[] => [`${t('officers', lang)}: ${t(key, lang).toLowerCase()}`, num(s.officers[key], lang), num(s.previousOfficers[key], lang), changeCell(changeOf(s.officers[key], s.previousOfficers[key]), lang)];
  const moneyRow = (key: 'pledged' | 'committed' | 'paid'): Cell[] => [`USD: ${t(key, lang).toLowerCase()}`, usd(s.usd[key], lang), usd(s.previousUsd[key], lang), changeCell(changeOf(s.usd[key], s.previousUsd[key]), lang, true)];
  parts.push(table(head, [officerRow('pledged'), officerRow('confirmed'), officerRow('deployed'), moneyRow('pledged'), moneyRow('committed'), moneyRow('paid')], [1, 2, 3], 'compact'));
  if (s.officers.unspecifiedPledges > 0) parts.push(para(t('unspecified', lang, { n: num(s.officers.unspecifiedPledges, lang) }), 'note'));
  const orgs = s.byOrganisation;
  const withOfficers = orgs.filter((o) => o.officers.pledged + o.officers.confirmed + o.officers.deployed > 0);
  if (withOfficers.length > 0) {
    parts.push(figure(barChart({
      id: 'officers', height: 240, categories: withOfficers.map((o) => o.organisation),
      series: (['pledged', 'confirmed', 'deployed'] as const).map((key) => ({ name: t(key, lang), color: SERIES_COLORS[key], values: withOfficers.map((o) => o.officers[key]) })),
    }), t('officersChart', lang)));
  }
  const withMoney = orgs.filter((o) => o.usd.pledged + o.usd.committed + o.usd.paid > 0);
  if (withMoney.length > 0) {
    parts.push(figure(barChart({
      id: 'funds', height: 240, categories: withMoney.map((o) => o.organisation), valueLabel: (v) => `${num(v / 1e6, lang, 1)} M`,
      series: (['pledged', 'committed', 'paid'] as const).map((key) => ({ name: t(key, lang), color: SERIES_COLORS[key], values: withMoney.map((o) => o.usd[key]) })),
    }), t('fundsChart', lang)));
  }
  parts.push(`<h3>${esc(t('pledges', lang))}</h3>`);
  parts.push(s.pledges.length === 0 ? para(t('none', lang)) : table(
    [t('organisation', lang), t('kind', lang), t('pledges', lang), t('date', lang), t('officers', lang), 'USD'],
    s.pledges.map((p) => [p.organisation, p.kind === 'in_kind' && p.category ? `${label(PLEDGE_KINDS, p.kind, lang)}: ${label(IN_KIND_CATEGORIES, p.category, lang)}` : label(PLEDGE_KINDS, p.kind, lang), p.title, p.pledgedOn, p.officers === null ? '' : num(p.officers, lang), p.usdValue === null ? '' : usd(p.usdValue, lang)]),
    [4, 5], 'small',
  ));
  if (s.inKind.length > 0) {
    parts.push(`<h3>${esc(t('inKind', lang))}</h3>`);
    parts.push(table([t('kind', lang), t('status', lang), t('pledges', lang)], s.inKind.map((i) => [label(IN_KIND_CATEGORIES, i.category, lang), i.status === 'pledged' ? t('pledged', lang) : label(EVENT_KINDS, i.status, lang), num(i.pledges, lang)]), [2], 'compact'));
  }
  parts.push(`<h3>${esc(t('lateMilestones', lang))}</h3>`);
  parts.push(para(t('milestonesLine', lang, { total: num(s.milestones.total, lang), open: num(s.milestones.open, lang) })));
  if (s.lateMilestones.length > 0) {
    parts.push(table([t('kind', lang), t('description', lang), t('planned', lang), t('daysLate', lang)], s.lateMilestones.map((m) => [label(MILESTONE_KINDS, m.kind, lang), m.title, m.planned ?? '', num(m.daysLate, lang)]), [3], 'small'));
  }
  return sectionHtml('force', t('force', lang), parts.join(''));
}

export function accountabilityHtml(s: AccountabilitySection, lang: Lang): string {
  const published = (count: number | '<5') => (count === '<5' ? t('fewerThanFive', lang) : num(count, lang));
  const monthText = (month: string) => dayText(`${month}-01`, lang).replace(/^1 /, '');
  const parts = [`<h3>${esc(t('complaints', lang))}</h3>`, para(t('complaintsPeriod', lang, { from: monthText(s.complaints.from), to: monthText(s.complaints.to) }))];
  parts.push('<div class="columns">');
  parts.push(table([t('category', lang), t('total', lang)], [
    ...s.complaints.byCategory.map((c) => [c.category === 'pending_triage' ? t('pendingTriage', lang) : label(COMPLAINT_CATEGORIES, c.category, lang), published(c.count)]),
    [{ html: `<strong>${esc(t('total', lang))}</strong>` }, published(s.complaints.total)],
  ], [1], 'compact'));
  parts.push(table([t('outcome', lang), t('total', lang)], s.complaints.byOutcome.map((o) => [o.outcome === 'open' ? t('open', lang) : label(OUTCOMES, o.outcome, lang), published(o.count)]), [1], 'compact'));
  parts.push('</div>');
  parts.push(para(t('suppressionNote', lang), 'note'));
  const d = s.detentions;
  parts.push(`<h3>${esc(t('detentions', lang))}</h3>`);
  parts.push(para(t('detentionsLine', lang, { recorded: num(d.recorded, lang), inTime: num(d.handedOverInTime, lang), late: num(d.handedOverLate, lang), released: num(d.released, lang), held: num(d.stillHeld, lang), overdue: num(d.overdue, lang) })));
  return sectionHtml('accountability', t('accountability', lang), parts.join(''));
}
