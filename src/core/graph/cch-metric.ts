// Customization: the risk picture's chain costs folded into the hierarchy. Each arc starts at the
// cheapest chain joining its ends (Infinity when none is passable), then one pass over the lower
// triangles, lowest corner first, lets every arc take the cheaper way round through a lower
// junction. Afterwards an upward search in the hierarchy meets the downward one at the exact
// shortest cost, blocked roads and one-way streets included.

import type { CchTopology } from './cch.ts';
import { NONE } from './search-space.ts';

/**
 * Costs of the hierarchy's arcs under one picture, both ways side by side: cost[2a] from the lower
 * end of arc a to its upper end, cost[2a + 1] back down. via[] says what each cost came from: >= 0
 * the offset in `triangles` of the triangle whose lowest corner it goes round, < 0 the chain
 * driven, -(chain * 2 + backwards) - 1.
 */
export interface CchMetric {
  cost: Float64Array;
  via: Int32Array;
}

/** Folds chain costs (one per chain, the same both ways; Infinity when blocked) into the hierarchy. */
export function customize(cch: CchTopology, chainCosts: Float64Array): CchMetric {
  const metric: CchMetric = { cost: new Float64Array(2 * cch.arcCount).fill(Infinity), via: new Int32Array(2 * cch.arcCount).fill(-1) };
  seedChains(cch, chainCosts, metric);
  relaxTriangles(cch.triangles, metric);
  return metric;
}

/** Bytes held by a metric. */
export function metricBytes(metric: CchMetric): number {
  return metric.cost.byteLength + metric.via.byteLength;
}

function seedChains(cch: CchTopology, chainCosts: Float64Array, metric: CchMetric): void {
  const { chains, rankOf, chainArc } = cch;
  const { cost, via } = metric;
  for (let c = 0; c < chains.chainCount; c++) {
    const arc = chainArc[c]!;
    const chainCost = chainCosts[c]!;
    if (arc === NONE || !(chainCost < Infinity)) continue;
    // Driving the chain from its start is going up the arc when the start ranks lower.
    const up = rankOf[chains.chainStart[c]!]! < rankOf[chains.chainEnd[c]!]! ? 0 : 1;
    if (chainCost < cost[2 * arc + up]!) {
      cost[2 * arc + up] = chainCost;
      via[2 * arc + up] = -(c * 2) - 1;
    }
    if (chains.chainOneway[c] || !(chainCost < cost[2 * arc + 1 - up]!)) continue;
    cost[2 * arc + 1 - up] = chainCost;
    via[2 * arc + 1 - up] = -(c * 2 + 1) - 1;
  }
}

// Triangle (w–u, w–v, u–v), w lowest: u -> v may go u -> w -> v, and v -> u may go v -> w -> u.
function relaxTriangles(triangles: Uint32Array, metric: CchMetric): void {
  const { cost, via } = metric;
  for (let i = 0; i < triangles.length; i += 3) {
    const wu = 2 * triangles[i]!;
    const wv = 2 * triangles[i + 1]!;
    const uv = 2 * triangles[i + 2]!;
    const uToV = cost[wu + 1]! + cost[wv]!;
    if (uToV < cost[uv]!) {
      cost[uv] = uToV;
      via[uv] = i;
    }
    const vToU = cost[wv + 1]! + cost[wu]!;
    if (vToU < cost[uv + 1]!) {
      cost[uv + 1] = vToU;
      via[uv + 1] = i;
    }
  }
}

/**
 * Customization after a change to some chains: the base metric copied, then only the arcs the
 * change can reach recomputed, each from its chains and its lower triangles, lowest first (arc ids
 * follow their lower end's rank, so ascending ids respect every dependency). An arc whose costs
 * come out unchanged stops the change there. Same result as customize() on the new costs. The
 * arcs recomputed (their costs or what they came from may differ) are appended to `recomputed`.
 */
export function recustomize(cch: CchTopology, base: CchMetric, chainCosts: Float64Array, changedChains: readonly number[], recomputed: number[] = []): CchMetric {
  const metric: CchMetric = { cost: base.cost.slice(), via: base.via.slice() };
  const dirty = dirtyArcs(cch);
  let lowest = cch.arcCount;
  for (const c of changedChains) {
    const arc = cch.chainArc[c]!;
    if (arc === NONE) continue;
    dirty[arc] = 1;
    if (arc < lowest) lowest = arc;
  }
  const { firstAbove, above } = cch.dependencies;
  for (let arc = lowest; arc < cch.arcCount; arc++) {
    if (!dirty[arc]) continue;
    dirty[arc] = 0;
    recomputed.push(arc);
    if (!recompute(cch, chainCosts, metric, arc)) continue;
    for (let i = firstAbove[arc]!; i < firstAbove[arc + 1]!; i++) dirty[cch.triangles[above[i]! + 2]!] = 1;
  }
  return metric;
}

const dirtyScratch = new WeakMap<CchTopology, Uint8Array>();

function dirtyArcs(cch: CchTopology): Uint8Array {
  let dirty = dirtyScratch.get(cch);
  if (!dirty) dirtyScratch.set(cch, (dirty = new Uint8Array(cch.arcCount)));
  return dirty;
}

// One arc from scratch, in customize()'s order (its chains, then its triangles lowest first);
// true when either cost changed.
function recompute(cch: CchTopology, chainCosts: Float64Array, metric: CchMetric, arc: number): boolean {
  const { chains, rankOf, triangles } = cch;
  const { firstChain, arcChains, firstBelow, below } = cch.dependencies;
  const { cost, via } = metric;
  let up = Infinity, down = Infinity, upVia = -1, downVia = -1;
  for (let i = firstChain[arc]!; i < firstChain[arc + 1]!; i++) {
    const c = arcChains[i]!;
    const chainCost = chainCosts[c]!;
    if (!(chainCost < Infinity)) continue;
    const startIsLower = rankOf[chains.chainStart[c]!]! < rankOf[chains.chainEnd[c]!]!;
    const oneway = chains.chainOneway[c] === 1;
    if (startIsLower || !oneway) if (chainCost < up) { up = chainCost; upVia = -(c * 2 + (startIsLower ? 0 : 1)) - 1; }
    if (!startIsLower || !oneway) if (chainCost < down) { down = chainCost; downVia = -(c * 2 + (startIsLower ? 1 : 0)) - 1; }
  }
  for (let i = firstBelow[arc]!; i < firstBelow[arc + 1]!; i++) {
    const t = below[i]!;
    const wu = 2 * triangles[t]!;
    const wv = 2 * triangles[t + 1]!;
    const uToV = cost[wu + 1]! + cost[wv]!;
    if (uToV < up) { up = uToV; upVia = t; }
    const vToU = cost[wv + 1]! + cost[wu]!;
    if (vToU < down) { down = vToU; downVia = t; }
  }
  via[2 * arc] = upVia;
  via[2 * arc + 1] = downVia;
  if (up === cost[2 * arc] && down === cost[2 * arc + 1]) return false;
  cost[2 * arc] = up;
  cost[2 * arc + 1] = down;
  return true;
}
