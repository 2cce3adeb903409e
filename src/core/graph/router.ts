// One object holding everything prepared for a road graph, for callers that want routes rather
// than parts: the junction graph, the landmarks, the contraction hierarchy and, built on first
// use, the spatial indexes. The multipliers stay with the caller: one Router serves any number of
// risk pictures (per releasability audience, say). A picture that will be queried more than a
// few times is prepared once (`prepare`: the hierarchy customized with it, about a millisecond on
// a metro network) and then answers each query with two walks up the hierarchy; raw multipliers
// (alternatives' penalised copies, say) are searched by ALT on the junction graph with nothing
// prepared.

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
import { assertMultipliers } from './multipliers.ts';
import { buildHierarchy } from './cch.ts';
import type { CchTopology } from './cch.ts';
import { customize, recustomize } from './cch-metric.ts';
import type { CchMetric } from './cch-metric.ts';
import { cchRoute } from './cch-route.ts';
import { QuerySpace, deriveQueryMetric, queryMetricOf } from './cch-layout.ts';
import type { QueryMetric } from './cch-layout.ts';
import { altRoute } from './alt.ts';
import { NONE, assertNode } from './search-space.ts';
import { Weighting, chainCosts } from './weighting.ts';

/** Options of Router. */
export interface RouterOptions {
  /** Landmarks to precompute (default 16; 8 halves their memory on very large graphs). */
  landmarks?: number;
  /** Landmarks consulted per query (default 6). */
  activeLandmarks?: number;
  /** Largest junction graph ordered for a contraction hierarchy (default 2,000,000 junctions). */
  hierarchyLimit?: number;
  /**
   * Most triangles the hierarchy may close (default 10,000,000), known from the contraction before
   * any is listed. Customization costs about 15 ns a triangle and a new area re-customizes a share of
   * them that grows with the hierarchy, so the budget keeps a new area's preparation within about
   * 50 ms; above it (a road network of a million nodes closes about 77 million) or above
   * hierarchyLimit, prepared pictures are searched by ALT on the junction graph, which prepares a
   * picture by copying its multipliers.
   */
  hierarchyTriangles?: number;
}

/** Multipliers as given (searched as they are) or prepared by Router.prepare. */
export type Weights = Float64Array | Weighting;

/** Routing over one road graph: ALT on the junction graph, alternatives, isochrones, snapping. */
export class Router {
  readonly graph: RoadGraph;
  readonly chains: ChainGraph;
  readonly landmarks: Landmarks;
  /** The contraction hierarchy of the junction graph; null above hierarchyLimit junctions or hierarchyTriangles. */
  readonly hierarchy: CchTopology | null;
  private readonly activeLandmarks: number;
  /** Where degree-2 contraction saves little (grids), ALT on the full graph is quicker. */
  private readonly altOnJunctions: boolean;
  /** Labels of the hierarchy's queries, reused by each (queries are synchronous). */
  private readonly querySpace: QuerySpace | null;
  /** The last metric queried and its query layout: a picture is usually asked many times in a row. */
  private lastMetric: CchMetric | null = null;
  private lastLayout: QueryMetric | null = null;
  private areaIndex: EdgeAreaIndex | null = null;
  private nodeIndex: NodeIndex | null = null;

  /**
   * Contracts the chains, computes the landmarks (two Dijkstras per landmark) and orders and
   * contracts the junction graph into a hierarchy.
   */
  constructor(graph: RoadGraph, options: RouterOptions = {}) {
    this.graph = graph;
    this.chains = new ChainGraph(graph);
    this.landmarks = buildLandmarks(graph, { count: options.landmarks ?? 16 });
    this.activeLandmarks = options.activeLandmarks ?? 6;
    this.altOnJunctions = this.chains.junctionCount < 0.6 * graph.nodeCount;
    this.hierarchy = this.chains.junctionCount <= (options.hierarchyLimit ?? 2_000_000)
      ? buildHierarchy(this.chains, options.hierarchyTriangles ?? 10_000_000)
      : null;
    this.querySpace = this.hierarchy ? new QuerySpace(this.hierarchy) : null;
  }

