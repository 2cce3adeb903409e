// A route held as the chain stretches it drives (see cch-route.ts): its cost is known when it is
// found; its input edges, nodes and length are expanded from the stretches when first read, each
// once, so that a caller pays only for what it reads.

import type { CchTopology } from './cch.ts';
import type { Route } from './search-space.ts';

/** A route as chain stretches (chain, from position, to position; backwards when to < from). */
export class StretchRoute implements Route {
  readonly cost: number;
  private readonly cch: CchTopology;
  private readonly source: number;
  private readonly stretches: readonly number[];
  private expandedEdges: Uint32Array | null = null;
  private expandedNodes: Uint32Array | null = null;
  private expandedMeters = -1;

  constructor(cch: CchTopology, source: number, stretches: readonly number[], cost: number) {
    this.cch = cch;
    this.source = source;
    this.stretches = stretches;
    this.cost = cost;
  }

  get edges(): Uint32Array {
    return (this.expandedEdges ??= this.expand(this.cch.chains.chainEdges, 0));
  }

  get nodes(): Uint32Array {
    return (this.expandedNodes ??= this.expand(this.cch.chainNodes, 1));
  }

  get meters(): number {
    if (this.expandedMeters >= 0) return this.expandedMeters;
    const { chainMeters, chains } = this.cch;
    const { chainFirst, chainEdges } = chains;
    const { edgeMeters } = chains.graph;
    const { stretches } = this;
    let meters = 0;
    for (let s = 0; s < stretches.length; s += 3) {
      const chain = stretches[s]!;
      const low = Math.min(stretches[s + 1]!, stretches[s + 2]!);
      const high = Math.max(stretches[s + 1]!, stretches[s + 2]!);
      if (low === 0 && high === chainFirst[chain + 1]! - chainFirst[chain]!) meters += chainMeters[chain]!;
      else for (let i = chainFirst[chain]! + low; i < chainFirst[chain]! + high; i++) meters += edgeMeters[chainEdges[i]!]!;
    }
    return (this.expandedMeters = meters);
  }

  // Chain positions in driving order out of a per-position array: chainEdges (shift 0: the edge
  // after position i is at i) or chainNodes (shift 1: one more node per chain, the source first).
  private expand(source: Uint32Array, shift: 0 | 1): Uint32Array {
    const { chainFirst } = this.cch.chains;
    const { stretches } = this;
    let count = shift;
    for (let s = 0; s < stretches.length; s += 3) count += Math.abs(stretches[s + 2]! - stretches[s + 1]!);
    const out = new Uint32Array(count);
    let at = 0;
    if (shift) out[at++] = this.source;
    for (let s = 0; s < stretches.length; s += 3) {
      const chain = stretches[s]!;
      const offset = chainFirst[chain]! + shift * chain;
      const from = stretches[s + 1]!;
      const to = stretches[s + 2]!;
      // Driving forwards from position i reaches node i + 1; backwards from i reaches node i - 1.
      if (from <= to) for (let i = from; i < to; i++) out[at++] = source[offset + i + shift]!;
      else for (let i = from - 1; i >= to; i--) out[at++] = source[offset + i]!;
    }
    return out;
  }
}
