// The metric-independent half of a customizable contraction hierarchy (CCH) over the junction
// graph: junctions ranked by nested dissection, then contracted in that order with every shortcut
// kept (no witness search, so no weight is assumed). Contracting a junction joins all its
// higher-ranked neighbours pairwise; the result is a chordal graph whose upward arcs, and the
// triangles they close, are all a new risk picture needs to be folded in (cch-metric.ts).

import type { ChainGraph } from './chains.ts';
import { junctionNeighbours, nestedDissectionOrder } from './nested-dissection.ts';
import { NONE } from './search-space.ts';

/** Junction graph contracted in nested-dissection order. Nodes are ranks (0 = contracted first). */
export class CchTopology {
  readonly chains: ChainGraph;
  /** Rank of each junction, and the junction at each rank. */
  readonly rankOf: Uint32Array;
  readonly junctionAt: Uint32Array;
  /** Upward arcs of rank r: upHead[firstUp[r] .. firstUp[r + 1]), heads ascending. */
  readonly firstUp: Uint32Array;
  readonly upHead: Uint32Array;
  /** Lower end of each arc. */
  readonly arcTail: Uint32Array;
  /** Elimination-tree parent of each rank (its lowest upward neighbour), NONE at a root. */
  readonly parent: Uint32Array;
  /**
   * Lower triangles as arc triples (w–u, w–v, u–v) with w < u < v, by w ascending: the order in
   * which customization may relax u–v through w, every arc below being final by then.
   */
  readonly triangles: Uint32Array;
  /** The arc joining the two ends of each chain; NONE for a chain that loops back to its start. */
  readonly chainArc: Uint32Array;
  /** Nodes of chain c from its start: chainNodes[chainFirst[c] + c .. chainFirst[c + 1] + c]. */
  readonly chainNodes: Uint32Array;
  /** Length of each chain in meters. */
  readonly chainMeters: Float64Array;
  /** Chain of each input edge (NONE if on none), to find the chains a changed multiplier touches. */
  readonly edgeChain: Uint32Array;
  /** Where each arc's cost comes from and goes to, for re-customizing only what a change reaches. */
  readonly dependencies: ArcDependencies;

  /**
   * Orders and contracts the junction graph (or takes a contraction already made, whose size was
   * checked first), then lists its triangles: O(triangles), tens of ms on a metro network.
   */
  constructor(chains: ChainGraph, contraction: CchContraction = CchContraction.of(chains)!) {
    this.chains = chains;
    const n = chains.junctionCount;
    ({ junctionAt: this.junctionAt, rankOf: this.rankOf, firstUp: this.firstUp, upHead: this.upHead } = contraction);
    this.arcTail = new Uint32Array(this.upHead.length);
    this.parent = new Uint32Array(n).fill(NONE);
    for (let r = 0; r < n; r++) {
      this.arcTail.fill(r, this.firstUp[r]!, this.firstUp[r + 1]!);
      if (this.firstUp[r + 1]! > this.firstUp[r]!) this.parent[r] = this.upHead[this.firstUp[r]!]!;
    }
    this.triangles = lowerTriangles(this);
    this.chainArc = new Uint32Array(chains.chainCount).fill(NONE);
    for (let c = 0; c < chains.chainCount; c++) {
      const a = this.rankOf[chains.chainStart[c]!]!;
      const b = this.rankOf[chains.chainEnd[c]!]!;
      if (a !== b) this.chainArc[c] = this.arcBetween(Math.min(a, b), Math.max(a, b));
    }
    [this.chainNodes, this.chainMeters] = chainGeometry(chains);
    this.edgeChain = new Uint32Array(chains.graph.edgeCount).fill(NONE);
    for (let c = 0; c < chains.chainCount; c++) {
      for (let i = chains.chainFirst[c]!; i < chains.chainFirst[c + 1]!; i++) this.edgeChain[chains.chainEdges[i]!] = c;
    }
    this.dependencies = arcDependencies(this);
  }

