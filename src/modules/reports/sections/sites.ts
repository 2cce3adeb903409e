import type { NotAvailable, OperationsSection, RoadsSection, SitesSection, Trace } from '../../../shared/reports.ts';
import { CRITICAL_THRESHOLD, THREAT_LEVELS, type ThreatLevel } from '../../../shared/sites.ts';
import { listSites, listSiteThreats, listTasks, sitesSitrep } from '../../sites/index.ts';
import type { SectionContext } from './context.ts';

/*
 * Critical sites and operations from the sites module: sites by threat level
 * at the end of the period (as the audience's own picture makes it), the
 * critical sites whose threat rose or fell over the period, the protection
 * gaps, and the period's tasks.
 */

const HIGHEST = 8;
const SITE_LIMIT = 5000;

export async function sitesAndOperations({ db, viewer, period }: SectionContext): Promise<{ sites: SitesSection | NotAvailable; operations: OperationsSection | NotAvailable }> {
  const critical = { minCriticality: CRITICAL_THRESHOLD, limit: SITE_LIMIT };
  const [sitrep, atEnd, criticalAtStart, criticalSites] = await Promise.all([
    sitesSitrep({ db, viewer, from: period.fromIso, to: period.toIso }),
    listSiteThreats({ db, viewer, params: { asOf: period.endAt }, query: { limit: SITE_LIMIT } }),
    listSiteThreats({ db, viewer, params: { asOf: period.fromIso }, query: critical }),
    listSites({ db, viewer, query: critical }),
  ]);
  const byThreat: Record<string, number> = Object.fromEntries(Object.values(THREAT_LEVELS).map((l) => [l.code, 0]));
  for (const threat of atEnd) byThreat[THREAT_LEVELS[threat.level as ThreatLevel].code]! += 1;

  const siteById = new Map(criticalSites.map((s) => [s.id, s]));
  const endLevel = new Map(atEnd.map((t) => [t.siteId, t]));
  const changes = criticalAtStart.flatMap((start) => {
    const site = siteById.get(start.siteId);
    const end = endLevel.get(start.siteId);
    if (!site || !end || end.level === start.level) return [];
    return [{ siteId: site.id, name: site.name, kind: site.kind, criticality: site.criticality, before: start.level, after: end.level }];
  });
  const order = (a: (typeof changes)[number], b: (typeof changes)[number]) => Math.abs(b.after - b.before) - Math.abs(a.after - a.before) || b.criticality - a.criticality || a.name.localeCompare(b.name);

  const sites: SitesSection = {
    status: 'available',
    total: sitrep.sites.total,
    critical: sitrep.sites.critical,
    byThreat,
    highest: atEnd
      .filter((t) => siteById.has(t.siteId) && t.level >= 3)
      .slice(0, HIGHEST)
      .map((t) => {
        const site = siteById.get(t.siteId)!;
        return { siteId: site.id, name: site.name, kind: site.kind, criticality: site.criticality, level: t.level, reasons: t.reasons.slice(0, 2).map((r) => r.text) };
      }),
    raised: changes.filter((c) => c.after > c.before).sort(order),
    lowered: changes.filter((c) => c.after < c.before).sort(order),
    gaps: sitrep.gaps.map((g) => ({ siteId: g.siteId, name: g.siteName, kind: g.kind, criticality: g.criticality, gap: g.gap, requiredStrength: g.requiredStrength, assignedStrength: g.assignedStrength, shortfall: g.shortfall })),
    queries: [
      { service: 'sites.sitesSitrep', params: { from: period.fromIso, to: period.toIso } },
      { service: 'sites.listSiteThreats', params: { asOf: period.endAt } },
      { service: 'sites.listSiteThreats', params: { asOf: period.fromIso, ...critical } },
    ],
  };
  const total = Object.values(sitrep.tasks.byStatus).reduce((sum, n) => sum + n, 0);
  const operations: OperationsSection = {
    status: 'available',
    total,
    byStatus: sitrep.tasks.byStatus,
    byKind: sitrep.tasks.byKind,
    aborted: sitrep.tasks.aborted,
    queries: [{ service: 'sites.sitesSitrep', params: { from: period.fromIso, to: period.toIso } }],
  };
  return { sites, operations };
}

/** The convoy escort tasks of the period, for the road access section. */
export async function convoyEscorts({ db, viewer, period }: SectionContext): Promise<{ convoys: RoadsSection['convoys']; query: Trace }> {
  const query = { kind: 'escort_convoy' as const, from: period.fromIso, to: period.toIso, limit: 5000 };
  const tasks = await listTasks({ db, viewer, query });
  const byStatus: Record<string, number> = {};
  for (const task of tasks) byStatus[task.status] = (byStatus[task.status] ?? 0) + 1;
  return { convoys: { status: 'available', total: tasks.length, byStatus }, query: { service: 'sites.listTasks', params: query } };
}
