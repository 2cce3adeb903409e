import { AppError } from '../../shared/errors.ts';
import { CRITICAL_THRESHOLD, THREAT_LEVELS, type GeoFeatureCollection, type SiteListQuery, type SitesSitrep, type ThreatLevel } from '../../shared/sites.ts';
import type { Db } from '../../db/index.ts';
import type { Viewer } from '../auth/index.ts';
import { protectionGaps } from './assignments.service.ts';
import { filterOf } from './sites.service.ts';
import * as repo from './sites.repo.ts';
import { listTasks } from './tasks.service.ts';
import { threatsBySite } from './threat.service.ts';

/*
 * The module's picture for the map and the situation report: sites coloured
 * by the threat the reader's own picture gives them, and a period's tasks,
 * gaps and threat levels in numbers.
 */

/** The sites layer: one feature per visible site, with its threat for this reader and its data's attribution. */
export async function sitesGeoJson({ db, viewer, query = {} }: { db: Db; viewer: Viewer; query?: SiteListQuery }): Promise<GeoFeatureCollection> {
  const rows = await repo.listVisible(db, viewer, filterOf(query));
  const threats = await threatsBySite(db, viewer, rows);
  const attribution = [...new Set(rows.flatMap((row) => (row.source_name ? [row.source_name] : [])))].sort();
  return {
    type: 'FeatureCollection',
    features: rows.map((row) => {
      const threat = threats.get(row.id);
      return {
        type: 'Feature' as const, id: row.id, geometry: JSON.parse(row.geometry) as unknown,
        properties: {
          id: row.id, name: row.name, kind: row.kind, criticality: row.criticality, operator: row.operator,
          threatLevel: threat?.level ?? 1, threatLabel: threat?.label ?? 'low', threatReasons: threat?.reasons.slice(0, 3).map((r) => r.text) ?? [],
          centroid: [Number(row.lon), Number(row.lat)], classification: row.classification, illustrative: row.illustrative === 1, source: row.source_name,
        },
      };
    }),
    attribution,
  };
}

/** What the situation report takes from sites, protection and tasking over [from, to). */
export async function sitesSitrep({ db, viewer, from, to }: { db: Db; viewer: Viewer; from: string; to: string }): Promise<SitesSitrep> {
  if (Date.parse(to) <= Date.parse(from)) throw new AppError('VALIDATION_FAILED', `invalid input: to: ${to} is not after from (${from})`, [{ path: 'to', message: 'not after from' }]);
  const rows = await repo.listVisible(db, viewer, { limit: 100_000 });
  const threats = await threatsBySite(db, viewer, rows);
  const byThreat: Record<string, number> = Object.fromEntries(Object.values(THREAT_LEVELS).map((l) => [l.code, 0]));
  for (const threat of threats.values()) byThreat[THREAT_LEVELS[threat.level as ThreatLevel].code]! += 1;
  const tasks = await listTasks({ db, viewer, query: { from, to, limit: 5000 } });
  const count = (key: (t: (typeof tasks)[number]) => string) => tasks.reduce<Record<string, number>>((acc, t) => ({ ...acc, [key(t)]: (acc[key(t)] ?? 0) + 1 }), {});
  return {
    from, to,
    sites: { total: rows.length, critical: rows.filter((r) => r.criticality >= CRITICAL_THRESHOLD).length, byThreat },
    // Gaps as they stood at the end of the period, or now for a period still running.
    gaps: await protectionGaps({ db, viewer, asOf: Date.parse(to) < Date.now() ? to : undefined }),
    tasks: {
      byStatus: count((t) => t.status), byKind: count((t) => t.kind),
      aborted: tasks.filter((t) => t.status === 'aborted').map((t) => ({ id: t.id, title: t.title, afterAction: t.afterAction })),
    },
  };
}
