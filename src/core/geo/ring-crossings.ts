// Finding where the rings of a polygon cross or touch one another or themselves, in
// O(n log n + k): flatbush over the segments' boxes, then an exact test on the pairs whose boxes
// overlap (k of them, a few per segment on a drawn outline), instead of all n² pairs.

import Flatbush from 'flatbush';
import type { CleanRing } from './clean-ring.ts';
import { orient, segmentsIntersect } from './segments.ts';

/** Two segments that meet: ring and segment (corner) index of each, the first pair in (ring, segment) order. */
export interface Crossing {
  readonly ring: number;
  readonly segment: number;
  readonly otherRing: number;
  readonly otherSegment: number;
}

/** Segments of all rings, numbered ring after ring. */
interface SegmentTable {
  readonly ringOf: Uint32Array;
  readonly cornerOf: Uint32Array;
  /** ax, ay, bx, by per segment. */
  readonly coords: Float64Array;
}

function segmentTable(rings: readonly CleanRing[]): SegmentTable {
  const total = rings.reduce((sum, ring) => sum + ring.xs.length, 0);
  const ringOf = new Uint32Array(total), cornerOf = new Uint32Array(total), coords = new Float64Array(total * 4);
  let s = 0;
  rings.forEach((ring, r) => {
    const corners = ring.xs.length;
    for (let k = 0; k < corners; k++, s++) {
      const next = k + 1 === corners ? 0 : k + 1;
      ringOf[s] = r;
      cornerOf[s] = k;
      coords.set([ring.xs[k] as number, ring.ys[k] as number, ring.xs[next] as number, ring.ys[next] as number], s * 4);
    }
  });
  return { ringOf, cornerOf, coords };
}

/**
 * Whether two neighbouring segments of one ring (s ends where t starts) overlap beyond their
 * shared corner: collinear and folding back on themselves, a spike.
 */
function foldsBack(c: Float64Array, s: number, t: number): boolean {
  const ux = c[s * 4] as number, uy = c[s * 4 + 1] as number; // far end of s
  const sx = c[s * 4 + 2] as number, sy = c[s * 4 + 3] as number; // shared corner
  const vx = c[t * 4 + 2] as number, vy = c[t * 4 + 3] as number; // far end of t
  return orient(ux, uy, sx, sy, vx, vy) === 0 && (ux - sx) * (vx - sx) + (uy - sy) * (vy - sy) > 0;
}

/** Whether segments s < t meet anywhere other than the corner that neighbours share. */
function segmentsMeet(table: SegmentTable, rings: readonly CleanRing[], s: number, t: number): boolean {
  const { ringOf, cornerOf, coords: c } = table;
  if (ringOf[s] === ringOf[t]) {
    const corners = (rings[ringOf[s] as number] as CleanRing).xs.length;
    if (t === s + 1) return foldsBack(c, s, t);
    if (cornerOf[s] === 0 && cornerOf[t] === corners - 1) return foldsBack(c, t, s);
  }
  return segmentsIntersect(
    c[s * 4] as number, c[s * 4 + 1] as number, c[s * 4 + 2] as number, c[s * 4 + 3] as number,
    c[t * 4] as number, c[t * 4 + 1] as number, c[t * 4 + 2] as number, c[t * 4 + 3] as number,
  );
}

/** The box of each segment: minX, minY, maxX, maxY. */
function segmentBoxes(coords: Float64Array): Float64Array {
  const boxes = new Float64Array(coords.length);
  for (let i = 0; i < coords.length; i += 4) {
    const ax = coords[i] as number, ay = coords[i + 1] as number, bx = coords[i + 2] as number, by = coords[i + 3] as number;
    boxes[i] = Math.min(ax, bx);
    boxes[i + 1] = Math.min(ay, by);
    boxes[i + 2] = Math.max(ax, bx);
    boxes[i + 3] = Math.max(ay, by);
  }
  return boxes;
}

/**
 * The first pair of segments (in ring, then segment order) that cross, touch or overlap, or null
 * when the rings are simple and disjoint. Neighbouring segments may share only their corner.
 */
export function findCrossing(rings: readonly CleanRing[]): Crossing | null {
  const table = segmentTable(rings);
  const total = table.ringOf.length;
  if (total === 0) return null;
  const boxes = segmentBoxes(table.coords);
  const tree = new Flatbush(total);
  for (let i = 0; i < boxes.length; i += 4) {
    tree.add(boxes[i] as number, boxes[i + 1] as number, boxes[i + 2] as number, boxes[i + 3] as number);
  }
  tree.finish();
  for (let s = 0; s < total; s++) {
    const i = s * 4;
    const meeting = tree.search(boxes[i] as number, boxes[i + 1] as number, boxes[i + 2] as number, boxes[i + 3] as number,
      (t) => t > s && segmentsMeet(table, rings, s, t));
    if (meeting.length === 0) continue;
    const t = meeting.reduce((a, b) => Math.min(a, b));
    return {
      ring: table.ringOf[s] as number,
      segment: table.cornerOf[s] as number,
      otherRing: table.ringOf[t] as number,
      otherSegment: table.cornerOf[t] as number,
    };
  }
  return null;
}
