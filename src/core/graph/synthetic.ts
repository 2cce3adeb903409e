// A seeded, road-like synthetic network for scaling tests, shaped after the Port-au-Prince metro
// network (pap-metro-2010), where most nodes only bend a road between two junctions. Junctions sit
// on a jittered lattice with missing links, a few diagonals, one-ways and faster arterials every
// tenth row and column; dead-end side roads branch off the middle of some links; and every road
// between two junctions is drawn through shape points (degree-2 nodes). As on the metro network,
// about 14 % of the nodes are junctions (a quarter of them dead ends, half of them T-junctions),
// a road has about 4.5 shape points (most none, a few hundreds) and an edge is about 50 m long.
// Same seed, same graph, on any machine.

import type { RoadGraphInput } from './road-graph.ts';
import { haversineMeters } from './geo.ts';
import { mulberry32 } from '../random.ts';

// The graph module's callers (tests, benches) take the seeded generator from here with the graphs.
export { mulberry32 };

/** Options of syntheticRoadGraph. */
export interface SyntheticOptions {
  /** Exactly this many nodes (at least 4). */
  nodeCount: number;
  /** PRNG seed (default 1). */
  seed?: number;
  /** Spacing of the junction lattice in meters (default 320: roads of about 280 m between junctions, the metro network's 253 m). */
  spacingMeters?: number;
  /** South-west corner (default Port-au-Prince: -72.45, 18.45). */
  originLon?: number;
  originLat?: number;
}

const ARTERIAL_KMH = 60;
const STREET_KMH = 30;
const DIAGONAL_KMH = 20;
/** Junctions among the metro network's nodes: 3,400 of 24,588. */
const JUNCTION_SHARE = 0.1383;
/**
 * Junctions per lattice vertex with the shares below (a vertex left with two links only bends a
 * road; a side road adds a T-junction and a dead end), measured on generated graphs: it sizes the
 * lattice so that the junction share comes out as the metro network's.
 */
const JUNCTIONS_PER_VERTEX = 1.397;
const MISSING = 0.25;
const DIAGONALS = 0.04;
const ONEWAYS = 0.05;
const SIDE_ROADS = 0.18;

/**
 * A road-like network of exactly nodeCount nodes: junctions on a lattice (a quarter of the street
 * links missing, arterials never), 4 % of cells with a diagonal, 5 % of the links between two
 * crossings one-way, 18 % of links with a dead-end side road, and the remaining nodes spread over
 * the roads as shape points.
 */
export function syntheticRoadGraph(options: SyntheticOptions): RoadGraphInput {
  const { nodeCount, seed = 1, spacingMeters = 320, originLon = -72.45, originLat = 18.45 } = options;
  if (!(Number.isInteger(nodeCount) && nodeCount >= 4)) throw new Error(`nodeCount must be an integer of at least 4, got ${nodeCount}.`);
  const random = mulberry32(seed);
  const vertices = Math.max(4, Math.round((nodeCount * JUNCTION_SHARE) / JUNCTIONS_PER_VERTEX));
  const width = Math.max(2, Math.round(Math.sqrt(vertices)));
  const height = Math.max(2, Math.floor(vertices / width));
  const sketch = sketchRoads(width, height, nodeCount, random);
  const shapePoints = nodeCount - sketch.x.length;
  const counts = shapePointCounts(sketch, shapePoints, random);
  const degLat = spacingMeters / 111_195;
  return drawRoads(sketch, counts, nodeCount, random, {
    originLon, originLat, degLat, degLon: degLat / Math.cos((originLat * Math.PI) / 180),
  });
}

// The roads before their shape points: points (lattice vertices first, then the side roads' ends)
// in lattice units, and links between them, each numbered after the lattice vertex that owns it so
// that node ids follow the lattice row by row, as an extract's ids follow its ways.
interface Sketch {
  vertexCount: number;
  x: number[];
  y: number[];
  pointOwner: number[];
  linkA: number[];
  linkB: number[];
  linkKmh: number[];
  linkOneway: number[];
  linkOwner: number[];
}

function sketchRoads(width: number, height: number, nodeCount: number, random: () => number): Sketch {
  const sketch: Sketch = { vertexCount: width * height, x: [], y: [], pointOwner: [], linkA: [], linkB: [], linkKmh: [], linkOneway: [], linkOwner: [] };
  for (let v = 0; v < width * height; v++) {
    // Jitter of up to ±30 % of the spacing keeps roads bent but never crossing each other.
    sketch.x.push((v % width) + (random() - 0.5) * 0.6);
    sketch.y.push(Math.floor(v / width) + (random() - 0.5) * 0.6);
    sketch.pointOwner.push(v);
  }
  const { right, up, degree } = keptLinks(width, height, random);
  const draft: Draft = { sketch, degree, nodeCount, random };
  for (let v = 0; v < width * height; v++) {
    const column = v % width;
    const row = Math.floor(v / width);
    if (right[v]) addRoad(draft, v, v + 1, row % 10 === 0 ? ARTERIAL_KMH : STREET_KMH, v);
    if (up[v]) addRoad(draft, v, v + width, column % 10 === 0 ? ARTERIAL_KMH : STREET_KMH, v);
    if (column + 1 < width && row + 1 < height && random() < DIAGONALS) {
      // Either diagonal of the cell, as a slow shortcut.
      if (random() < 0.5) addRoad(draft, v, v + width + 1, DIAGONAL_KMH, v);
      else addRoad(draft, v + 1, v + width, DIAGONAL_KMH, v);
    }
  }
  return sketch;
}