  /** Number of ranked junctions. */
  get nodeCount(): number {
    return this.rankOf.length;
  }

  /** Number of upward arcs (input arcs and shortcuts). */
  get arcCount(): number {
    return this.upHead.length;
  }

  /** The arc from rank low up to rank high (binary search among low's heads); NONE if none. */
  arcBetween(low: number, high: number): number {
    let lo = this.firstUp[low]!;
    let hi = this.firstUp[low + 1]!;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.upHead[mid]! < high) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.firstUp[low + 1]! && this.upHead[lo] === high ? lo : NONE;
  }

  /** Bytes held by the hierarchy's arrays. */
  get memoryBytes(): number {
    const { firstChain, arcChains, firstBelow, below, firstAbove, above } = this.dependencies;
    return [this.rankOf, this.junctionAt, this.firstUp, this.upHead, this.arcTail, this.parent, this.triangles, this.chainArc, this.chainNodes,
      this.chainMeters, this.edgeChain, firstChain, arcChains, firstBelow, below, firstAbove, above]
      .reduce((sum, array) => sum + array.byteLength, 0);
  }
}

/**
 * The hierarchy of the junction graph, or null when it would list more than maxTriangles
 * triangles: known from the contraction, before any triangle is listed. Triangles grow with the
 * cube of the widest separator, so a grid (separators of √n junctions) passes any sensible budget
 * long before a road network of the same size does.
 */
export function buildHierarchy(chains: ChainGraph, maxTriangles: number): CchTopology | null {
  const contraction = CchContraction.of(chains, maxTriangles);
  return contraction ? new CchTopology(chains, contraction) : null;
}

/** Per arc, CSR lists: the chains it stands for, the triangles it closes (its lower triangles) and those it is a side of. */
export interface ArcDependencies {
  firstChain: Uint32Array;
  arcChains: Uint32Array;
  /** Offsets in `triangles` of the triangles whose top arc is a, in customization order. */
  firstBelow: Uint32Array;
  below: Uint32Array;
  /** Offsets of the triangles with a as a lower side (their top arcs depend on a). */
  firstAbove: Uint32Array;
  above: Uint32Array;
}

function arcDependencies(cch: CchTopology): ArcDependencies {
  const { triangles, chainArc } = cch;
  const arcs = cch.upHead.length;
  const firstChain = new Uint32Array(arcs + 1);
  const firstBelow = new Uint32Array(arcs + 1);
  const firstAbove = new Uint32Array(arcs + 1);
  // Plain loops, counting then placing: a callback per triangle costs more than the rest of the
  // build on a hierarchy of tens of millions.
  for (let c = 0; c < chainArc.length; c++) if (chainArc[c] !== NONE) firstChain[chainArc[c]! + 1]!++;
  for (let t = 0; t < triangles.length; t += 3) {
    firstBelow[triangles[t + 2]! + 1]!++;
    firstAbove[triangles[t]! + 1]!++;
    firstAbove[triangles[t + 1]! + 1]!++;
  }
  for (let a = 0; a < arcs; a++) {
    firstChain[a + 1]! += firstChain[a]!;
    firstBelow[a + 1]! += firstBelow[a]!;
    firstAbove[a + 1]! += firstAbove[a]!;
  }
  const arcChains = new Uint32Array(firstChain[arcs]!);
  const below = new Uint32Array(firstBelow[arcs]!);
  const above = new Uint32Array(firstAbove[arcs]!);
  let cursor = firstChain.slice(0, arcs);
  for (let c = 0; c < chainArc.length; c++) if (chainArc[c] !== NONE) arcChains[cursor[chainArc[c]!]!++] = c;
  cursor = firstBelow.slice(0, arcs);
  for (let t = 0; t < triangles.length; t += 3) below[cursor[triangles[t + 2]!]!++] = t;
  cursor = firstAbove.slice(0, arcs);
  for (let t = 0; t < triangles.length; t += 3) {
    above[cursor[triangles[t]!]!++] = t;
    above[cursor[triangles[t + 1]!]!++] = t;
  }
  return { firstChain, arcChains, firstBelow, below, firstAbove, above };
}

