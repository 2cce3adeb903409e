import { randomUUID } from 'node:crypto';
import { metersToDegrees, type AreaGeometry } from '../../core/geo/index.ts';
import { notFound } from '../../shared/errors.ts';
import { ThreatParams, THREAT_LEVELS, type SiteListQuery, type SiteThreat, type ThreatHistoryEntry, type ThreatLevel } from '../../shared/sites.ts';
import { lockForSerialWrite, type Db } from '../../db/index.ts';
import { PUBLIC_VIEWER, type Viewer } from '../auth/index.ts';
import { exportIncidents, streamBus } from '../incidents/index.ts';
import { listAreas } from '../roads/index.ts';
import { siteShape, type SiteShape } from './geometry.ts';
import { filterOf } from './sites.service.ts';
import * as repo from './sites.repo.ts';
import * as threatRepo from './threat.repo.ts';
import { cachedThreat, invalidateThreats, rememberThreat } from './threat-cache.ts';
import {
  assessThreat, DEFAULT_HALF_LIFE_DAYS, DEFAULT_RADIUS_METERS, DEFAULT_WINDOW_DAYS, threatSignature, type ThreatArea, type ThreatIncident, type ThreatSettings,
} from './threat.ts';

/*
 * Threat levels of sites, derived for each reader from the incidents and
 * areas of control that reader may see: a reader never learns of a report
 * through a site's reasons. History is kept for two shared pictures — the
 * mission's (what every mission member sees) and the public one — and
 * grows whenever a level or what it rests on changes.
 */

const DAY_MS = 86_400_000;
/** Sees PUBLIC and MISSION records and nothing released to one organisation: the mission's common picture. */
const MISSION_PICTURE: Viewer = Object.freeze({ organisationId: '00000000-0000-0000-0000-000000000000', isMissionMember: true });
const BASES = [['mission', MISSION_PICTURE], ['public', PUBLIC_VIEWER]] as const;
/** Map cells of incidents, in degrees (about 1.1 km). */
const CELL = 0.01;

interface SiteEntry {
  id: string;
  name: string;
  version: number;
  shape: SiteShape;
  bbox: [number, number, number, number];
  settings: ThreatSettings;
}

function settingsFor(row: repo.SiteRow, params: ReturnType<typeof ThreatParams.parse>, asOfMs: number): ThreatSettings {
  return {
    radiusMeters: params.radiusMeters ?? row.threat_radius_m ?? DEFAULT_RADIUS_METERS,
    windowDays: params.windowDays ?? DEFAULT_WINDOW_DAYS,
    halfLifeDays: params.halfLifeDays ?? DEFAULT_HALF_LIFE_DAYS,
    asOfMs,
  };
}

function entryOf(row: repo.SiteRow, settings: ThreatSettings): SiteEntry {
  const geometry = JSON.parse(row.geometry) as Parameters<typeof siteShape>[0];
  return { id: row.id, name: row.name, version: row.version, shape: siteShape(geometry, { lon: Number(row.lon), lat: Number(row.lat) }), bbox: [Number(row.min_lon), Number(row.min_lat), Number(row.max_lon), Number(row.max_lat)], settings };
}

function grownBox(entry: SiteEntry): [number, number, number, number] {
  const { dLon, dLat } = metersToDegrees(entry.settings.radiusMeters, entry.shape.lat);
  return [entry.bbox[0] - dLon, entry.bbox[1] - dLat, entry.bbox[2] + dLon, entry.bbox[3] + dLat];
}

const cellOf = (value: number) => Math.floor(value / CELL);

/** Incidents bucketed in map cells, so that each site looks only at its neighbourhood. */
function bucket(incidents: readonly ThreatIncident[]): Map<string, ThreatIncident[]> {
  const cells = new Map<string, ThreatIncident[]>();
  for (const incident of incidents) {
    const key = `${cellOf(incident.lon)}:${cellOf(incident.lat)}`;
    cells.set(key, [...(cells.get(key) ?? []), incident]);
  }
  return cells;
}

function near(cells: Map<string, ThreatIncident[]>, box: [number, number, number, number]): ThreatIncident[] {
  const found: ThreatIncident[] = [];
  for (let x = cellOf(box[0]); x <= cellOf(box[2]); x++) for (let y = cellOf(box[1]); y <= cellOf(box[3]); y++) found.push(...(cells.get(`${x}:${y}`) ?? []));
  return found;
}