// Which lattice links exist, and each vertex's links: arterials always, streets but a quarter; a
// vertex left with no link at all gets one back, since a road network has no isolated nodes.
function keptLinks(width: number, height: number, random: () => number): { right: Uint8Array; up: Uint8Array; degree: Uint8Array } {
  const size = width * height;
  const right = new Uint8Array(size);
  const up = new Uint8Array(size);
  for (let v = 0; v < size; v++) {
    const column = v % width;
    const row = Math.floor(v / width);
    if (column + 1 < width) right[v] = row % 10 === 0 || random() >= MISSING ? 1 : 0;
    if (row + 1 < height) up[v] = column % 10 === 0 || random() >= MISSING ? 1 : 0;
  }
  const degreeOf = (v: number): number => right[v]! + up[v]! + (v % width > 0 ? right[v - 1]! : 0) + (v >= width ? up[v - width]! : 0);
  for (let v = 0; v < size; v++) {
    if (degreeOf(v) > 0) continue;
    if (v % width + 1 < width) right[v] = 1;
    else right[v - 1] = 1;
  }
  return { right, up, degree: Uint8Array.from({ length: size }, (_, v) => degreeOf(v)) };
}

interface Draft { sketch: Sketch; degree: Uint8Array; nodeCount: number; random: () => number }

// One road from a to b. One-way (either direction) only between crossings, as in a town's one-way
// grid: a one-way road into a dead end or a bend would trap or strand traffic. Some roads get a
// dead-end side road from a point part-way along, while nodes are left for its two ends.
function addRoad(draft: Draft, a: number, b: number, kmh: number, owner: number): void {
  const { sketch, degree, random } = draft;
  const oneway = random() < ONEWAYS && degree[a]! >= 3 && degree[b]! >= 3 ? 1 : 0;
  if (oneway && random() < 0.5) [a, b] = [b, a];
  if (random() >= SIDE_ROADS || sketch.x.length + 2 > draft.nodeCount) {
    pushLink(sketch, a, b, kmh, oneway, owner);
    return;
  }
  const t = 0.3 + random() * 0.4;
  const dx = sketch.x[b]! - sketch.x[a]!;
  const dy = sketch.y[b]! - sketch.y[a]!;
  const reach = ((0.25 + random() * 0.2) * (random() < 0.5 ? 1 : -1)) / Math.hypot(dx, dy);
  const middle = pushPoint(sketch, sketch.x[a]! + t * dx, sketch.y[a]! + t * dy, owner);
  const end = pushPoint(sketch, sketch.x[middle]! - dy * reach, sketch.y[middle]! + dx * reach, owner);
  pushLink(sketch, a, middle, kmh, oneway, owner);
  pushLink(sketch, middle, b, kmh, oneway, owner);
  pushLink(sketch, middle, end, STREET_KMH, 0, owner);
}

function pushPoint(sketch: Sketch, x: number, y: number, owner: number): number {
  sketch.x.push(x);
  sketch.y.push(y);
  sketch.pointOwner.push(owner);
  return sketch.x.length - 1;
}

function pushLink(sketch: Sketch, a: number, b: number, kmh: number, oneway: number, owner: number): void {
  sketch.linkA.push(a);
  sketch.linkB.push(b);
  sketch.linkKmh.push(kmh);
  sketch.linkOneway.push(oneway);
  sketch.linkOwner.push(owner);
}

// Spreads `total` shape points over the links, each drawn with odds of the link's length times a
// heavy-tailed factor (an exponential draw cubed), so that, as on the metro network, most roads
// get none (58 %; metro 50 %), one in ten more than 9 and one in a hundred more than 70.
function shapePointCounts(sketch: Sketch, total: number, random: () => number): Uint32Array {
  const links = sketch.linkA.length;
  const cumulative = new Float64Array(links);
  let sum = 0;
  for (let i = 0; i < links; i++) {
    const a = sketch.linkA[i]!;
    const b = sketch.linkB[i]!;
    const tail = -Math.log(1 - random());
    sum += Math.hypot(sketch.x[b]! - sketch.x[a]!, sketch.y[b]! - sketch.y[a]!) * tail * tail * tail;
    cumulative[i] = sum;
  }
  const counts = new Uint32Array(links);
  for (let k = 0; k < total; k++) {
    const target = random() * sum;
    let low = 0;
    let high = links - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (cumulative[mid]! > target) high = mid;
      else low = mid + 1;
    }
    counts[low]!++;
  }
  return counts;
}

