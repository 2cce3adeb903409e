// Validation and repair of user-drawn areas (areas of gang control, cordons, patrol sectors).
// Harmless slips are repaired and reported (an unclosed ring, repeated clicks, the wrong
// winding); anything that changes what the area means is refused with where it went wrong.

import { cleanRing, doubleSignedArea, hasZeroArea, isCollinear } from './clean-ring.ts';
import type { CleanRing, PolygonProblem, ProblemLocation, RingProblem } from './clean-ring.ts';
import type { AreaGeometry } from './geojson.ts';
import { findCrossing } from './ring-crossings.ts';

export type { PolygonProblem, ProblemLocation } from './clean-ring.ts';

/** The outcome of {@link validatePolygon}. */
export type PolygonValidation =
  | {
      readonly ok: true;
      /** The normalised area: closed rings, no repeated positions, RFC 7946 winding, [lon, lat] only. */
      readonly polygon: AreaGeometry;
      /** What was repaired, one sentence each (empty when the input was already clean). */
      readonly repairs: readonly string[];
    }
  | {
      readonly ok: false;
      readonly reason: PolygonProblem;
      /** What is wrong and where, for a person: "ring 0 crosses itself: segment 1 (positions 1→2) …". */
      readonly message: string;
      /** Where it is wrong, in the input's own numbering; null when the geometry as a whole is wrong. */
      readonly where: ProblemLocation | null;
    };

/** A problem in one polygon part: in one of its rings, or (ring null) in the part as a whole. */
type PartProblem = RingProblem & { readonly ring: number | null };

/** Whether (x, y) is inside a ring (even-odd); only used on points known to be off its boundary. */
function ringContains(ring: CleanRing, x: number, y: number): boolean {
  const { xs, ys } = ring;
  let inside = false;
  for (let i = 0, j = xs.length - 1; i < xs.length; j = i++) {
    const xi = xs[i] as number, yi = ys[i] as number, xj = xs[j] as number, yj = ys[j] as number;
    if (yi > y !== yj > y && x < xi + ((y - yi) * (xj - xi)) / (yj - yi)) inside = !inside;
  }
  return inside;
}

/** Holes must lie inside the outer ring and not inside one another (rings are known not to meet). */
function holeProblem(rings: readonly CleanRing[]): PartProblem | null {
  const outer = rings[0] as CleanRing;
  for (let h = 1; h < rings.length; h++) {
    const hole = rings[h] as CleanRing;
    const x = hole.xs[0] as number, y = hole.ys[0] as number;
    const position = hole.segmentStart[0] as number;
    if (!ringContains(outer, x, y)) {
      return { ring: h, reason: 'hole-outside-shell', detail: 'hole outside ring 0, the outer ring', position, otherRing: 0, otherPosition: 0 };
    }
    const host = rings.findIndex((other, g) => g >= 1 && g !== h && ringContains(other, x, y));
    if (host >= 0) {
      return { ring: h, reason: 'hole-inside-hole', detail: `hole inside ring ${host}, another hole`, position, otherRing: host, otherPosition: 0 };
    }
  }
  return null;
}

/** The crossing found among the rings, phrased. */
function crossingProblem(rings: readonly CleanRing[]): PartProblem | null {
  const crossing = findCrossing(rings);
  if (crossing === null) return null;
  const { ring, segment, otherRing, otherSegment } = crossing;
  const a = rings[ring] as CleanRing, b = rings[otherRing] as CleanRing;
  const from = a.segmentStart[segment] as number, otherFrom = b.segmentStart[otherSegment] as number;
  const first = `segment ${from} (positions ${from}→${a.segmentEnd[segment]})`;
  const second = `segment ${otherFrom} (positions ${otherFrom}→${b.segmentEnd[otherSegment]})`;
  const where = { ring, position: from, otherRing, otherPosition: otherFrom };
  return ring === otherRing
    ? { ...where, reason: 'self-intersection', detail: `crosses itself: ${first} crosses or touches ${second}` }
    : { ...where, reason: 'rings-intersect', detail: `touches or crosses ring ${otherRing}: ${first} meets ${second} of ring ${otherRing}` };
}

