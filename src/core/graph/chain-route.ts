// ALT (or, without landmarks, Dijkstra) on the junction graph. A source or target in the middle of
// a chain is handled at the edges of the search: the source seeds the one or two junctions its
// chain leads to, and a target inside a chain is a virtual node (id junctionCount) reached from
// either end of that chain. The route is then expanded back to graph nodes and input edges and
// its cost summed edge by edge in travel order, exactly as dijkstra() sums it.

import type { Landmarks } from './landmarks.ts';
import type { AltOptions } from './alt.ts';
import type { ChainGraph } from './chains.ts';
import { assertMultipliers } from './multipliers.ts';
import { bound, chooseActive } from './bounds.ts';
import { isCutOff } from './islands.ts';
import { NONE, SearchSpace, assertNode } from './search-space.ts';
import type { Route } from './search-space.ts';

// prevArc markers of a junction seeded from a pass-through source, by direction along its chain.
const SEED_FORWARD = NONE - 1;
const SEED_BACKWARD = NONE - 2;

const spaces = new WeakMap<ChainGraph, SearchSpace>();

/** Per-query context shared by the helpers below; one object reused across queries. */
interface Query {
  chains: ChainGraph;
  space: SearchSpace;
  landmarks: Landmarks | null;
  activeCount: number;
  multipliers: Float64Array;
}

/**
 * Cheapest route from source to target (graph node ids) under the multipliers, searched on the
 * junction graph, or null when none exists. Same cost as dijkstra().
 * @param landmarks built on chains.graph; null runs plain Dijkstra on the junction graph.
 */
export function chainRoute(
  chains: ChainGraph, landmarks: Landmarks | null, source: number, target: number, multipliers: Float64Array,
  options: AltOptions = {},
): Route | null {
  const { graph, junctionCount, nodeJunction } = chains;
  assertNode(graph, source, 'source');
  assertNode(graph, target, 'target');
  assertMultipliers(graph, multipliers);
  if (landmarks && landmarks.nodeCount !== graph.nodeCount) throw new Error('landmarks were built for another graph: call buildLandmarks(chains.graph).');
  if (source === target) return { cost: 0, meters: 0, nodes: Uint32Array.of(source), edges: new Uint32Array(0) };
  const activeCount = landmarks ? chooseActive(landmarks, source, target, options.activeLandmarks ?? 6) : 0;
  if (activeCount < 0 || isCutOff(graph, source, target, multipliers)) return null;

  let space = spaces.get(chains);
  if (!space) spaces.set(chains, (space = new SearchSpace(junctionCount + 1)));
  const query: Query = { chains, space, landmarks, activeCount, multipliers };
  space.begin();
  seedSource(query, source, target);
  const goal = nodeJunction[target] !== NONE ? nodeJunction[target]! : junctionCount;
  const targetChain = chains.nodeChain[target]!;
  const targetPos = chains.nodePos[target]!;
  const { dist, heuristic, queue } = space;
  const { firstArc, arcHead, arcChain, chainFirst } = chains;

  while (queue.length > 0) {
    const key = queue.peekValue()!;
    const u = queue.pop()!;
    const g = dist[u]!;
    if (key > g + heuristic[u]!) continue;
    if (u === goal) return expandRoute(query, source, target, goal);
    for (let arc = firstArc[u]!, end = firstArc[u + 1]!; arc < end; arc++) {
      const chain = arcChain[arc]! >>> 1;
      const length = chainFirst[chain + 1]! - chainFirst[chain]!;
      relax(query, arcHead[arc]!, g + chains.chainCost(chain, 0, length, multipliers), u, arc);
      if (chain !== targetChain) continue;
      const backwards = (arcChain[arc]! & 1) === 1;
      const partial = backwards ? chains.chainCost(chain, targetPos, length, multipliers) : chains.chainCost(chain, 0, targetPos, multipliers);
      relax(query, junctionCount, g + partial, u, arc);
    }
  }
  return null;
}

// Labels v with cost d if that improves it, computing v's heuristic on first sight.
function relax(query: Query, v: number, d: number, from: number, arc: number): void {
  if (!(d < Infinity)) return;
  const { space, landmarks, chains } = query;
  if (space.stamp[v] !== space.generation) {
    space.stamp[v] = space.generation;
    space.heuristic[v] = landmarks && v < chains.junctionCount
      ? bound(landmarks.distances, chains.junctionNode[v]! * landmarks.count * 2, query.activeCount, landmarks.slack)
      : 0;
  } else if (!(d < space.dist[v]!)) return;
  space.dist[v] = d;
  space.prevNode[v] = from;
  space.prevArc[v] = arc;
  const f = d + space.heuristic[v]!;
  if (f < Infinity) space.queue.push(v, f);
}

