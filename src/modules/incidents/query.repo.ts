import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import { runShapedTuples, Slots, type DB, type Db } from '../../db/index.ts';
import { fullTextMatch, spatialBboxFilter } from '../../db/dialect.ts';
import type { IncidentsTable } from '../../db/tables/incidents.ts';
import { INCIDENT_TYPE_CODES, type IncidentType } from '../../shared/incidents.ts';
import { visibleTo, type Viewer } from '../auth/index.ts';
import { selectIncidentRows, type IncidentRow } from './incidents.repo.ts';

/*
 * Lists, map layers, aggregates and exports: one filter, always behind
 * visibleTo. A duplicate merged into an incident the reader may see is left
 * out (the reader sees the survivor instead); one merged into an incident the
 * reader may not see stays, so nobody loses sight of an event by a merge.
 */

/** A filter with its names resolved: what the SQL needs. */
export interface ResolvedFilter {
  bbox?: readonly [number, number, number, number] | undefined;
  fromMs?: number | undefined;
  toMs?: number | undefined;
  types?: readonly string[] | undefined;
  /** The types' codes in the space-time index; derived from types when absent. */
  typeCodes?: readonly number[] | undefined;
  /** Registry ids; an empty list matches nothing (the names given matched no actor). */
  actorIds?: readonly string[] | undefined;
  area?: string | undefined;
  verification?: readonly string[] | undefined;
  words?: readonly string[] | undefined;
  tags?: readonly string[] | undefined;
  illustrative?: boolean | undefined;
  includeMerged?: boolean | undefined;
}

type Eb = ExpressionBuilder<DB & { i: IncidentsTable }, 'i'>;

/** Which admin level a P-code names: HT01 a department, HT0111 a commune, HT0111-01 a communal section. */
function areaColumn(pcode: string): 'i.adm1_pcode' | 'i.adm2_pcode' | 'i.adm3_pcode' {
  if (pcode.includes('-')) return 'i.adm3_pcode';
  return pcode.length <= 4 ? 'i.adm1_pcode' : 'i.adm2_pcode';
}

export function filterExpression(db: Db, viewer: Viewer, filter: ResolvedFilter) {
  return (eb: Eb): Expression<SqlBool> => {
    const all: Expression<SqlBool>[] = [visibleTo(viewer, 'incidents', 'i')(eb)];
    if (filter.bbox) {
      const [west, south, east, north] = filter.bbox;
      all.push(spatialBboxFilter(db, { alias: 'i', table: 'incidents', bbox: { west, south, east, north }, fromMs: filter.fromMs, toMs: filter.toMs, categories: filter.typeCodes ?? filter.types?.map((t) => INCIDENT_TYPE_CODES[t as IncidentType]) }));
      all.push(eb('i.lon', '>=', west), eb('i.lon', '<=', east), eb('i.lat', '>=', south), eb('i.lat', '<=', north));
    }
    if (filter.fromMs !== undefined) all.push(eb('i.occurred_ms', '>=', filter.fromMs));
    if (filter.toMs !== undefined) all.push(eb('i.occurred_ms', '<', filter.toMs));
    if (filter.types?.length) all.push(eb('i.type', 'in', filter.types));
    if (filter.verification?.length) all.push(eb('i.verification', 'in', filter.verification));
    if (filter.area) all.push(eb(areaColumn(filter.area), '=', filter.area));
    if (filter.illustrative !== undefined) all.push(eb('i.illustrative', '=', filter.illustrative ? 1 : 0));
    if (filter.actorIds) {
      if (filter.actorIds.length === 0) return sql<boolean>`1 = 0`;
      all.push(eb.exists(eb.selectFrom('incident_actors as ia').select('ia.actor_id').whereRef('ia.incident_id', '=', 'i.id').where('ia.actor_id', 'in', filter.actorIds)));
    }
    if (filter.tags?.length) {
      all.push(eb.exists(eb.selectFrom('incident_tags as it').select('it.tag').whereRef('it.incident_id', '=', 'i.id').where('it.tag', 'in', filter.tags)));
    }
    if (filter.words?.length) all.push(fullTextMatch(db, { alias: 'i', table: 'incidents', words: filter.words }));
    if (!filter.includeMerged) {
      all.push(
        eb.or([
          eb('i.merged_into', 'is', null),
          eb.not(eb.exists(eb.selectFrom('incidents as s').select('s.id').whereRef('s.id', '=', 'i.merged_into').where(visibleTo(viewer, 'incidents', 's')))),
        ]),
      );
    }
    return eb.and(all);
  };
}

/** Where a page starts: after this incident in newest-first order. */
export interface PageCursor {
  ms: number;
  id: string;
}

export async function listPage(db: Db, viewer: Viewer, filter: ResolvedFilter, after: PageCursor | null, limit: number): Promise<(IncidentRow & { occurred_ms: number })[]> {
  let query = selectIncidentRows(db).where(filterExpression(db, viewer, filter));
  if (after) {
    query = query.where((eb) => eb.or([eb('i.occurred_ms', '<', after.ms), eb.and([eb('i.occurred_ms', '=', after.ms), eb('i.id', '<', after.id)])]));
  }
  const rows = await query.orderBy('i.occurred_ms', 'desc').orderBy('i.id', 'desc').limit(limit).execute();
  return rows.map((row) => ({ ...row, occurred_ms: Number(row.occurred_ms), lon: Number(row.lon), lat: Number(row.lat) }));
}

