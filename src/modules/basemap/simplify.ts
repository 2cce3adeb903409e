/**
 * Geometry thinning for the basemap: coordinates rounded to a fixed number of
 * decimals (5 decimals ≈ 1 m at Haiti's latitude) and near-collinear vertices
 * dropped with Douglas–Peucker. The boundaries are drawn at city-to-country
 * scale, so a few metres of error is invisible and the payload shrinks several-fold.
 */

export type Position = [number, number];

/** Rounds a coordinate to `decimals` places. */
export function roundPosition([lon, lat]: readonly number[], decimals: number): Position {
  const f = 10 ** decimals;
  return [Math.round((lon ?? 0) * f) / f, Math.round((lat ?? 0) * f) / f];
}

/** Squared distance from p to the segment a–b, in squared degrees (planar: fine at this scale). */
function segmentDistanceSq(p: Position, a: Position, b: Position): number {
  let [x, y] = a;
  const dx = b[0] - x;
  const dy = b[1] - y;
  if (dx !== 0 || dy !== 0) {
    const t = ((p[0] - x) * dx + (p[1] - y) * dy) / (dx * dx + dy * dy);
    if (t > 1) [x, y] = b;
    else if (t > 0) {
      x += dx * t;
      y += dy * t;
    }
  }
  return (p[0] - x) ** 2 + (p[1] - y) ** 2;
}

/**
 * Douglas–Peucker over a line, iteratively (a long coastline would overflow a
 * recursive version's stack). Keeps the first and last points.
 */
export function douglasPeucker(points: readonly Position[], tolerance: number): Position[] {
  const n = points.length;
  if (n <= 2) return points.slice();
  const keep = new Uint8Array(n);
  keep[0] = 1;
  keep[n - 1] = 1;
  const toleranceSq = tolerance * tolerance;
  const stack: number[] = [0, n - 1];
  while (stack.length > 0) {
    const last = stack.pop()!;
    const first = stack.pop()!;
    let maxSq = toleranceSq;
    let index = -1;
    for (let i = first + 1; i < last; i++) {
      const d = segmentDistanceSq(points[i]!, points[first]!, points[last]!);
      if (d > maxSq) {
        maxSq = d;
        index = i;
      }
    }
    if (index !== -1) {
      keep[index] = 1;
      stack.push(first, index, index, last);
    }
  }
  return points.filter((_, i) => keep[i] === 1);
}

/** Rounds, removes repeated points, then thins a line. */
export function simplifyLine(line: readonly (readonly number[])[], tolerance: number, decimals: number): Position[] {
  const rounded: Position[] = [];
  for (const p of line) {
    const q = roundPosition(p, decimals);
    const prev = rounded[rounded.length - 1];
    if (!prev || prev[0] !== q[0] || prev[1] !== q[1]) rounded.push(q);
  }
  return douglasPeucker(rounded, tolerance);
}

/**
 * Thins a closed ring. Returns null when what is left is no longer a ring
 * (fewer than 4 positions): a tiny islet simply disappears from the basemap.
 */
export function simplifyRing(ring: readonly (readonly number[])[], tolerance: number, decimals: number): Position[] | null {
  const thinned = simplifyLine(ring, tolerance, decimals);
  if (thinned.length < 4) return null;
  const first = thinned[0]!;
  const last = thinned[thinned.length - 1]!;
  if (first[0] !== last[0] || first[1] !== last[1]) thinned.push([first[0], first[1]]);
  return thinned;
}

/** Thins a polygon's rings; null when its outer ring vanished. Holes that vanish are dropped. */
export function simplifyPolygon(rings: readonly (readonly (readonly number[])[])[], tolerance: number, decimals: number): Position[][] | null {
  const out: Position[][] = [];
  for (const [i, ring] of rings.entries()) {
    const thinned = simplifyRing(ring, tolerance, decimals);
    if (thinned) out.push(thinned);
    else if (i === 0) return null;
  }
  return out;
}
