// Polygons flattened into typed arrays for fast point-in-polygon tests.
//
// Each polygon part (an outer ring and its holes) keeps its edges in horizontal bands: a point
// query reads only the edges of the one band that holds its latitude, a handful instead of the
// hundreds or thousands of a commune's boundary. Edges are stored in canonical order (lower end
// first), so that an edge shared by two neighbouring polygons gives both the same answer, bit for
// bit: see `partContains` for the rule that makes boundary points go to exactly one polygon.

import type { Ring } from './geojson.ts';

/** One polygon part to flatten: its rings (outer first, then holes) and what it belongs to. */
export interface PolygonPartInput {
  /** Caller's number for the thing the part belongs to (a feature index); several parts may share one. */
  readonly owner: number;
  readonly rings: readonly Ring[];
}

/** Flattened polygon parts. Treat as opaque: read it through this module's functions. */
export interface FlatPolygons {
  readonly partCount: number;
  /** Owner of each part. */
  readonly partOwner: Uint32Array;
  /** minX, minY, maxX, maxY of each part. */
  readonly partBounds: Float64Array;
  /** First band of each part, an index into `bandStart`. */
  readonly partFirstBand: Uint32Array;
  readonly partBandCount: Uint32Array;
  /** Bands per degree of latitude, for each part. */
  readonly partBandScale: Float64Array;
  /** Band b holds edge slots bandStart[b] .. bandStart[b + 1]; a part's bands are contiguous. */
  readonly bandStart: Uint32Array;
  /** Edge slots: x0, y0, x1, y1 with (y0, x0) < (y1, x1); an edge spanning k bands fills k slots. */
  readonly edges: Float64Array;
}

/** Edges per band, on average: fewer bands cost memory, more bands cost duplicated long edges. */
const EDGES_PER_BAND = 4;

/** Collects a part's canonical edges (closing any unclosed ring) and grows its bounds. */
function collectEdges(rings: readonly Ring[], edges: number[], bounds: Float64Array, part: number): void {
  const b = part * 4;
  for (const ring of rings) {
    const count = ring.length;
    for (let i = 0; i < count; i++) {
      const a = ring[i] as readonly number[];
      const c = ring[i + 1 === count ? 0 : i + 1] as readonly number[];
      const ax = a[0] as number, ay = a[1] as number, cx = c[0] as number, cy = c[1] as number;
      if (ax < (bounds[b] as number)) bounds[b] = ax;
      if (ay < (bounds[b + 1] as number)) bounds[b + 1] = ay;
      if (ax > (bounds[b + 2] as number)) bounds[b + 2] = ax;
      if (ay > (bounds[b + 3] as number)) bounds[b + 3] = ay;
      if (ax === cx && ay === cy) continue; // closing position or repeated point
      if (ay < cy || (ay === cy && ax < cx)) edges.push(ax, ay, cx, cy);
      else edges.push(cx, cy, ax, ay);
    }
  }
}

/** The band of a part that holds latitude y; latitudes outside the part clamp to its end bands. */
function bandOf(y: number, minY: number, scale: number, bandCount: number): number {
  const band = Math.floor((y - minY) * scale);
  return band < 0 ? 0 : band >= bandCount ? bandCount - 1 : band;
}

/** Builds the flat form of polygon parts; rings may be closed or not, in either winding. */
export function flattenPolygons(parts: readonly PolygonPartInput[]): FlatPolygons {
  const partCount = parts.length;
  const partOwner = new Uint32Array(partCount);
  const partBounds = new Float64Array(partCount * 4);
  const partFirstBand = new Uint32Array(partCount);
  const partBandCount = new Uint32Array(partCount);
  const partBandScale = new Float64Array(partCount);
  const partEdges: number[][] = [];
  let bandTotal = 0;
  for (let p = 0; p < partCount; p++) {
    const part = parts[p] as PolygonPartInput;
    partOwner[p] = part.owner;
    partBounds.set([Infinity, Infinity, -Infinity, -Infinity], p * 4);
    const edges: number[] = [];
    collectEdges(part.rings, edges, partBounds, p);
    partEdges.push(edges);
    const bandCount = Math.max(1, Math.ceil(edges.length / 4 / EDGES_PER_BAND));
    const height = (partBounds[p * 4 + 3] as number) - (partBounds[p * 4 + 1] as number);
    partFirstBand[p] = bandTotal;
    partBandCount[p] = bandCount;
    partBandScale[p] = height > 0 ? bandCount / height : 0;
    bandTotal += bandCount;
  }
  const flat = { partCount, partOwner, partBounds, partFirstBand, partBandCount, partBandScale };
  const bandStart = countSlots(flat, partEdges, bandTotal);
  const edges = fillSlots(flat, partEdges, bandStart);
  return { ...flat, bandStart, edges };
}

