import { AppError } from '../../shared/errors.ts';
import {
  IncidentFilter,
  type ExportableIncident,
  type IncidentAggregates,
  type IncidentFeatureCollection,
  type IncidentPage,
} from '../../shared/incidents.ts';
import type { Db } from '../../db/index.ts';
import type { Viewer } from '../auth/index.ts';
import * as actorsRepo from './actors.repo.ts';
import * as queryRepo from './query.repo.ts';
import { loadRecords, mapFeature, mapFeatureCollectionText, presentFor, toExportable } from './present.ts';
import { foldWords } from './text.ts';
import * as summaryRepo from './summary.repo.ts';
import { isoWeekLabel, isoWeekMonday } from './time.ts';

/*
 * Reading many incidents: pages for lists, points for the map, aggregates
 * for charts, and a stream for exports. All go through one filter and
 * visibleTo.
 */

async function resolve(db: Db, filter: IncidentFilter): Promise<queryRepo.ResolvedFilter> {
  const fromMs = filter.from ? Date.parse(filter.from) : undefined;
  const toMs = filter.to ? Date.parse(filter.to) : undefined;
  if (fromMs !== undefined && toMs !== undefined && fromMs >= toMs) {
    throw new AppError('VALIDATION_FAILED', 'from must be before to', [{ path: 'from', message: 'after to' }]);
  }
  const words = filter.q ? foldWords(filter.q) : undefined;
  return {
    bbox: filter.bbox,
    fromMs,
    toMs,
    types: filter.types,
    actorIds: filter.actors?.length ? await actorsRepo.resolveIds(db, [...filter.actors, ...filter.actors.map((name) => foldWords(name).join(' '))]) : undefined,
    area: filter.area,
    verification: filter.verification,
    words: words?.length ? words.slice(0, 12) : undefined,
    tags: filter.tags,
    illustrative: filter.illustrative,
    includeMerged: filter.includeMerged,
  };
}

function encodeCursor(cursor: queryRepo.PageCursor): string {
  return Buffer.from(JSON.stringify([cursor.ms, cursor.id])).toString('base64url');
}

function decodeCursor(text: string): queryRepo.PageCursor {
  try {
    const [ms, id] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown[];
    if (typeof ms === 'number' && Number.isSafeInteger(ms) && typeof id === 'string' && id.length <= 64) return { ms, id };
  } catch {
    // falls through to the error below
  }
  throw new AppError('BAD_REQUEST', 'cursor is not one Konbit gave out: start again without it');
}

export interface ListIncidentsProps {
  db: Db;
  viewer: Viewer;
  filter?: IncidentFilter;
  cursor?: string | undefined;
  limit?: number;
}

