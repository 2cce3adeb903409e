// A single point that stands for an area: where a commune or a communal section named in a
// message or an article is placed on the map. It must lie inside the area, because the admin-area
// lookup later reads the area back from that point.

import type { Ring } from './geojson.ts';
import { pointInPolygon } from './polygon.ts';

/**
 * The signed area and the centroid of a ring (the shoelace formula, in degrees, which is fine at a
 * commune's scale). The area is positive for a counter-clockwise ring; a ring of no area gives its
 * first vertex as centroid.
 */
export function ringCentroid(ring: Ring): { area: number; lon: number; lat: number } {
  let twiceArea = 0;
  let lon = 0;
  let lat = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [x1, y1] = ring[j] as [number, number];
    const [x2, y2] = ring[i] as [number, number];
    const cross = x1 * y2 - x2 * y1;
    twiceArea += cross;
    lon += (x1 + x2) * cross;
    lat += (y1 + y2) * cross;
  }
  if (twiceArea === 0) return { area: 0, lon: ring[0]?.[0] ?? 0, lat: ring[0]?.[1] ?? 0 };
  return { area: twiceArea / 2, lon: lon / (3 * twiceArea), lat: lat / (3 * twiceArea) };
}

/** The x of every place where a ring edge crosses the line at latitude `y`, west to east. */
function crossingsAt(rings: readonly Ring[], y: number): number[] {
  const crossings: number[] = [];
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [x1, y1] = ring[j] as [number, number];
      const [x2, y2] = ring[i] as [number, number];
      // Half-open on y, so a vertex on the line counts once.
      if (y1 > y !== y2 > y) crossings.push(x1 + ((y - y1) * (x2 - x1)) / (y2 - y1));
    }
  }
  return crossings.sort((a, b) => a - b);
}

interface LargestPart {
  rings: readonly Ring[];
  area: number;
  lon: number;
  lat: number;
}

// The part whose outer ring encloses the most, with that ring's centroid.
function largestPart(parts: readonly (readonly Ring[])[]): LargestPart | null {
  let largest: LargestPart | null = null;
  for (const rings of parts) {
    const outer = rings[0];
    if (!outer || outer.length === 0) continue;
    const centroid = ringCentroid(outer);
    if (!largest || Math.abs(centroid.area) > Math.abs(largest.area)) largest = { rings, ...centroid };
  }
  return largest;
}

/**
 * The middle of an area (its parts as from `polygonParts`): the centroid of its largest part's
 * outer ring, or null when no ring encloses anything. It may fall outside a crescent-shaped area;
 * `interiorPoint` never does.
 */
export function largestPartCentroid(parts: readonly (readonly Ring[])[]): { lon: number; lat: number } | null {
  const largest = largestPart(parts);
  return largest && largest.area !== 0 ? { lon: largest.lon, lat: largest.lat } : null;
}

/**
 * A point inside the largest part of an area (its parts as from `polygonParts`): the centroid of
 * that part's outer ring when it falls inside the part (holes respected), else the middle of the
 * westernmost stretch of the centroid's latitude line that lies inside — a crescent-shaped
 * commune's centroid, or a ring-shaped one's, can fall outside it. Throws on an area without parts.
 */
export function interiorPoint(parts: readonly (readonly Ring[])[]): { lon: number; lat: number } {
  const largest = largestPart(parts);
  if (!largest) throw new Error('interiorPoint: the area has no ring; pass the parts of a Polygon or MultiPolygon');
  const { rings, lon, lat } = largest;
  if (pointInPolygon(lon, lat, { type: 'Polygon', coordinates: rings })) return { lon, lat };
  // Between the first two crossings the line is inside (even-odd), whatever holes the part has.
  const [west, east] = crossingsAt(rings, lat);
  if (west !== undefined && east !== undefined) return { lon: (west + east) / 2, lat };
  const first = rings[0]![0]!;
  return { lon: first[0]!, lat: first[1]! };
}
