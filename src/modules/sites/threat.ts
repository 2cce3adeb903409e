import type { AreaGeometry } from '../../core/geo/index.ts';
import { THREAT_LEVELS, type SiteThreat, type ThreatLevel, type ThreatReason } from '../../shared/sites.ts';
import { areaRelation, distanceToSiteMeters, type SiteShape } from './geometry.ts';

/*
 * The threat to one site, derived from what is around it: the incidents
 * within a radius and a time window, and the areas of control that hold or
 * come near it. Pure: the service gathers what the reader may see and passes
 * it here; the same inputs always give the same level and reasons.
 *
 * Each incident adds
 *   type weight × severity × recency × grading × proximity
 * where severity grows with the people killed, injured, abducted and
 * displaced; recency halves every half-life; grading comes from the best
 * source's Admiralty grade and the verification status (a rejected report
 * counts nothing); proximity falls from 1 at the site to 0.5 at the radius.
 * An area adds its level's weight (half when only near), scaled by the
 * confidence in it. The sum maps onto five levels.
 */

export const DEFAULT_RADIUS_METERS = 1000;
export const DEFAULT_WINDOW_DAYS = 30;
export const DEFAULT_HALF_LIFE_DAYS = 7;
const DAY_MS = 86_400_000;

/** How much one incident of each type weighs before severity and the rest. */
export const TYPE_WEIGHTS: Readonly<Record<string, number>> = {
  kidnapping: 3, killing: 3, armed_clash: 3, attack_on_police: 3, attack_on_infrastructure: 3,
  arson: 2, looting: 2, sexual_violence: 2, roadblock: 2,
  organ_trafficking: 1, displacement: 1, protest: 0.5, other: 0.5,
};

/** English names for reasons, singular and plural; the web app localises from the structured fields. */
const TYPE_NAMES: Readonly<Record<string, readonly [string, string]>> = {
  kidnapping: ['kidnapping', 'kidnappings'], killing: ['killing', 'killings'], armed_clash: ['armed clash', 'armed clashes'],
  attack_on_police: ['attack on police', 'attacks on police'], attack_on_infrastructure: ['attack on infrastructure', 'attacks on infrastructure'],
  arson: ['arson', 'arsons'], looting: ['looting', 'lootings'], sexual_violence: ['case of sexual violence', 'cases of sexual violence'],
  roadblock: ['roadblock', 'roadblocks'], organ_trafficking: ['case of organ trafficking', 'cases of organ trafficking'],
  displacement: ['displacement', 'displacements'], protest: ['protest', 'protests'], other: ['other incident', 'other incidents'],
};

const RELIABILITY: Readonly<Record<string, number>> = { A: 1, B: 0.85, C: 0.7, D: 0.5, E: 0.3, F: 0.6 };
const CREDIBILITY: Readonly<Record<number, number>> = { 1: 1, 2: 0.85, 3: 0.7, 4: 0.45, 5: 0.25, 6: 0.6 };
const VERIFICATION: Readonly<Record<string, number>> = { verified: 1.2, unverified: 1, disputed: 0.5, rejected: 0 };
/** A report that names no source is weighed like one graded C3. */
const UNGRADED = 0.5;

export const AREA_WEIGHTS: Readonly<Record<string, number>> = { controlled: 6, contested: 4, influence: 2 };
const CONFIDENCE: Readonly<Record<string, number>> = { high: 1, medium: 0.8, low: 0.6 };

/** Lower bounds of levels 2 to 5. */
export const LEVEL_THRESHOLDS: readonly [number, number, number, number] = [1, 3, 6, 10];

export interface ThreatIncident {
  id: string;
  type: string;
  occurredAt: string;
  lon: number;
  lat: number;
  counts: { killed: number; injured: number; abducted: number; displaced: number };
  sources: readonly { reliability: string; credibility: number }[];
  verification: string;
}

export interface ThreatArea {
  id: string;
  name: string;
  group: string;
  level: string;
  confidence: string;
  validFrom: string;
  geometry: AreaGeometry;
}

export interface ThreatSettings {
  radiusMeters: number;
  windowDays: number;
  halfLifeDays: number;
  asOfMs: number;
}

/** 1 for an incident with nobody hurt, up to 4 for a mass-casualty one. */
export function severityOf(counts: ThreatIncident['counts']): number {
  return 1 + Math.min(3, 0.5 * counts.killed + 0.2 * counts.injured + 0.3 * counts.abducted + counts.displaced / 500);
}

/** How far to believe a report: its best source's grade, times its verification. */
export function gradingOf(incident: Pick<ThreatIncident, 'sources' | 'verification'>): number {
  const best = incident.sources.reduce((top, s) => Math.max(top, (RELIABILITY[s.reliability] ?? 0.5) * (CREDIBILITY[s.credibility] ?? 0.5)), 0);
  return (incident.sources.length === 0 ? UNGRADED : best) * (VERIFICATION[incident.verification] ?? 1);
}

