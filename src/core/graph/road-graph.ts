// The road network as a directed graph in compressed sparse row (CSR) form: the arcs leaving node
// v are arcHead[firstArc[v] .. firstArc[v + 1]). Typed arrays keep a metro network in a few
// megabytes and a million-node graph in tens, with no per-node objects for the GC to walk.

/** A road network as flat arrays: one input edge is one road segment between two nodes. */
export interface RoadGraphInput {
  nodeCount: number;
  /** Node longitudes and latitudes in degrees (WGS84). */
  lon: Float64Array;
  lat: Float64Array;
  /** Endpoints of each input edge. */
  edgeFrom: Uint32Array;
  edgeTo: Uint32Array;
  /** Base travel time of each input edge, in seconds (finite, >= 0). */
  edgeSeconds: Float64Array;
  /** Length of each input edge, in meters. */
  edgeMeters: Float64Array;
  /** 1 when the edge may only be driven from edgeFrom to edgeTo, 0 when both ways. */
  edgeOneway: Uint8Array;
}

/** Directed adjacency in CSR form; the forward graph and its reverse share this shape. */
export interface Adjacency {
  /** Arcs of node v are firstArc[v] .. firstArc[v + 1] - 1 (length nodeCount + 1). */
  firstArc: Uint32Array;
  /** The node each arc leads to (in the reverse adjacency: the node it comes from). */
  arcHead: Uint32Array;
  /** Travel time of each arc in seconds, before multipliers. */
  arcBaseCost: Float64Array;
  /** The input edge each arc came from, so one multiplier covers both directions of a road. */
  arcEdge: Uint32Array;
}

/** An immutable road graph: coordinates, input edges and the forward CSR adjacency. */
export class RoadGraph implements Adjacency {
  readonly nodeCount: number;
  readonly edgeCount: number;
  readonly arcCount: number;
  readonly lon: Float64Array;
  readonly lat: Float64Array;
  readonly edgeFrom: Uint32Array;
  readonly edgeTo: Uint32Array;
  readonly edgeSeconds: Float64Array;
  readonly edgeMeters: Float64Array;
  readonly edgeOneway: Uint8Array;
  readonly firstArc: Uint32Array;
  readonly arcHead: Uint32Array;
  readonly arcBaseCost: Float64Array;
  readonly arcEdge: Uint32Array;

  /**
   * Builds the CSR adjacency from flat input arrays (kept by reference, not copied).
   * A two-way input edge becomes two arcs, a one-way edge one arc.
   * @throws Error when array lengths disagree, an endpoint is out of range or a cost is invalid.
   */
  constructor(input: RoadGraphInput) {
    validateInput(input);
    this.nodeCount = input.nodeCount;
    this.edgeCount = input.edgeFrom.length;
    this.lon = input.lon;
    this.lat = input.lat;
    this.edgeFrom = input.edgeFrom;
    this.edgeTo = input.edgeTo;
    this.edgeSeconds = input.edgeSeconds;
    this.edgeMeters = input.edgeMeters;
    this.edgeOneway = input.edgeOneway;
    const adjacency = buildAdjacency(input, false);
    this.firstArc = adjacency.firstArc;
    this.arcHead = adjacency.arcHead;
    this.arcBaseCost = adjacency.arcBaseCost;
    this.arcEdge = adjacency.arcEdge;
    this.arcCount = this.arcHead.length;
  }

  /** Bytes held by the graph's arrays, input arrays included. */
  get memoryBytes(): number {
    return this.lon.byteLength + this.lat.byteLength + this.edgeFrom.byteLength +
      this.edgeTo.byteLength + this.edgeSeconds.byteLength + this.edgeMeters.byteLength +
      this.edgeOneway.byteLength + adjacencyBytes(this);
  }
}

/** Bytes held by one CSR adjacency. */
export function adjacencyBytes(adjacency: Adjacency): number {
  return adjacency.firstArc.byteLength + adjacency.arcHead.byteLength +
    adjacency.arcBaseCost.byteLength + adjacency.arcEdge.byteLength;
}

