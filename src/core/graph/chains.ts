// Contraction of degree-2 chains. In an OSM extract most nodes only bend a road (86% on the
// Port-au-Prince network): a search that stops only at junctions pushes a fraction of the heap
// entries. A chain keeps its input edges in order, so its cost is summed from the live multipliers
// when it is relaxed, and a roadblock needs no update here.

import type { RoadGraph } from './road-graph.ts';
import { NONE } from './search-space.ts';

/** The junction graph: junction nodes joined by chains of pass-through nodes. */
export class ChainGraph {
  readonly graph: RoadGraph;
  readonly junctionCount: number;
  /** Graph node of each junction. */
  readonly junctionNode: Uint32Array;
  /** Junction id of each graph node, NONE for pass-through nodes. */
  readonly nodeJunction: Uint32Array;
  /** Input edges of chain c, in order from its start: chainEdges[chainFirst[c] .. chainFirst[c + 1]). */
  readonly chainFirst: Uint32Array;
  readonly chainEdges: Uint32Array;
  /** Start and end junctions of each chain (a one-way chain runs from start to end). */
  readonly chainStart: Uint32Array;
  readonly chainEnd: Uint32Array;
  readonly chainOneway: Uint8Array;
  /** Chain of each pass-through node (NONE for junctions) and its position: it follows edge pos - 1. */
  readonly nodeChain: Uint32Array;
  readonly nodePos: Uint32Array;
  /** Junction CSR; arcChain = chain * 2 + 1 when the arc runs the chain backwards (end to start). */
  readonly firstArc: Uint32Array;
  readonly arcHead: Uint32Array;
  readonly arcChain: Uint32Array;

  /** Finds the junctions and chains of a graph. O(nodes + edges). */
  constructor(graph: RoadGraph) {
    this.graph = graph;
    const chains = walkChains(graph);
    const n = graph.nodeCount;
    this.nodeJunction = new Uint32Array(n).fill(NONE);
    let junctionCount = 0;
    for (let v = 0; v < n; v++) if (chains.isJunction[v]) this.nodeJunction[v] = junctionCount++;
    this.junctionCount = junctionCount;
    this.junctionNode = new Uint32Array(junctionCount);
    for (let v = 0; v < n; v++) if (chains.isJunction[v]) this.junctionNode[this.nodeJunction[v]!] = v;
    this.chainFirst = Uint32Array.from(chains.first);
    this.chainEdges = Uint32Array.from(chains.edges);
    this.chainStart = Uint32Array.from(chains.start, (v) => this.nodeJunction[v]!);
    this.chainEnd = Uint32Array.from(chains.end, (v) => this.nodeJunction[v]!);
    this.chainOneway = Uint8Array.from(chains.oneway);
    this.nodeChain = new Uint32Array(n).fill(NONE);
    this.nodePos = new Uint32Array(n);
    this.locatePassThrough();
    const csr = junctionArcs(this);
    this.firstArc = csr.firstArc;
    this.arcHead = csr.arcHead;
    this.arcChain = csr.arcChain;
  }

  /** Number of chains. */
  get chainCount(): number {
    return this.chainStart.length;
  }

  /** Bytes held by the junction graph (the road graph it refers to not included). */
  get memoryBytes(): number {
    return [this.junctionNode, this.nodeJunction, this.chainFirst, this.chainEdges, this.chainStart, this.chainEnd,
      this.chainOneway, this.nodeChain, this.nodePos, this.firstArc, this.arcHead, this.arcChain]
      .reduce((sum, array) => sum + array.byteLength, 0);
  }

  /** Cost of chain edges first..end-1 (positions in the chain) under the multipliers. */
  chainCost(chain: number, from: number, to: number, multipliers: Float64Array): number {
    const { chainEdges } = this;
    const { edgeSeconds } = this.graph;
    const offset = this.chainFirst[chain]!;
    let cost = 0;
    for (let i = offset + from, end = offset + to; i < end; i++) {
      const e = chainEdges[i]!;
      cost += edgeSeconds[e]! * multipliers[e]!;
    }
    // NaN (zero-length edge times Infinity) counts as blocked.
    return cost < Infinity ? cost : Infinity;
  }

  private locatePassThrough(): void {
    const { edgeFrom, edgeTo } = this.graph;
    for (let c = 0; c < this.chainCount; c++) {
      let v = this.junctionNode[this.chainStart[c]!]!;
      for (let i = this.chainFirst[c]!, k = 0, end = this.chainFirst[c + 1]! - 1; i < end; i++, k++) {
        const e = this.chainEdges[i]!;
        v = edgeFrom[e] === v ? edgeTo[e]! : edgeFrom[e]!;
        this.nodeChain[v] = c;
        this.nodePos[v] = k + 1;
      }
    }
  }
}

interface WalkedChains {
  isJunction: Uint8Array;
  first: number[];
  edges: number[];
  start: number[];
  end: number[];
  oneway: number[];
}