export function levelOf(score: number): ThreatLevel {
  let level = 1;
  for (const threshold of LEVEL_THRESHOLDS) if (score >= threshold) level += 1;
  return level as ThreatLevel;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const plural = (type: string, count: number) => (TYPE_NAMES[type] ?? [type.replaceAll('_', ' '), `${type.replaceAll('_', ' ')} incidents`])[count === 1 ? 0 : 1];

function incidentReasons(site: SiteShape, incidents: readonly ThreatIncident[], settings: ThreatSettings): ThreatReason[] {
  const fromMs = settings.asOfMs - settings.windowDays * DAY_MS;
  const groups = new Map<string, { score: number; ids: string[]; farthest: number; oldestMs: number }>();
  for (const incident of incidents) {
    const occurredMs = Date.parse(incident.occurredAt);
    if (occurredMs < fromMs || occurredMs > settings.asOfMs) continue;
    const distance = distanceToSiteMeters(site, incident.lon, incident.lat);
    if (distance > settings.radiusMeters) continue;
    const grading = gradingOf(incident);
    if (grading === 0) continue;
    const ageDays = (settings.asOfMs - occurredMs) / DAY_MS;
    const score = (TYPE_WEIGHTS[incident.type] ?? 0.5) * severityOf(incident.counts) * 0.5 ** (ageDays / settings.halfLifeDays) * grading * (1 - (0.5 * distance) / settings.radiusMeters);
    const group = groups.get(incident.type) ?? { score: 0, ids: [], farthest: 0, oldestMs: settings.asOfMs };
    group.score += score;
    group.ids.push(incident.id);
    group.farthest = Math.max(group.farthest, distance);
    group.oldestMs = Math.min(group.oldestMs, occurredMs);
    groups.set(incident.type, group);
  }
  return [...groups].map(([type, g]) => {
    const withinMeters = Math.max(100, Math.ceil(g.farthest / 100) * 100);
    const withinDays = Math.max(1, Math.ceil((settings.asOfMs - g.oldestMs) / DAY_MS));
    const count = g.ids.length;
    return {
      kind: 'incidents' as const, type, count, withinMeters, withinDays, score: round2(g.score), incidentIds: g.ids.sort(),
      text: `${count} ${plural(type, count)} within ${withinMeters} m in ${withinDays} day${withinDays === 1 ? '' : 's'}`,
    };
  });
}

function areaReasons(site: SiteShape, areas: readonly ThreatArea[], settings: ThreatSettings): ThreatReason[] {
  const reasons: ThreatReason[] = [];
  for (const area of areas) {
    const weight = AREA_WEIGHTS[area.level];
    if (weight === undefined || Date.parse(area.validFrom) > settings.asOfMs) continue;
    const found = areaRelation(site, area.geometry, settings.radiusMeters);
    if (!found) continue;
    const score = weight * (CONFIDENCE[area.confidence] ?? 0.8) * (found.relation === 'inside' ? 1 : 0.5);
    const name = area.group ? `${area.name}, ${area.group}` : area.name;
    const since = area.validFrom.slice(0, 10);
    const levelName = area.level === 'influence' ? 'area under gang influence' : `${area.level} area`;
    const text = found.relation === 'inside'
      ? `inside a ${levelName} (${name}) since ${since}`
      : `${Math.max(100, Math.ceil(found.distanceMeters / 100) * 100)} m or less from a ${levelName} (${name}) since ${since}`;
    reasons.push({ kind: 'area', areaId: area.id, areaName: area.name, level: area.level, relation: found.relation, distanceMeters: Math.round(found.distanceMeters), since: area.validFrom, score: round2(score), text });
  }
  return reasons;
}

/** The threat to a site from the incidents and areas given, as of settings.asOfMs. */
export function assessThreat(siteId: string, site: SiteShape, incidents: readonly ThreatIncident[], areas: readonly ThreatArea[], settings: ThreatSettings): Omit<SiteThreat, 'siteName'> {
  const reasons = [...incidentReasons(site, incidents, settings), ...areaReasons(site, areas, settings)]
    .sort((a, b) => b.score - a.score || a.text.localeCompare(b.text));
  const score = round2(reasons.reduce((sum, r) => sum + r.score, 0));
  const level = levelOf(score);
  return {
    siteId, level, label: THREAT_LEVELS[level].code, score, reasons,
    params: { radiusMeters: settings.radiusMeters, windowDays: settings.windowDays, halfLifeDays: settings.halfLifeDays },
    asOf: new Date(settings.asOfMs).toISOString(),
  };
}

/**
 * What a level and its reasons rest on, without the parts that drift with
 * the clock alone (ages, decayed scores): history keeps a new entry only
 * when this changes.
 */
export function threatSignature(threat: Pick<SiteThreat, 'level' | 'reasons'>): string {
  const parts = threat.reasons.map((r) => (r.kind === 'incidents' ? `${r.type}:${r.incidentIds.join(',')}` : `area:${r.areaId}:${r.relation}`)).sort();
  return `${threat.level}|${parts.join('|')}`;
}
