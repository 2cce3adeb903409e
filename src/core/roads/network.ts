// The routable road network in typed arrays, as the routing engine consumes it,
// and the report that tells a user what an import kept and left out.

import type { RoadGraphInput } from '../graph/road-graph.ts';

/** The routable graph plus what a map, a route description or a debug view needs per edge. */
export interface RoadNetwork extends RoadGraphInput {
  edgeCount: number;
  /** OSM id of each node (negative when the id was made up by an editor or the GeoJSON reader). */
  nodeOsmId: Float64Array;
  /** OSM way id each edge came from (a way is split into several edges at junctions). */
  edgeWayId: Float64Array;
  /** Index into `highwayClasses`. */
  edgeHighway: Uint16Array;
  /** `highway=*` values, indexed by `edgeHighway`. */
  highwayClasses: string[];
  /** Index into `strings` of the road name; 0 is the empty string. */
  edgeName: Uint32Array;
  /** Index into `strings` of the road reference (e.g. `RN 1`); 0 is the empty string. */
  edgeRef: Uint32Array;
  /** Shared string table for names and refs; `strings[0] === ''`. */
  strings: string[];
  /** 1 where the way is tagged as a bridge: the first thing to check when a route fails after a flood. */
  edgeBridge: Uint8Array;
  /**
   * Edge e's geometry is `geometry.subarray(geometryOffsets[e], geometryOffsets[e + 1])`:
   * lon,lat pairs from `edgeFrom[e]` to `edgeTo[e]`, endpoints included.
   */
  geometryOffsets: Uint32Array;
  geometry: Float64Array;
}

/** Units in which a skip is counted. */
export type SkipUnit = 'ways' | 'features' | 'objects' | 'node references' | 'segments';

/** One reason something was left out of the network, with how many. */
export interface SkipEntry {
  /** Stable machine code, e.g. 'non-routable-class', 'dangling-node-ref'. */
  code: string;
  /** Sentence for people, e.g. 'highway=footway: for people on foot or bicycle, not vehicles'. */
  reason: string;
  count: number;
  unit: SkipUnit;
  /** Up to five way ids, to look the problem up in an editor. */
  sampleWayIds: number[];
}

/** What an import produced and what it left out. */
export interface RoadImportReport {
  waysRead: number;
  /** Ways that contributed at least one edge. */
  waysUsed: number;
  nodes: number;
  edges: number;
  onewayEdges: number;
  /** Sum of edge lengths (each road counted once, whatever its directions). */
  totalKm: number;
  /** Weakly connected components: islands of road that cannot reach one another. */
  components: number;
  largestComponentNodes: number;
  /** Most frequent first. */
  skipped: SkipEntry[];
}

/** Geometry of one edge as lon,lat pairs (a view, not a copy). */
export function edgeGeometry(network: RoadNetwork, edge: number): Float64Array {
  const start = network.geometryOffsets[edge] ?? 0;
  const end = network.geometryOffsets[edge + 1] ?? start;
  return network.geometry.subarray(start, end);
}

/** Road name of an edge, '' when unnamed. */
export function edgeNameOf(network: RoadNetwork, edge: number): string {
  return network.strings[network.edgeName[edge] ?? 0] ?? '';
}

/** `highway=*` class of an edge. */
export function edgeHighwayOf(network: RoadNetwork, edge: number): string {
  return network.highwayClasses[network.edgeHighway[edge] ?? 0] ?? '';
}
