// Blocked areas cut the network into pieces, and a query whose target sits on a small cut-off
// piece would make A* exhaust everything the source can reach (the landmark bounds, computed
// before the roads were cut, cannot prove it in vain). A breadth-first walk of a few hundred nodes
// from each end, over passable arcs, settles most of those queries at once: if either walk runs
// dry without meeting the other end, no route exists.

import type { Adjacency, RoadGraph } from './road-graph.ts';
import { reverseAdjacency } from './road-graph.ts';

/** Nodes each walk may visit before it gives up and lets the full search decide. */
const WALK_LIMIT = 256;

interface WalkState {
  stamp: Uint32Array;
  generation: number;
  queue: Uint32Array;
}

const states = new WeakMap<RoadGraph, WalkState>();

/**
 * True when the source provably cannot reach the target under the multipliers because one of them
 * lies on a small piece of the network (at most 256 nodes) that the other is not on. False means
 * "not proven", not "reachable".
 */
export function isCutOff(graph: RoadGraph, source: number, target: number, multipliers: Float64Array): boolean {
  let state = states.get(graph);
  if (!state) states.set(graph, (state = { stamp: new Uint32Array(graph.nodeCount), generation: 0, queue: new Uint32Array(WALK_LIMIT) }));
  return runsDry(graph, state, source, target, multipliers) || runsDry(reverseAdjacency(graph), state, target, source, multipliers);
}

// Breadth-first walk from `start`; true when it ends within the limit without reaching `goal`.
function runsDry(adjacency: Adjacency, state: WalkState, start: number, goal: number, multipliers: Float64Array): boolean {
  const { firstArc, arcHead, arcBaseCost, arcEdge } = adjacency;
  const { stamp, queue } = state;
  if (start === goal) return false;
  if (state.generation === 0xffffffff) {
    stamp.fill(0);
    state.generation = 0;
  }
  const generation = ++state.generation;
  stamp[start] = generation;
  queue[0] = start;
  let head = 0;
  let tail = 1;
  while (head < tail) {
    const u = queue[head++]!;
    for (let arc = firstArc[u]!, end = firstArc[u + 1]!; arc < end; arc++) {
      // Same passability rule as the searches: NaN (0 * Infinity) and Infinity are blocked.
      if (!(arcBaseCost[arc]! * multipliers[arcEdge[arc]!]! < Infinity)) continue;
      const v = arcHead[arc]!;
      if (v === goal) return false;
      if (stamp[v] === generation) continue;
      if (tail === WALK_LIMIT) return false;
      stamp[v] = generation;
      queue[tail++] = v;
    }
  }
  return true;
}
