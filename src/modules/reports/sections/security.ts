import type { IncidentFilter } from '../../../shared/incidents.ts';
import type { SecuritySection } from '../../../shared/reports.ts';
import { aggregateIncidents, incidentsGeoJson } from '../../incidents/index.ts';
import { listAreas } from '../../roads/index.ts';
import { changeOf } from '../change.ts';
import type { SectionContext } from './context.ts';

/*
 * The security situation: incidents of the period by type and by week, the
 * casualties and kidnappings against the previous period, the communes where
 * incidents rose most, the incidents themselves for the map, and the areas of
 * control at the end of the period — all read through the incidents and roads
 * modules' services with the audience as the viewer.
 */

/** Reports rejected on verification are not part of the picture. */
const COUNTED: NonNullable<IncidentFilter['verification']> = ['unverified', 'verified', 'disputed'];
const MAP_LIMIT = 5000;
const RISING_COMMUNES = 5;

type Totals = SecuritySection['totals'];
const CASUALTY_FIELDS = ['incidents', 'killed', 'injured', 'abducted', 'displaced'] as const;

export async function securitySection({ db, viewer, period }: SectionContext): Promise<SecuritySection> {
  const current = { from: period.fromIso, to: period.toIso, verification: COUNTED };
  const previous = { from: period.previous.fromIso, to: period.previous.toIso, verification: COUNTED };
  const [now, before, points, areas] = await Promise.all([
    aggregateIncidents({ db, viewer, filter: current }),
    aggregateIncidents({ db, viewer, filter: previous }),
    incidentsGeoJson({ db, viewer, filter: current, limit: MAP_LIMIT }),
    listAreas({ db, viewer, asOf: period.endAt, limit: 10_000 }),
  ]);

  const byType = new Map<string, SecuritySection['byType'][number]>();
  const typeRow = (type: string) => {
    let row = byType.get(type);
    if (!row) byType.set(type, (row = { type, incidents: 0, killed: 0, injured: 0, abducted: 0, displaced: 0, previousIncidents: 0 }));
    return row;
  };
  const byWeek = new Map<string, SecuritySection['byWeek'][number]>();
  const communes = new Map<string, { name: string; incidents: number; previous: number }>();
  const commune = (pcode: string, name: string | null) => {
    let row = communes.get(pcode);
    if (!row) communes.set(pcode, (row = { name: name ?? pcode, incidents: 0, previous: 0 }));
    return row;
  };
  for (const bucket of now.buckets) {
    const row = typeRow(bucket.type);
    for (const field of CASUALTY_FIELDS) row[field] += bucket[field];
    let week = byWeek.get(bucket.week);
    if (!week) byWeek.set(bucket.week, (week = { week: bucket.week, isoWeek: bucket.isoWeek, incidents: 0, killed: 0, abducted: 0, byType: {} }));
    week.incidents += bucket.incidents;
    week.killed += bucket.killed;
    week.abducted += bucket.abducted;
    week.byType[bucket.type] = (week.byType[bucket.type] ?? 0) + bucket.incidents;
    if (bucket.adm2Pcode) commune(bucket.adm2Pcode, bucket.adm2Name).incidents += bucket.incidents;
  }
  for (const bucket of before.buckets) {
    typeRow(bucket.type).previousIncidents += bucket.incidents;
    if (bucket.adm2Pcode) commune(bucket.adm2Pcode, bucket.adm2Name).previous += bucket.incidents;
  }
  const kidnappingsOf = (totals: typeof now) => totals.buckets.filter((b) => b.type === 'kidnapping').reduce((sum, b) => sum + b.incidents, 0);

  const verification: Record<string, number> = {};
  for (const feature of points.features) verification[feature.properties.verification] = (verification[feature.properties.verification] ?? 0) + 1;

  return {
    status: 'available',
    totals: pick(now.totals),
    previousTotals: pick(before.totals),
    byType: [...byType.values()].sort((a, b) => b.incidents - a.incidents || b.previousIncidents - a.previousIncidents || a.type.localeCompare(b.type)),
    byWeek: [...byWeek.values()].sort((a, b) => a.week.localeCompare(b.week)),
    kidnappings: { incidents: changeOf(kidnappingsOf(now), kidnappingsOf(before)), abducted: changeOf(now.totals.abducted, before.totals.abducted) },
    communesRising: [...communes.entries()]
      .map(([pcode, c]) => ({ pcode, name: c.name, incidents: c.incidents, previous: c.previous, change: c.incidents - c.previous }))
      .filter((c) => c.change > 0)
      .sort((a, b) => b.change - a.change || b.incidents - a.incidents || a.name.localeCompare(b.name))
      .slice(0, RISING_COMMUNES),
    incidents: points.features.map(({ properties: p, geometry }) => ({
      id: p.id, type: p.type, title: p.title, occurredAt: p.occurredAt, placeName: p.placeName, commune: p.commune,
      killed: p.killed, injured: p.injured, abducted: p.abducted, displaced: p.displaced, verification: p.verification, illustrative: p.illustrative,
      lon: geometry.coordinates[0], lat: geometry.coordinates[1],
    })),
    truncated: points.truncated,
    verification,
    areas: areas.map((a) => ({ id: a.id, name: a.name, group: a.group, level: a.level, validFrom: a.validFrom, illustrative: a.illustrative, geometry: a.geometry })),
    queries: [
      { service: 'incidents.aggregateIncidents', params: current },
      { service: 'incidents.aggregateIncidents', params: previous },
      { service: 'incidents.incidentsGeoJson', params: { ...current, limit: MAP_LIMIT } },
      { service: 'roads.listAreas', params: { asOf: period.endAt } },
    ],
  };
}

function pick(totals: Totals): Totals {
  return { incidents: totals.incidents, killed: totals.killed, injured: totals.injured, abducted: totals.abducted, displaced: totals.displaced };
}