/**
 * The metric-independent skeleton of a hierarchy before its triangles are listed: the
 * nested-dissection order and the upward arcs of the contracted graph. Its size tells what the
 * whole hierarchy would cost (triangles grow much faster than arcs where separators are wide, as on
 * a grid), so a caller can check that before paying for it.
 */
export class CchContraction {
  readonly junctionAt: Uint32Array;
  readonly rankOf: Uint32Array;
  readonly firstUp: Uint32Array;
  readonly upHead: Uint32Array;
  /** Lower triangles the hierarchy would list: every pair of upward arcs of one junction closes one. */
  readonly triangleCount: number;
  /** Milliseconds spent ordering and contracting. */
  readonly orderMs: number;
  readonly contractMs: number;

  /** Use CchContraction.of. */
  constructor(parts: Omit<CchContraction, 'arcCount' | 'hierarchyBytes'>) {
    ({ junctionAt: this.junctionAt, rankOf: this.rankOf, firstUp: this.firstUp, upHead: this.upHead } = parts);
    ({ triangleCount: this.triangleCount, orderMs: this.orderMs, contractMs: this.contractMs } = parts);
  }

  /**
   * Orders the junction graph by nested dissection and contracts it; null as soon as the
   * contraction has passed maxTriangles (the highest junctions, contracted last, close the most).
   */
  static of(chains: ChainGraph, maxTriangles = Infinity): CchContraction | null {
    const started = performance.now();
    const junctionAt = nestedDissectionOrder(chains);
    const ordered = performance.now();
    const rankOf = new Uint32Array(junctionAt.length);
    for (let r = 0; r < junctionAt.length; r++) rankOf[junctionAt[r]!] = r;
    const contracted = contract(chains, junctionAt, rankOf, maxTriangles);
    if (!contracted) return null;
    return new CchContraction({ junctionAt, rankOf, ...contracted, orderMs: ordered - started, contractMs: performance.now() - ordered });
  }

  /** Upward arcs: input arcs and shortcuts. */
  get arcCount(): number {
    return this.upHead.length;
  }

  /**
   * Bytes the built hierarchy would hold: per arc its head, tail and dependency offsets (20), per
   * triangle its three arcs and the two lists that index it (24); each customized picture adds
   * 24 bytes per arc (two costs and two origins).
   */
  get hierarchyBytes(): number {
    return 20 * this.arcCount + 24 * this.triangleCount;
  }
}

// Symbolic elimination in rank order: the upward neighbours of r are its own higher neighbours
// and those of its elimination-tree children (whose lowest upward neighbour is r), merged with a
// marker array. Written straight into one CSR in rank order: no per-junction sets.
function contract(
  chains: ChainGraph, junctionAt: Uint32Array, rankOf: Uint32Array, maxTriangles: number,
): { firstUp: Uint32Array; upHead: Uint32Array; triangleCount: number } | null {
  const n = chains.junctionCount;
  const { first, next } = junctionNeighbours(chains);
  const firstChild = new Uint32Array(n).fill(NONE);
  const nextSibling = new Uint32Array(n).fill(NONE);
  const mark = new Uint32Array(n).fill(NONE);
  const firstUp = new Uint32Array(n + 1);
  let heads = new Uint32Array(Math.max(16, 2 * next.length));
  let length = 0;
  let triangleCount = 0;
  const push = (head: number): void => {
    if (length === heads.length) {
      const grown = new Uint32Array(heads.length * 2);
      grown.set(heads);
      heads = grown;
    }
    heads[length++] = head;
  };
  for (let r = 0; r < n; r++) {
    const start = length;
    mark[r] = r;
    const j = junctionAt[r]!;
    for (let k = first[j]!; k < first[j + 1]!; k++) {
      const h = rankOf[next[k]!]!;
      if (h > r && mark[h] !== r) { mark[h] = r; push(h); }
    }
    for (let c = firstChild[r]!; c !== NONE; c = nextSibling[c]!) {
      for (let i = firstUp[c]!; i < firstUp[c + 1]!; i++) {
        const h = heads[i]!;
        if (h > r && mark[h] !== r) { mark[h] = r; push(h); }
      }
    }
    heads.subarray(start, length).sort();
    firstUp[r + 1] = length;
    triangleCount += ((length - start) * (length - start - 1)) / 2;
    if (triangleCount > maxTriangles) return null;
    if (length > start) {
      const parent = heads[start]!;
      nextSibling[r] = firstChild[parent]!;
      firstChild[parent] = r;
    }
  }
  return { firstUp, upHead: heads.slice(0, length), triangleCount };
}

