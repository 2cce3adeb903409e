// Planar segment predicates in lon/lat degrees. Plain floating point: the inputs are map
// coordinates with ~1e-9° of meaning, far above the rounding error of these products.

/** Twice the signed area of triangle (a, b, c): > 0 when c lies left of a→b, 0 when collinear. */
export function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

/** Whether (px, py), known to be collinear with a→b, lies within the segment's box. */
function withinSegmentBox(ax: number, ay: number, bx: number, by: number, px: number, py: number): boolean {
  return Math.min(ax, bx) <= px && px <= Math.max(ax, bx) && Math.min(ay, by) <= py && py <= Math.max(ay, by);
}

/** Whether closed segments a→b and c→d share at least one point (touching and overlap count). */
export function segmentsIntersect(
  ax: number, ay: number, bx: number, by: number,
  cx: number, cy: number, dx: number, dy: number,
): boolean {
  const abC = orient(ax, ay, bx, by, cx, cy);
  const abD = orient(ax, ay, bx, by, dx, dy);
  const cdA = orient(cx, cy, dx, dy, ax, ay);
  const cdB = orient(cx, cy, dx, dy, bx, by);
  if (((abC > 0 && abD < 0) || (abC < 0 && abD > 0)) && ((cdA > 0 && cdB < 0) || (cdA < 0 && cdB > 0))) {
    return true;
  }
  return (
    (abC === 0 && withinSegmentBox(ax, ay, bx, by, cx, cy)) ||
    (abD === 0 && withinSegmentBox(ax, ay, bx, by, dx, dy)) ||
    (cdA === 0 && withinSegmentBox(cx, cy, dx, dy, ax, ay)) ||
    (cdB === 0 && withinSegmentBox(cx, cy, dx, dy, bx, by))
  );
}

/**
 * Appends to `out` the parameters t ∈ [0, 1] along a→b where it meets segment c→d: one for a
 * crossing or a touch, the two ends of the shared stretch when the segments overlap collinearly.
 */
export function pushIntersectionParams(
  ax: number, ay: number, bx: number, by: number,
  cx: number, cy: number, dx: number, dy: number,
  out: number[],
): void {
  const abx = bx - ax, aby = by - ay, cdx = dx - cx, cdy = dy - cy, acx = cx - ax, acy = cy - ay;
  const denominator = abx * cdy - aby * cdx;
  if (denominator !== 0) {
    const t = (acx * cdy - acy * cdx) / denominator;
    const u = (acx * aby - acy * abx) / denominator;
    if (t >= 0 && t <= 1 && u >= 0 && u <= 1) out.push(t);
    return;
  }
  if (acx * aby - acy * abx !== 0) return; // parallel, on different lines
  const lengthSquared = abx * abx + aby * aby;
  if (lengthSquared === 0) return;
  const tc = (acx * abx + acy * aby) / lengthSquared;
  const td = ((dx - ax) * abx + (dy - ay) * aby) / lengthSquared;
  const from = Math.max(0, Math.min(tc, td));
  const to = Math.min(1, Math.max(tc, td));
  if (from <= to) out.push(from, to);
}
