import {
  haversineMeters, largestPartCentroid, METERS_PER_DEGREE, pointInPolygon, polygonBbox, polygonParts, preparePolygon, validatePolygon,
  type AreaGeometry, type BBox, type PreparedPolygon,
} from '../../core/geo/index.ts';
import { AppError } from '../../shared/errors.ts';
import type { SiteGeometry } from '../../shared/sites.ts';
import { locationProblem } from '../incidents/index.ts';

/*
 * The shapes of sites and tasks: a site is a point or an area; a route or an
 * escort is a line; an area patrol is an area. Areas go through the same
 * validation and repair as areas of control. Distances are measured from the
 * site's edge, so an incident inside a compound is at 0 m.
 */

export interface CheckedSiteGeometry {
  geometry: SiteGeometry;
  centroid: { lon: number; lat: number };
  bbox: BBox;
  repairs: string[];
}

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

function invalid(message: string, path = 'geometry'): AppError {
  return new AppError('INVALID_GEOMETRY', message, [{ path, message }]);
}

/** A [lon, lat] position, refused with what is wrong with it. */
export function checkedPosition(value: unknown, what: string): [number, number] {
  if (!Array.isArray(value) || value.length < 2 || !isNumber(value[0]) || !isNumber(value[1])) {
    throw invalid(`${what} is not a [longitude, latitude] position: ${JSON.stringify(value)?.slice(0, 80)}`);
  }
  const [lon, lat] = value as [number, number];
  if (lon < -180 || lon > 180 || lat < -90 || lat > 90) throw invalid(`${what} (${lon}, ${lat}) is not a longitude and latitude in degrees`);
  const problem = locationProblem(lon, lat);
  if (problem) throw invalid(`${what}: ${problem}`);
  return [lon, lat];
}

/** The middle of an area: the centroid of its largest part's outer ring (its box's middle when it encloses nothing). */
export function areaCentroid(area: AreaGeometry): { lon: number; lat: number } {
  const centroid = largestPartCentroid(polygonParts(area));
  if (centroid) return centroid;
  const [minLon, minLat, maxLon, maxLat] = polygonBbox(area);
  return { lon: (minLon + maxLon) / 2, lat: (minLat + maxLat) / 2 };
}

/** A site's point or area, normalised, or INVALID_GEOMETRY / INVALID_POLYGON saying what is wrong. */
export function checkSiteGeometry(input: unknown, what = 'the site'): CheckedSiteGeometry {
  const type = (input as { type?: unknown } | null)?.type;
  if (type === 'Point') {
    const [lon, lat] = checkedPosition((input as { coordinates?: unknown }).coordinates, `${what}'s point`);
    return { geometry: { type: 'Point', coordinates: [lon, lat] }, centroid: { lon, lat }, bbox: [lon, lat, lon, lat], repairs: [] };
  }
  if (type === 'Polygon' || type === 'MultiPolygon') {
    const result = validatePolygon(input);
    if (!result.ok) throw new AppError('INVALID_POLYGON', `${what}'s area is refused: ${result.message}; redraw it`, { reason: result.reason, where: result.where });
    const centroid = areaCentroid(result.polygon);
    checkedPosition([centroid.lon, centroid.lat], `${what}'s area`);
    return { geometry: result.polygon as SiteGeometry, centroid, bbox: polygonBbox(result.polygon), repairs: [...result.repairs] };
  }
  throw invalid(`${what} must be a GeoJSON Point, Polygon or MultiPolygon, not ${typeof type === 'string' ? `a ${type}` : JSON.stringify(input)?.slice(0, 60)}`);
}

