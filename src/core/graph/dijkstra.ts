// Plain binary-heap Dijkstra over the CSR arrays: the reference every faster search is checked
// against, and the one-to-all kernel that landmark preprocessing and isochrones run on.
// The heap holds duplicates instead of supporting decrease-key: a popped entry whose key is above
// the node's label is stale and skipped, which is cheaper than tracking heap positions.

import FlatQueue from 'flatqueue';
import type { Adjacency, RoadGraph } from './road-graph.ts';
import { assertMultipliers } from './multipliers.ts';
import { NONE, assertNode, buildRoute, searchSpaceFor } from './search-space.ts';
import type { Route } from './search-space.ts';

/**
 * Cheapest route from source to target under the given multipliers, or null when none exists.
 * @param multipliers one per input edge (see createMultipliers); Infinity blocks an edge.
 */
export function dijkstra(graph: RoadGraph, source: number, target: number, multipliers: Float64Array): Route | null {
  assertNode(graph, source, 'source');
  assertNode(graph, target, 'target');
  assertMultipliers(graph, multipliers);
  const space = searchSpaceFor(graph);
  const { dist, stamp, prevNode, prevArc, queue } = space;
  const { firstArc, arcHead, arcBaseCost, arcEdge } = graph;
  space.begin();
  const generation = space.generation;
  stamp[source] = generation;
  dist[source] = 0;
  prevNode[source] = NONE;
  queue.push(source, 0);

  while (queue.length > 0) {
    const d = queue.peekValue()!;
    const u = queue.pop()!;
    if (d > dist[u]!) continue;
    if (u === target) return buildRoute(graph, space, target);
    for (let arc = firstArc[u]!, end = firstArc[u + 1]!; arc < end; arc++) {
      const nd = d + arcBaseCost[arc]! * multipliers[arcEdge[arc]!]!;
      // Blocked: Infinity, or NaN for a zero-length edge times Infinity.
      if (!(nd < Infinity)) continue;
      const v = arcHead[arc]!;
      if (stamp[v] !== generation || nd < dist[v]!) {
        stamp[v] = generation;
        dist[v] = nd;
        prevNode[v] = u;
        prevArc[v] = arc;
        queue.push(v, nd);
      }
    }
  }
  return null;
}

/**
 * Travel time in seconds from source to every node (Infinity where unreachable, or beyond
 * maxSeconds when given): the basis of isochrones and "which units can get there in 15 minutes".
 */
export function reachableFrom(graph: RoadGraph, source: number, multipliers: Float64Array, maxSeconds = Infinity): Float64Array {
  assertNode(graph, source, 'source');
  assertMultipliers(graph, multipliers);
  const seconds = new Float64Array(graph.nodeCount);
  distancesFrom(graph, source, multipliers, maxSeconds, seconds, new FlatQueue<number>());
  return seconds;
}

/**
 * One-to-all Dijkstra on any adjacency (forward or reverse), writing into `dist`.
 * Labels above maxSeconds are never set, so everything left finite is final.
 * @param multipliers per input edge, or null for base costs.
 */
export function distancesFrom(
  adjacency: Adjacency, source: number, multipliers: Float64Array | null, maxSeconds: number,
  dist: Float64Array, queue: FlatQueue<number>,
): void {
  const { firstArc, arcHead, arcBaseCost, arcEdge } = adjacency;
  dist.fill(Infinity);
  dist[source] = 0;
  queue.clear();
  queue.push(source, 0);
  while (queue.length > 0) {
    const d = queue.peekValue()!;
    const u = queue.pop()!;
    if (d > dist[u]!) continue;
    for (let arc = firstArc[u]!, end = firstArc[u + 1]!; arc < end; arc++) {
      const w = multipliers ? arcBaseCost[arc]! * multipliers[arcEdge[arc]!]! : arcBaseCost[arc]!;
      const nd = d + w;
      const v = arcHead[arc]!;
      if (nd < dist[v]! && nd <= maxSeconds) {
        dist[v] = nd;
        queue.push(v, nd);
      }
    }
  }
}