/** The incidents and areas the viewer may see around the sites, over the longest window asked. */
async function gather(db: Db, viewer: Viewer, entries: readonly SiteEntry[]): Promise<{ incidents: ThreatIncident[]; areas: ThreatArea[] }> {
  const boxes = entries.map(grownBox);
  const bbox: [number, number, number, number] = [
    Math.max(-180, Math.min(...boxes.map((b) => b[0]))), Math.max(-90, Math.min(...boxes.map((b) => b[1]))),
    Math.min(180, Math.max(...boxes.map((b) => b[2]))), Math.min(90, Math.max(...boxes.map((b) => b[3]))),
  ];
  const asOfMs = Math.max(...entries.map((e) => e.settings.asOfMs));
  const fromMs = Math.min(...entries.map((e) => e.settings.asOfMs - e.settings.windowDays * DAY_MS));
  const incidents: ThreatIncident[] = [];
  const filter = { bbox, from: new Date(fromMs).toISOString(), to: new Date(asOfMs + 1).toISOString(), verification: ['unverified', 'verified', 'disputed'] as ('unverified' | 'verified' | 'disputed')[] };
  for await (const incident of exportIncidents({ db, viewer, filter })) {
    incidents.push({ id: incident.id, type: incident.type, occurredAt: incident.occurredAt, lon: incident.location.lon, lat: incident.location.lat, counts: incident.counts, sources: incident.sources, verification: incident.verification });
  }
  const areas = (await listAreas({ db, viewer, asOf: new Date(asOfMs).toISOString() })).map((area) => ({
    id: area.id, name: area.name, group: area.group, level: area.level, confidence: area.confidence, validFrom: area.validFrom, geometry: area.geometry as unknown as AreaGeometry,
  }));
  return { incidents, areas };
}

/** Threats of the sites for the viewer; remembered for a minute unless the instant is given. */
async function assess(db: Db, viewer: Viewer, rows: readonly repo.SiteRow[], params: ThreatParams = {}): Promise<SiteThreat[]> {
  if (rows.length === 0) return [];
  const parsed = ThreatParams.parse(params);
  const asOfMs = parsed.asOf ? Date.parse(parsed.asOf) : Date.now();
  const viewerKey = `${viewer.organisationId ?? 'public'}:${viewer.isMissionMember ? 1 : 0}`;
  const keyOf = (entry: SiteEntry) => `${viewerKey}|${entry.id}:${entry.version}|${entry.settings.radiusMeters}:${entry.settings.windowDays}:${entry.settings.halfLifeDays}`;
  const entries = rows.map((row) => entryOf(row, settingsFor(row, parsed, asOfMs)));
  const results = new Map<string, SiteThreat>();
  const missing = parsed.asOf ? entries : entries.filter((entry) => {
    const hit = cachedThreat(keyOf(entry));
    if (hit) results.set(entry.id, hit);
    return !hit;
  });
  if (missing.length > 0) {
    const { incidents, areas } = await gather(db, viewer, missing);
    const cells = bucket(incidents);
    for (const entry of missing) {
      const threat = { ...assessThreat(entry.id, entry.shape, near(cells, grownBox(entry)), areas, entry.settings), siteName: entry.name };
      results.set(entry.id, threat);
      if (!parsed.asOf) rememberThreat(keyOf(entry), threat);
    }
  }
  return entries.map((entry) => results.get(entry.id)!);
}

export interface ThreatProps {
  db: Db;
  viewer: Viewer;
  params?: ThreatParams;
}

/** One site's threat for the viewer, with its reasons; 404 when the site is absent or not visible. */
export async function getSiteThreat({ db, viewer, id, params }: ThreatProps & { id: string }): Promise<SiteThreat> {
  const row = await repo.findVisible(db, viewer, id);
  if (!row) throw notFound('site');
  return (await assess(db, viewer, [row], params))[0]!;
}

/** Threats of every site the viewer may see (filtered like the site list), highest first. */
export async function listSiteThreats({ db, viewer, params, query = {} }: ThreatProps & { query?: SiteListQuery }): Promise<SiteThreat[]> {
  const threats = await assess(db, viewer, await repo.listVisible(db, viewer, filterOf(query)), params);
  return threats.sort((a, b) => b.level - a.level || b.score - a.score);
}

