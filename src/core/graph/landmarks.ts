// Landmarks for ALT (A*, landmarks, triangle inequality). For a landmark L, d(v, t) is at least
// d(L, t) - d(L, v) and at least d(v, L) - d(t, L). The distances are computed once on base costs;
// multipliers only raise costs, so the bounds stay below the true cost and routes stay optimal.

import FlatQueue from 'flatqueue';
import type { RoadGraph } from './road-graph.ts';
import { reverseAdjacency } from './road-graph.ts';
import { distancesFrom } from './dijkstra.ts';

/** Options of buildLandmarks. */
export interface LandmarkOptions {
  /** How many landmarks to pick (default 16); fewer when the graph runs out of distinct nodes. */
  count?: number;
}

/** Precomputed landmark distances, node-major so a heuristic reads one node's values contiguously. */
export class Landmarks {
  readonly nodeCount: number;
  readonly count: number;
  /** The landmark node ids. */
  readonly nodes: Uint32Array;
  /** distances[(v * count + k) * 2] = d(landmark k, v); [... + 1] = d(v, landmark k); Infinity if none. */
  readonly distances: Float32Array;
  /**
   * Seconds to subtract from every bound: Float32 rounding can lift a difference of two stored
   * distances by up to 2^-23 of the largest one, and a bound must never overestimate.
   */
  readonly slack: number;

  /** Wraps precomputed arrays; use buildLandmarks to compute them. */
  constructor(nodeCount: number, nodes: Uint32Array, distances: Float32Array, slack: number) {
    this.nodeCount = nodeCount;
    this.count = nodes.length;
    this.nodes = nodes;
    this.distances = distances;
    this.slack = slack;
  }

  /** Bytes held by the landmark tables. */
  get memoryBytes(): number {
    return this.nodes.byteLength + this.distances.byteLength;
  }
}

/**
 * Picks landmarks by farthest-first selection inside the largest connected part of the graph
 * (each new landmark maximises its round-trip distance to the nearest one already chosen, which
 * spreads them to the rim, where they give the tightest bounds) and computes their distances.
 * Costs two one-to-all Dijkstras per landmark.
 */
export function buildLandmarks(graph: RoadGraph, options: LandmarkOptions = {}): Landmarks {
  const wanted = options.count ?? 16;
  if (!(Number.isInteger(wanted) && wanted >= 1 && wanted <= 64)) throw new Error(`landmark count must be an integer in 1..64, got ${wanted}.`);
  const n = graph.nodeCount;
  const reverse = reverseAdjacency(graph);
  const queue = new FlatQueue<number>();
  const from = new Float64Array(n);
  const to = new Float64Array(n);
  const nearest = new Float64Array(n).fill(Infinity);
  const chosen: number[] = [];
  // Written in place with stride `wanted`; repacked only if the graph had fewer spread-out nodes.
  let distances: Float32Array = new Float32Array(2 * wanted * n);
  let maxFinite = 0;

  const start = largestComponentNode(graph);
  if (start < 0) return new Landmarks(n, new Uint32Array(0), new Float32Array(0), 0);
  distancesFrom(graph, start, null, Infinity, from, queue);
  let next = argmaxFinite(from);
  while (chosen.length < wanted && next >= 0) {
    chosen.push(next);
    distancesFrom(graph, next, null, Infinity, from, queue);
    distancesFrom(reverse, next, null, Infinity, to, queue);
    const k = chosen.length - 1;
    for (let v = 0; v < n; v++) {
      const a = from[v]!;
      const b = to[v]!;
      distances[(v * wanted + k) * 2] = a;
      distances[(v * wanted + k) * 2 + 1] = b;
      if (a < Infinity && a > maxFinite) maxFinite = a;
      if (b < Infinity && b > maxFinite) maxFinite = b;
      const roundTrip = a + b;
      if (roundTrip < nearest[v]!) nearest[v] = roundTrip;
    }
    next = argmaxFinite(nearest);
    // Every reachable node is already a landmark or at distance 0 of one: nothing left to spread to.
    if (next >= 0 && nearest[next] === 0) next = -1;
  }
  if (chosen.length < wanted) distances = repack(distances, n, wanted, chosen.length);
  return new Landmarks(n, Uint32Array.from(chosen), distances, maxFinite * 2 ** -23 * 1.01);
}

function repack(distances: Float32Array, n: number, stride: number, count: number): Float32Array {
  const packed = new Float32Array(2 * count * n);
  for (let v = 0; v < n; v++) {
    packed.set(distances.subarray(v * stride * 2, (v * stride + count) * 2), v * count * 2);
  }
  return packed;
}

function argmaxFinite(values: Float64Array): number {
  let best = -1;
  let bestValue = -1;
  for (let v = 0; v < values.length; v++) {
    const value = values[v]!;
    if (value < Infinity && value > bestValue) {
      bestValue = value;
      best = v;
    }
  }
  return best;
}

// A node of the largest weakly connected component, by union-find over the input edges: OSM
// extracts hold many small islands, and a landmark stranded on one would bound nothing elsewhere.
function largestComponentNode(graph: RoadGraph): number {
  const parent = new Uint32Array(graph.nodeCount);
  for (let v = 0; v < parent.length; v++) parent[v] = v;
  const find = (v: number): number => {
    while (parent[v] !== v) {
      parent[v] = parent[parent[v]!]!;
      v = parent[v]!;
    }
    return v;
  };
  for (let e = 0; e < graph.edgeCount; e++) {
    const a = find(graph.edgeFrom[e]!);
    const b = find(graph.edgeTo[e]!);
    if (a !== b) parent[a] = b;
  }
  const size = new Uint32Array(graph.nodeCount);
  let best = -1;
  for (let v = 0; v < graph.nodeCount; v++) {
    const root = find(v);
    size[root]!++;
    if (best < 0 || size[root]! > size[find(best)]!) best = v;
  }
  return best;
}