  /**
   * Prepares multipliers for many queries: copies them and customizes the hierarchy with them.
   * Prepare again after changing them; the weighting keeps answering for the old values. Given a
   * `base` prepared by this router (the picture before a new area, say), only the chains whose
   * multipliers differ from it are re-costed and only the arcs they reach re-customized.
   */
  prepare(multipliers: Float64Array, base?: Weighting): Weighting {
    assertMultipliers(this.graph, multipliers);
    const copy = multipliers.slice();
    const { hierarchy } = this;
    if (!hierarchy) return new Weighting(this, copy, new Float64Array(0), null);
    if (!base || base.owner !== this || !base.metric) {
      const costs = chainCosts(this.chains, copy);
      return this.readyForQueries(new Weighting(this, copy, costs, customize(hierarchy, costs)));
    }
    const changed = changedChains(hierarchy, base.multipliers, copy);
    // A picture far from the base reaches most arcs anyway: a fresh pass is then the quicker.
    if (changed.length > this.chains.chainCount / 10) return this.prepare(copy);
    const costs = base.chainCosts.slice();
    for (const c of changed) costs[c] = this.chains.chainCost(c, 0, this.chains.chainFirst[c + 1]! - this.chains.chainFirst[c]!, copy);
    const recomputed: number[] = [];
    const metric = recustomize(hierarchy, base.metric, costs, changed, recomputed);
    deriveQueryMetric(hierarchy, base.metric, metric, copy, recomputed, changed);
    return new Weighting(this, copy, costs, metric);
  }

  // Lays the customized hierarchy out for queries now, so that the first query does not pay for it.
  private readyForQueries(weighting: Weighting): Weighting {
    if (weighting.metric) queryMetricOf(this.hierarchy!, weighting.metric, weighting.multipliers);
    return weighting;
  }

  /** Cheapest route under the weights, or null when the target cannot be reached. */
  route(source: number, target: number, weights: Weights): Route | null {
    if (!(weights instanceof Weighting)) return this.search(source, target, weights);
    if (weights.owner !== this) throw new Error('this weighting was prepared by another router: use router.prepare(multipliers).');
    if (!weights.metric) return this.search(source, target, weights.multipliers);
    assertNode(this.graph, source, 'source');
    assertNode(this.graph, target, 'target');
    if (weights.metric !== this.lastMetric) {
      this.lastLayout = queryMetricOf(this.hierarchy!, weights.metric, weights.multipliers);
      this.lastMetric = weights.metric;
    }
    return cchRoute(this.hierarchy!, this.lastLayout!, this.querySpace!, weights.multipliers, source, target);
  }

  /**
   * The best route and up to count - 1 meaningfully different ones (see alternativeRoutes); the
   * best through the prepared weighting when given one, the penalised searches by ALT.
   */
  alternatives(source: number, target: number, weights: Weights, options?: AlternativeOptions): Route[] {
    const multipliers = weights instanceof Weighting ? weights.multipliers : weights;
    return alternativeRoutes(this.graph, (s, t, m) => this.route(s, t, m === multipliers ? weights : m), source, target, multipliers, options);
  }

  // ALT on raw multipliers: on the junction graph where chains fold most nodes away, else on the full graph.
  private search(source: number, target: number, multipliers: Float64Array): Route | null {
    const options = { activeLandmarks: this.activeLandmarks };
    return this.altOnJunctions
      ? chainRoute(this.chains, this.landmarks, source, target, multipliers, options)
      : altRoute(this.graph, this.landmarks, source, target, multipliers, options);
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
    return this.graph.memoryBytes + this.chains.memoryBytes + this.landmarks.memoryBytes + (this.hierarchy?.memoryBytes ?? 0) +
      (this.areaIndex?.memoryBytes ?? 0) + (this.nodeIndex?.memoryBytes ?? 0);
  }
}

// Chains holding an edge whose multiplier differs between two arrays, each once.
function changedChains(hierarchy: CchTopology, before: Float64Array, after: Float64Array): number[] {
  const changed: number[] = [];
  let seen: Uint8Array | null = null;
  for (let e = 0; e < after.length; e++) {
    if (before[e] === after[e]) continue;
    const c = hierarchy.edgeChain[e]!;
    if (c === NONE) continue;
    seen ??= new Uint8Array(hierarchy.chains.chainCount);
    if (seen[c]) continue;
    seen[c] = 1;
    changed.push(c);
  }
  return changed;
}
