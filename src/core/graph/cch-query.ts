// Point-to-point query on a customized hierarchy. From the source, labels only ever go up: from a
// junction to its higher neighbours, which are all its ancestors in the elimination tree, so the
// search is a walk up that tree in rank order with no priority queue; the same from the target on
// the reversed costs. The cheapest junction labelled by both is where the shortest route peaks.
// A source or target inside a chain seeds the junctions at the chain's ends it can drive to (or be
// reached from), and both inside one chain may also drive straight along it.

import type { CchTopology } from './cch.ts';
import type { CchMetric } from './cch-metric.ts';
import { pushChainEdges, routeAlong } from './chain-route.ts';
import { NONE } from './search-space.ts';
import type { Route } from './search-space.ts';

// Predecessor markers of a seeded label: the node itself, or its chain driven forwards / backwards.
const SEED_HERE = NONE;
const SEED_FORWARD = NONE - 1;
const SEED_BACKWARD = NONE - 2;

/** Labels of both directions, reused across queries (stamped, never cleared). */
class CchSpace {
  readonly dist: [Float64Array, Float64Array];
  readonly pred: [Uint32Array, Uint32Array];
  readonly stamp: [Uint32Array, Uint32Array];
  generation = 0;
  constructor(n: number) {
    this.dist = [new Float64Array(n), new Float64Array(n)];
    this.pred = [new Uint32Array(n), new Uint32Array(n)];
    this.stamp = [new Uint32Array(n), new Uint32Array(n)];
  }
  begin(): number {
    if (this.generation === 0xffffffff) {
      this.stamp[0].fill(0);
      this.stamp[1].fill(0);
      this.generation = 0;
    }
    return ++this.generation;
  }
}

const spaces = new WeakMap<CchTopology, CchSpace>();

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
  const generation = space.begin();
  const forward = seed(cch, space, 0, generation, source, multipliers);
  const backward = seed(cch, space, 1, generation, target, multipliers);
  sweep(cch, space, 0, metric.up, generation, forward);
  const meet = sweepToMeet(cch, space, metric.down, generation, backward);
  const direct = straightAlong(cch, source, target, multipliers);
  if (direct.cost <= meet.cost && direct.cost < Infinity) return routeAlong(chains, source, direct.edges, multipliers);
  if (!(meet.cost < Infinity)) return null;
  return routeAlong(chains, source, unpackRoute(cch, metric, space, meet.rank, source, target), multipliers);
}

// Labels the junctions a route may leave from (side 0, from the source) or arrive through (side 1).
function seed(cch: CchTopology, space: CchSpace, side: 0 | 1, generation: number, node: number, multipliers: Float64Array): Seeds {
  const { chains, rankOf } = cch;
  const junction = chains.nodeJunction[node]!;
  if (junction !== NONE) {
    label(space, side, generation, rankOf[junction]!, 0, SEED_HERE);
    return { a: rankOf[junction]!, b: NONE };
  }
  const chain = chains.nodeChain[node]!;
  const pos = chains.nodePos[node]!;
  const length = chains.chainFirst[chain + 1]! - chains.chainFirst[chain]!;
  const start = rankOf[chains.chainStart[chain]!]!;
  const end = rankOf[chains.chainEnd[chain]!]!;
  // From the source: forwards to the end; to the target: forwards from the start.
  const ahead = side === 0 ? end : start;
  label(space, side, generation, ahead, side === 0 ? chains.chainCost(chain, pos, length, multipliers) : chains.chainCost(chain, 0, pos, multipliers), SEED_FORWARD);
  if (chains.chainOneway[chain]) return { a: ahead, b: NONE };
  const behind = side === 0 ? start : end;
  label(space, side, generation, behind, side === 0 ? chains.chainCost(chain, 0, pos, multipliers) : chains.chainCost(chain, pos, length, multipliers), SEED_BACKWARD);
  return { a: ahead, b: behind };
}

function label(space: CchSpace, side: 0 | 1, generation: number, rank: number, cost: number, pred: number): void {
  const dist = space.dist[side];
  if (space.stamp[side][rank] === generation && !(cost < dist[rank]!)) return;
  space.stamp[side][rank] = generation;
  dist[rank] = cost;
  space.pred[side][rank] = pred;
}

// Walks up the elimination tree from both seeds at once, lowest rank first, relaxing upward arcs:
// every arc into a junction comes from a lower one on these paths, so its label is final when reached.
function sweep(cch: CchTopology, space: CchSpace, side: 0 | 1, costs: Float64Array, generation: number, seeds: Seeds): void {
  const { parent, firstUp, upHead } = cch;
  const dist = space.dist[side];
  const stamp = space.stamp[side];
  const pred = space.pred[side];
  let a = seeds.a;
  let b = seeds.b;
  while (a !== NONE || b !== NONE) {
    const x = a < b ? a : b;
    if (a === x) a = parent[x]!;
    if (b === x) b = parent[x]!;
    if (stamp[x] !== generation) continue;
    const d = dist[x]!;
    if (!(d < Infinity)) continue;
    for (let arc = firstUp[x]!, end = firstUp[x + 1]!; arc < end; arc++) {
      const nd = d + costs[arc]!;
      if (!(nd < Infinity)) continue;
      const y = upHead[arc]!;
      if (stamp[y] !== generation || nd < dist[y]!) {
        stamp[y] = generation;
        dist[y] = nd;
        pred[y] = arc;
      }
    }
  }
}

