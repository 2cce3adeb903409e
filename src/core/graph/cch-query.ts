// Point-to-point query on a customized hierarchy. From the source, labels only ever go up: from a
// junction to its higher neighbours, which are all its ancestors in the elimination tree, so the
// search is a walk up that tree in rank order with no priority queue; the same from the target on
// the reversed costs. The cheapest junction labelled by both is where the shortest route peaks.
// A source or target inside a chain seeds the junctions at the chain's ends it can drive to (or be
// reached from), and both inside one chain may also drive straight along it.

import type { CchTopology } from './cch.ts';
import type { CchMetric } from './cch-metric.ts';
import { NONE } from './search-space.ts';
import type { Route } from './search-space.ts';

// Predecessor markers of a seeded label: the node itself, or its chain driven forwards / backwards.
const SEED_HERE = NONE;
const SEED_FORWARD = NONE - 1;
const SEED_BACKWARD = NONE - 2;

/** Labels of both directions, reused across queries; only the two walks' junctions are reset. */
class CchSpace {
  readonly dist: [Float64Array, Float64Array];
  readonly pred: [Uint32Array, Uint32Array];
  constructor(n: number) {
    this.dist = [new Float64Array(n).fill(Infinity), new Float64Array(n).fill(Infinity)];
    this.pred = [new Uint32Array(n), new Uint32Array(n)];
  }
}

const spaces = new WeakMap<CchTopology, CchSpace>();

