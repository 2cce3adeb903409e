// A* guided by landmark lower bounds (ALT) on the full road graph. The heuristic is evaluated
// once per node reached and cached in the search space beside the node's label. The bound is
// admissible but, after Float32 rounding and slack, not exactly consistent: a node may be reached
// again more cheaply after it was expanded, and then it is simply pushed and expanded again.

import type { RoadGraph } from './road-graph.ts';
import type { Landmarks } from './landmarks.ts';
import { assertMultipliers } from './multipliers.ts';
import { bound, chooseActive } from './bounds.ts';
import { isCutOff } from './islands.ts';
import { NONE, assertNode, buildRoute, searchSpaceFor } from './search-space.ts';
import type { Route } from './search-space.ts';

/** Options of altRoute. */
export interface AltOptions {
  /** Landmarks consulted per query, chosen by their bound at the source (default 6). */
  activeLandmarks?: number;
}

/**
 * Cheapest route from source to target under the multipliers, or null when none exists. Returns
 * the same cost as dijkstra (multipliers >= 1 keep the base-cost bounds admissible).
 * @param landmarks built by buildLandmarks on this graph (on base costs; no need to rebuild when
 *   multipliers change).
 */
export function altRoute(
  graph: RoadGraph, landmarks: Landmarks, source: number, target: number, multipliers: Float64Array,
  options: AltOptions = {},
): Route | null {
  assertNode(graph, source, 'source');
  assertNode(graph, target, 'target');
  assertMultipliers(graph, multipliers);
  if (landmarks.nodeCount !== graph.nodeCount) throw new Error('landmarks were built for another graph: call buildLandmarks(graph).');
  const activeCount = chooseActive(landmarks, source, target, options.activeLandmarks ?? 6);
  // A landmark proved the target unreachable on base costs; multipliers can only cut more roads.
  if (activeCount < 0 || isCutOff(graph, source, target, multipliers)) return null;

  const space = searchSpaceFor(graph);
  const { dist, heuristic, stamp, prevNode, prevArc, queue } = space;
  const { firstArc, arcHead, arcBaseCost, arcEdge } = graph;
  const { distances, count, slack } = landmarks;
  space.begin();
  const generation = space.generation;
  stamp[source] = generation;
  dist[source] = 0;
  prevNode[source] = NONE;
  heuristic[source] = bound(distances, source * count * 2, activeCount, slack);
  queue.push(source, heuristic[source]!);

  while (queue.length > 0) {
    const key = queue.peekValue()!;
    const u = queue.pop()!;
    const g = dist[u]!;
    if (key > g + heuristic[u]!) continue;
    if (u === target) return buildRoute(graph, space, target);
    for (let arc = firstArc[u]!, end = firstArc[u + 1]!; arc < end; arc++) {
      const nd = g + arcBaseCost[arc]! * multipliers[arcEdge[arc]!]!;
      if (!(nd < Infinity)) continue;
      const v = arcHead[arc]!;
      if (stamp[v] !== generation) {
        stamp[v] = generation;
        heuristic[v] = bound(distances, v * count * 2, activeCount, slack);
      } else if (!(nd < dist[v]!)) continue;
      dist[v] = nd;
      prevNode[v] = u;
      prevArc[v] = arc;
      const f = nd + heuristic[v]!;
      // An infinite bound means a landmark proved v cannot reach the target.
      if (f < Infinity) queue.push(v, f);
    }
  }
  return null;
}
