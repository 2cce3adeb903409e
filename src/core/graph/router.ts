// One object holding everything prepared for a road graph, for callers that want routes rather
// than parts: the junction graph, the landmarks and, built on first use, the spatial indexes.
// The multipliers stay with the caller: one Router serves any number of risk pictures (per
// releasability audience, say) with no copy and no rebuild.

import type { RoadGraph } from './road-graph.ts';
import type { Route } from './search-space.ts';
import { ChainGraph } from './chains.ts';
import { buildLandmarks } from './landmarks.ts';
import type { Landmarks } from './landmarks.ts';
import { chainRoute } from './chain-route.ts';
import { alternativeRoutes } from './alternatives.ts';
import type { AlternativeOptions } from './alternatives.ts';
import { reachableFrom } from './dijkstra.ts';
import { EdgeAreaIndex } from './multipliers.ts';
import { NodeIndex } from './node-index.ts';
import type { NearestNode } from './node-index.ts';

/** Options of Router. */
export interface RouterOptions {
  /** Landmarks to precompute (default 16; 8 halves their memory on very large graphs). */
  landmarks?: number;
  /** Landmarks consulted per query (default 6). */
  activeLandmarks?: number;
}

/** Routing over one road graph: ALT on the junction graph, alternatives, isochrones, snapping. */
export class Router {
  readonly graph: RoadGraph;
  readonly chains: ChainGraph;
  readonly landmarks: Landmarks;
  private readonly activeLandmarks: number;
  private areaIndex: EdgeAreaIndex | null = null;
  private nodeIndex: NodeIndex | null = null;

  /** Contracts the chains and computes the landmarks (two Dijkstras per landmark). */
  constructor(graph: RoadGraph, options: RouterOptions = {}) {
    this.graph = graph;
    this.chains = new ChainGraph(graph);
    this.landmarks = buildLandmarks(graph, { count: options.landmarks ?? 16 });
    this.activeLandmarks = options.activeLandmarks ?? 6;
  }

  /** Cheapest route under the multipliers, or null when the target cannot be reached. */
  route(source: number, target: number, multipliers: Float64Array): Route | null {
    return chainRoute(this.chains, this.landmarks, source, target, multipliers, { activeLandmarks: this.activeLandmarks });
  }

  /** The best route and up to count - 1 meaningfully different ones (see alternativeRoutes). */
  alternatives(source: number, target: number, multipliers: Float64Array, options?: AlternativeOptions): Route[] {
    return alternativeRoutes(this.graph, (s, t, m) => this.route(s, t, m), source, target, multipliers, options);
  }

  /** Travel time from source to every node, Infinity where unreachable or beyond maxSeconds. */
  reachableFrom(source: number, multipliers: Float64Array, maxSeconds?: number): Float64Array {
    return reachableFrom(this.graph, source, multipliers, maxSeconds);
  }

  /** The spatial index of edges, to apply areas to multipliers (built on first use). */
  get areas(): EdgeAreaIndex {
    return (this.areaIndex ??= new EdgeAreaIndex(this.graph));
  }

  /** The road node nearest to a point, with its distance in meters (index built on first use). */
  nearestNode(lon: number, lat: number): NearestNode | null {
    return (this.nodeIndex ??= new NodeIndex(this.graph)).nearest(lon, lat);
  }

  /** Bytes held by the graph and everything prepared for it. */
  get memoryBytes(): number {
    return this.graph.memoryBytes + this.chains.memoryBytes + this.landmarks.memoryBytes +
      (this.areaIndex?.memoryBytes ?? 0) + (this.nodeIndex?.memoryBytes ?? 0);
  }
}
