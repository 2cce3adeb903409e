// From the risk picture a requester may see to per-segment cost multipliers. One multiplier array
// per distinct picture (the records in force, their versions, the risk tolerance) is computed and
// kept, so that every route asked by readers who see the same records reuses it; a record added,
// edited or expiring changes the key and the next request computes a new array.

import { createHash } from 'node:crypto';
import { createMultipliers, type Weighting } from '../../core/graph/index.ts';
import { metersToDegrees, preparePolygon, segmentIntersectsPolygon, type AreaGeometry, type PreparedPolygon } from '../../core/geo/index.ts';
import type { ControlLevel, PictureItem, RiskTolerance } from '../../shared/roads.ts';
import type { LoadedNetwork } from './graph-registry.ts';
import { LEVEL_FACTORS } from './profiles.ts';
import { pointSegmentMeters } from './planar.ts';

export interface PictureArea {
  id: string;
  version: number;
  name: string;
  group: string;
  level: ControlLevel;
  geometry: AreaGeometry;
  bbox: readonly [number, number, number, number];
}

export interface PicturePoint {
  kind: 'roadblock' | 'incident';
  id: string;
  version: number;
  label: string;
  lon: number;
  lat: number;
  radiusMeters: number;
}

export interface PictureOverride {
  id: string;
  version: number;
  action: 'closed' | 'reopened';
  reason: string;
  /** Network edge numbers. */
  edges: readonly number[];
}

/** What one requester may see in force at one time. */
export interface Picture {
  areas: PictureArea[];
  points: PicturePoint[];
  overrides: PictureOverride[];
}

/** One record of the picture and the road segments it weighs on. */
export interface WeightedItem {
  item: PictureItem;
  factor: number;
  segments: Uint32Array;
  /** For areas: the polygon prepared for the risk measurements, and the area. */
  area: { prepared: PreparedPolygon; source: PictureArea } | null;
}

export interface RiskWeights {
  key: string;
  tolerance: RiskTolerance;
  /** One per routing-graph segment: 1 open, > 1 risky, Infinity blocked. Never changed once computed. */
  multipliers: Float64Array;
  /** The same multipliers prepared for queries (the router's hierarchy customized with them). */
  prepared: Weighting;
  items: WeightedItem[];
  /** Items by segment, built on first use (road status, explanations). */
  bySegment?: Map<number, WeightedItem[]>;
}

const CACHE_SIZE = 32;
/** Records whose segments are remembered: far more than any picture holds. */
const ITEM_CACHE_SIZE = 20_000;

/** The segments one record weighs on (and, for an area, its prepared polygon). */
export interface ItemSegments {
  segments: Uint32Array;
  prepared: PreparedPolygon | null;
}

/**
 * The segments of a record, found by a spatial query the first time its version is seen: a new
 * picture that differs from the last by one record then costs one query and a pass over arrays.
 */
function remembered(loaded: LoadedNetwork, key: string, find: () => ItemSegments): ItemSegments {
  let found = loaded.itemSegments.get(key);
  if (!found) {
    found = find();
    if (loaded.itemSegments.size >= ITEM_CACHE_SIZE) loaded.itemSegments.delete(loaded.itemSegments.keys().next().value!);
    loaded.itemSegments.set(key, found);
  }
  return found;
}

/** The cache key of a picture: which records, at which version, weighed at which tolerance. */
export function pictureKey(picture: Picture, tolerance: RiskTolerance): string {
  const parts = [
    tolerance,
    ...picture.areas.map((a) => `a:${a.id}:${a.version}`),
    ...picture.points.map((p) => `${p.kind}:${p.id}:${p.version}`),
    ...picture.overrides.map((o) => `o:${o.id}:${o.version}`),
  ].sort();
  return createHash('sha256').update(parts.join('\n')).digest('base64url');
}

/** The multipliers of a picture on a network, computed once per distinct picture. */
export function riskWeights(loaded: LoadedNetwork, picture: Picture, tolerance: RiskTolerance): RiskWeights {
  const key = pictureKey(picture, tolerance);
  const cached = loaded.weights.get(key);
  if (cached) {
    // Map order is insertion order: re-inserting marks it as the most recently used.
    loaded.weights.delete(key);
    loaded.weights.set(key, cached);
    return cached;
  }
  const weights = computeWeights(loaded, picture, tolerance, key);
  loaded.weights.set(key, weights);
  if (loaded.weights.size > CACHE_SIZE) loaded.weights.delete(loaded.weights.keys().next().value!);
  return weights;
}

