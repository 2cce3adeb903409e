import type { OperationsSection, SitesSection } from '../../../shared/reports.ts';
import { SITE_KINDS, TASK_KINDS, TASK_STATUSES, THREAT_LEVELS, type ThreatLevel } from '../../../shared/sites.ts';
import { esc, label, num, t, type Lang } from './format.ts';
import { para, sectionHtml, table, type Cell } from './html-parts.ts';

/* Page sections: critical sites and operations. */

const threatLabel = (level: number, lang: Lang) => THREAT_LEVELS[level as ThreatLevel]?.[lang] ?? String(level);
const threatCell = (level: number, lang: Lang): Cell => ({ html: `<span class="threat t${level}">${esc(threatLabel(level, lang))}</span>` });

export function sitesHtml(s: SitesSection, lang: Lang): string {
  const parts = [para(t('sitesLine', lang, { total: num(s.total, lang), critical: num(s.critical, lang) }))];
  parts.push(`<h3>${esc(t('threatLevels', lang))}</h3>`);
  parts.push(table([t('threat', lang), t('total', lang)], ([1, 2, 3, 4, 5] as const).map((level) => [threatCell(level, lang), num(s.byThreat[THREAT_LEVELS[level].code] ?? 0, lang)]), [1], 'compact'));
  if (s.highest.length > 0) {
    parts.push(`<h3>${esc(t('highestThreat', lang))}</h3>`);
    parts.push(table([t('site', lang), t('kind', lang), t('threat', lang), t('reasons', lang)], s.highest.map((h) => [h.name, label(SITE_KINDS, h.kind, lang), threatCell(h.level, lang), h.reasons.join(' ')]), [], 'small'));
  }
  for (const [key, list] of [['threatRaised', s.raised], ['threatLowered', s.lowered]] as const) {
    if (list.length === 0) continue;
    parts.push(`<h3>${esc(t(key, lang))}</h3>`);
    parts.push(table([t('site', lang), t('kind', lang), t('previous', lang), t('thisPeriod', lang)], list.map((c) => [c.name, label(SITE_KINDS, c.kind, lang), threatCell(c.before, lang), threatCell(c.after, lang)]), [], 'small'));
  }
  parts.push(`<h3>${esc(t('protectionGaps', lang))}</h3>`);
  parts.push(s.gaps.length === 0 ? para(t('none', lang)) : table(
    [t('site', lang), t('kind', lang), t('status', lang), t('shortfall', lang)],
    s.gaps.map((g) => [g.name, label(SITE_KINDS, g.kind, lang), g.gap === 'unassigned' ? t('gap_unassigned', lang) : t('gap_under_strength', lang), num(g.shortfall, lang)]),
    [3], 'small',
  ));
  return sectionHtml('sites', t('sites', lang), parts.join(''));
}

export function operationsHtml(s: OperationsSection, lang: Lang): string {
  const parts = [para(t('tasksLine', lang, { total: num(s.total, lang), done: num(s.byStatus.done ?? 0, lang) }))];
  if (s.total > 0) {
    parts.push('<div class="columns">');
    parts.push(table([t('task', lang), t('total', lang)], Object.entries(s.byKind).map(([kind, n]) => [label(TASK_KINDS, kind, lang), num(n, lang)]), [1], 'compact'));
    parts.push(table([t('status', lang), t('total', lang)], Object.entries(s.byStatus).map(([status, n]) => [label(TASK_STATUSES, status, lang), num(n, lang)]), [1], 'compact'));
    parts.push('</div>');
  }
  if (s.aborted.length > 0) {
    parts.push(`<h3>${esc(t('abortedTasks', lang))}</h3>`);
    parts.push(table([t('task', lang), t('afterAction', lang)], s.aborted.map((a) => [a.title, a.afterAction]), [], 'small'));
  }
  return sectionHtml('operations', t('operations', lang), parts.join(''));
}
