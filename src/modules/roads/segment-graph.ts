// The routing graph of an imported network. The network's edges run junction to junction along
// curving roads; the routing graph splits each into its straight segments (every geometry vertex
// becomes a node), so that the engine's spatial tests — an area touching a road, a roadblock
// within 50 m of it — run on the road as drawn and not on the chord between two junctions. The
// engine folds those degree-2 vertices back into chains, so queries pay little for them.

import { RoadGraph } from '../../core/graph/index.ts';
import { haversineMeters } from '../../core/geo/index.ts';
import type { RoadNetwork } from '../../core/roads/index.ts';

/** The routing graph and its links to the network's edges. */
export interface SegmentGraph {
  graph: RoadGraph;
  /** The network edge each graph edge (segment) is part of. */
  segmentEdge: Uint32Array;
  /** Network edge e is the segments firstSegment[e] .. firstSegment[e + 1] - 1, in drawing order. */
  firstSegment: Uint32Array;
}

/** Splits every network edge into its segments; network node v stays node v. */
export function buildSegmentGraph(network: RoadNetwork): SegmentGraph {
  const { edgeCount, nodeCount, geometryOffsets, geometry } = network;
  const segmentCount = (geometry.length / 2) - edgeCount;
  const interiorCount = segmentCount - edgeCount;
  const lon = new Float64Array(nodeCount + interiorCount);
  const lat = new Float64Array(nodeCount + interiorCount);
  lon.set(network.lon);
  lat.set(network.lat);
  const edgeFrom = new Uint32Array(segmentCount);
  const edgeTo = new Uint32Array(segmentCount);
  const edgeSeconds = new Float64Array(segmentCount);
  const edgeMeters = new Float64Array(segmentCount);
  const edgeOneway = new Uint8Array(segmentCount);
  const segmentEdge = new Uint32Array(segmentCount);
  const firstSegment = new Uint32Array(edgeCount + 1);
  let nextNode = nodeCount;
  let s = 0;
  for (let e = 0; e < edgeCount; e++) {
    firstSegment[e] = s;
    const start = geometryOffsets[e]! / 2;
    const points = geometryOffsets[e + 1]! / 2 - start;
    const first = s;
    let total = 0;
    let previous = network.edgeFrom[e]!;
    for (let k = 1; k < points; k++) {
      const x = geometry[2 * (start + k)]!;
      const y = geometry[2 * (start + k) + 1]!;
      const node = k === points - 1 ? network.edgeTo[e]! : nextNode++;
      if (node >= nodeCount) {
        lon[node] = x;
        lat[node] = y;
      }
      const meters = haversineMeters(lon[previous]!, lat[previous]!, x, y);
      edgeFrom[s] = previous;
      edgeTo[s] = node;
      edgeMeters[s] = meters;
      edgeOneway[s] = network.edgeOneway[e]!;
      segmentEdge[s] = e;
      total += meters;
      previous = node;
      s++;
    }
    // The edge's travel time shared out by length, so the segments add up to the edge.
    const seconds = network.edgeSeconds[e]!;
    for (let i = first; i < s; i++) edgeSeconds[i] = total > 0 ? (seconds * edgeMeters[i]!) / total : seconds / (s - first);
  }
  firstSegment[edgeCount] = s;
  const graph = new RoadGraph({ nodeCount: nextNode, lon, lat, edgeFrom, edgeTo, edgeSeconds, edgeMeters, edgeOneway });
  return { graph, segmentEdge, firstSegment };
}

/** The network edges a route's segments run along, each once, in travel order. */
export function networkEdgesOf(segments: SegmentGraph, route: Uint32Array): number[] {
  const edges: number[] = [];
  for (const segment of route) {
    const edge = segments.segmentEdge[segment]!;
    if (edges[edges.length - 1] !== edge) edges.push(edge);
  }
  return edges;
}