interface Frame { originLon: number; originLat: number; degLon: number; degLat: number }

// Numbers the nodes (each lattice vertex, then the side-road points and shape points of the links
// it owns), places the shape points along a gentle bend of each link and lists the edges in order.
function drawRoads(sketch: Sketch, counts: Uint32Array, nodeCount: number, random: () => number, frame: Frame): RoadGraphInput {
  const points = sketch.x.length;
  const links = sketch.linkA.length;
  const pointId = new Uint32Array(points);
  const firstShape = new Uint32Array(links);
  let id = 0;
  for (let v = 0, extra = sketch.vertexCount, link = 0; v < sketch.vertexCount; v++) {
    pointId[v] = id++;
    for (; extra < points && sketch.pointOwner[extra] === v; extra++) pointId[extra] = id++;
    for (; link < links && sketch.linkOwner[link] === v; link++) {
      firstShape[link] = id;
      id += counts[link]!;
    }
  }
  const lon = new Float64Array(nodeCount);
  const lat = new Float64Array(nodeCount);
  for (let p = 0; p < points; p++) {
    lon[pointId[p]!] = frame.originLon + sketch.x[p]! * frame.degLon;
    lat[pointId[p]!] = frame.originLat + sketch.y[p]! * frame.degLat;
  }
  const edges = new EdgeColumns(links + nodeCount - points);
  for (let link = 0; link < links; link++) {
    const a = sketch.linkA[link]!;
    const b = sketch.linkB[link]!;
    bend(sketch, a, b, counts[link]!, firstShape[link]!, lon, lat, frame, random);
    let previous = pointId[a]!;
    for (let k = 0; k < counts[link]!; k++) {
      edges.push(lon, lat, previous, firstShape[link]! + k, sketch.linkKmh[link]!, sketch.linkOneway[link]!);
      previous = firstShape[link]! + k;
    }
    edges.push(lon, lat, previous, pointId[b]!, sketch.linkKmh[link]!, sketch.linkOneway[link]!);
  }
  return { nodeCount, lon, lat, ...edges.columns() };
}

// Places a link's shape points along a gentle bend (an arc and an S of random amplitudes), at
// increasing, uneven steps, so that no two share a position.
function bend(
  sketch: Sketch, a: number, b: number, count: number, first: number,
  lon: Float64Array, lat: Float64Array, frame: Frame, random: () => number,
): void {
  if (count === 0) return;
  const dx = sketch.x[b]! - sketch.x[a]!;
  const dy = sketch.y[b]! - sketch.y[a]!;
  const arc = (random() - 0.5) * 0.3;
  const wave = (random() - 0.5) * 0.1;
  for (let k = 0; k < count; k++) {
    const t = (k + 1 + (random() - 0.5) * 0.8) / (count + 1);
    const offset = arc * Math.sin(Math.PI * t) + wave * Math.sin(2 * Math.PI * t);
    lon[first + k] = frame.originLon + (sketch.x[a]! + t * dx - offset * dy) * frame.degLon;
    lat[first + k] = frame.originLat + (sketch.y[a]! + t * dy + offset * dx) * frame.degLat;
  }
}

// The edge columns, sized exactly: a link is one edge more than its shape points.
class EdgeColumns {
  private length = 0;
  private readonly from: Uint32Array;
  private readonly to: Uint32Array;
  private readonly seconds: Float64Array;
  private readonly meters: Float64Array;
  private readonly oneway: Uint8Array;

  constructor(size: number) {
    this.from = new Uint32Array(size);
    this.to = new Uint32Array(size);
    this.seconds = new Float64Array(size);
    this.meters = new Float64Array(size);
    this.oneway = new Uint8Array(size);
  }

  push(lon: Float64Array, lat: Float64Array, a: number, b: number, kmh: number, oneway: number): void {
    const meters = haversineMeters(lon[a]!, lat[a]!, lon[b]!, lat[b]!);
    const i = this.length++;
    this.from[i] = a;
    this.to[i] = b;
    this.meters[i] = meters;
    this.seconds[i] = meters / (kmh / 3.6);
    this.oneway[i] = oneway;
  }

  columns(): Pick<RoadGraphInput, 'edgeFrom' | 'edgeTo' | 'edgeSeconds' | 'edgeMeters' | 'edgeOneway'> {
    if (this.length !== this.from.length) throw new Error(`drew ${this.length} edges for ${this.from.length} places.`);
    return { edgeFrom: this.from, edgeTo: this.to, edgeSeconds: this.seconds, edgeMeters: this.meters, edgeOneway: this.oneway };
  }
}