/** Newest first, in pages; nextCursor continues where the page ended. */
export async function listIncidents({ db, viewer, filter = {}, cursor, limit = 50 }: ListIncidentsProps): Promise<IncidentPage> {
  const resolved = await resolve(db, IncidentFilter.parse(filter));
  const rows = await queryRepo.listPage(db, viewer, resolved, cursor ? decodeCursor(cursor) : null, limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const items = await presentFor(db, viewer, await loadRecords(db, page));
  return { items, nextCursor: rows.length > limit && last ? encodeCursor({ ms: last.occurred_ms, id: last.id }) : null };
}

export interface GeoJsonProps {
  db: Db;
  viewer: Viewer;
  filter?: IncidentFilter;
  limit?: number;
}

/** The map layer: a FeatureCollection of points, newest first, at most `limit`. */
export async function incidentsGeoJson({ db, viewer, filter = {}, limit = 5000 }: GeoJsonProps): Promise<IncidentFeatureCollection> {
  const rows = await queryRepo.mapPoints(db, viewer, await resolve(db, IncidentFilter.parse(filter)), limit + 1);
  return { type: 'FeatureCollection', features: rows.slice(0, limit).map(mapFeature), truncated: rows.length > limit };
}

/** The map layer as the JSON text the API sends: the same document as incidentsGeoJson, written without building it first. */
export async function incidentsGeoJsonText({ db, viewer, filter = {}, limit = 5000 }: GeoJsonProps): Promise<string> {
  const rows = await queryRepo.mapPoints(db, viewer, await resolve(db, IncidentFilter.parse(filter)), limit + 1);
  return mapFeatureCollectionText(rows, limit);
}

export interface AggregateProps {
  db: Db;
  viewer: Viewer;
  /** from and to are required: aggregates are over a time range. */
  filter: IncidentFilter & { from: string; to: string };
}

/** Counts and casualties by type × ISO week × commune over a time range. */
export async function aggregateIncidents({ db, viewer, filter }: AggregateProps): Promise<IncidentAggregates> {
  const parsed = IncidentFilter.parse(filter);
  if (!parsed.from || !parsed.to) throw new AppError('VALIDATION_FAILED', 'aggregates need a time range: give from and to', [{ path: 'from', message: 'required' }]);
  const rows = await aggregateRows(db, viewer, parsed as IncidentFilter & { from: string; to: string });
  const totals = { incidents: 0, killed: 0, injured: 0, abducted: 0, displaced: 0 };
  const buckets = rows.map((row) => {
    for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += row[key];
    return {
      type: row.type as IncidentAggregates['buckets'][number]['type'],
      week: row.occurred_week,
      isoWeek: isoWeekLabel(row.occurred_week),
      adm2Pcode: row.adm2_pcode,
      adm2Name: row.adm2_name,
      incidents: row.incidents,
      killed: row.killed,
      injured: row.injured,
      abducted: row.abducted,
      displaced: row.displaced,
    };
  });
  buckets.sort((a, b) => a.week.localeCompare(b.week) || a.type.localeCompare(b.type) || (a.adm2Pcode ?? '').localeCompare(b.adm2Pcode ?? ''));
  return { from: parsed.from, to: parsed.to, buckets, totals };
}

const DAY_MS = 86_400_000;

type BucketRow = Awaited<ReturnType<typeof queryRepo.aggregate>>[number];

/**
 * The buckets, from the weekly summary for the whole weeks of the range when
 * the filter allows it (time, types, department or commune), and from the
 * incidents themselves for the partial weeks at its ends and for any other filter.
 */
async function aggregateRows(db: Db, viewer: Viewer, filter: IncidentFilter & { from: string; to: string }): Promise<BucketRow[]> {
  const resolved = await resolve(db, filter);
  const fromMs = resolved.fromMs!;
  const toMs = resolved.toMs!;
  const summarised = !filter.bbox && !filter.actors && !filter.tags && !filter.q && !filter.verification && filter.illustrative === undefined && !filter.area?.includes('-');
  const startMonday = Date.parse(`${isoWeekMonday(fromMs)}T00:00:00Z`);
  const firstWhole = startMonday === fromMs ? fromMs : startMonday + 7 * DAY_MS;
  const endWhole = Date.parse(`${isoWeekMonday(toMs)}T00:00:00Z`);
  if (!summarised || firstWhole >= endWhole) return queryRepo.aggregate(db, viewer, resolved);
  const area = filter.area ? { level: (filter.area.length <= 4 ? 1 : 2) as 1 | 2, pcode: filter.area } : undefined;
  const parts = await Promise.all([
    summaryRepo.aggregateWeekly(db, viewer, { fromWeek: isoWeekMonday(firstWhole), toWeek: isoWeekMonday(endWhole), types: filter.types, area, includeMerged: filter.includeMerged }),
    fromMs < firstWhole ? queryRepo.aggregate(db, viewer, { ...resolved, toMs: firstWhole }) : [],
    endWhole < toMs ? queryRepo.aggregate(db, viewer, { ...resolved, fromMs: endWhole }) : [],
  ]);
  const merged = new Map<string, BucketRow>();
  for (const row of parts.flat()) {
    const key = `${row.type}\u0000${row.occurred_week}\u0000${row.adm2_pcode ?? ''}`;
    const seen = merged.get(key);
    if (!seen) merged.set(key, { ...row });
    else for (const field of ['incidents', 'killed', 'injured', 'abducted', 'displaced'] as const) seen[field] += row[field];
  }
  return [...merged.values()];
}

export interface ExportIncidentsProps {
  db: Db;
  viewer: Viewer;
  filter?: IncidentFilter;
  /** Rows read per query (default 1000). */
  pageSize?: number;
}

/** Every incident the viewer may see that matches, oldest first, as export formats read them. */
export async function* exportIncidents({ db, viewer, filter = {}, pageSize = 1000 }: ExportIncidentsProps): AsyncGenerator<ExportableIncident> {
  const resolved = await resolve(db, IncidentFilter.parse(filter));
  let after: queryRepo.PageCursor | null = null;
  for (;;) {
    const rows = await queryRepo.exportPage(db, viewer, resolved, after, pageSize);
    for (const record of await loadRecords(db, rows)) yield toExportable(record);
    const last = rows.at(-1);
    if (!last || rows.length < pageSize) return;
    after = { ms: Number(last.occurred_ms), id: last.id };
  }
}
