import { INCIDENT_TYPES, VERIFICATION_STATUSES } from '../../../shared/incidents.ts';
import type { RoadsSection, SecuritySection } from '../../../shared/reports.ts';
import { CONTROL_LEVELS } from '../../../shared/roads.ts';
import { changeOf } from '../change.ts';
import { barChart } from './charts.ts';
import { dayText, esc, label, num, t, type Lang } from './format.ts';
import { changeCell, figure, para, sectionHtml, table } from './html-parts.ts';
import { incidentMap } from './map.ts';
import { AREA_STYLE, SERIES_COLORS, typeColor } from './style.ts';

/* The security situation, as a page section. */

const WEEK_CHART_TYPES = 7;
const NOTABLE = 10;

const typeLabel = (type: string, lang: Lang) => label(INCIDENT_TYPES, type, lang);

export async function securityHtml(s: SecuritySection, roads: RoadsSection | null, lang: Lang, datasetsDir: string | null): Promise<string> {
  const parts: string[] = [];
  const rows = (['incidents', 'killed', 'injured', 'abducted', 'displaced'] as const).map((field) => {
    const change = changeOf(s.totals[field], s.previousTotals[field]);
    return [t(field === 'abducted' ? 'kidnapVictims' : field, lang), num(s.totals[field], lang), num(s.previousTotals[field], lang), changeCell(change, lang)];
  });
  const kidnappings = s.kidnappings.incidents;
  rows.splice(1, 0, [t('kidnapIncidents', lang), num(kidnappings.current, lang), num(kidnappings.previous ?? 0, lang), changeCell(kidnappings, lang)]);
  parts.push(`<h3>${esc(t('casualties', lang))}</h3>`, table(['', t('thisPeriod', lang), t('previous', lang), t('change', lang)], rows, [1, 2, 3], 'compact'));

  if (s.byWeek.length > 0) {
    const topTypes = s.byType.slice(0, WEEK_CHART_TYPES).map((r) => r.type);
    const others = s.byType.slice(WEEK_CHART_TYPES).map((r) => r.type);
    const series = topTypes.map((type) => ({ name: typeLabel(type, lang), color: typeColor(type), values: s.byWeek.map((w) => w.byType[type] ?? 0) }));
    if (others.length > 0) series.push({ name: label(INCIDENT_TYPES, 'other', lang), color: typeColor('other'), values: s.byWeek.map((w) => others.reduce((sum, type) => sum + (w.byType[type] ?? 0), 0)) });
    parts.push(figure(barChart({ id: 'weeks', categories: s.byWeek.map((w) => w.isoWeek), series, stacked: true, height: 190 }), t('byWeek', lang)));
    const types = s.byType.filter((r) => r.incidents > 0 || r.previousIncidents > 0);
    parts.push(figure(barChart({
      id: 'types', horizontal: true, height: 44 + types.length * 19, categories: types.map((r) => typeLabel(r.type, lang)),
      series: [
        { name: t('previous', lang), color: SERIES_COLORS.previous, values: types.map((r) => r.previousIncidents) },
        { name: t('thisPeriod', lang), color: SERIES_COLORS.current, values: types.map((r) => r.incidents) },
      ],
    }), t('byType', lang)));
  }

  const map = await incidentMap({ security: s, roads, lang, datasetsDir });
  const notes = [
    map.outside > 0 ? t('mapOutside', lang, { n: num(map.outside, lang) }) : '',
    s.truncated ? t('mapTruncated', lang, { n: num(s.incidents.length, lang) }) : '',
    map.boundaries ? '' : t('noBoundaries', lang, { dataset: 'haiti/admin/hti-adm2.geojson' }),
  ].filter(Boolean);
  parts.push(`<figure class="map-figure">${map.svg}${legend(s, roads, lang)}<figcaption>${esc(t('map', lang))}</figcaption>${notes.map((n) => para(n, 'note')).join('')}</figure>`);

  parts.push(`<h3>${esc(t('communesRising', lang))}</h3>`);
  parts.push(s.communesRising.length === 0
    ? para(t('noRise', lang))
    : table([t('commune', lang), t('thisPeriod', lang), t('previous', lang), t('change', lang)], s.communesRising.map((c) => [c.name, num(c.incidents, lang), num(c.previous, lang), changeCell(changeOf(c.incidents, c.previous), lang)]), [1, 2, 3]));

  const notable = [...s.incidents]
    .sort((a, b) => b.killed + b.injured + b.abducted - (a.killed + a.injured + a.abducted) || b.displaced - a.displaced || b.occurredAt.localeCompare(a.occurredAt))
    .slice(0, NOTABLE);
  if (notable.length > 0) {
    parts.push(`<h3>${esc(t('notableIncidents', lang))}</h3>`);
    parts.push(table(
      [t('date', lang), t('incidentType', lang), t('incident', lang), t('place', lang), t('killed', lang), t('injured', lang), t('abducted', lang), t('verification', lang)],
      notable.map((i) => [
        { html: esc(i.occurredAt.slice(0, 10)), className: 'nowrap' }, typeLabel(i.type, lang), i.title, [i.placeName, i.commune].filter(Boolean).join(', '),
        num(i.killed, lang), num(i.injured, lang), num(i.abducted, lang), label(VERIFICATION_STATUSES, i.verification, lang),
      ]),
      [4, 5, 6], 'small',
    ));
  }

  parts.push(`<h3>${esc(t('areasOfControl', lang))}</h3>`);
  parts.push(s.areas.length === 0
    ? para(t('none', lang))
    : table([t('area', lang), t('group', lang), t('level', lang), t('since', lang)], s.areas.map((a) => [a.name, a.group, label(CONTROL_LEVELS, a.level, lang), dayText(a.validFrom, lang)])));
  return sectionHtml('security', t('security', lang), parts.join(''));
}

function legend(s: SecuritySection, roads: RoadsSection | null, lang: Lang): string {
  const items: string[] = [];
  for (const row of s.byType.filter((r) => r.incidents > 0)) {
    items.push(`<span class="key"><svg viewBox="0 0 12 12" class="swatch"><circle cx="6" cy="6" r="5" fill="${typeColor(row.type)}"/></svg>${esc(typeLabel(row.type, lang))}</span>`);
  }
  for (const level of Object.keys(AREA_STYLE) as (keyof typeof AREA_STYLE)[]) {
    if (!s.areas.some((a) => a.level === level)) continue;
    const style = AREA_STYLE[level];
    items.push(`<span class="key"><svg viewBox="0 0 12 12" class="swatch"><rect x="1" y="1" width="10" height="10" fill="${style.fill}" fill-opacity="${style.opacity}" stroke="${style.stroke}"/></svg>${esc(label(CONTROL_LEVELS, level, lang))}</span>`);
  }
  if (roads && roads.blockedLines.length > 0) items.push(`<span class="key"><svg viewBox="0 0 12 12" class="swatch"><path d="M0 6H12" stroke="#d7191c" stroke-width="3"/></svg>${esc(t('blockedRoad', lang))}</span>`);
  if (roads && roads.roadblocks.items.some((b) => b.state === 'active')) items.push(`<span class="key"><svg viewBox="0 0 12 12" class="swatch"><path d="M2 2L10 10M2 10L10 2" stroke="#222" stroke-width="2"/></svg>${esc(t('roadblockInForce', lang))}</span>`);
  return `<div class="legend">${items.join('')}</div>`;
}
