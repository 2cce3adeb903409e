// A route found in the hierarchy: the search (cch-query.ts), then the shortcuts unpacked into the
// chain stretches driven, in driving order — the route at junction level, what an edge table of
// junction-to-junction roads would list — and the cost summed road by road along them. The input
// edges, the nodes and the length are expanded from the stretches when first read: a caller that
// wants the cost, or draws the route, pays only for what it reads.

import type { CchTopology } from './cch.ts';
import { PRED_F, RANK_STRIDE_I32 } from './cch-layout.ts';
import type { QueryMetric, QuerySpace } from './cch-layout.ts';
import { SEED_FORWARD, SEED_HERE, meeting, resetLabels, searchMeeting } from './cch-query.ts';
import { NONE } from './search-space.ts';
import type { Route } from './search-space.ts';
import { StretchRoute } from './stretch-route.ts';

/** A growable int32 list reused across queries. */
class IntList {
  data = new Int32Array(256);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }
}

// Chain stretches of the route being unpacked, three ints each: chain, from position, to position
// (to < from: driven backwards); and the arcs still to unpack, arc * 2 + (1 when driven down).
const stretches = new IntList();
const pending = new IntList();

/**
 * Cheapest route from source to target (road graph nodes) under a customized metric laid out for
 * queries (queryMetricOf), or null when none exists. `multipliers` are those the metric was
 * customized with: they price the partial chains at either end.
 */
export function cchRoute(cch: CchTopology, layout: QueryMetric, space: QuerySpace, multipliers: Float64Array, source: number, target: number): Route | null {
  if (source === target) return { cost: 0, meters: 0, nodes: Uint32Array.of(source), edges: new Uint32Array(0) };
  searchMeeting(cch, layout, space, multipliers, source, target);
  stretches.length = 0;
  const direct = straightAlong(cch, source, target, multipliers);
  if (direct <= meeting.cost && direct < Infinity) {
    const { chains } = cch;
    pushStretch(chains.nodeChain[source]!, chains.nodePos[source]!, chains.nodePos[target]!);
  } else if (meeting.cost < Infinity) {
    collectStretches(cch, layout, space, meeting.rank, source, target);
  }
  resetLabels(space);
  if (stretches.length === 0) return null;
  return new StretchRoute(cch, source, copyStretches(), pricedCost(cch, layout));
}

// A plain array of small integers: allocated in the young generation, several times cheaper than a
// typed array of the same length, which takes memory outside the heap.
function copyStretches(): number[] {
  const { data, length } = stretches;
  const copy = new Array<number>(length);
  for (let i = 0; i < length; i++) copy[i] = data[i]!;
  return copy;
}

function pushStretch(chain: number, from: number, to: number): void {
  stretches.push(chain);
  stretches.push(from);
  stretches.push(to);
}

// Source and target inside one chain: the cost of the stretch between them, if it may be driven.
function straightAlong(cch: CchTopology, source: number, target: number, multipliers: Float64Array): number {
  const { chains } = cch;
  const chain = chains.nodeChain[source]!;
  if (chain !== chains.nodeChain[target] || chain === NONE) return Infinity;
  const from = chains.nodePos[source]!;
  const to = chains.nodePos[target]!;
  if (from > to && chains.chainOneway[chain]) return Infinity;
  return chains.chainCost(chain, Math.min(from, to), Math.max(from, to), multipliers);
}

// The route peaking at `meet` as chain stretches: the source's partial chain, the arcs climbed
// (found from the top down, unpacked from the seed up), the arcs descended, the target's partial chain.
function collectStretches(cch: CchTopology, layout: QueryMetric, space: QuerySpace, meet: number, source: number, target: number): void {
  const { chains } = cch;
  const { i32 } = space;
  const { arcTail } = cch;
  const { original } = layout;
  pending.length = 0;
  let x = meet;
  for (let pred = i32[RANK_STRIDE_I32 * x + PRED_F]!; pred >= 0; pred = i32[RANK_STRIDE_I32 * x + PRED_F]!) {
    pending.push(2 * original[pred]!);
    x = arcTail[original[pred]!]!;
  }
  const sourceSeed = i32[RANK_STRIDE_I32 * x + PRED_F]!;
  if (sourceSeed !== SEED_HERE) {
    const chain = chains.nodeChain[source]!;
    pushStretch(chain, chains.nodePos[source]!, sourceSeed === SEED_FORWARD ? chainLength(cch, chain) : 0);
  }
  // The climb is on the stack top-down: popping unpacks it bottom-up, in driving order.
  unpackPending(cch, layout);
  let y = meet;
  for (let pred = i32[RANK_STRIDE_I32 * y + PRED_F + 1]!; pred >= 0; pred = i32[RANK_STRIDE_I32 * y + PRED_F + 1]!) {
    pending.push(2 * original[pred]! + 1);
    unpackPending(cch, layout);
    y = arcTail[original[pred]!]!;
  }
  const targetSeed = i32[RANK_STRIDE_I32 * y + PRED_F + 1]!;
  if (targetSeed !== SEED_HERE) {
    const chain = chains.nodeChain[target]!;
    pushStretch(chain, targetSeed === SEED_FORWARD ? 0 : chainLength(cch, chain), chains.nodePos[target]!);
  }
}

function chainLength(cch: CchTopology, chain: number): number {
  return cch.chains.chainFirst[chain + 1]! - cch.chains.chainFirst[chain]!;
}

// Pops arcs off the pending stack until it is empty, replacing each shortcut by its two lower
// arcs (the first popped first) and each arc standing for a chain by that chain's stretch.
function unpackPending(cch: CchTopology, layout: QueryMetric): void {
  const { unpack } = layout;
  while (pending.length > 0) {
    const step = pending.data[--pending.length]!;
    const first = unpack[2 * step]!;
    if (first < 0) {
      const code = -first - 1;
      const chain = code >>> 1;
      const length = chainLength(cch, chain);
      if (code & 1) pushStretch(chain, length, 0);
      else pushStretch(chain, 0, length);
      continue;
    }
    pending.push(2 * unpack[2 * step + 1]!);
    pending.push(2 * first + 1);
  }
}

// The route's cost summed road by road in driving order, as dijkstra() sums it.
function pricedCost(cch: CchTopology, layout: QueryMetric): number {
  const { priced } = layout;
  const { chainFirst } = cch.chains;
  const { data, length } = stretches;
  let cost = 0;
  for (let s = 0; s < length; s += 3) {
    const offset = chainFirst[data[s]!]!;
    const from = data[s + 1]!;
    const to = data[s + 2]!;
    if (from <= to) for (let i = offset + from, end = offset + to; i < end; i++) cost += priced[i]!;
    else for (let i = offset + from - 1, end = offset + to; i >= end; i--) cost += priced[i]!;
  }
  return cost;
}
