import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { REPORT_TEXT, Sitrep, SitrepQuery, type KeyFigure, type NotAvailable } from '../../shared/reports.ts';
import type { Db } from '../../db/index.ts';
import { resolveAudience, type ResolvedAudience } from './audience.ts';
import { reportPeriod } from './period.ts';
import { assertMayProduce, type Requester } from './reports.policy.ts';
import { accountabilitySection } from './sections/accountability.ts';
import { changeOf } from './change.ts';
import type { SectionContext } from './sections/context.ts';
import { forceSection } from './sections/force.ts';
import { roadsSection } from './sections/roads.ts';
import { securitySection } from './sections/security.ts';
import { convoyEscorts, sitesAndOperations } from './sections/sites.ts';
import { trainingSection } from './sections/training.ts';

/*
 * The situation report's figures for a period and an audience. Each section
 * calls its module's read services with the audience as the viewer, so the
 * report holds exactly what that audience may see; the HTML page and the PDF
 * are drawn from these figures and nothing else.
 */

export interface BuildSitrepProps {
  db: Db;
  /** Who asks: a viewer (checked against the audience), or the system itself (the command line). */
  requester: Requester;
  query: SitrepQuery;
  /** Folder of public datasets, or null when none is available. */
  datasetsDir: string | null;
  now?: Date;
}

export const BOUNDARIES_DATASET = 'haiti/admin/hti-adm2.geojson';

export async function buildSitrep({ db, requester, query, datasetsDir, now = new Date() }: BuildSitrepProps): Promise<Sitrep> {
  const q = SitrepQuery.parse(query);
  const audience = await resolveAudience(db, q.audience);
  assertMayProduce(requester, audience, q.format);
  const period = reportPeriod(q.from, q.to, now);
  const context: SectionContext = { db, viewer: audience.viewer, period, datasetsDir };
  const [security, roadsRead, force, sitesOps, convoys, training, accountability] = await Promise.all([
    securitySection(context),
    roadsSection(context),
    forceSection(context),
    sitesAndOperations(context),
    convoyEscorts(context),
    trainingSection(context),
    accountabilitySection(context),
  ]);
  const { sites, operations } = sitesOps;
  const roads = roadsRead.status === 'available' ? { ...roadsRead, convoys: convoys.convoys, queries: [...roadsRead.queries, convoys.query] } : roadsRead;

  const available = <T extends { status: string }>(s: T | NotAvailable): s is T => s.status === 'available';
  const figure = (key: KeyFigure, value: ReturnType<typeof changeOf> | null) =>
    value ? { key, available: true, ...value } : { key, available: false, current: 0, previous: null, change: null, changePercent: null };
  const figures = [
    figure('incidents', changeOf(security.totals.incidents, security.previousTotals.incidents)),
    figure('killed', changeOf(security.totals.killed, security.previousTotals.killed)),
    figure('abducted', changeOf(security.totals.abducted, security.previousTotals.abducted)),
    figure('displaced', changeOf(security.totals.displaced, security.previousTotals.displaced)),
    figure('deployed', changeOf(force.officers.deployed, force.previousOfficers.deployed)),
    figure('paid', changeOf(force.usd.paid, force.previousUsd.paid)),
    figure('certified', available(training) ? changeOf(training.totals.certified, training.previousTotals.certified) : null),
    figure('keyRoadsBlocked', available(roads) ? changeOf(roads.keyRoads.filter((r) => r.status === 'blocked').length, null) : null),
    figure('sitesHighThreat', available(sites) ? changeOf((sites.byThreat.high ?? 0) + (sites.byThreat.severe ?? 0), null) : null),
  ];

  const illustrativeRecords =
    security.incidents.filter((i) => i.illustrative).length + security.areas.filter((a) => a.illustrative).length + force.pledges.filter((p) => p.illustrative).length;
  const body = {
    kind: 'sitrep' as const,
    lang: q.lang,
    period: { from: period.fromDay, to: period.toDay, days: period.days },
    previousPeriod: { from: period.previous.fromDay, to: period.previous.toDay },
    audience: { code: audience.code, name: audienceName(audience, q.lang), marking: marking(audience, q.lang) },
    summary: { figures },
    security,
    roads,
    force,
    sites,
    operations,
    training,
    accountability,
    sources: sources({ security, force, roads: available(roads) ? roads.network : null, datasetsDir }),
    illustrativeRecords,
  };
  const contentHash = createHash('sha256').update(JSON.stringify(body)).digest('hex');
  return Sitrep.parse({ ...body, generatedAt: now.toISOString(), contentHash });
}

function audienceName(audience: ResolvedAudience, lang: 'en' | 'fr' | 'ht'): string {
  if (audience.kind === 'public') return REPORT_TEXT.audiencePublic[lang];
  if (audience.kind === 'mission') return REPORT_TEXT.audienceMission[lang];
  return `${audience.name} (${audience.code})`;
}

function marking(audience: ResolvedAudience, lang: 'en' | 'fr' | 'ht'): string {
  if (audience.kind === 'public') return REPORT_TEXT.markingPublic[lang];
  if (audience.kind === 'mission') return REPORT_TEXT.markingMission[lang];
  return REPORT_TEXT.markingOrganisation[lang].replace('{org}', audience.code);
}

interface SourcesInput {
  security: Awaited<ReturnType<typeof securitySection>>;
  force: Awaited<ReturnType<typeof forceSection>>;
  roads: string | null;
  datasetsDir: string | null;
}

function sources({ security, force, roads, datasetsDir }: SourcesInput): Sitrep['sources'] {
  const list: Sitrep['sources'] = [];
  const verification = Object.entries(security.verification).sort(([a], [b]) => a.localeCompare(b)).map(([status, n]) => `${status} ${n}`).join(', ');
  list.push({ what: 'sourceIncidents', detail: `${security.incidents.length}${security.truncated ? '+' : ''} (${verification || '0'})` });
  for (const source of [...new Set(force.pledges.map((p) => p.source))].sort()) list.push({ what: 'sourceLedger', detail: source });
  if (datasetsDir && existsSync(path.join(datasetsDir, BOUNDARIES_DATASET))) list.push({ what: 'sourceBoundaries', detail: 'OCHA COD-AB Haiti, CNIGS (CC BY-IGO): OCHA, CNIGS' });
  if (roads) list.push({ what: 'sourceRoads', detail: `${roads}: © OpenStreetMap contributors` });
  return list;
}