// Undirected incidence lists: the edges touching each node, whichever way they run.
function incidence(graph: RoadGraph): { firstIncident: Uint32Array; incident: Uint32Array } {
  const { nodeCount, edgeCount, edgeFrom, edgeTo } = graph;
  const firstIncident = new Uint32Array(nodeCount + 1);
  for (let e = 0; e < edgeCount; e++) {
    firstIncident[edgeFrom[e]! + 1]!++;
    firstIncident[edgeTo[e]! + 1]!++;
  }
  for (let v = 0; v < nodeCount; v++) firstIncident[v + 1]! += firstIncident[v]!;
  const cursor = firstIncident.slice(0, nodeCount);
  const incident = new Uint32Array(2 * edgeCount);
  for (let e = 0; e < edgeCount; e++) {
    incident[cursor[edgeFrom[e]!]!++] = e;
    incident[cursor[edgeTo[e]!]!++] = e;
  }
  return { firstIncident, incident };
}

// A node only bends a road when it has exactly two edges, to two different neighbours, and
// traffic flows through it the same way on both (both two-way, or one in and one out).
function isPassThrough(graph: RoadGraph, v: number, firstIncident: Uint32Array, incident: Uint32Array): boolean {
  const first = firstIncident[v]!;
  if (firstIncident[v + 1]! - first !== 2) return false;
  const a = incident[first]!;
  const b = incident[first + 1]!;
  const { edgeFrom, edgeTo, edgeOneway } = graph;
  const otherA = edgeFrom[a] === v ? edgeTo[a]! : edgeFrom[a]!;
  const otherB = edgeFrom[b] === v ? edgeTo[b]! : edgeFrom[b]!;
  if (a === b || otherA === v || otherB === v || otherA === otherB) return false;
  if (edgeOneway[a] !== edgeOneway[b]) return false;
  return edgeOneway[a] === 0 || (edgeTo[a] === v) !== (edgeTo[b] === v);
}

function walkChains(graph: RoadGraph): WalkedChains {
  const { firstIncident, incident } = incidence(graph);
  const n = graph.nodeCount;
  const isJunction = new Uint8Array(n);
  for (let v = 0; v < n; v++) isJunction[v] = isPassThrough(graph, v, firstIncident, incident) ? 0 : 1;
  const walked: WalkedChains = { isJunction, first: [0], edges: [], start: [], end: [], oneway: [] };
  const visited = new Uint8Array(graph.edgeCount);
  for (let v = 0; v < n; v++) {
    if (!isJunction[v]) continue;
    for (let i = firstIncident[v]!; i < firstIncident[v + 1]!; i++) walkOne(graph, v, incident[i]!, walked, visited, firstIncident, incident);
  }
  // Edges still unvisited form rings of pass-through nodes: promote one node of each to junction.
  for (let e = 0; e < graph.edgeCount; e++) {
    if (visited[e]) continue;
    const v = graph.edgeFrom[e]!;
    isJunction[v] = 1;
    for (let i = firstIncident[v]!; i < firstIncident[v + 1]!; i++) walkOne(graph, v, incident[i]!, walked, visited, firstIncident, incident);
  }
  return walked;
}

// Follows one chain from junction `from` along `edge` to the next junction and records it,
// oriented so that a one-way chain runs from its start to its end.
function walkOne(
  graph: RoadGraph, from: number, edge: number, walked: WalkedChains, visited: Uint8Array,
  firstIncident: Uint32Array, incident: Uint32Array,
): void {
  if (visited[edge]) return;
  const { edgeFrom, edgeTo, edgeOneway } = graph;
  const edges: number[] = [];
  let node = from;
  let e = edge;
  for (;;) {
    visited[e] = 1;
    edges.push(e);
    node = edgeFrom[e] === node ? edgeTo[e]! : edgeFrom[e]!;
    if (walked.isJunction[node]) break;
    const first = firstIncident[node]!;
    e = incident[first] === e ? incident[first + 1]! : incident[first]!;
  }
  const backwards = edgeOneway[edge] === 1 && edgeFrom[edge] !== from;
  if (backwards) edges.reverse();
  for (const chainEdge of edges) walked.edges.push(chainEdge);
  walked.first.push(walked.edges.length);
  walked.start.push(backwards ? node : from);
  walked.end.push(backwards ? from : node);
  walked.oneway.push(edgeOneway[edge]!);
}

function junctionArcs(chains: ChainGraph): { firstArc: Uint32Array; arcHead: Uint32Array; arcChain: Uint32Array } {
  const { junctionCount, chainCount, chainStart, chainEnd, chainOneway } = chains;
  const firstArc = new Uint32Array(junctionCount + 1);
  for (let c = 0; c < chainCount; c++) {
    firstArc[chainStart[c]! + 1]!++;
    if (!chainOneway[c]) firstArc[chainEnd[c]! + 1]!++;
  }
  for (let j = 0; j < junctionCount; j++) firstArc[j + 1]! += firstArc[j]!;
  const cursor = firstArc.slice(0, junctionCount);
  const arcHead = new Uint32Array(firstArc[junctionCount]!);
  const arcChain = new Uint32Array(arcHead.length);
  for (let c = 0; c < chainCount; c++) {
    let arc = cursor[chainStart[c]!]!++;
    arcHead[arc] = chainEnd[c]!;
    arcChain[arc] = c * 2;
    if (chainOneway[c]) continue;
    arc = cursor[chainEnd[c]!]!++;
    arcHead[arc] = chainStart[c]!;
    arcChain[arc] = c * 2 + 1;
  }
  return { firstArc, arcHead, arcChain };
}
