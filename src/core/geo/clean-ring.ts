// Reading one user-drawn ring: shape and coordinate checks, repeated points dropped, closure
// noted. Keeps, for every corner, where it came from in the input so that later checks can say
// "segment 3 (positions 3→4)" in the user's own numbering.

/** Where a problem is: polygon part (0 for a Polygon), ring (0 = outer) and position, as in the input. */
export interface ProblemLocation {
  readonly polygon: number;
  readonly ring: number;
  readonly position: number;
  /** For problems between two segments or rings: the other one. */
  readonly otherRing?: number;
  readonly otherPosition?: number;
}

/** What can be wrong with a user-drawn area (stable codes, for clients and tests). */
export type PolygonProblem =
  | 'not-a-polygon'
  | 'malformed'
  | 'empty'
  | 'coordinate-not-a-number'
  | 'coordinate-out-of-range'
  | 'too-few-positions'
  | 'zero-area'
  | 'self-intersection'
  | 'rings-intersect'
  | 'hole-outside-shell'
  | 'hole-inside-hole';

/** A problem found in one ring, before it is phrased for the whole geometry. */
export interface RingProblem {
  readonly reason: PolygonProblem;
  /** What is wrong, to follow "ring r: " (the caller adds the prefix). */
  readonly detail: string;
  readonly position: number;
  readonly otherRing?: number;
  readonly otherPosition?: number;
}

/** A ring's distinct corners (not closed) and their input positions. */
export interface CleanRing {
  readonly xs: Float64Array;
  readonly ys: Float64Array;
  /** Input position where segment k (corner k to corner k + 1) starts: the last copy of corner k. */
  readonly segmentStart: Uint32Array;
  /** Input position where segment k ends (for the last one, the closing position, or 0 if none). */
  readonly segmentEnd: Uint32Array;
  readonly closed: boolean;
  /** Positions dropped because they repeated the one before. */
  readonly repeatedDropped: number;
}

/** Checks one position; returns a problem or null. */
function positionProblem(position: unknown, index: number): RingProblem | null {
  if (!Array.isArray(position) || position.length < 2) {
    return { reason: 'malformed', detail: `position ${index} is not a [longitude, latitude] array`, position: index };
  }
  const [lon, lat] = position as unknown[];
  if (typeof lon !== 'number' || typeof lat !== 'number' || Number.isNaN(lon) || Number.isNaN(lat)) {
    return { reason: 'coordinate-not-a-number', detail: `position ${index} is [${String(lon)}, ${String(lat)}], not two numbers`, position: index };
  }
  if (!(lon >= -180 && lon <= 180) || !(lat >= -90 && lat <= 90)) {
    return {
      reason: 'coordinate-out-of-range',
      detail: `position ${index} is [${lon}, ${lat}]: longitude must be within ±180 and latitude within ±90 (is it [lat, lon]?)`,
      position: index,
    };
  }
  return null;
}

/** Reads a ring: its positions must be [lon, lat] numbers in range and name at least 3 distinct corners. */
export function cleanRing(raw: unknown): CleanRing | RingProblem {
  if (!Array.isArray(raw)) return { reason: 'malformed', detail: 'not an array of positions', position: 0 };
  const positions = raw as unknown[];
  const xs: number[] = [], ys: number[] = [], runFirst: number[] = [], runLast: number[] = [];
  for (let i = 0; i < positions.length; i++) {
    const problem = positionProblem(positions[i], i);
    if (problem) return problem;
    const [x, y] = positions[i] as [number, number];
    const last = xs.length - 1;
    if (last >= 0 && xs[last] === x && ys[last] === y) {
      runLast[last] = i;
      continue;
    }
    xs.push(x);
    ys.push(y);
    runFirst.push(i);
    runLast.push(i);
  }
  // A last run equal to the first corner is the closing position, not a corner.
  const runs = xs.length;
  const closed = runs > 1 && xs[runs - 1] === xs[0] && ys[runs - 1] === ys[0];
  const corners = closed ? runs - 1 : runs;
  if (corners < 3) {
    return {
      reason: 'too-few-positions',
      detail: `${positions.length} positions with only ${corners} distinct corners; a ring needs at least 4 positions (3 distinct corners, then the first again)`,
      position: 0,
    };
  }
  const segmentEnd = Uint32Array.from({ length: corners }, (_, k) =>
    k + 1 < corners ? (runFirst[k + 1] as number) : closed ? (runFirst[runs - 1] as number) : 0,
  );
  return {
    xs: Float64Array.from(xs.slice(0, corners)),
    ys: Float64Array.from(ys.slice(0, corners)),
    segmentStart: Uint32Array.from(runLast.slice(0, corners)),
    segmentEnd,
    closed,
    repeatedDropped: positions.length - runs,
  };
}

/** Twice the signed area of a ring (> 0 when counter-clockwise), computed about its first corner for precision. */
export function doubleSignedArea(ring: CleanRing): number {
  const { xs, ys } = ring;
  const x0 = xs[0] as number, y0 = ys[0] as number;
  let sum = 0;
  for (let k = 1; k + 1 < xs.length; k++) {
    sum += ((xs[k] as number) - x0) * ((ys[k + 1] as number) - y0) - ((xs[k + 1] as number) - x0) * ((ys[k] as number) - y0);
  }
  return sum;
}

/** Relative size under which an area or an offset from a line counts as zero (rounding noise). */
const ZERO_RELATIVE = 1e-12;

/** Whether all corners lie on one line (within rounding). */
export function isCollinear(ring: CleanRing): boolean {
  const { xs, ys } = ring;
  const x0 = xs[0] as number, y0 = ys[0] as number;
  let far = 0, farSquared = 0;
  for (let k = 1; k < xs.length; k++) {
    const d = ((xs[k] as number) - x0) ** 2 + ((ys[k] as number) - y0) ** 2;
    if (d > farSquared) {
      far = k;
      farSquared = d;
    }
  }
  const fx = (xs[far] as number) - x0, fy = (ys[far] as number) - y0;
  for (let k = 1; k < xs.length; k++) {
    const cross = fx * ((ys[k] as number) - y0) - fy * ((xs[k] as number) - x0);
    if (Math.abs(cross) > ZERO_RELATIVE * farSquared) return false;
  }
  return true;
}

/** Whether a ring that does not cross itself still encloses no area (a sliver thinner than rounding). */
export function hasZeroArea(ring: CleanRing): boolean {
  const { xs, ys } = ring;
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let k = 0; k < xs.length; k++) {
    const x = xs[k] as number, y = ys[k] as number;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  const width = maxX - minX, height = maxY - minY;
  return Math.abs(doubleSignedArea(ring)) <= ZERO_RELATIVE * (width * width + height * height);
}
