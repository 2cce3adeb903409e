// Customization: the risk picture's chain costs folded into the hierarchy. Each arc starts at the
// cheapest chain joining its ends (Infinity when none is passable), then one pass over the lower
// triangles, lowest corner first, lets every arc take the cheaper way round through a lower
// junction. Afterwards an upward search in the hierarchy meets the downward one at the exact
// shortest cost, blocked roads and one-way streets included.

import type { CchTopology } from './cch.ts';
import { NONE } from './search-space.ts';

/**
 * Costs of the hierarchy's arcs under one picture, each way, and what each cost came from:
 * via >= 0 is the triangle (through its lowest corner), via < 0 the chain driven, -(chain * 2 +
 * backwards) - 1.
 */
export interface CchMetric {
  /** Cost from the lower end of each arc to its upper end, and back. */
  up: Float64Array;
  down: Float64Array;
  upVia: Int32Array;
  downVia: Int32Array;
}

/** Folds chain costs (one per chain, the same both ways; Infinity when blocked) into the hierarchy. */
export function customize(cch: CchTopology, chainCosts: Float64Array): CchMetric {
  const arcs = cch.arcCount;
  const metric: CchMetric = {
    up: new Float64Array(arcs).fill(Infinity), down: new Float64Array(arcs).fill(Infinity),
    upVia: new Int32Array(arcs).fill(-1), downVia: new Int32Array(arcs).fill(-1),
  };
  seedChains(cch, chainCosts, metric);
  relaxTriangles(cch.triangles, metric);
  return metric;
}

/** Bytes held by a metric. */
export function metricBytes(metric: CchMetric): number {
  return metric.up.byteLength + metric.down.byteLength + metric.upVia.byteLength + metric.downVia.byteLength;
}

function seedChains(cch: CchTopology, chainCosts: Float64Array, metric: CchMetric): void {
  const { chains, rankOf, chainArc } = cch;
  const { up, down, upVia, downVia } = metric;
  for (let c = 0; c < chains.chainCount; c++) {
    const arc = chainArc[c]!;
    const cost = chainCosts[c]!;
    if (arc === NONE || !(cost < Infinity)) continue;
    const startIsLower = rankOf[chains.chainStart[c]!]! < rankOf[chains.chainEnd[c]!]!;
    // Driving the chain from its start: upward when the start ranks lower.
    if (startIsLower) {
      if (cost < up[arc]!) { up[arc] = cost; upVia[arc] = -(c * 2) - 1; }
    } else if (cost < down[arc]!) { down[arc] = cost; downVia[arc] = -(c * 2) - 1; }
    if (chains.chainOneway[c]) continue;
    if (startIsLower) {
      if (cost < down[arc]!) { down[arc] = cost; downVia[arc] = -(c * 2 + 1) - 1; }
    } else if (cost < up[arc]!) { up[arc] = cost; upVia[arc] = -(c * 2 + 1) - 1; }
  }
}

// Triangle (w–u, w–v, u–v), w lowest: u -> v may go u -> w -> v, and v -> u may go v -> w -> u.
function relaxTriangles(triangles: Uint32Array, metric: CchMetric): void {
  const { up, down, upVia, downVia } = metric;
  for (let i = 0, t = 0; i < triangles.length; i += 3, t++) {
    const wu = triangles[i]!;
    const wv = triangles[i + 1]!;
    const uv = triangles[i + 2]!;
    const uToV = down[wu]! + up[wv]!;
    if (uToV < up[uv]!) { up[uv] = uToV; upVia[uv] = t; }
    const vToU = down[wv]! + up[wu]!;
    if (vToU < down[uv]!) { down[uv] = vToU; downVia[uv] = t; }
  }
}