// Seeds the search from the source: its own junction, or the ends of its chain it can drive to
// (and the target directly when both lie on the same chain).
function seedSource(query: Query, source: number, target: number): void {
  const { chains, multipliers } = query;
  const sourceJunction = chains.nodeJunction[source]!;
  if (sourceJunction !== NONE) {
    relax(query, sourceJunction, 0, NONE, NONE);
    return;
  }
  const chain = chains.nodeChain[source]!;
  const pos = chains.nodePos[source]!;
  const length = chains.chainFirst[chain + 1]! - chains.chainFirst[chain]!;
  const twoWay = chains.chainOneway[chain] === 0;
  relax(query, chains.chainEnd[chain]!, chains.chainCost(chain, pos, length, multipliers), NONE, SEED_FORWARD);
  if (twoWay) relax(query, chains.chainStart[chain]!, chains.chainCost(chain, 0, pos, multipliers), NONE, SEED_BACKWARD);
  if (chains.nodeChain[target] !== chain) return;
  const targetPos = chains.nodePos[target]!;
  if (pos < targetPos) relax(query, chains.junctionCount, chains.chainCost(chain, pos, targetPos, multipliers), NONE, SEED_FORWARD);
  else if (twoWay) relax(query, chains.junctionCount, chains.chainCost(chain, targetPos, pos, multipliers), NONE, SEED_BACKWARD);
}

// Turns the junction-level path ending at `goal` into graph nodes and input edges.
function expandRoute(query: Query, source: number, target: number, goal: number): Route {
  const { chains, space, multipliers } = query;
  const { junctionCount, chainFirst } = chains;
  const steps: number[] = [];
  for (let v = goal; v !== NONE; v = space.prevNode[v]!) steps.push(v);
  steps.reverse();
  const edges: number[] = [];
  const sourcePos = chains.nodePos[source]!;
  const targetPos = chains.nodePos[target]!;
  for (const v of steps) {
    const arc = space.prevArc[v]!;
    if (arc === NONE) continue;
    const isTarget = v === junctionCount;
    if (arc === SEED_FORWARD || arc === SEED_BACKWARD) {
      const chain = chains.nodeChain[source]!;
      const length = chainFirst[chain + 1]! - chainFirst[chain]!;
      if (arc === SEED_FORWARD) pushChainEdges(chains, edges, chain, sourcePos, isTarget ? targetPos : length, false);
      else pushChainEdges(chains, edges, chain, isTarget ? targetPos : 0, sourcePos, true);
      continue;
    }
    const chain = chains.arcChain[arc]! >>> 1;
    const backwards = (chains.arcChain[arc]! & 1) === 1;
    const length = chainFirst[chain + 1]! - chainFirst[chain]!;
    if (!isTarget) pushChainEdges(chains, edges, chain, 0, length, backwards);
    else if (backwards) pushChainEdges(chains, edges, chain, targetPos, length, true);
    else pushChainEdges(chains, edges, chain, 0, targetPos, false);
  }
  return routeAlong(chains, source, edges, multipliers);
}

/** Appends chain positions [from, to) in driving order: ascending, or descending when backwards. */
export function pushChainEdges(chains: ChainGraph, out: number[], chain: number, from: number, to: number, backwards: boolean): void {
  const offset = chains.chainFirst[chain]!;
  if (backwards) for (let i = to - 1; i >= from; i--) out.push(chains.chainEdges[offset + i]!);
  else for (let i = from; i < to; i++) out.push(chains.chainEdges[offset + i]!);
}

/** The route along input edges from source, its cost summed edge by edge in driving order. */
export function routeAlong(chains: ChainGraph, source: number, edgeList: number[], multipliers: Float64Array): Route {
  const { edgeFrom, edgeTo, edgeSeconds, edgeMeters } = chains.graph;
  const nodes = new Uint32Array(edgeList.length + 1);
  const edges = Uint32Array.from(edgeList);
  let v = source;
  let cost = 0;
  let meters = 0;
  nodes[0] = v;
  for (let i = 0; i < edges.length; i++) {
    const e = edges[i]!;
    v = edgeFrom[e] === v ? edgeTo[e]! : edgeFrom[e]!;
    nodes[i + 1] = v;
    cost += edgeSeconds[e]! * multipliers[e]!;
    meters += edgeMeters[e]!;
  }
  return { cost, meters, nodes, edges };
}
