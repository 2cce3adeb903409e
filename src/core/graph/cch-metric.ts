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