// Every triangle w < u < v of the chordal graph, found from its middle corner u: for each arc w–u
// into u from below, the later upward neighbours v of w are upward neighbours of u too (contraction
// guarantees the arc u–v). Grouping by u marks u's arcs once instead of once per w; each triangle
// is written where listing them by w ascending puts it (w's pairs of arcs in order).
function lowerTriangles(cch: CchTopology): Uint32Array {
  const { firstUp, upHead, arcTail } = cch;
  const n = cch.rankOf.length;
  const arcs = upHead.length;
  const firstPair = new Float64Array(n + 1);
  for (let w = 0; w < n; w++) {
    const degree = firstUp[w + 1]! - firstUp[w]!;
    firstPair[w + 1] = firstPair[w]! + (degree * (degree - 1)) / 2;
  }
  const triangles = new Uint32Array(3 * firstPair[n]!);
  // Arcs by their upper end.
  const firstDown = new Uint32Array(n + 1);
  for (let a = 0; a < arcs; a++) firstDown[upHead[a]! + 1]!++;
  for (let u = 0; u < n; u++) firstDown[u + 1]! += firstDown[u]!;
  const cursor = firstDown.slice(0, n);
  const down = new Uint32Array(arcs);
  for (let a = 0; a < arcs; a++) down[cursor[upHead[a]!]!++] = a;
  const arcTo = new Uint32Array(n);
  for (let u = 0; u < n; u++) {
    for (let uv = firstUp[u]!; uv < firstUp[u + 1]!; uv++) arcTo[upHead[uv]!] = uv;
    for (let k = firstDown[u]!; k < firstDown[u + 1]!; k++) {
      const wu = down[k]!;
      const w = arcTail[wu]!;
      const start = firstUp[w]!;
      const degree = firstUp[w + 1]! - start;
      const i = wu - start;
      // Pairs (i, j > i) of w's arcs come after the (i (2 degree - i - 1)) / 2 pairs of earlier first arcs.
      let at = 3 * (firstPair[w]! + (i * (2 * degree - i - 1)) / 2);
      for (let wv = wu + 1, end = start + degree; wv < end; wv++) {
        triangles[at++] = wu;
        triangles[at++] = wv;
        triangles[at++] = arcTo[upHead[wv]!]!;
      }
    }
  }
  return triangles;
}

// Each chain's nodes in driving order and its length, so that unpacking a route reads them in a
// row instead of looking up every edge's ends.
function chainGeometry(chains: ChainGraph): [Uint32Array, Float64Array] {
  const { edgeFrom, edgeTo, edgeMeters } = chains.graph;
  const nodes = new Uint32Array(chains.chainEdges.length + chains.chainCount);
  const meters = new Float64Array(chains.chainCount);
  for (let c = 0; c < chains.chainCount; c++) {
    let at = chains.chainFirst[c]! + c;
    let v = chains.junctionNode[chains.chainStart[c]!]!;
    nodes[at++] = v;
    for (let i = chains.chainFirst[c]!; i < chains.chainFirst[c + 1]!; i++) {
      const e = chains.chainEdges[i]!;
      v = edgeFrom[e] === v ? edgeTo[e]! : edgeFrom[e]!;
      nodes[at++] = v;
      meters[c]! += edgeMeters[e]!;
    }
  }
  return [nodes, meters];
}