type PartLayout = Omit<FlatPolygons, 'bandStart' | 'edges'>;

/** Calls `visit(band)` for each band (global index) that edge [y0, y1] of part p spans. */
function forEachBand(flat: PartLayout, p: number, y0: number, y1: number, visit: (band: number) => void): void {
  const minY = flat.partBounds[p * 4 + 1] as number;
  const scale = flat.partBandScale[p] as number;
  const count = flat.partBandCount[p] as number;
  const first = flat.partFirstBand[p] as number;
  const last = first + bandOf(y1, minY, scale, count);
  for (let band = first + bandOf(y0, minY, scale, count); band <= last; band++) visit(band);
}

/** Counts the slots of each band and returns their prefix sums (the CSR offsets). */
function countSlots(flat: PartLayout, partEdges: readonly number[][], bandTotal: number): Uint32Array {
  const bandStart = new Uint32Array(bandTotal + 1);
  partEdges.forEach((edges, p) => {
    for (let e = 0; e < edges.length; e += 4) {
      forEachBand(flat, p, edges[e + 1] as number, edges[e + 3] as number, (band) => {
        bandStart[band + 1] = (bandStart[band + 1] as number) + 1;
      });
    }
  });
  for (let band = 0; band < bandTotal; band++) {
    bandStart[band + 1] = (bandStart[band + 1] as number) + (bandStart[band] as number);
  }
  return bandStart;
}

/** Copies every edge into the slots of the bands it spans. */
function fillSlots(flat: PartLayout, partEdges: readonly number[][], bandStart: Uint32Array): Float64Array {
  const slots = new Float64Array((bandStart[bandStart.length - 1] as number) * 4);
  const cursor = bandStart.slice(0, -1);
  partEdges.forEach((edges, p) => {
    for (let e = 0; e < edges.length; e += 4) {
      const edge = edges.slice(e, e + 4);
      forEachBand(flat, p, edge[1] as number, edge[3] as number, (band) => {
        const slot = cursor[band] as number;
        slots.set(edge, slot * 4);
        cursor[band] = slot + 1;
      });
    }
  });
  return slots;
}

/**
 * Whether part p contains (x, y), by ray casting to +x with even-odd counting (holes excluded).
 *
 * Boundary rule: an edge counts when y0 ≤ y < y1 (half-open, so a vertex on the ray counts once
 * and horizontal edges never) and its crossing lies strictly east of x. A point on a boundary
 * thus belongs to the polygon on its east side (north side for horizontal edges): of two
 * polygons sharing an edge, exactly one claims it, and neither claims it twice.
 */
export function partContains(flat: FlatPolygons, p: number, x: number, y: number): boolean {
  const band =
    (flat.partFirstBand[p] as number) +
    bandOf(y, flat.partBounds[p * 4 + 1] as number, flat.partBandScale[p] as number, flat.partBandCount[p] as number);
  const edges = flat.edges;
  const end = (flat.bandStart[band + 1] as number) * 4;
  let inside = false;
  for (let i = (flat.bandStart[band] as number) * 4; i < end; i += 4) {
    const y0 = edges[i + 1] as number;
    const y1 = edges[i + 3] as number;
    if (y < y0 || y >= y1) continue;
    const x0 = edges[i] as number;
    const x1 = edges[i + 2] as number;
    // Same expression for every polygon holding this canonical edge: the answers agree exactly.
    if (x < x0 + ((y - y0) * (x1 - x0)) / (y1 - y0)) inside = !inside;
  }
  return inside;
}

/**
 * The edge slots of part p that may touch latitudes minY..maxY, as [from, to) slot indexes
 * (multiply by 4 for `edges`). Long edges can appear more than once in the range.
 */
export function partSlotRange(flat: FlatPolygons, p: number, minY: number, maxY: number): [from: number, to: number] {
  const bandMinY = flat.partBounds[p * 4 + 1] as number;
  const scale = flat.partBandScale[p] as number;
  const count = flat.partBandCount[p] as number;
  const first = flat.partFirstBand[p] as number;
  return [
    flat.bandStart[first + bandOf(minY, bandMinY, scale, count)] as number,
    flat.bandStart[first + bandOf(maxY, bandMinY, scale, count) + 1] as number,
  ];
}
