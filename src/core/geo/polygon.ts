// Point, segment and line queries against one area (a Polygon or MultiPolygon, holes respected).
// A GeoJSON geometry works as is; for many queries against the same area (routing tests every
// road edge against each contested area) prepare it once with `preparePolygon`.

import { bboxOfCoordinates, bboxIntersects } from './bbox.ts';
import type { BBox } from './bbox.ts';
import { flattenPolygons, partContains, partSlotRange } from './flat-polygons.ts';
import type { FlatPolygons } from './flat-polygons.ts';
import { polygonParts } from './geojson.ts';
import type { AreaGeometry, Position, Ring } from './geojson.ts';
import { haversineMeters } from './measure.ts';
import { pushIntersectionParams, segmentsIntersect } from './segments.ts';

/** An area flattened for repeated queries; build it with {@link preparePolygon}. */
export interface PreparedPolygon {
  readonly kind: 'prepared-polygon';
  readonly bbox: Readonly<BBox>;
  readonly flat: FlatPolygons;
}

/** An area as GeoJSON, or prepared by {@link preparePolygon}. */
export type PolygonInput = AreaGeometry | PreparedPolygon;

/** Flattens an area into typed arrays (banded edge lists) so that each later query is cheap. */
export function preparePolygon(geometry: AreaGeometry): PreparedPolygon {
  const parts = polygonParts(geometry).map((rings) => ({ owner: 0, rings }));
  return { kind: 'prepared-polygon', bbox: bboxOfCoordinates(geometry.coordinates), flat: flattenPolygons(parts) };
}

function isPrepared(polygon: PolygonInput): polygon is PreparedPolygon {
  return (polygon as Partial<PreparedPolygon>).kind === 'prepared-polygon';
}

function prepared(polygon: PolygonInput): PreparedPolygon {
  return isPrepared(polygon) ? polygon : preparePolygon(polygon);
}

/** The bounding box of an area, as [minLon, minLat, maxLon, maxLat]. */
export function polygonBbox(polygon: PolygonInput): BBox {
  if (isPrepared(polygon)) return [...polygon.bbox] as BBox;
  return bboxOfCoordinates(polygon.coordinates);
}

/** Even-odd ray cast over GeoJSON rings, with the same boundary rule as `partContains`. */
function ringsContain(rings: readonly Ring[], x: number, y: number): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const a = ring[j] as Position, b = ring[i] as Position;
      const lower = (a[1] as number) < (b[1] as number) || (a[1] === b[1] && (a[0] as number) < (b[0] as number)) ? a : b;
      const upper = lower === a ? b : a;
      const x0 = lower[0] as number, y0 = lower[1] as number, x1 = upper[0] as number, y1 = upper[1] as number;
      if (y < y0 || y >= y1) continue;
      if (x < x0 + ((y - y0) * (x1 - x0)) / (y1 - y0)) inside = !inside;
    }
  }
  return inside;
}

/**
 * Whether (lon, lat) lies inside the area: inside an outer ring and outside its holes. A point
 * exactly on a boundary belongs to the side east (or, on an east–west edge, north) of it, so
 * that of two areas sharing an edge exactly one contains it.
 */
export function pointInPolygon(lon: number, lat: number, polygon: PolygonInput): boolean {
  if (!isPrepared(polygon)) return polygonParts(polygon).some((rings) => ringsContain(rings, lon, lat));
  const { flat } = polygon;
  for (let p = 0; p < flat.partCount; p++) if (partContains(flat, p, lon, lat)) return true;
  return false;
}

/** Whether the slot's edge can meet a segment with box (minX, minY, maxX, maxY). */
function slotNear(edges: Float64Array, i: number, minX: number, minY: number, maxX: number, maxY: number): boolean {
  const x0 = edges[i] as number, x1 = edges[i + 2] as number;
  return (edges[i + 1] as number) <= maxY && (edges[i + 3] as number) >= minY &&
    Math.min(x0, x1) <= maxX && Math.max(x0, x1) >= minX;
}