/** Reads and checks the rings of one polygon part. */
function checkPart(raw: unknown): CleanRing[] | PartProblem {
  if (!Array.isArray(raw)) return { ring: null, reason: 'malformed', detail: 'not an array of rings', position: 0 };
  if (raw.length === 0) return { ring: null, reason: 'empty', detail: 'no rings', position: 0 };
  const rings: CleanRing[] = [];
  for (const [r, rawRing] of (raw as unknown[]).entries()) {
    const ring = cleanRing(rawRing);
    if ('reason' in ring) return { ...ring, ring: r };
    rings.push(ring);
  }
  const flat = rings.findIndex(isCollinear);
  if (flat >= 0) return { ring: flat, reason: 'zero-area', detail: 'no area: all its corners lie on one line', position: 0 };
  const crossing = crossingProblem(rings);
  if (crossing) return crossing;
  const sliver = rings.findIndex(hasZeroArea);
  if (sliver >= 0) return { ring: sliver, reason: 'zero-area', detail: 'no area (thinner than rounding)', position: 0 };
  return holeProblem(rings) ?? rings;
}

/** Closed [lon, lat] positions of a ring wound as RFC 7946 wants, and whether it had to be reversed. */
function orientedPositions(ring: CleanRing, isOuter: boolean): { positions: number[][]; reversed: boolean } {
  const reversed = doubleSignedArea(ring) > 0 !== isOuter;
  const positions = Array.from(ring.xs, (x, k) => [x, ring.ys[k] as number]);
  if (reversed) positions.reverse();
  positions.push([...(positions[0] as number[])]);
  return { positions, reversed };
}

/** Output rings of a valid part, noting each repair in `repairs`. */
function normalisePart(rings: readonly CleanRing[], prefix: (ring: number) => string, repairs: string[]): number[][][] {
  return rings.map((ring, r) => {
    const { positions, reversed } = orientedPositions(ring, r === 0);
    if (ring.repeatedDropped > 0) repairs.push(`${prefix(r)}: removed ${ring.repeatedDropped} repeated position(s)`);
    if (!ring.closed) repairs.push(`${prefix(r)}: closed the ring by repeating its first position at the end`);
    if (reversed) {
      repairs.push(r === 0
        ? `${prefix(r)}: reversed to counter-clockwise, the winding RFC 7946 asks of outer rings`
        : `${prefix(r)}: reversed to clockwise, the winding RFC 7946 asks of holes`);
    }
    return positions;
  });
}

function describe(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? String(value);
  const type = (value as { type?: unknown }).type;
  return typeof type === 'string' ? `a ${type}` : 'an object without a GeoJSON type';
}

/**
 * Checks a user-drawn GeoJSON Polygon or MultiPolygon and returns it normalised — rings closed,
 * repeated consecutive positions removed, outer rings counter-clockwise and holes clockwise
 * (RFC 7946), positions reduced to [lon, lat] — or says what is wrong and where: not an area,
 * a ring with fewer than 4 positions, a coordinate that is not a number or out of range, a ring
 * that crosses or touches itself or another ring (found in O(n log n)), a ring with no area, a
 * hole outside its shell. Overlaps between the parts of a MultiPolygon are not checked.
 */
export function validatePolygon(geometry: unknown): PolygonValidation {
  const type = (geometry as { type?: unknown } | null)?.type;
  if (type !== 'Polygon' && type !== 'MultiPolygon') {
    return { ok: false, reason: 'not-a-polygon', message: `expected a GeoJSON Polygon or MultiPolygon, got ${describe(geometry)}`, where: null };
  }
  const coordinates = (geometry as { coordinates?: unknown }).coordinates;
  if (!Array.isArray(coordinates)) {
    return { ok: false, reason: 'malformed', message: `the ${type} has no coordinates array`, where: null };
  }
  const multi = type === 'MultiPolygon';
  if (multi && coordinates.length === 0) {
    return { ok: false, reason: 'empty', message: 'the MultiPolygon has no polygons', where: null };
  }
  const repairs: string[] = [];
  const parts: number[][][][] = [];
  for (const [p, raw] of (multi ? coordinates : [coordinates]).entries()) {
    const prefix = (ring: number): string => (multi ? `polygon ${p}, ring ${ring}` : `ring ${ring}`);
    const checked = checkPart(raw);
    if (!Array.isArray(checked)) {
      const { reason, detail, ring, ...at } = checked;
      const place = ring === null ? (multi ? `polygon ${p}` : 'polygon') : prefix(ring);
      return { ok: false, reason, message: `${place}: ${detail}`, where: { polygon: p, ring: ring ?? 0, ...at } };
    }
    parts.push(normalisePart(checked, prefix, repairs));
  }
  const polygon: AreaGeometry = multi
    ? { type: 'MultiPolygon', coordinates: parts }
    : { type: 'Polygon', coordinates: parts[0] as number[][][] };
  return { ok: true, polygon, repairs };
}