// The backward sweep, noting where it meets the forward labels most cheaply.
function sweepToMeet(cch: CchTopology, space: CchSpace, costs: Float64Array, generation: number, seeds: Seeds): { rank: number; cost: number } {
  sweep(cch, space, 1, costs, generation, seeds);
  const { parent } = cch;
  const [forward, backward] = space.dist;
  const [forwardStamp, backwardStamp] = space.stamp;
  let best = Infinity;
  let rank = NONE;
  let a = seeds.a;
  let b = seeds.b;
  while (a !== NONE || b !== NONE) {
    const x = a < b ? a : b;
    if (a === x) a = parent[x]!;
    if (b === x) b = parent[x]!;
    if (forwardStamp[x] !== generation || backwardStamp[x] !== generation) continue;
    const cost = forward[x]! + backward[x]!;
    if (cost < best) {
      best = cost;
      rank = x;
    }
  }
  return { rank, cost: best };
}

// Source and target inside one chain: the stretch of chain between them, if it may be driven.
function straightAlong(cch: CchTopology, source: number, target: number, multipliers: Float64Array): { cost: number; edges: number[] } {
  const { chains } = cch;
  const chain = chains.nodeChain[source]!;
  const none = { cost: Infinity, edges: [] };
  if (chain === NONE || chains.nodeChain[target] !== chain) return none;
  const from = chains.nodePos[source]!;
  const to = chains.nodePos[target]!;
  if (from > to && chains.chainOneway[chain]) return none;
  const edges: number[] = [];
  pushChainEdges(chains, edges, chain, Math.min(from, to), Math.max(from, to), from > to);
  return { cost: chains.chainCost(chain, Math.min(from, to), Math.max(from, to), multipliers), edges };
}

// Input edges of the route peaking at `meet`: source's partial chain, the upward arcs climbed,
// the arcs descended, the target's partial chain.
function unpackRoute(cch: CchTopology, metric: CchMetric, space: CchSpace, meet: number, source: number, target: number): number[] {
  const { arcTail } = cch;
  const climbed: number[] = [];
  let x = meet;
  for (; space.pred[0][x]! < SEED_BACKWARD; x = arcTail[space.pred[0][x]!]!) climbed.push(space.pred[0][x]!);
  const edges: number[] = [];
  const sourceSeed = space.pred[0][x]!;
  if (sourceSeed !== SEED_HERE) pushPartial(cch, edges, source, sourceSeed === SEED_FORWARD, true);
  for (let i = climbed.length - 1; i >= 0; i--) unpackArc(cch, metric, climbed[i]!, false, edges);
  let y = meet;
  for (; space.pred[1][y]! < SEED_BACKWARD; y = arcTail[space.pred[1][y]!]!) unpackArc(cch, metric, space.pred[1][y]!, true, edges);
  const targetSeed = space.pred[1][y]!;
  if (targetSeed !== SEED_HERE) pushPartial(cch, edges, target, targetSeed === SEED_FORWARD, false);
  return edges;
}

// The stretch between a pass-through node and the chain end a seed used, in driving order.
function pushPartial(cch: CchTopology, edges: number[], node: number, forwards: boolean, leaving: boolean): void {
  const { chains } = cch;
  const chain = chains.nodeChain[node]!;
  const pos = chains.nodePos[node]!;
  const length = chains.chainFirst[chain + 1]! - chains.chainFirst[chain]!;
  if (leaving) {
    if (forwards) pushChainEdges(chains, edges, chain, pos, length, false);
    else pushChainEdges(chains, edges, chain, 0, pos, true);
  } else if (forwards) pushChainEdges(chains, edges, chain, 0, pos, false);
  else pushChainEdges(chains, edges, chain, pos, length, true);
}

// An arc driven upwards (lower end to upper) or downwards, as input edges in driving order.
function unpackArc(cch: CchTopology, metric: CchMetric, arc: number, downwards: boolean, edges: number[]): void {
  const via = downwards ? metric.downVia[arc]! : metric.upVia[arc]!;
  if (via < 0) {
    const code = -via - 1;
    const chain = code >>> 1;
    const length = cch.chains.chainFirst[chain + 1]! - cch.chains.chainFirst[chain]!;
    pushChainEdges(cch.chains, edges, chain, 0, length, (code & 1) === 1);
    return;
  }
  const wu = cch.triangles[via * 3]!;
  const wv = cch.triangles[via * 3 + 1]!;
  // Up u -> w -> v: down the w–u arc, up the w–v arc; down v -> w -> u: the mirror.
  if (downwards) {
    unpackArc(cch, metric, wv, true, edges);
    unpackArc(cch, metric, wu, false, edges);
  } else {
    unpackArc(cch, metric, wu, true, edges);
    unpackArc(cch, metric, wv, false, edges);
  }
}
