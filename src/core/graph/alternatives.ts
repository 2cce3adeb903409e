// Alternative routes by the penalty method: after each route found, the multipliers of its edges
// are raised in a scratch copy and the search runs again, which pushes the next route off the
// roads already proposed. Penalties only raise multipliers, so landmark bounds stay admissible.
// A candidate is kept when it is really different (shares less than maxShare of its length with
// every route kept) and not absurd (true cost within maxStretch of the best).

import type { RoadGraph } from './road-graph.ts';
import type { Route } from './search-space.ts';
import { assertMultipliers } from './multipliers.ts';

/** A point-to-point search, e.g. `(s, t, m) => chainRoute(chains, landmarks, s, t, m)`. */
export type RouteSearch = (source: number, target: number, multipliers: Float64Array) => Route | null;

/** Options of alternativeRoutes. */
export interface AlternativeOptions {
  /** Most routes returned, the best one included (default 3, at most 8). */
  count?: number;
  /** Factor applied to the multipliers of edges already used (default 1.5). */
  penalty?: number;
  /** Largest share of a candidate's length that may overlap a kept route (default 0.7). */
  maxShare?: number;
  /** Largest true cost of an alternative relative to the best route (default 1.5). */
  maxStretch?: number;
  /** Searches run after the first before giving up (default 2 * count + 2). */
  maxAttempts?: number;
}

interface Scratch {
  penalised: Float64Array;
  /** Bit i set: the edge is on kept route i. */
  onRoute: Uint8Array;
}

const scratches = new WeakMap<RoadGraph, Scratch>();

/**
 * Up to `count` meaningfully different routes, best first, each with its true cost under the
 * caller's multipliers (never the penalised one). Empty when the target is unreachable.
 */
export function alternativeRoutes(
  graph: RoadGraph, search: RouteSearch, source: number, target: number, multipliers: Float64Array,
  options: AlternativeOptions = {},
): Route[] {
  assertMultipliers(graph, multipliers);
  const { count = 3, penalty = 1.5, maxShare = 0.7, maxStretch = 1.5 } = options;
  const maxAttempts = options.maxAttempts ?? 2 * count + 2;
  if (!(count >= 1 && count <= 8)) throw new Error(`count must be in 1..8, got ${count}.`);
  if (!(penalty > 1)) throw new Error(`penalty must be above 1, got ${penalty}.`);
  const best = search(source, target, multipliers);
  if (!best) return [];
  const kept: Route[] = [best];
  if (count === 1 || best.edges.length === 0) return kept;

  let scratch = scratches.get(graph);
  if (!scratch) scratches.set(graph, (scratch = { penalised: new Float64Array(graph.edgeCount), onRoute: new Uint8Array(graph.edgeCount) }));
  const { penalised, onRoute } = scratch;
  penalised.set(multipliers);
  mark(onRoute, best.edges, 0);
  penalise(penalised, best.edges, penalty);
  try {
    for (let attempt = 0; attempt < maxAttempts && kept.length < count; attempt++) {
      const candidate = search(source, target, penalised);
      if (!candidate) break;
      penalise(penalised, candidate.edges, penalty);
      const cost = trueCost(graph, candidate.edges, multipliers);
      // Penalties only grow, so later candidates would be longer still.
      if (cost > maxStretch * best.cost) break;
      if (maxOverlap(graph, onRoute, candidate, kept.length) >= maxShare) continue;
      mark(onRoute, candidate.edges, kept.length);
      // Fields named, not spread: a route may compute its edges, nodes and meters when first read.
      kept.push({ cost, meters: candidate.meters, nodes: candidate.nodes, edges: candidate.edges });
    }
  } finally {
    // Leave the shared scratch clean for the next call, whatever happened.
    for (const route of kept) for (const e of route.edges) onRoute[e] = 0;
  }
  return kept;
}

function penalise(penalised: Float64Array, edges: Uint32Array, penalty: number): void {
  for (const e of edges) penalised[e]! *= penalty;
}

function mark(onRoute: Uint8Array, edges: Uint32Array, index: number): void {
  for (const e of edges) onRoute[e]! |= 1 << index;
}

// Summed in travel order, exactly as the searches sum a route's cost.
function trueCost(graph: RoadGraph, edges: Uint32Array, multipliers: Float64Array): number {
  let cost = 0;
  for (const e of edges) cost += graph.edgeSeconds[e]! * multipliers[e]!;
  return cost;
}

// Largest share of the candidate's length lying on any one kept route.
function maxOverlap(graph: RoadGraph, onRoute: Uint8Array, candidate: Route, keptCount: number): number {
  if (candidate.meters === 0) return 1;
  let worst = 0;
  for (let i = 0; i < keptCount; i++) {
    let shared = 0;
    for (const e of candidate.edges) if (onRoute[e]! & (1 << i)) shared += graph.edgeMeters[e]!;
    worst = Math.max(worst, shared / candidate.meters);
  }
  return worst;
}
