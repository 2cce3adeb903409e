// Adapters for the peer routers, so they answer the same questions under the same multipliers:
// ngraph.path (A* and NBA*, on an ngraph.graph with one link per directed node pair) and
// geojson-path-finder (which bakes weights into its preprocessed graph, so it is rebuilt for a
// new risk picture). Each returns the node path it found, or null.
import createGraph from 'ngraph.graph';
import type { Graph } from 'ngraph.graph';
import * as ngraphPath from 'ngraph.path';
import type { RoadGraph } from '../../src/core/graph/index.ts';
import { haversineMeters } from '../../src/core/graph/index.ts';
import type { LoadedRoads } from './pap-network.ts';
import { coordinateKey } from './pap-network.ts';

/** A peer answering node-to-node queries; null when it finds no route. */
export type PeerSearch = (source: number, target: number) => number[] | null;

/** The cheapest cost of driving a node path: min over parallel arcs, Infinity if not drivable. */
export function nodePathCost(graph: RoadGraph, nodes: number[], multipliers: Float64Array): number {
  let cost = 0;
  for (let i = 1; i < nodes.length; i++) {
    const u = nodes[i - 1]!;
    const v = nodes[i]!;
    let best = Infinity;
    for (let a = graph.firstArc[u]!; a < graph.firstArc[u + 1]!; a++) {
      if (graph.arcHead[a] !== v) continue;
      const w = graph.arcBaseCost[a]! * multipliers[graph.arcEdge[a]!]!;
      if (w < best) best = w;
    }
    cost += best;
  }
  return cost;
}

/** ngraph.path's aStar and nba over the same arcs, with an admissible haversine / top-speed heuristic. */
export function ngraphPeers(graph: RoadGraph, multipliers: Float64Array): { aStar: PeerSearch; nba: PeerSearch } {
  // Parallel arcs between one ordered pair share a link holding all their arc ids.
  const g: Graph<null, number[]> = createGraph();
  for (let v = 0; v < graph.nodeCount; v++) g.addNode(v, null);
  for (let u = 0; u < graph.nodeCount; u++) {
    for (let a = graph.firstArc[u]!; a < graph.firstArc[u + 1]!; a++) {
      const link = g.getLink(u, graph.arcHead[a]!);
      if (link) link.data.push(a);
      else g.addLink(u, graph.arcHead[a]!, [a]);
    }
  }
  let topSpeed = 0;
  for (let e = 0; e < graph.edgeCount; e++) if (graph.edgeSeconds[e]! > 0) topSpeed = Math.max(topSpeed, graph.edgeMeters[e]! / graph.edgeSeconds[e]!);
  const linkCost = (arcs: number[]): number => {
    let best = Infinity;
    for (const a of arcs) best = Math.min(best, graph.arcBaseCost[a]! * multipliers[graph.arcEdge[a]!]!);
    return best;
  };
  const options = {
    oriented: true,
    distance: (_from: unknown, _to: unknown, link: { data: number[] }) => linkCost(link.data),
    blocked: (_from: unknown, _to: unknown, link: { data: number[] }) => !(linkCost(link.data) < Infinity),
    heuristic: (from: { id: string | number }, to: { id: string | number }) => {
      const a = Number(from.id);
      const b = Number(to.id);
      return haversineMeters(graph.lon[a]!, graph.lat[a]!, graph.lon[b]!, graph.lat[b]!) / topSpeed;
    },
  };
  const wrap = (finder: { find: (from: number, to: number) => { id: string | number }[] }): PeerSearch => (s, t) => {
    // ngraph.path returns the path from target back to source. With no route, nba returns []
    // and aStar [target]: anything that does not start at the source is "no route".
    const nodes = finder.find(s, t).map((node) => Number(node.id)).reverse();
    return nodes[0] === s && nodes[nodes.length - 1] === t ? nodes : null;
  };
  return {
    aStar: wrap(ngraphPath.aStar(g as never, options as never) as never),
    nba: wrap(ngraphPath.nba(g as never, options as never) as never),
  };
}

interface GeojsonPathFinder {
  findPath(a: unknown, b: unknown): { path: number[][]; weight: number } | undefined;
}

type PathFinderClass = new (network: unknown, options: unknown) => GeojsonPathFinder;

/** Loads geojson-path-finder's class. */
export async function loadPathFinder(): Promise<PathFinderClass> {
  const module = (await import('geojson-path-finder')) as unknown as { default: unknown };
  // Node loads the package's CommonJS build, whose class arrives as default.default.
  return ((module.default as { default?: unknown }).default ?? module.default) as PathFinderClass;
}

/** geojson-path-finder built over the drivable features with our seconds and multipliers as weights. */
export function geojsonPathFinderPeer(PathFinder: PathFinderClass, roads: LoadedRoads, graph: RoadGraph, multipliers: Float64Array): PeerSearch {
  const edgeOf = new Map<string, number>();
  for (let e = 0; e < graph.edgeCount; e++) {
    const key = `${graph.edgeFrom[e]},${graph.edgeTo[e]}`;
    const known = edgeOf.get(key);
    if (known === undefined || graph.edgeSeconds[known]! * multipliers[known]! > graph.edgeSeconds[e]! * multipliers[e]!) edgeOf.set(key, e);
  }
  const weight = (a: number[], b: number[]): number | { forward: number; backward: number } | undefined => {
    const u = roads.nodeByCoordinate.get(coordinateKey(a));
    const v = roads.nodeByCoordinate.get(coordinateKey(b));
    const e = edgeOf.get(`${u},${v}`) ?? edgeOf.get(`${v},${u}`);
    if (e === undefined) return undefined;
    const cost = graph.edgeSeconds[e]! * multipliers[e]!;
    // 0 (or undefined) is impassable for geojson-path-finder.
    if (!(cost < Infinity)) return undefined;
    if (!graph.edgeOneway[e]) return cost;
    return graph.edgeFrom[e] === u ? { forward: cost, backward: 0 } : { forward: 0, backward: cost };
  };
  const finder = new PathFinder({ type: 'FeatureCollection', features: roads.features }, { weight, tolerance: 1e-9 });
  const point = (v: number): unknown => ({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [graph.lon[v], graph.lat[v]] } });
  return (s, t) => {
    const found = finder.findPath(point(s), point(t));
    if (!found) return null;
    return found.path.map((c) => roads.nodeByCoordinate.get(coordinateKey(c)) ?? -1);
  };
}