/** Threats keyed by site, for layers that colour sites. */
export async function threatsBySite(db: Db, viewer: Viewer, rows: readonly repo.SiteRow[]): Promise<Map<string, SiteThreat>> {
  return new Map((await assess(db, viewer, rows)).map((t) => [t.siteId, t]));
}

/** A site's threat history, oldest first: the mission picture for members, the public one for others. */
export async function threatHistory({ db, viewer, id }: { db: Db; viewer: Viewer; id: string }): Promise<ThreatHistoryEntry[]> {
  if (!(await repo.findVisible(db, viewer, id))) throw notFound('site');
  const basis = viewer.isMissionMember ? 'mission' : 'public';
  return (await threatRepo.history(db, id, basis)).map((row) => ({
    at: row.at, level: row.level, label: THREAT_LEVELS[row.level as ThreatLevel].code, score: Number(row.score), reasons: JSON.parse(row.reasons) as string[], basis,
  }));
}

const HISTORY_LOCK = 0x73697465; // "site": one refresher writes history at a time

/**
 * Recomputes the mission and public pictures of every site and records, in
 * the history, each whose level or reasons changed. Returns how many
 * entries it wrote.
 */
export async function refreshThreatHistory({ db, now = Date.now() }: { db: Db; now?: number }): Promise<{ sites: number; recorded: number }> {
  const rows = await repo.listAll(db);
  if (rows.length === 0) return { sites: 0, recorded: 0 };
  const at = new Date(now).toISOString();
  const computed = await Promise.all(BASES.map(async ([basis, viewer]) => ({ basis, threats: await assess(db, viewer, rows, { asOf: at }) })));
  const recorded = await db.transaction().execute(async (trx) => {
    await lockForSerialWrite(trx, HISTORY_LOCK);
    const latest = await threatRepo.latestSignatures(trx);
    const fresh: threatRepo.HistoryInsert[] = [];
    for (const { basis, threats } of computed) {
      for (const threat of threats) {
        const signature = threatSignature(threat);
        const previous = latest.get(`${threat.siteId}:${basis}`);
        // A site with nothing around it starts its history only when something appears.
        if (previous === undefined ? threat.reasons.length === 0 : previous === signature) continue;
        fresh.push({ id: randomUUID(), site_id: threat.siteId, basis, at, level: threat.level, score: threat.score, reasons: JSON.stringify(threat.reasons.map((r) => r.text)), signature });
      }
    }
    await threatRepo.insert(trx, fresh);
    return fresh.length;
  });
  return { sites: rows.length, recorded };
}

export interface ThreatWatcher {
  /** Resolves when no refresh is waiting or running. */
  settled(): Promise<void>;
  stop(): Promise<void>;
}

/** While incidents keep changing, refreshes take at most about this share of the server's time. */
const REFRESH_SHARE = 0.05;

/**
 * Keeps threats current while a server runs: every change of incidents
 * (the incidents module's stream bus) forgets the remembered threats and,
 * shortly after, refreshes the history; a periodic refresh catches changes
 * made by other processes and the passing of time. Under a stream of
 * reports the refreshes are spaced by their own cost (REFRESH_SHARE), so
 * that assessing every site does not crowd out the reports themselves.
 */
export function watchThreats({ db, debounceMs = 250, periodMs = 10 * 60_000, log = () => {} }: { db: Db; debounceMs?: number; periodMs?: number; log?: (error: unknown) => void }): ThreatWatcher {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  let lastRefreshMs = 0;
  const refresh = async () => {
    if (stopped) return;
    const started = performance.now();
    await refreshThreatHistory({ db }).then(() => undefined, log);
    lastRefreshMs = performance.now() - started;
  };
  const run = () => {
    timer = null;
    running = running.then(refresh);
  };
  const schedule = () => {
    invalidateThreats();
    if (!stopped && timer === null) timer = setTimeout(run, Math.max(debounceMs, lastRefreshMs / REFRESH_SHARE));
  };
  const unsubscribe = streamBus.subscribe(schedule);
  const periodic = setInterval(schedule, periodMs);
  periodic.unref();
  return {
    async settled() {
      while (timer !== null) await new Promise((resolve) => setTimeout(resolve, debounceMs));
      await running;
    },
    async stop() {
      stopped = true;
      unsubscribe();
      clearInterval(periodic);
      if (timer !== null) clearTimeout(timer);
      timer = null;
      await running;
    },
  };
}
