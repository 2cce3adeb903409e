// What a point-to-point query reads of a customized hierarchy, laid out for a cold cache. A query
// is a few microseconds of arithmetic; when it runs between other work (a web request, a database
// round trip) most of its time goes to fetching memory, so every array a query walks is packed so
// that one cache line brings all a step needs: per rank, both labels, both predecessors, the first
// arc and the elimination-tree parent side by side; per arc, the head and both costs; per arc and
// direction, the two arcs a shortcut stands for; per chain position, the road's price.

import type { CchTopology } from './cch.ts';
import type { CchMetric } from './cch-metric.ts';
import { NONE } from './search-space.ts';

/** Parent of a root rank, and the end of a walk (above every rank, so `min` walks still work). */
export const TOP = 0x7fffffff;

/** Slots per rank in the query space: labels (two float64), then predecessors and parent (int32). */
export const RANK_STRIDE_F64 = 4;
export const RANK_STRIDE_I32 = 8;
export const PRED_F = 4;
export const PARENT = 6;

/**
 * Labels and tree of every rank, reused across queries on one hierarchy: as float64, [4r]
 * forward label, [4r + 1] backward label; as int32, [8r + 4] forward predecessor, [8r + 5]
 * backward predecessor (an arc of the query layout, or a seed marker), [8r + 6] parent.
 * Labels are Infinity between queries: a query resets the ranks it labelled (its seeds' ancestors).
 */
export class QuerySpace {
  readonly f64: Float64Array;
  readonly i32: Int32Array;
  constructor(cch: CchTopology) {
    const n = cch.nodeCount;
    this.f64 = new Float64Array(RANK_STRIDE_F64 * n).fill(Infinity);
    this.i32 = new Int32Array(this.f64.buffer);
    for (let r = 0; r < n; r++) this.i32[RANK_STRIDE_I32 * r + PARENT] = cch.parent[r] !== NONE ? cch.parent[r]! : TOP;
  }
}

/** One picture's hierarchy as the queries read it. */
export interface QueryMetric {
  /**
   * The arcs passable at least one way, by lower rank: firstArc[r] .. firstArc[r + 1]. Each is
   * [3a] cost upwards, [3a + 1] cost downwards, [3a + 2] head rank; original[a] its id in the hierarchy.
   */
  firstArc: Int32Array;
  arcs: Float64Array;
  original: Int32Array;
  /** The slot of each hierarchy arc in `arcs` (-1: left out, blocked both ways). */
  slot: Int32Array;
  /** Slots kept for arcs blocked both ways since the layout was packed (see deriveQueryMetric). */
  deadSlots: number;
  /**
   * Per hierarchy arc and direction d (0 up, 1 down), from the metric's `via`: a shortcut is two
   * lower arcs, the first driven down and the second up: [4a + 2d], [4a + 2d + 1]. A chain is
   * [4a + 2d] = -(chain * 2 + backwards) - 1 (negative).
   */
  unpack: Int32Array;
  /** Price of each chain position (chainEdges order): the edge's seconds times its multiplier. */
  priced: Float64Array;
}

const layouts = new WeakMap<CchMetric, QueryMetric>();

/**
 * The query layout of a customized metric, built on first use (a pass over the arcs and the
 * chains' edges, tens of microseconds on a metro network); Router.prepare builds it up front.
 * `multipliers` are those the metric was customized with.
 */
export function queryMetricOf(cch: CchTopology, metric: CchMetric, multipliers: Float64Array): QueryMetric {
  let layout = layouts.get(metric);
  if (!layout) layouts.set(metric, (layout = buildQueryMetric(cch, metric, multipliers)));
  return layout;
}

/**
 * The layout of a metric recustomized from `base` (recustomize's `recomputed` arcs, from the
 * chains re-costed): the base's layout copied with only those arcs and chains patched, a few
 * memory copies instead of a pass over the whole hierarchy. An arc newly blocked both ways keeps its
 * slot, whose Infinity costs a walk never takes; one that opens again has no slot, and the layout
 * is then packed anew, as it is once the kept slots are an eighth of it.
 */
export function deriveQueryMetric(cch: CchTopology, base: CchMetric, metric: CchMetric, multipliers: Float64Array, recomputed: readonly number[], changedChains: readonly number[]): QueryMetric {
  const from = layouts.get(base);
  const layout = from ? patchedLayout(cch, from, metric, multipliers, recomputed, changedChains) : null;
  if (!layout) return queryMetricOf(cch, metric, multipliers);
  layouts.set(metric, layout);
  return layout;
}

