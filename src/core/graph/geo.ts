// Small planar helpers for the graph (distances come from core/geo). Areas and road segments are a few hundred
// meters across, so segment/area tests treat lon/lat as planar coordinates: the error is far
// below the precision of a drawn roadblock.

export { haversineMeters } from '../geo/index.ts';

/** True when segment (ax, ay)-(bx, by) touches the box, by Liang–Barsky clipping. */
export function segmentIntersectsBox(
  ax: number, ay: number, bx: number, by: number,
  minX: number, minY: number, maxX: number, maxY: number,
): boolean {
  const dx = bx - ax;
  const dy = by - ay;
  clipRange[0] = 0;
  clipRange[1] = 1;
  return clip(-dx, ax - minX) && clip(dx, maxX - ax) && clip(-dy, ay - minY) && clip(dy, maxY - ay);
}

// The parameter interval [t0, t1] of the segment still inside the slabs clipped so far; a
// module-level scratch so that testing thousands of segments allocates nothing.
const clipRange = new Float64Array(2);

// Clips against one slab, where p * t <= q must hold; false once the interval is empty.
function clip(p: number, q: number): boolean {
  if (p === 0) return q >= 0;
  const t = q / p;
  if (p < 0) {
    if (t > clipRange[1]!) return false;
    if (t > clipRange[0]!) clipRange[0] = t;
  } else {
    if (t < clipRange[0]!) return false;
    if (t < clipRange[1]!) clipRange[1] = t;
  }
  return true;
}

/** Even-odd point-in-polygon test on a flat ring [x0, y0, x1, y1, …] (closing point optional). */
export function pointInRing(x: number, y: number, ring: ArrayLike<number>): boolean {
  let inside = false;
  const count = ring.length >> 1;
  for (let i = 0, j = count - 1; i < count; j = i++) {
    const xi = ring[2 * i]!, yi = ring[2 * i + 1]!;
    const xj = ring[2 * j]!, yj = ring[2 * j + 1]!;
    if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** True when segment a-b touches the polygon: an endpoint inside, or a crossing of its ring. */
export function segmentIntersectsRing(ax: number, ay: number, bx: number, by: number, ring: ArrayLike<number>): boolean {
  if (pointInRing(ax, ay, ring) || pointInRing(bx, by, ring)) return true;
  const count = ring.length >> 1;
  for (let i = 0, j = count - 1; i < count; j = i++) {
    if (segmentsIntersect(ax, ay, bx, by, ring[2 * j]!, ring[2 * j + 1]!, ring[2 * i]!, ring[2 * i + 1]!)) return true;
  }
  return false;
}

function segmentsIntersect(
  ax: number, ay: number, bx: number, by: number,
  cx: number, cy: number, dx: number, dy: number,
): boolean {
  const d1 = cross(cx, cy, dx, dy, ax, ay);
  const d2 = cross(cx, cy, dx, dy, bx, by);
  const d3 = cross(ax, ay, bx, by, cx, cy);
  const d4 = cross(ax, ay, bx, by, dx, dy);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
  // Collinear touching cases: an endpoint lying on the other segment.
  return (d1 === 0 && onSegment(cx, cy, dx, dy, ax, ay)) || (d2 === 0 && onSegment(cx, cy, dx, dy, bx, by)) ||
    (d3 === 0 && onSegment(ax, ay, bx, by, cx, cy)) || (d4 === 0 && onSegment(ax, ay, bx, by, dx, dy));
}

function cross(ax: number, ay: number, bx: number, by: number, px: number, py: number): number {
  return (bx - ax) * (py - ay) - (by - ay) * (px - ax);
}

function onSegment(ax: number, ay: number, bx: number, by: number, px: number, py: number): boolean {
  return Math.min(ax, bx) <= px && px <= Math.max(ax, bx) && Math.min(ay, by) <= py && py <= Math.max(ay, by);
}
