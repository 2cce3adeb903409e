// Per-graph search state reused across queries. A node's label counts only when its stamp equals
// the current generation, so starting a query is one increment instead of clearing O(n) arrays:
// a short route through a million-node graph costs what it touches, not what the graph holds.

import FlatQueue from 'flatqueue';
import type { RoadGraph } from './road-graph.ts';

/** A route through the graph; cost is in seconds with the multipliers applied. */
export interface Route {
  /** Travel time in seconds (base cost times multiplier, summed). */
  cost: number;
  /** Length in meters. */
  meters: number;
  /** Nodes from source to target, both included. */
  nodes: Uint32Array;
  /** Input edge ids, one per step (nodes.length - 1). */
  edges: Uint32Array;
}

/** Marks "no predecessor" in prevArc / prevNode. */
export const NONE = 0xffffffff;

/** Reusable labels for one graph: tentative costs, heuristic cache, predecessors and a heap. */
export class SearchSpace {
  readonly dist: Float64Array;
  readonly heuristic: Float64Array;
  readonly prevNode: Uint32Array;
  readonly prevArc: Uint32Array;
  readonly stamp: Uint32Array;
  readonly queue = new FlatQueue<number>();
  generation = 0;

  /** Allocates labels for nodeCount nodes (once per graph). */
  constructor(nodeCount: number) {
    this.dist = new Float64Array(nodeCount);
    this.heuristic = new Float64Array(nodeCount);
    this.prevNode = new Uint32Array(nodeCount);
    this.prevArc = new Uint32Array(nodeCount);
    this.stamp = new Uint32Array(nodeCount);
  }

  /** Starts a new query: invalidates every label in O(1) and empties the heap. */
  begin(): void {
    // After 2^32 - 1 queries the stamps would wrap around and old labels would look fresh.
    if (this.generation === 0xffffffff) {
      this.stamp.fill(0);
      this.generation = 0;
    }
    this.generation++;
    this.queue.clear();
  }

  /** Bytes held by the labels (the heap grows with the search and is not counted). */
  get memoryBytes(): number {
    return this.dist.byteLength + this.heuristic.byteLength + this.prevNode.byteLength +
      this.prevArc.byteLength + this.stamp.byteLength;
  }
}

const spaces = new WeakMap<RoadGraph, SearchSpace>();

/** The search space cached for a graph; queries are synchronous, so one per graph suffices. */
export function searchSpaceFor(graph: RoadGraph): SearchSpace {
  let space = spaces.get(graph);
  if (!space) {
    space = new SearchSpace(graph.nodeCount);
    spaces.set(graph, space);
  }
  return space;
}

/** Walks the predecessors back from target and packages the route found by the last search. */
export function buildRoute(graph: RoadGraph, space: SearchSpace, target: number): Route {
  const { prevNode, prevArc } = space;
  let steps = 0;
  for (let v = target; prevNode[v] !== NONE; v = prevNode[v]!) steps++;
  const nodes = new Uint32Array(steps + 1);
  const edges = new Uint32Array(steps);
  let meters = 0;
  let v = target;
  for (let i = steps; i > 0; i--) {
    nodes[i] = v;
    const edge = graph.arcEdge[prevArc[v]!]!;
    edges[i - 1] = edge;
    meters += graph.edgeMeters[edge]!;
    v = prevNode[v]!;
  }
  nodes[0] = v;
  return { cost: space.dist[target]!, meters, nodes, edges };
}

/** @throws Error when a node id is not in the graph. */
export function assertNode(graph: RoadGraph, node: number, role: string): void {
  if (!(Number.isInteger(node) && node >= 0 && node < graph.nodeCount)) {
    throw new Error(`${role} ${node} is not a node of the graph (0..${graph.nodeCount - 1}).`);
  }
}
