// Bounding boxes in degrees, as GeoJSON writes them: [minLon, minLat, maxLon, maxLat].
// Boxes never wrap the antimeridian: Konbit's areas of operation are far from it, and a box that
// wrapped would need every caller to handle two boxes.

import { metersToDegrees } from './measure.ts';
import type { Position } from './geojson.ts';

/** [minLon, minLat, maxLon, maxLat] in degrees. */
export type BBox = [minLon: number, minLat: number, maxLon: number, maxLat: number];

/** Positions nested to any depth, as in GeoJSON `coordinates` (a ring, a polygon, a multipolygon…). */
export type NestedPositions = Position | readonly NestedPositions[];

/** A new empty box: it contains and intersects nothing, and extending it by a point gives that point. */
export function emptyBBox(): BBox {
  return [Infinity, Infinity, -Infinity, -Infinity];
}

/** Whether a box holds no point at all (as returned for an empty list of coordinates). */
export function bboxIsEmpty(box: Readonly<BBox>): boolean {
  return !(box[0] <= box[2] && box[1] <= box[3]);
}

/**
 * The box of all points within `meters` of (lon, lat), in the flat approximation of
 * {@link metersToDegrees}; latitudes are clamped to ±90 and longitudes to ±180 (no wrapping).
 */
export function bboxAround(lon: number, lat: number, meters: number): BBox {
  if (!(meters >= 0)) throw new RangeError(`bboxAround: meters must be a number ≥ 0, got ${meters}`);
  // A circle reaches furthest in longitude on its poleward side, where degrees of longitude are
  // shortest: sizing dLon at the box's poleward edge keeps every point within `meters` inside.
  const { dLat } = metersToDegrees(meters, lat);
  const minLat = Math.max(-90, lat - dLat);
  const maxLat = Math.min(90, lat + dLat);
  const { dLon } = metersToDegrees(meters, Math.max(Math.abs(minLat), Math.abs(maxLat)));
  return [Math.max(-180, lon - dLon), minLat, Math.min(180, lon + dLon), maxLat];
}

/** Grows `box` in place to hold (lon, lat) and returns it. */
export function extendBBox(box: BBox, lon: number, lat: number): BBox {
  if (lon < box[0]) box[0] = lon;
  if (lat < box[1]) box[1] = lat;
  if (lon > box[2]) box[2] = lon;
  if (lat > box[3]) box[3] = lat;
  return box;
}

/** The box of positions nested to any depth (a LineString's, a Polygon's or a MultiPolygon's coordinates). */
export function bboxOfCoordinates(coordinates: NestedPositions): BBox {
  const box = emptyBBox();
  extendByNested(box, coordinates);
  return box;
}

function extendByNested(box: BBox, coordinates: NestedPositions): void {
  if (coordinates.length === 0) return;
  if (typeof coordinates[0] === 'number') {
    const position = coordinates as Position;
    extendBBox(box, position[0] as number, position[1] as number);
    return;
  }
  for (const child of coordinates as readonly NestedPositions[]) extendByNested(box, child);
}

/** Whether two boxes share at least one point (touching edges count). */
export function bboxIntersects(a: Readonly<BBox>, b: Readonly<BBox>): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

/** Whether `inner` lies entirely within `outer` (shared edges count as inside). */
export function bboxContains(outer: Readonly<BBox>, inner: Readonly<BBox>): boolean {
  return outer[0] <= inner[0] && outer[1] <= inner[1] && inner[2] <= outer[2] && inner[3] <= outer[3];
}

/** Whether (lon, lat) lies within `box`, edges included. */
export function bboxContainsPoint(box: Readonly<BBox>, lon: number, lat: number): boolean {
  return box[0] <= lon && lon <= box[2] && box[1] <= lat && lat <= box[3];
}