/** A route's line: a GeoJSON LineString of at least two positions. */
export function checkLine(input: unknown, what: string): { type: 'LineString'; coordinates: [number, number][] } {
  const { type, coordinates } = (input ?? {}) as { type?: unknown; coordinates?: unknown };
  if (type !== 'LineString') throw invalid(`${what} must be a GeoJSON LineString, not ${typeof type === 'string' ? `a ${type}` : 'missing'}`);
  if (!Array.isArray(coordinates) || coordinates.length < 2) throw invalid(`${what} needs at least two positions`);
  if (coordinates.length > 10_000) throw invalid(`${what} has ${coordinates.length} positions; simplify it to 10,000 or fewer`);
  return { type: 'LineString', coordinates: coordinates.map((position, i) => checkedPosition(position, `${what}, position ${i}`)) };
}

/** A checked site as the threat derivation measures it. */
export interface SiteShape {
  lon: number;
  lat: number;
  /** null for a point site. */
  area: PreparedPolygon | null;
  /** The area's outer rings, for distances to its edge. */
  rings: readonly (readonly (readonly number[])[])[];
}

export function siteShape(geometry: SiteGeometry, centroid: { lon: number; lat: number }): SiteShape {
  if (geometry.type === 'Point') return { lon: centroid.lon, lat: centroid.lat, area: null, rings: [] };
  const area = geometry as unknown as AreaGeometry;
  return { lon: centroid.lon, lat: centroid.lat, area: preparePolygon(area), rings: polygonParts(area).flatMap((rings) => rings) };
}

/** Metres from (lon, lat) to the segment a–b, on a local flat projection (fine below tens of km). */
function segmentDistanceMeters(lon: number, lat: number, a: readonly number[], b: readonly number[]): number {
  const kx = METERS_PER_DEGREE * Math.cos((lat * Math.PI) / 180);
  const ky = METERS_PER_DEGREE;
  const ax = ((a[0] as number) - lon) * kx, ay = ((a[1] as number) - lat) * ky;
  const bx = ((b[0] as number) - lon) * kx, by = ((b[1] as number) - lat) * ky;
  const dx = bx - ax, dy = by - ay;
  const lengthSquared = dx * dx + dy * dy;
  const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / lengthSquared));
  return Math.hypot(ax + t * dx, ay + t * dy);
}

/** Metres from a point to the nearest edge of a set of rings. */
export function distanceToRingsMeters(lon: number, lat: number, rings: readonly (readonly (readonly number[])[])[]): number {
  let best = Infinity;
  for (const ring of rings) {
    for (let i = 1; i < ring.length; i++) best = Math.min(best, segmentDistanceMeters(lon, lat, ring[i - 1]!, ring[i]!));
  }
  return best;
}

/** Metres from a point to the site: to its point, or 0 inside its area and to its edge outside. */
export function distanceToSiteMeters(site: SiteShape, lon: number, lat: number): number {
  if (!site.area) return haversineMeters(site.lon, site.lat, lon, lat);
  if (pointInPolygon(lon, lat, site.area)) return 0;
  return distanceToRingsMeters(lon, lat, site.rings);
}

/** How an area of control stands to a site: the site inside it, or its edge within `radius`. */
export function areaRelation(site: SiteShape, area: AreaGeometry, radiusMeters: number): { relation: 'inside' | 'near'; distanceMeters: number } | null {
  const prepared = preparePolygon(area);
  const areaRings = polygonParts(area).flatMap((rings) => rings);
  if (pointInPolygon(site.lon, site.lat, prepared)) return { relation: 'inside', distanceMeters: 0 };
  // An area site overlaps the area when a corner of either lies in the other.
  if (site.area) {
    if (site.rings.some((ring) => ring.some((p) => pointInPolygon(p[0] as number, p[1] as number, prepared)))) return { relation: 'inside', distanceMeters: 0 };
    if (areaRings.some((ring) => ring.some((p) => pointInPolygon(p[0] as number, p[1] as number, site.area!)))) return { relation: 'inside', distanceMeters: 0 };
  }
  const corners = site.area ? site.rings.flat() : [[site.lon, site.lat]];
  let distance = Infinity;
  for (const corner of corners) distance = Math.min(distance, distanceToRingsMeters(corner[0] as number, corner[1] as number, areaRings));
  return distance <= radiusMeters ? { relation: 'near', distanceMeters: distance } : null;
}