function patchedLayout(cch: CchTopology, from: QueryMetric, metric: CchMetric, multipliers: Float64Array, recomputed: readonly number[], changedChains: readonly number[]): QueryMetric | null {
  const { cost, via } = metric;
  const { triangles } = cch;
  const { slot } = from;
  let deadSlots = from.deadSlots;
  for (const a of recomputed) {
    const passable = cost[2 * a]! < Infinity || cost[2 * a + 1]! < Infinity;
    const at = slot[a]!;
    if (at < 0) {
      if (passable) return null;
      continue;
    }
    const wasPassable = from.arcs[3 * at]! < Infinity || from.arcs[3 * at + 1]! < Infinity;
    if (wasPassable !== passable) deadSlots += passable ? -1 : 1;
  }
  if (deadSlots * 8 > from.original.length) return null;
  const arcs = from.arcs.slice();
  const unpack = from.unpack.slice();
  for (const a of recomputed) {
    const at = slot[a]!;
    if (at >= 0) {
      arcs[3 * at] = cost[2 * a]!;
      arcs[3 * at + 1] = cost[2 * a + 1]!;
    }
    setUnpack(unpack, triangles, via, a);
  }
  const priced = from.priced.slice();
  const { chainFirst, chainEdges } = cch.chains;
  const { edgeSeconds } = cch.chains.graph;
  for (const c of changedChains) {
    for (let i = chainFirst[c]!; i < chainFirst[c + 1]!; i++) priced[i] = edgeSeconds[chainEdges[i]!]! * multipliers[chainEdges[i]!]!;
  }
  return { firstArc: from.firstArc, arcs, original: from.original, slot, deadSlots, unpack, priced };
}

// Up u -> w -> v: down w–u, then up w–v; down v -> w -> u: down w–v, then up w–u.
function setUnpack(unpack: Int32Array, triangles: Uint32Array, via: Int32Array, a: number): void {
  const up = via[2 * a]!;
  const down = via[2 * a + 1]!;
  unpack[4 * a] = up < 0 ? up : triangles[up]!;
  unpack[4 * a + 1] = up < 0 ? 0 : triangles[up + 1]!;
  unpack[4 * a + 2] = down < 0 ? down : triangles[down + 1]!;
  unpack[4 * a + 3] = down < 0 ? 0 : triangles[down]!;
}

function buildQueryMetric(cch: CchTopology, metric: CchMetric, multipliers: Float64Array): QueryMetric {
  const { cost, via } = metric;
  const { triangles, upHead, firstUp } = cch;
  const n = cch.nodeCount;
  const arcCount = cch.arcCount;
  // An arc blocked both ways can never be relaxed: the walks skip it (a quarter of the arcs
  // under 20 blocked areas on the metro network).
  let passable = 0;
  for (let a = 0; a < arcCount; a++) if (cost[2 * a]! < Infinity || cost[2 * a + 1]! < Infinity) passable++;
  const firstArc = new Int32Array(n + 1);
  const arcs = new Float64Array(3 * passable);
  const original = new Int32Array(passable);
  const slot = new Int32Array(arcCount).fill(-1);
  let at = 0;
  for (let r = 0; r < n; r++) {
    firstArc[r] = at;
    for (let a = firstUp[r]!; a < firstUp[r + 1]!; a++) {
      if (!(cost[2 * a]! < Infinity || cost[2 * a + 1]! < Infinity)) continue;
      arcs[3 * at] = cost[2 * a]!;
      arcs[3 * at + 1] = cost[2 * a + 1]!;
      arcs[3 * at + 2] = upHead[a]!;
      slot[a] = at;
      original[at++] = a;
    }
  }
  firstArc[n] = at;
  const unpack = new Int32Array(4 * arcCount);
  for (let a = 0; a < arcCount; a++) setUnpack(unpack, triangles, via, a);
  const { chainEdges } = cch.chains;
  const { edgeSeconds } = cch.chains.graph;
  const priced = new Float64Array(chainEdges.length);
  for (let i = 0; i < chainEdges.length; i++) priced[i] = edgeSeconds[chainEdges[i]!]! * multipliers[chainEdges[i]!]!;
  return { firstArc, arcs, original, slot, deadSlots: 0, unpack, priced };
}

/** Bytes held by a query layout. */
export function queryMetricBytes(layout: QueryMetric): number {
  return layout.firstArc.byteLength + layout.arcs.byteLength + layout.original.byteLength + layout.slot.byteLength + layout.unpack.byteLength + layout.priced.byteLength;
}