/** Oldest first, for exports: keyset pages that survive concurrent inserts. */
export async function exportPage(db: Db, viewer: Viewer, filter: ResolvedFilter, after: PageCursor | null, limit: number): Promise<IncidentRow[]> {
  let query = selectIncidentRows(db).where(filterExpression(db, viewer, filter));
  if (after) {
    query = query.where((eb) => eb.or([eb('i.occurred_ms', '>', after.ms), eb.and([eb('i.occurred_ms', '=', after.ms), eb('i.id', '>', after.id)])]));
  }
  return query.orderBy('i.occurred_ms', 'asc').orderBy('i.id', 'asc').limit(limit).execute();
}

/**
 * What decides the SQL of a filter, as opposed to the values it runs with; null when the SQL
 * depends on the values themselves (words to search, an area's level): those are built each time.
 */
function shapeOf(viewer: Viewer, filter: ResolvedFilter): string | null {
  if (filter.words || filter.area) return null;
  return [
    viewer.organisationId === null ? 'public' : viewer.isMissionMember ? 'member' : 'org',
    filter.bbox ? 'bbox' : '',
    filter.fromMs === undefined ? '' : 'from',
    filter.toMs === undefined ? '' : 'to',
    filter.types?.length ?? 0,
    filter.actorIds?.length ?? 'any',
    filter.verification?.length ?? 0,
    filter.tags?.length ?? 0,
    filter.illustrative ?? '',
    filter.includeMerged ? 'merged' : '',
  ].join(':');
}

/** The viewer and filter with their values put in slots (the booleans stay: they are part of the shape). */
function slotted(slots: Slots, viewer: Viewer, filter: ResolvedFilter): { viewer: Viewer; filter: ResolvedFilter } {
  const list = <T>(values: readonly T[] | undefined) => values?.map((value) => slots.put(value));
  const bbox = filter.bbox;
  return {
    viewer: { organisationId: viewer.organisationId === null ? null : slots.put(viewer.organisationId), isMissionMember: viewer.isMissionMember },
    filter: {
      bbox: bbox ? [slots.put(bbox[0]), slots.put(bbox[1]), slots.put(bbox[2]), slots.put(bbox[3])] : undefined,
      fromMs: filter.fromMs === undefined ? undefined : slots.put(filter.fromMs),
      toMs: filter.toMs === undefined ? undefined : slots.put(filter.toMs),
      types: list(filter.types),
      typeCodes: list(filter.types?.map((t) => INCIDENT_TYPE_CODES[t as IncidentType])),
      actorIds: list(filter.actorIds),
      verification: list(filter.verification),
      tags: list(filter.tags),
      illustrative: filter.illustrative,
      includeMerged: filter.includeMerged,
    },
  };
}

const MAP_COLUMNS = [
  'i.id', 'i.type', 'i.title', 'i.occurred_at', 'i.verification', 'i.killed', 'i.injured', 'i.abducted', 'i.displaced',
  'i.classification', 'i.illustrative', 'i.place_name', 'i.adm2_name', 'i.lon', 'i.lat',
] as const;

function mapPointsQuery(db: Db, viewer: Viewer, filter: ResolvedFilter, limit: number) {
  return db.selectFrom('incidents as i').select(MAP_COLUMNS).where(filterExpression(db, viewer, filter)).orderBy('i.occurred_ms', 'desc').orderBy('i.id', 'desc').limit(limit);
}

/** A row of the map layer: the columns of MAP_COLUMNS, in that order. */
export type MapPoint = [
  id: string, type: string, title: string, occurredAt: string, verification: string, killed: number, injured: number, abducted: number, displaced: number,
  classification: string, illustrative: number, placeName: string | null, adm2Name: string | null, lon: number, lat: number,
];

/** The slim rows of the map layer, newest first: the map polls it, so its SQL is compiled once per shape. */
export async function mapPoints(db: Db, viewer: Viewer, filter: ResolvedFilter, limit: number): Promise<MapPoint[]> {
  const shape = shapeOf(viewer, filter);
  if (shape === null) return (await mapPointsQuery(db, viewer, filter, limit).execute()).map((row) => Object.values(row) as MapPoint);
  const slots = new Slots();
  const bound = slotted(slots, viewer, filter);
  const boundLimit = slots.put(limit);
  return (await runShapedTuples(db, `incidents.mapPoints ${shape}`, slots, () => mapPointsQuery(db, bound.viewer, bound.filter, boundLimit))) as MapPoint[];
}

/** Counts and casualties by type, ISO week and commune. */
export async function aggregate(db: Db, viewer: Viewer, filter: ResolvedFilter) {
  const rows = await db
    .selectFrom('incidents as i')
    .select(['i.type', 'i.occurred_week', 'i.adm2_pcode'])
    .select((eb) => [
      eb.fn.max('i.adm2_name').as('adm2_name'),
      eb.fn.countAll<number>().as('incidents'),
      eb.fn.sum<number>('i.killed').as('killed'),
      eb.fn.sum<number>('i.injured').as('injured'),
      eb.fn.sum<number>('i.abducted').as('abducted'),
      eb.fn.sum<number>('i.displaced').as('displaced'),
    ])
    .where(filterExpression(db, viewer, filter))
    .groupBy(['i.type', 'i.occurred_week', 'i.adm2_pcode'])
    .orderBy('i.occurred_week')
    .orderBy('i.type')
    .orderBy('i.adm2_pcode')
    .execute();
  return rows.map((row) => ({
    ...row,
    incidents: Number(row.incidents),
    killed: Number(row.killed),
    injured: Number(row.injured),
    abducted: Number(row.abducted),
    displaced: Number(row.displaced),
  }));
}
