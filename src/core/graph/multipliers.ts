// Live cost multipliers, one per input edge: 1 = open, > 1 = risky, Infinity = blocked. A query
// pays arcBaseCost * multiplier, so changing a multiplier in place re-weights both directions of a
// road at once, with nothing rebuilt. Multipliers never go below 1: that is what keeps the landmark
// bounds, computed on base costs, admissible.

import Flatbush from 'flatbush';
import type { RoadGraph } from './road-graph.ts';
import { segmentIntersectsBox, segmentIntersectsRing } from './geo.ts';

/** A fresh multiplier array for the graph, every edge open (1). */
export function createMultipliers(graph: RoadGraph): Float64Array {
  return new Float64Array(graph.edgeCount).fill(1);
}

/**
 * Sets one edge's multiplier.
 * @throws Error when the value is below 1 or NaN, or the edge does not exist.
 */
export function setMultiplier(multipliers: Float64Array, edge: number, value: number): void {
  assertFactor(value);
  if (!(edge >= 0 && edge < multipliers.length)) throw new Error(`edge ${edge} is outside 0..${multipliers.length - 1}.`);
  multipliers[edge] = value;
}

/** @throws Error when the array does not hold one multiplier per input edge of the graph. */
export function assertMultipliers(graph: RoadGraph, multipliers: Float64Array): void {
  if (multipliers.length !== graph.edgeCount) {
    throw new Error(`multipliers must hold one value per edge (${graph.edgeCount}), got ${multipliers.length}: use createMultipliers(graph).`);
  }
}

function assertFactor(value: number): void {
  if (!(value >= 1)) throw new Error(`cost multiplier ${value} is below 1: use 1 for open, > 1 for risky, Infinity for blocked.`);
}

// Float32 boxes halve the index; its rounding (under a meter at these coordinates) is covered by
// padding each query, and the exact segment test that follows runs on the Float64 coordinates.
const PAD_DEGREES = 2e-5;

/**
 * A spatial index over the bounding boxes of a graph's input edges, built once, to apply an area
 * (a box or a polygon) to the multipliers in time proportional to the edges it touches.
 */
export class EdgeAreaIndex {
  readonly graph: RoadGraph;
  private readonly index: Flatbush;

  /** Indexes every input edge of the graph by its bounding box. */
  constructor(graph: RoadGraph) {
    this.graph = graph;
    const { lon, lat, edgeFrom, edgeTo, edgeCount } = graph;
    this.index = new Flatbush(Math.max(1, edgeCount), 16, Float32Array);
    for (let e = 0; e < edgeCount; e++) {
      const a = edgeFrom[e]!;
      const b = edgeTo[e]!;
      this.index.add(Math.min(lon[a]!, lon[b]!), Math.min(lat[a]!, lat[b]!), Math.max(lon[a]!, lon[b]!), Math.max(lat[a]!, lat[b]!));
    }
    // Flatbush refuses an empty index; a placeholder far from any coordinate keeps it valid.
    if (edgeCount === 0) this.index.add(1e6, 1e6, 1e6, 1e6);
    this.index.finish();
  }

  /** Bytes held by the index. */
  get memoryBytes(): number {
    return this.index.data.byteLength;
  }

  /** Ids of the input edges whose segment touches the box (degrees). */
  edgesInBox(minLon: number, minLat: number, maxLon: number, maxLat: number): number[] {
    const { lon, lat, edgeFrom, edgeTo, edgeCount } = this.graph;
    return this.index.search(minLon - PAD_DEGREES, minLat - PAD_DEGREES, maxLon + PAD_DEGREES, maxLat + PAD_DEGREES, (e) => {
      if (e >= edgeCount) return false;
      const a = edgeFrom[e]!;
      const b = edgeTo[e]!;
      return segmentIntersectsBox(lon[a]!, lat[a]!, lon[b]!, lat[b]!, minLon, minLat, maxLon, maxLat);
    });
  }

  /** Ids of the input edges whose segment touches the polygon, a flat ring [lon0, lat0, lon1, lat1, …]. */
  edgesInPolygon(ring: ArrayLike<number>): number[] {
    if (ring.length < 6 || ring.length % 2 !== 0) throw new Error('a polygon ring needs at least 3 points as [lon0, lat0, lon1, lat1, …].');
    let minLon = Infinity, minLat = Infinity, maxLon = -Infinity, maxLat = -Infinity;
    for (let i = 0; i < ring.length; i += 2) {
      minLon = Math.min(minLon, ring[i]!); maxLon = Math.max(maxLon, ring[i]!);
      minLat = Math.min(minLat, ring[i + 1]!); maxLat = Math.max(maxLat, ring[i + 1]!);
    }
    const { lon, lat, edgeFrom, edgeTo, edgeCount } = this.graph;
    return this.index.search(minLon - PAD_DEGREES, minLat - PAD_DEGREES, maxLon + PAD_DEGREES, maxLat + PAD_DEGREES, (e) => {
      if (e >= edgeCount) return false;
      const a = edgeFrom[e]!;
      const b = edgeTo[e]!;
      return segmentIntersectsRing(lon[a]!, lat[a]!, lon[b]!, lat[b]!, ring);
    });
  }

  /**
   * Raises the multiplier of every edge touching the box to at least `factor` and returns their
   * ids. Taking the maximum makes overlapping areas independent of the order they are applied in;
   * to lift an area, reset the array (fill(1)) and apply the areas still in force.
   * @throws Error when factor is below 1.
   */
  applyBox(multipliers: Float64Array, minLon: number, minLat: number, maxLon: number, maxLat: number, factor: number): number[] {
    assertFactor(factor);
    assertMultipliers(this.graph, multipliers);
    return raise(multipliers, this.edgesInBox(minLon, minLat, maxLon, maxLat), factor);
  }

  /** Like applyBox, for a polygon given as a flat ring [lon0, lat0, lon1, lat1, …]. */
  applyPolygon(multipliers: Float64Array, ring: ArrayLike<number>, factor: number): number[] {
    assertFactor(factor);
    assertMultipliers(this.graph, multipliers);
    return raise(multipliers, this.edgesInPolygon(ring), factor);
  }
}

function raise(multipliers: Float64Array, edges: number[], factor: number): number[] {
  for (const e of edges) if (multipliers[e]! < factor) multipliers[e] = factor;
  return edges;
}
