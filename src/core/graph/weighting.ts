// A risk picture prepared for fast queries: the multipliers copied (so later writes to the
// caller's array cannot make it stale), each chain's cost under them, and the hierarchy customized
// with those costs. Prepared once per picture, it answers any number of queries, cut-off ones
// included, without looking at the multipliers of the roads in between again.

import type { ChainGraph } from './chains.ts';
import type { CchMetric } from './cch-metric.ts';
import { metricBytes } from './cch-metric.ts';

/** Multipliers prepared by Router.prepare; immutable. */
export class Weighting {
  /** The router's graph the weighting was prepared for (checked on every query). */
  readonly owner: object;
  /** A private copy of the multipliers (one per input edge). */
  readonly multipliers: Float64Array;
  /** Cost of each chain of the junction graph, Infinity when a road on it is blocked (empty without a hierarchy). */
  readonly chainCosts: Float64Array;
  /** The customized hierarchy, or null where the router runs ALT (graphs too large for one). */
  readonly metric: CchMetric | null;

  /** Use Router.prepare. */
  constructor(owner: object, multipliers: Float64Array, chainCosts: Float64Array, metric: CchMetric | null) {
    this.owner = owner;
    this.multipliers = multipliers;
    this.chainCosts = chainCosts;
    this.metric = metric;
  }

  /** Bytes held by the copy, the chain costs and the metric. */
  get memoryBytes(): number {
    return this.multipliers.byteLength + this.chainCosts.byteLength + (this.metric ? metricBytes(this.metric) : 0);
  }
}

/** Cost of every chain under the multipliers, summed from its start as chainCost sums it. */
export function chainCosts(chains: ChainGraph, multipliers: Float64Array): Float64Array {
  const { chainFirst, chainEdges } = chains;
  const { edgeSeconds } = chains.graph;
  const costs = new Float64Array(chains.chainCount);
  for (let c = 0; c < costs.length; c++) {
    let cost = 0;
    for (let i = chainFirst[c]!, end = chainFirst[c + 1]!; i < end; i++) {
      const e = chainEdges[i]!;
      cost += edgeSeconds[e]! * multipliers[e]!;
    }
    // NaN (zero-length edge times Infinity) counts as blocked.
    costs[c] = cost < Infinity ? cost : Infinity;
  }
  return costs;
}