/**
 * Calls `visit` with each edge whose box meets the segment a→b's box (an edge may come more than
 * once); stops early, returning true, when `visit` returns true.
 */
function someEdgeNear(
  area: PreparedPolygon, ax: number, ay: number, bx: number, by: number,
  visit: (x0: number, y0: number, x1: number, y1: number) => boolean,
): boolean {
  const minX = Math.min(ax, bx), minY = Math.min(ay, by), maxX = Math.max(ax, bx), maxY = Math.max(ay, by);
  const { flat } = area;
  const e = flat.edges, bounds = flat.partBounds;
  for (let p = 0; p < flat.partCount; p++) {
    const b = p * 4;
    if ((bounds[b] as number) > maxX || (bounds[b + 1] as number) > maxY || (bounds[b + 2] as number) < minX || (bounds[b + 3] as number) < minY) continue;
    const [from, to] = partSlotRange(flat, p, minY, maxY);
    for (let i = from * 4; i < to * 4; i += 4) {
      if (slotNear(e, i, minX, minY, maxX, maxY) && visit(e[i] as number, e[i + 1] as number, e[i + 2] as number, e[i + 3] as number)) return true;
    }
  }
  return false;
}

/**
 * Whether segment a→b (degrees) shares any point with the area, boundary included: it starts
 * inside, or it crosses or touches an edge.
 */
export function segmentIntersectsPolygon(ax: number, ay: number, bx: number, by: number, polygon: PolygonInput): boolean {
  const area = prepared(polygon);
  if (!bboxIntersects(area.bbox, [Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by)])) return false;
  if (pointInPolygon(ax, ay, area)) return true;
  return someEdgeNear(area, ax, ay, bx, by, (x0, y0, x1, y1) => segmentsIntersect(ax, ay, bx, by, x0, y0, x1, y1));
}

/** Parameters t along a→b (0, 1, and where it meets the area's edges), sorted. */
function cutParameters(area: PreparedPolygon, ax: number, ay: number, bx: number, by: number): number[] {
  const cuts = [0, 1];
  someEdgeNear(area, ax, ay, bx, by, (x0, y0, x1, y1) => {
    pushIntersectionParams(ax, ay, bx, by, x0, y0, x1, y1, cuts);
    return false;
  });
  return cuts.sort((t1, t2) => t1 - t2);
}

/**
 * Metres of a polyline (GeoJSON LineString coordinates) that lie inside the area — the length a
 * route spends in a contested zone. Each segment is cut where it meets the area's edges and each
 * piece counts, in proportion to the segment's great-circle length, when its middle is inside;
 * a stretch running exactly along a boundary counts by the boundary rule of {@link pointInPolygon}.
 * The result never exceeds the polyline's length (`lineLengthMeters`).
 */
export function lineLengthInsidePolygon(coords: readonly Position[], polygon: PolygonInput): number {
  const area = prepared(polygon);
  let inside = 0;
  for (let k = 1; k < coords.length; k++) {
    const a = coords[k - 1] as Position, b = coords[k] as Position;
    const ax = a[0] as number, ay = a[1] as number, bx = b[0] as number, by = b[1] as number;
    const box: BBox = [Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by)];
    if (!bboxIntersects(area.bbox, box)) continue;
    const length = haversineMeters(ax, ay, bx, by);
    if (length === 0) continue;
    const cuts = cutParameters(area, ax, ay, bx, by);
    for (let c = 1; c < cuts.length; c++) {
      const t0 = cuts[c - 1] as number, t1 = cuts[c] as number;
      if (t1 <= t0) continue;
      const middle = (t0 + t1) / 2;
      if (pointInPolygon(ax + (bx - ax) * middle, ay + (by - ay) * middle, area)) inside += (t1 - t0) * length;
    }
  }
  return inside;
}
