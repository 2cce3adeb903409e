// A seeded, road-like synthetic network for scaling tests: a jittered grid with missing blocks,
// a few diagonals and one-ways, and faster arterials every tenth row and column, so that the
// landmark bounds face a speed hierarchy as on real roads. Same seed, same graph, on any machine.

import type { RoadGraphInput } from './road-graph.ts';
import { haversineMeters } from './geo.ts';

/** Options of syntheticRoadGraph. */
export interface SyntheticOptions {
  /** Exactly this many nodes. */
  nodeCount: number;
  /** PRNG seed (default 1). */
  seed?: number;
  /** Grid spacing in meters (default 120). */
  spacingMeters?: number;
  /** South-west corner (default Port-au-Prince: -72.45, 18.45). */
  originLon?: number;
  originLat?: number;
}

/** mulberry32: a tiny, fast 32-bit PRNG returning floats in [0, 1); deterministic per seed. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ARTERIAL_KMH = 60;
const STREET_KMH = 30;
const DIAGONAL_KMH = 20;

/**
 * A perturbed grid of exactly nodeCount nodes: about 8% of street links missing, 4% of cells with
 * a diagonal, 5% of links one-way (arterials never missing, so the graph stays mostly connected).
 */
export function syntheticRoadGraph(options: SyntheticOptions): RoadGraphInput {
  const { nodeCount, seed = 1, spacingMeters = 120, originLon = -72.45, originLat = 18.45 } = options;
  if (!(Number.isInteger(nodeCount) && nodeCount >= 1)) throw new Error(`nodeCount must be a positive integer, got ${nodeCount}.`);
  const random = mulberry32(seed);
  const width = Math.ceil(Math.sqrt(nodeCount));
  const lon = new Float64Array(nodeCount);
  const lat = new Float64Array(nodeCount);
  const degLat = spacingMeters / 111_195;
  const degLon = degLat / Math.cos((originLat * Math.PI) / 180);
  for (let v = 0; v < nodeCount; v++) {
    // Jitter of up to ±30% of the spacing keeps streets bent but never crossing each other.
    lon[v] = originLon + ((v % width) + (random() - 0.5) * 0.6) * degLon;
    lat[v] = originLat + (Math.floor(v / width) + (random() - 0.5) * 0.6) * degLat;
  }
  const edges = new EdgeBuffer(nodeCount * 2.2);
  for (let v = 0; v < nodeCount; v++) {
    const column = v % width;
    const row = Math.floor(v / width);
    const right = v + 1;
    const up = v + width;
    if (column + 1 < width && right < nodeCount) addLink(edges, lon, lat, v, right, row % 10 === 0, random);
    if (up < nodeCount) addLink(edges, lon, lat, v, up, column % 10 === 0, random);
    if (column + 1 < width && up + 1 < nodeCount && random() < 0.04) {
      // Either diagonal of the cell, as a slow shortcut.
      if (random() < 0.5) edges.push(lon, lat, v, up + 1, DIAGONAL_KMH, 0);
      else edges.push(lon, lat, right, up, DIAGONAL_KMH, 0);
    }
  }
  return { nodeCount, lon, lat, ...edges.finish() };
}

function addLink(
  edges: EdgeBuffer, lon: Float64Array, lat: Float64Array, a: number, b: number,
  arterial: boolean, random: () => number,
): void {
  if (!arterial && random() < 0.08) return;
  const oneway = random() < 0.05 ? 1 : 0;
  const forward = random() < 0.5;
  edges.push(lon, lat, forward ? a : b, forward ? b : a, arterial ? ARTERIAL_KMH : STREET_KMH, oneway);
}

// Growable typed-array columns for the edges: a million-node graph has two million of them.
class EdgeBuffer {
  private length = 0;
  private from: Uint32Array;
  private to: Uint32Array;
  private seconds: Float64Array;
  private meters: Float64Array;
  private oneway: Uint8Array;

  constructor(capacity: number) {
    const size = Math.max(16, Math.ceil(capacity));
    this.from = new Uint32Array(size);
    this.to = new Uint32Array(size);
    this.seconds = new Float64Array(size);
    this.meters = new Float64Array(size);
    this.oneway = new Uint8Array(size);
  }

  push(lon: Float64Array, lat: Float64Array, a: number, b: number, kmh: number, oneway: number): void {
    if (this.length === this.from.length) this.grow();
    const meters = haversineMeters(lon[a]!, lat[a]!, lon[b]!, lat[b]!);
    const i = this.length++;
    this.from[i] = a;
    this.to[i] = b;
    this.meters[i] = meters;
    this.seconds[i] = meters / (kmh / 3.6);
    this.oneway[i] = oneway;
  }

  finish(): Pick<RoadGraphInput, 'edgeFrom' | 'edgeTo' | 'edgeSeconds' | 'edgeMeters' | 'edgeOneway'> {
    const n = this.length;
    return {
      edgeFrom: this.from.slice(0, n), edgeTo: this.to.slice(0, n), edgeSeconds: this.seconds.slice(0, n),
      edgeMeters: this.meters.slice(0, n), edgeOneway: this.oneway.slice(0, n),
    };
  }

  private grow(): void {
    const size = this.from.length * 2;
    const grown = <T extends Uint32Array | Float64Array | Uint8Array>(array: T, next: T): T => { next.set(array); return next; };
    this.from = grown(this.from, new Uint32Array(size));
    this.to = grown(this.to, new Uint32Array(size));
    this.seconds = grown(this.seconds, new Float64Array(size));
    this.meters = grown(this.meters, new Float64Array(size));
    this.oneway = grown(this.oneway, new Uint8Array(size));
  }
}