const reverseCache = new WeakMap<RoadGraph, Adjacency>();

/**
 * The reverse adjacency (arcs entering each node), built on first use and cached per graph.
 * Landmark preprocessing needs it for distances *to* a landmark.
 */
export function reverseAdjacency(graph: RoadGraph): Adjacency {
  let reverse = reverseCache.get(graph);
  if (!reverse) {
    reverse = buildAdjacency(graph, true);
    reverseCache.set(graph, reverse);
  }
  return reverse;
}

// Two passes: count the arcs leaving each node, prefix-sum the counts into row offsets, then drop
// each arc into its row. `reversed` swaps the roles of tail and head to index arcs by their head.
function buildAdjacency(input: RoadGraphInput, reversed: boolean): Adjacency {
  const { nodeCount, edgeFrom, edgeTo, edgeOneway, edgeSeconds } = input;
  const edgeCount = edgeFrom.length;
  const firstArc = new Uint32Array(nodeCount + 1);
  let arcCount = 0;
  for (let e = 0; e < edgeCount; e++) {
    firstArc[(reversed ? edgeTo[e]! : edgeFrom[e]!) + 1]!++;
    arcCount++;
    if (edgeOneway[e] === 0) {
      firstArc[(reversed ? edgeFrom[e]! : edgeTo[e]!) + 1]!++;
      arcCount++;
    }
  }
  for (let v = 0; v < nodeCount; v++) firstArc[v + 1]! += firstArc[v]!;

  const arcHead = new Uint32Array(arcCount);
  const arcBaseCost = new Float64Array(arcCount);
  const arcEdge = new Uint32Array(arcCount);
  const cursor = firstArc.slice(0, nodeCount);
  const place = (tail: number, head: number, e: number): void => {
    const arc = cursor[tail]!++;
    arcHead[arc] = head;
    arcBaseCost[arc] = edgeSeconds[e]!;
    arcEdge[arc] = e;
  };
  for (let e = 0; e < edgeCount; e++) {
    const from = edgeFrom[e]!;
    const to = edgeTo[e]!;
    if (reversed) place(to, from, e);
    else place(from, to, e);
    if (edgeOneway[e] === 0) {
      if (reversed) place(from, to, e);
      else place(to, from, e);
    }
  }
  return { firstArc, arcHead, arcBaseCost, arcEdge };
}

function validateInput(input: RoadGraphInput): void {
  const { nodeCount, edgeFrom } = input;
  if (!Number.isInteger(nodeCount) || nodeCount < 0 || nodeCount >= 0xffffffff) {
    throw new Error(`nodeCount must be an integer in [0, 2^32 - 1), got ${nodeCount}.`);
  }
  if (input.lon.length !== nodeCount || input.lat.length !== nodeCount) {
    throw new Error(`lon and lat must hold nodeCount (${nodeCount}) values.`);
  }
  const edgeCount = edgeFrom.length;
  for (const [name, array] of Object.entries({
    edgeTo: input.edgeTo, edgeSeconds: input.edgeSeconds, edgeMeters: input.edgeMeters, edgeOneway: input.edgeOneway,
  })) {
    if (array.length !== edgeCount) throw new Error(`${name} must hold one value per edge (${edgeCount}), got ${array.length}.`);
  }
  for (let e = 0; e < edgeCount; e++) {
    if (edgeFrom[e]! >= nodeCount || input.edgeTo[e]! >= nodeCount) {
      throw new Error(`edge ${e} refers to a node outside 0..${nodeCount - 1}.`);
    }
    const seconds = input.edgeSeconds[e]!;
    // Negative or NaN costs would break Dijkstra's invariant and the landmark bounds.
    if (!(seconds >= 0 && seconds < Infinity)) throw new Error(`edge ${e} has invalid edgeSeconds ${seconds}: use a finite value >= 0.`);
  }
}