/** A growable list of ids (the route's input edges, the arcs climbed) reused across queries. */
class EdgeList {
  data = new Uint32Array(1024);
  length = 0;
  push(edge: number): void {
    if (this.length === this.data.length) {
      const grown = new Uint32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = edge;
  }
}

const unpacked = new EdgeList();
const unpackedNodes = new EdgeList();
const climb = new EdgeList();
let unpackedMeters = 0;
let unpackedCost = 0;
let pricing: Float64Array = new Float64Array(0);

interface Seeds { a: number; b: number }

/**
 * Cheapest route from source to target (road graph nodes) under the metric, or null when none
 * exists. `multipliers` are those the metric was customized with: they price the partial chains
 * at either end and the route's cost, summed edge by edge in driving order as dijkstra() sums it.
 */
export function cchRoute(cch: CchTopology, metric: CchMetric, multipliers: Float64Array, source: number, target: number): Route | null {
  const { chains } = cch;
  if (source === target) return { cost: 0, meters: 0, nodes: Uint32Array.of(source), edges: new Uint32Array(0) };
  let space = spaces.get(cch);
  if (!space) spaces.set(cch, (space = new CchSpace(cch.nodeCount)));
  const forward = seed(cch, space, 0, source, multipliers);
  const backward = seed(cch, space, 1, target, multipliers);
  sweep(cch, space, 0, metric.cost, forward);
  const meet = sweepToMeet(cch, space, metric.cost, backward);
  clear(cch, space, forward);
  clear(cch, space, backward);
  unpacked.length = 0;
  unpackedNodes.length = 0;
  unpackedNodes.push(source);
  unpackedMeters = 0;
  unpackedCost = 0;
  pricing = multipliers;
  const direct = straightAlong(cch, source, target, multipliers);
  if (direct <= meet.cost && direct < Infinity) {
    pushChainStretch(cch, chains.nodeChain[source]!, chains.nodePos[source]!, chains.nodePos[target]!);
  } else if (meet.cost < Infinity) {
    unpackRoute(cch, metric, space, meet.rank, source, target);
  } else return null;
  return { cost: unpackedCost, meters: unpackedMeters, nodes: unpackedNodes.data.slice(0, unpackedNodes.length), edges: unpacked.data.slice(0, unpacked.length) };
}

// Labels the junctions a route may leave from (side 0, from the source) or arrive through (side 1).
function seed(cch: CchTopology, space: CchSpace, side: 0 | 1, node: number, multipliers: Float64Array): Seeds {
  const { chains, rankOf } = cch;
  const junction = chains.nodeJunction[node]!;
  if (junction !== NONE) {
    label(space, side, rankOf[junction]!, 0, SEED_HERE);
    return { a: rankOf[junction]!, b: NONE };
  }
  const chain = chains.nodeChain[node]!;
  const pos = chains.nodePos[node]!;
  const length = chains.chainFirst[chain + 1]! - chains.chainFirst[chain]!;
  const start = rankOf[chains.chainStart[chain]!]!;
  const end = rankOf[chains.chainEnd[chain]!]!;
  // From the source: forwards to the end; to the target: forwards from the start.
  const ahead = side === 0 ? end : start;
  label(space, side, ahead, side === 0 ? chains.chainCost(chain, pos, length, multipliers) : chains.chainCost(chain, 0, pos, multipliers), SEED_FORWARD);
  if (chains.chainOneway[chain]) return { a: ahead, b: NONE };
  const behind = side === 0 ? start : end;
  label(space, side, behind, side === 0 ? chains.chainCost(chain, 0, pos, multipliers) : chains.chainCost(chain, pos, length, multipliers), SEED_BACKWARD);
  return { a: ahead, b: behind };
}

function label(space: CchSpace, side: 0 | 1, rank: number, cost: number, pred: number): void {
  const dist = space.dist[side];
  if (!(cost < dist[rank]!)) return;
  dist[rank] = cost;
  space.pred[side][rank] = pred;
}

// Walks up the elimination tree from both seeds at once, lowest rank first, relaxing upward arcs
// (side 0 upwards, cost[2a]; side 1 the reversed costs, cost[2a + 1]): every arc into a junction
// comes from a lower one on these paths, so its label is final when the walk reaches it.
function sweep(cch: CchTopology, space: CchSpace, side: 0 | 1, cost: Float64Array, seeds: Seeds): void {
  const { parent, firstUp, upHead } = cch;
  const dist = space.dist[side];
  const pred = space.pred[side];
  let a = seeds.a;
  let b = seeds.b;
  while (a !== NONE || b !== NONE) {
    const x = a < b ? a : b;
    if (a === x) a = parent[x]!;
    if (b === x) b = parent[x]!;
    const d = dist[x]!;
    if (!(d < Infinity)) continue;
    for (let arc = firstUp[x]!, end = firstUp[x + 1]!; arc < end; arc++) {
      const nd = d + cost[2 * arc + side]!;
      const y = upHead[arc]!;
      if (nd < dist[y]!) {
        dist[y] = nd;
        pred[y] = arc;
      }
    }
  }
}

// The walk up from the target's seeds on the reversed costs, noting the cheapest junction labelled
// from both sides. A junction whose label already reaches the best total leads to nothing cheaper.
function sweepToMeet(cch: CchTopology, space: CchSpace, cost: Float64Array, seeds: Seeds): { rank: number; cost: number } {
  const { parent, firstUp, upHead } = cch;
  const [forward, dist] = space.dist;
  const pred = space.pred[1];
  let best = Infinity;
  let rank = NONE;
  let a = seeds.a;
  let b = seeds.b;
  while (a !== NONE || b !== NONE) {
    const x = a < b ? a : b;
    if (a === x) a = parent[x]!;
    if (b === x) b = parent[x]!;
    const d = dist[x]!;
    if (!(d < best)) continue;
    const total = forward[x]! + d;
    if (total < best) {
      best = total;
      rank = x;
    }
    for (let arc = firstUp[x]!, end = firstUp[x + 1]!; arc < end; arc++) {
      const nd = d + cost[2 * arc + 1]!;
      const y = upHead[arc]!;
      if (nd < dist[y]!) {
        dist[y] = nd;
        pred[y] = arc;
      }
    }
  }
  return { rank, cost: best };
}

// Labels are only ever set on the seeds' ancestors: resetting those leaves every label Infinity.
function clear(cch: CchTopology, space: CchSpace, seeds: Seeds): void {
  const { parent } = cch;
  const [forward, backward] = space.dist;
  for (let x = seeds.a; x !== NONE; x = parent[x]!) forward[x] = backward[x] = Infinity;
  for (let x = seeds.b; x !== NONE; x = parent[x]!) forward[x] = backward[x] = Infinity;
}

// Source and target inside one chain: the cost of the stretch between them, if it may be driven.
function straightAlong(cch: CchTopology, source: number, target: number, multipliers: Float64Array): number {
  const { chains } = cch;
  const chain = chains.nodeChain[source]!;
  if (chain === NONE || chains.nodeChain[target] !== chain) return Infinity;
  const from = chains.nodePos[source]!;
  const to = chains.nodePos[target]!;
  if (from > to && chains.chainOneway[chain]) return Infinity;
  return chains.chainCost(chain, Math.min(from, to), Math.max(from, to), multipliers);
}

// Input edges of the route peaking at `meet`: source's partial chain, the upward arcs climbed,
// the arcs descended, the target's partial chain.
function unpackRoute(cch: CchTopology, metric: CchMetric, space: CchSpace, meet: number, source: number, target: number): void {
  const { arcTail, chains } = cch;
  const [upPred, downPred] = space.pred;
  // The climb is found from the top down; it is unpacked from the seed up.
  climb.length = 0;
  let x = meet;
  for (; upPred[x]! < SEED_BACKWARD; x = arcTail[upPred[x]!]!) climb.push(upPred[x]!);
  const sourceSeed = upPred[x]!;
  if (sourceSeed !== SEED_HERE) {
    const length = chains.chainFirst[chains.nodeChain[source]! + 1]! - chains.chainFirst[chains.nodeChain[source]!]!;
    pushChainStretch(cch, chains.nodeChain[source]!, chains.nodePos[source]!, sourceSeed === SEED_FORWARD ? length : 0);
  }
  for (let i = climb.length - 1; i >= 0; i--) unpackArc(cch, metric, climb.data[i]!, false);
  let y = meet;
  for (; downPred[y]! < SEED_BACKWARD; y = arcTail[downPred[y]!]!) unpackArc(cch, metric, downPred[y]!, true);
  const targetSeed = downPred[y]!;
  if (targetSeed !== SEED_HERE) {
    const length = chains.chainFirst[chains.nodeChain[target]! + 1]! - chains.chainFirst[chains.nodeChain[target]!]!;
    pushChainStretch(cch, chains.nodeChain[target]!, targetSeed === SEED_FORWARD ? 0 : length, chains.nodePos[target]!);
  }
}

// An arc driven upwards (lower end to upper) or downwards, as input edges in driving order.
function unpackArc(cch: CchTopology, metric: CchMetric, arc: number, downwards: boolean): void {
  const via = metric.via[2 * arc + (downwards ? 1 : 0)]!;
  if (via < 0) {
    const code = -via - 1;
    const chain = code >>> 1;
    const length = cch.chains.chainFirst[chain + 1]! - cch.chains.chainFirst[chain]!;
    if (code & 1) pushChainStretch(cch, chain, length, 0);
    else pushChainStretch(cch, chain, 0, length);
    return;
  }
  const wu = cch.triangles[via]!;
  const wv = cch.triangles[via + 1]!;
  // Up u -> w -> v: down the w–u arc, up the w–v arc; down v -> w -> u: the mirror.
  if (downwards) {
    unpackArc(cch, metric, wv, true);
    unpackArc(cch, metric, wu, false);
  } else {
    unpackArc(cch, metric, wu, true);
    unpackArc(cch, metric, wv, false);
  }
}

// The edges of a chain from position `from` to position `to` and the nodes they lead to, in
// driving order (backwards when to < from), their length and their cost, added edge by edge.
function pushChainStretch(cch: CchTopology, chain: number, from: number, to: number): void {
  const { chains, chainNodes } = cch;
  const { edgeSeconds } = chains.graph;
  const offset = chains.chainFirst[chain]!;
  const nodesAt = offset + chain;
  const length = chains.chainFirst[chain + 1]! - offset;
  if ((from === 0 && to === length) || (from === length && to === 0)) unpackedMeters += cch.chainMeters[chain]!;
  else for (let i = Math.min(from, to); i < Math.max(from, to); i++) unpackedMeters += chains.graph.edgeMeters[chains.chainEdges[offset + i]!]!;
  if (from <= to) {
    for (let i = from; i < to; i++) {
      const e = chains.chainEdges[offset + i]!;
      unpacked.push(e);
      unpackedNodes.push(chainNodes[nodesAt + i + 1]!);
      unpackedCost += edgeSeconds[e]! * pricing[e]!;
    }
  } else {
    for (let i = from - 1; i >= to; i--) {
      const e = chains.chainEdges[offset + i]!;
      unpacked.push(e);
      unpackedNodes.push(chainNodes[nodesAt + i]!);
      unpackedCost += edgeSeconds[e]! * pricing[e]!;
    }
  }
}
