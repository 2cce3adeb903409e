// Snapping a position to the road graph. Flatbush measures planar distance, so nodes are indexed
// with longitude scaled by cos(latitude) of the network's middle: over a city, that plane and the
// sphere rank neighbours alike, and the few candidates near the planar nearest are then compared
// by haversine to return the true nearest.

import Flatbush from 'flatbush';
import type { RoadGraph } from './road-graph.ts';
import { haversineMeters } from './geo.ts';

/** A node found by NodeIndex.nearest and its great-circle distance from the query point. */
export interface NearestNode {
  node: number;
  meters: number;
}

// Candidates within this factor of the planar nearest distance are re-ranked by haversine; 5%
// covers the change of cos(latitude) across several degrees.
const RERANK_FACTOR = 1.05;

/** A point index over the nodes that have at least one road (isolated nodes cannot be routed from). */
export class NodeIndex {
  readonly graph: RoadGraph;
  private readonly index: Flatbush | null;
  private readonly ids: Uint32Array;
  private readonly lonScale: number;

  /** Indexes the graph's connected nodes. */
  constructor(graph: RoadGraph) {
    this.graph = graph;
    const connected = new Uint8Array(graph.nodeCount);
    for (let e = 0; e < graph.edgeCount; e++) {
      connected[graph.edgeFrom[e]!] = 1;
      connected[graph.edgeTo[e]!] = 1;
    }
    const ids: number[] = [];
    let minLat = Infinity, maxLat = -Infinity;
    for (let v = 0; v < graph.nodeCount; v++) {
      if (!connected[v]) continue;
      ids.push(v);
      minLat = Math.min(minLat, graph.lat[v]!);
      maxLat = Math.max(maxLat, graph.lat[v]!);
    }
    this.ids = Uint32Array.from(ids);
    this.lonScale = ids.length > 0 ? Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180) : 1;
    this.index = ids.length > 0 ? new Flatbush(ids.length, 16, Float64Array) : null;
    for (const v of ids) this.index!.add(graph.lon[v]! * this.lonScale, graph.lat[v]!);
    this.index?.finish();
  }

  /** Bytes held by the index. */
  get memoryBytes(): number {
    return (this.index?.data.byteLength ?? 0) + this.ids.byteLength;
  }

  /**
   * The road node nearest to a lon/lat point and its distance in meters, or null for a graph
   * without roads. It always answers: the caller decides how far is too far to snap.
   */
  nearest(lon: number, lat: number): NearestNode | null {
    if (!this.index) return null;
    const x = lon * this.lonScale;
    const first = this.index.neighbors(x, lat, 1)[0];
    if (first === undefined) return null;
    const v0 = this.ids[first]!;
    const planar = Math.hypot(this.graph.lon[v0]! * this.lonScale - x, this.graph.lat[v0]! - lat);
    let best: NearestNode = { node: v0, meters: haversineMeters(lon, lat, this.graph.lon[v0]!, this.graph.lat[v0]!) };
    for (const i of this.index.neighbors(x, lat, 32, planar * RERANK_FACTOR + 1e-12)) {
      const v = this.ids[i]!;
      const meters = haversineMeters(lon, lat, this.graph.lon[v]!, this.graph.lat[v]!);
      if (meters < best.meters || (meters === best.meters && v < best.node)) best = { node: v, meters };
    }
    return best;
  }
}
