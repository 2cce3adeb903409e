import { SitrepQuery, type ReportFormat, type Sitrep } from '../../shared/reports.ts';
import type { Db } from '../../db/index.ts';
import type { Requester } from './reports.policy.ts';
import { buildSitrep } from './sitrep.service.ts';
import { t } from './render/format.ts';
import { renderSitrepHtml } from './render/html.ts';
import { htmlToPdf } from './render/pdf.ts';

/*
 * A situation report in the format asked: the figures as JSON, the page as
 * HTML, or the page printed to PDF. The command line and the API both come
 * here.
 */

export interface ProducedReport {
  report: Sitrep;
  format: ReportFormat;
  body: Buffer;
  contentType: string;
  /** A file name that says what the file holds. */
  fileName: string;
}

const CONTENT_TYPES: Record<ReportFormat, string> = {
  json: 'application/json; charset=utf-8',
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
};

export interface ProduceSitrepProps {
  db: Db;
  requester: Requester;
  query: SitrepQuery;
  datasetsDir: string | null;
  now?: Date;
  /** Chromium's executable (tests and unusual installs). */
  chromiumPath?: string;
}

export async function produceSitrep({ db, requester, query, datasetsDir, now, chromiumPath }: ProduceSitrepProps): Promise<ProducedReport> {
  const q = SitrepQuery.parse(query);
  const report = await buildSitrep({ db, requester, query: q, datasetsDir, now });
  const fileName = `konbit-sitrep-${report.period.from}-${report.period.to}-${report.audience.code.toLowerCase()}-${report.lang}.${q.format}`;
  const done = (body: Buffer) => ({ report, format: q.format, body, contentType: CONTENT_TYPES[q.format], fileName });
  if (q.format === 'json') return done(Buffer.from(`${JSON.stringify(report, null, 2)}\n`, 'utf8'));
  const html = await renderSitrepHtml(report, { datasetsDir });
  if (q.format === 'html') return done(Buffer.from(html, 'utf8'));
  return done(await htmlToPdf(html, { marking: report.audience.marking, pageWord: t('page', report.lang), ofWord: t('of', report.lang), executablePath: chromiumPath }));
}
