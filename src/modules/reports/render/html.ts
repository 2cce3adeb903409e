import { VERIFICATION_STATUSES } from '../../../shared/incidents.ts';
import type { NotAvailable, ReportTextKey, SecuritySection, Sitrep } from '../../../shared/reports.ts';
import { changeClass, changeText, esc, instantText, label, num, periodText, t, usd, type Lang } from './format.ts';
import { notAvailable, sectionHtml } from './html-parts.ts';
import { securityHtml } from './security.ts';
import { accountabilityHtml, forceHtml, roadsHtml } from './sections.ts';
import { operationsHtml, sitesHtml } from './sites.ts';
import { trainingHtml } from './training.ts';
import { REPORT_CSS } from './report.css.ts';

/*
 * The report as one self-contained HTML page: inline CSS, inline SVG charts
 * and map, no script, no image, no font or style sheet from elsewhere — it
 * opens offline, prints as it shows, and is what Chromium turns into the PDF.
 */

export interface RenderOptions {
  /** Folder of public datasets (the map's boundaries), or null. */
  datasetsDir: string | null;
}

export async function renderSitrepHtml(report: Sitrep, { datasetsDir }: RenderOptions): Promise<string> {
  const lang = report.lang;
  const available = <T extends { status: string }>(s: T | NotAvailable): s is T => s.status === 'available';
  const orNot = <T extends { status: string }>(id: string, key: ReportTextKey, s: T | NotAvailable, render: (s: T) => string) =>
    available(s) ? render(s) : sectionHtml(id, t(key, lang), notAvailable(lang, s));
  const security = available(report.security)
    ? await securityHtml(report.security, available(report.roads) ? report.roads : null, lang, datasetsDir)
    : sectionHtml('security', t('security', lang), notAvailable(lang, report.security));
  const body = [
    header(report),
    summaryHtml(report),
    security,
    orNot('roads', 'roads', report.roads, (s) => roadsHtml(s, lang)),
    orNot('force', 'force', report.force, (s) => forceHtml(s, lang)),
    orNot('sites', 'sites', report.sites, (s) => sitesHtml(s, lang)),
    orNot('operations', 'operations', report.operations, (s) => operationsHtml(s, lang)),
    orNot('training', 'training', report.training, (s) => trainingHtml(s, lang)),
    orNot('accountability', 'accountability', report.accountability, (s) => accountabilityHtml(s, lang)),
    sourcesHtml(report),
  ].join('\n');
  const title = `${t('title', lang)} — ${periodText(report.period.from, report.period.to, lang)} — ${report.audience.name}`;
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${esc(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<div class="marking screen-only">${esc(report.audience.marking)}</div>
<main>
${body}
</main>
<div class="marking screen-only">${esc(report.audience.marking)}</div>
</body>
</html>
`;
}

function header(report: Sitrep): string {
  const lang = report.lang;
  return `<header class="report-header">
<p class="mission">${esc(t('mission', lang))}</p>
<h1>${esc(t('title', lang))}</h1>
<p class="period">${esc(periodText(report.period.from, report.period.to, lang))}</p>
<dl>
<dt>${esc(t('audience', lang))}</dt><dd>${esc(report.audience.name)}</dd>
<dt>${esc(t('previousPeriod', lang))}</dt><dd>${esc(periodText(report.previousPeriod.from, report.previousPeriod.to, lang))}</dd>
<dt>${esc(t('generated', lang))}</dt><dd>${esc(instantText(report.generatedAt))}</dd>
</dl>
</header>`;
}

function summaryHtml(report: Sitrep): string {
  const lang = report.lang;
  const cards = report.summary.figures.map((f) => {
    const value = !f.available ? t('notAvailable', lang) : f.key === 'paid' ? usd(f.current, lang) : num(f.current, lang);
    const change = f.available ? changeText(f, lang, f.key === 'paid') : '';
    return `<div class="card${f.available ? '' : ' na'}"><div class="card-label">${esc(t(`fig_${f.key}`, lang))}</div><div class="card-value">${esc(value)}</div>${change ? `<div class="card-change ${changeClass(f)}">${esc(change)}</div>` : ''}</div>`;
  });
  const illustrative = report.illustrativeRecords > 0 ? `<p class="illustrative">${esc(t('illustrative', lang, { n: num(report.illustrativeRecords, lang) }))}</p>` : '';
  return sectionHtml('summary', t('summary', lang), `<div class="cards">${cards.join('')}</div>${illustrative}`);
}

function sourcesHtml(report: Sitrep): string {
  const lang = report.lang;
  const items = report.sources.map((s) => {
    const detail = s.what === 'sourceIncidents' && report.security.status === 'available' ? incidentSources(report.security, lang) : s.detail;
    return `<li><strong>${esc(s.what in SOURCE_KEYS ? t(s.what as ReportTextKey, lang) : s.what)}</strong>: ${esc(detail)}</li>`;
  });
  const method = (['methodAudience', 'methodRejected', 'methodTime'] as const).map((k) => `<li>${esc(t(k, lang))}</li>`);
  return sectionHtml('sources', t('sources', lang), `<ul class="sources">${items.join('')}</ul><ul class="method">${method.join('')}</ul><p class="hash">${esc(t('contentHash', lang))}: <code>${esc(report.contentHash)}</code></p>`);
}

/** 46 reports (verified 27, unverified 17, disputed 2). */
function incidentSources(security: SecuritySection, lang: Lang): string {
  const statuses = Object.entries(security.verification).sort(([, a], [, b]) => b - a).map(([status, n]) => `${label(VERIFICATION_STATUSES, status, lang).toLowerCase()} ${num(n, lang)}`);
  return `${num(security.incidents.length, lang)}${security.truncated ? '+' : ''}${statuses.length ? ` (${statuses.join(', ')})` : ''}`;
}

const SOURCE_KEYS = { sourceIncidents: 1, sourceLedger: 1, sourceBoundaries: 1, sourceRoads: 1, sourceRecords: 1 } as const;
