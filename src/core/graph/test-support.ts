// Fixtures and checks shared by this folder's tests (no test runner here, so it can be imported).
import type { RoadGraphInput } from './road-graph.ts';
import type { RoadGraph } from './road-graph.ts';
import type { Route } from './search-space.ts';

/**
 * The hand-made graph of the routing tests (seconds in brackets, -> one-way):
 *
 *   0 ---[10]--- 1 ---[10]--- 2        9 ---[2]--- 10   (an island)
 *   |  \<-11<-12<-/           |
 *  [5]   [1 each, one-way 1->12->11->0]
 *   |            [3]         [2] one-way 2 -> 5
 *   3 ---[5]---- 4 ---[5]---- 5 ---[4]--- 6 ---[4]--- 7 --[1]-> 8
 */
export function handGraphInput(): RoadGraphInput {
  const edges: [from: number, to: number, seconds: number, oneway: number][] = [
    [0, 1, 10, 0], [1, 2, 10, 0], [0, 3, 5, 0], [3, 4, 5, 0], [4, 5, 5, 0], [1, 4, 3, 0], [2, 5, 2, 1],
    [5, 6, 4, 0], [6, 7, 4, 0], [7, 8, 1, 1], [9, 10, 2, 0], [11, 0, 1, 1], [12, 11, 1, 1], [1, 12, 1, 1],
  ];
  const positions: [number, number][] = [
    [0, 2], [2, 2], [4, 2], [0, 0], [2, 0], [4, 0], [5, 0], [6, 0], [7, 0], [8, 2], [9, 2], [0.6, 1.6], [1.3, 1.6],
  ];
  // About 1 km between grid points near Port-au-Prince.
  return {
    nodeCount: positions.length,
    lon: Float64Array.from(positions, ([x]) => -72.34 + x * 0.01),
    lat: Float64Array.from(positions, ([, y]) => 18.54 + y * 0.01),
    edgeFrom: Uint32Array.from(edges, (e) => e[0]),
    edgeTo: Uint32Array.from(edges, (e) => e[1]),
    edgeSeconds: Float64Array.from(edges, (e) => e[2]),
    edgeMeters: Float64Array.from(edges, (e) => e[2] * 10),
    edgeOneway: Uint8Array.from(edges, (e) => e[3]),
  };
}

/**
 * Why a route is not a valid drive from source to target under the multipliers, or null when it
 * is: consecutive nodes joined by its edges, one-ways respected, no blocked edge, cost and meters
 * equal to the sums over its edges.
 */
export function routeProblem(graph: RoadGraph, route: Route, source: number, target: number, multipliers: Float64Array): string | null {
  const { nodes, edges } = route;
  if (nodes[0] !== source || nodes[nodes.length - 1] !== target) return `route runs ${nodes[0]} -> ${nodes[nodes.length - 1]}, not ${source} -> ${target}`;
  if (edges.length !== nodes.length - 1) return 'edges and nodes disagree in length';
  let cost = 0;
  let meters = 0;
  for (let i = 0; i < edges.length; i++) {
    const e = edges[i]!;
    const a = nodes[i]!;
    const b = nodes[i + 1]!;
    const forward = graph.edgeFrom[e] === a && graph.edgeTo[e] === b;
    const backward = graph.edgeFrom[e] === b && graph.edgeTo[e] === a;
    if (!forward && !(backward && graph.edgeOneway[e] === 0)) return `edge ${e} cannot be driven from ${a} to ${b}`;
    if (!(multipliers[e]! < Infinity)) return `edge ${e} is blocked`;
    cost += graph.edgeSeconds[e]! * multipliers[e]!;
    meters += graph.edgeMeters[e]!;
  }
  if (Math.abs(cost - route.cost) > 1e-6 * Math.max(1, cost)) return `cost ${route.cost} differs from the edge sum ${cost}`;
  if (Math.abs(meters - route.meters) > 1e-6 * Math.max(1, meters)) return `meters ${route.meters} differ from the edge sum ${meters}`;
  return null;
}
