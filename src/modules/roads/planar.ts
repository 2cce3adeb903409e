// Short distances on a local flat projection around a point: over the few hundred metres a
// roadblock or a drawn line spans, the error against the sphere is far below a road's width.

import { METERS_PER_DEGREE } from '../../core/geo/index.ts';

/** Metres from point p to segment a→b (all lon/lat degrees). */
export function pointSegmentMeters(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const kx = METERS_PER_DEGREE * Math.cos((py * Math.PI) / 180);
  const ky = METERS_PER_DEGREE;
  const x1 = (ax - px) * kx, y1 = (ay - py) * ky, x2 = (bx - px) * kx, y2 = (by - py) * ky;
  const dx = x2 - x1, dy = y2 - y1;
  const lengthSquared = dx * dx + dy * dy;
  const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, -(x1 * dx + y1 * dy) / lengthSquared));
  return Math.hypot(x1 + t * dx, y1 + t * dy);
}

/** Metres from a point to a polyline given as [lon, lat] positions. */
export function pointLineMeters(px: number, py: number, line: readonly (readonly number[])[]): number {
  let best = Infinity;
  for (let k = 1; k < line.length; k++) {
    const a = line[k - 1]!, b = line[k]!;
    best = Math.min(best, pointSegmentMeters(px, py, a[0]!, a[1]!, b[0]!, b[1]!));
  }
  return best;
}