function computeWeights(loaded: LoadedNetwork, picture: Picture, tolerance: RiskTolerance, key: string): RiskWeights {
  const multipliers = createMultipliers(loaded.segments.graph);
  const items: WeightedItem[] = [];
  for (const area of picture.areas) {
    const { segments, prepared } = remembered(loaded, `a:${area.id}:${area.version}`, () => {
      const polygon = preparePolygon(area.geometry);
      return { segments: Uint32Array.from(segmentsInArea(loaded, polygon, area.bbox)), prepared: polygon };
    });
    const factor = LEVEL_FACTORS[tolerance][area.level];
    items.push({ item: { kind: 'area', id: area.id, label: labelOfArea(area), level: area.level }, factor, segments, area: { prepared: prepared!, source: area } });
  }
  for (const point of picture.points) {
    const { segments } = remembered(loaded, `${point.kind}:${point.id}:${point.version}`, () =>
      ({ segments: Uint32Array.from(segmentsNearPoint(loaded, point.lon, point.lat, point.radiusMeters)), prepared: null }));
    items.push({ item: { kind: point.kind, id: point.id, label: point.label, lon: point.lon, lat: point.lat }, factor: Infinity, segments, area: null });
  }
  for (const override of picture.overrides) {
    const { segments } = remembered(loaded, `o:${override.id}:${override.version}`, () => ({ segments: Uint32Array.from(segmentsOfEdges(loaded, override.edges)), prepared: null }));
    const closed = override.action === 'closed';
    items.push({ item: { kind: closed ? 'closure' : 'reopening', id: override.id, label: override.reason }, factor: closed ? Infinity : 1, segments, area: null });
  }
  for (const { factor, segments } of items) for (const s of segments) if (multipliers[s]! < factor) multipliers[s] = factor;
  // A planner's reopening is the last word on its roads, whatever areas or blocks lie over them.
  for (const { item, segments } of items) if (item.kind === 'reopening') for (const s of segments) multipliers[s] = 1;
  // Prepared once per picture, so that every route and reachability query on it is two short walks;
  // from the latest picture of the same tolerance, which a new record changes in a few roads only.
  const base = [...loaded.weights.values()].reverse().find((cached) => cached.tolerance === tolerance);
  const prepared = loaded.router.prepare(multipliers, base?.prepared);
  return { key, tolerance, multipliers: prepared.multipliers, prepared, items };
}

/** "Grand Ravine — Martissant (contested)". */
export function labelOfArea(area: Pick<PictureArea, 'name' | 'group' | 'level'>): string {
  return `${area.group ? `${area.group} — ` : ''}${area.name} (${area.level})`;
}

/** Segments whose line touches the area (holes respected). */
export function segmentsInArea(loaded: LoadedNetwork, prepared: PreparedPolygon, bbox: readonly number[]): number[] {
  const { graph } = loaded.segments;
  return loaded.router.areas.edgesInBox(bbox[0]!, bbox[1]!, bbox[2]!, bbox[3]!).filter((s) => {
    const a = graph.edgeFrom[s]!;
    const b = graph.edgeTo[s]!;
    return segmentIntersectsPolygon(graph.lon[a]!, graph.lat[a]!, graph.lon[b]!, graph.lat[b]!, prepared);
  });
}

/** Segments passing within `radius` metres of a point. */
export function segmentsNearPoint(loaded: LoadedNetwork, lon: number, lat: number, radius: number): number[] {
  const { graph } = loaded.segments;
  const { dLon, dLat } = metersToDegrees(radius, lat);
  return loaded.router.areas.edgesInBox(lon - dLon, lat - dLat, lon + dLon, lat + dLat).filter((s) => {
    const a = graph.edgeFrom[s]!;
    const b = graph.edgeTo[s]!;
    return pointSegmentMeters(lon, lat, graph.lon[a]!, graph.lat[a]!, graph.lon[b]!, graph.lat[b]!) <= radius;
  });
}

/** All segments of the given network edges. */
export function segmentsOfEdges(loaded: LoadedNetwork, edges: readonly number[]): number[] {
  const { firstSegment } = loaded.segments;
  const segments: number[] = [];
  for (const e of edges) for (let s = firstSegment[e]!; s < firstSegment[e + 1]!; s++) segments.push(s);
  return segments;
}

/** The items weighing on each segment. */
export function itemsBySegment(weights: RiskWeights): Map<number, WeightedItem[]> {
  if (weights.bySegment) return weights.bySegment;
  const map = new Map<number, WeightedItem[]>();
  for (const item of weights.items) {
    for (const s of item.segments) {
      const list = map.get(s);
      if (list) list.push(item);
      else map.set(s, [item]);
    }
  }
  return (weights.bySegment = map);
}
