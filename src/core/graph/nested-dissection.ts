// A nested-dissection order of the junction graph, the metric-independent part of a customizable
// contraction hierarchy (CCH). Each piece of the network is cut in two along a straight line (the
// best of four directions, the cut slid between 35% and 65% of the nodes to where it crosses the
// fewest roads); the junctions at the ends of the roads crossing it form the separator, ranked above
// both halves, which are ordered the same way. Roads cross few such lines, so separators stay small
// and the hierarchy shallow, whatever the weights later put on the roads.

import type { ChainGraph } from './chains.ts';

/** Pieces this small are ordered as they come: cutting them further saves nothing. */
const LEAF_SIZE = 4;
const DIRECTIONS: [number, number][] = [[1, 0], [0, 1], [Math.SQRT1_2, Math.SQRT1_2], [Math.SQRT1_2, -Math.SQRT1_2]];

/** Undirected junction adjacency (self-loops dropped), CSR. */
export interface JunctionNeighbours {
  first: Uint32Array;
  next: Uint32Array;
}

/** Neighbouring junctions of each junction, whichever way the chains between them run. */
export function junctionNeighbours(chains: ChainGraph): JunctionNeighbours {
  const { junctionCount, chainStart, chainEnd } = chains;
  const first = new Uint32Array(junctionCount + 1);
  for (let c = 0; c < chains.chainCount; c++) {
    if (chainStart[c] === chainEnd[c]) continue;
    first[chainStart[c]! + 1]!++;
    first[chainEnd[c]! + 1]!++;
  }
  for (let j = 0; j < junctionCount; j++) first[j + 1]! += first[j]!;
  const cursor = first.slice(0, junctionCount);
  const next = new Uint32Array(first[junctionCount]!);
  for (let c = 0; c < chains.chainCount; c++) {
    const a = chainStart[c]!;
    const b = chainEnd[c]!;
    if (a === b) continue;
    next[cursor[a]!++] = b;
    next[cursor[b]!++] = a;
  }
  return { first, next };
}

interface Dissection {
  neighbours: JunctionNeighbours;
  x: Float64Array;
  y: Float64Array;
  /** Piece label (from 1) of each junction while it is being cut; 0 once ranked. */
  piece: Int32Array;
  pieces: number;
  order: Uint32Array;
  /** Ranks are handed out from the top down: separators first, leaves last. */
  nextRank: number;
}

/**
 * Junction ids in contraction order (position = rank, lowest first).
 * O(n log² n) for a road network.
 */
export function nestedDissectionOrder(chains: ChainGraph): Uint32Array {
  const n = chains.junctionCount;
  const { lon, lat } = chains.graph;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  let meanLat = 0;
  for (let j = 0; j < n; j++) meanLat += lat[chains.junctionNode[j]!]! / n;
  const shrink = Math.cos((meanLat * Math.PI) / 180);
  for (let j = 0; j < n; j++) {
    x[j] = lon[chains.junctionNode[j]!]! * shrink;
    y[j] = lat[chains.junctionNode[j]!]!;
  }
  const state: Dissection = { neighbours: junctionNeighbours(chains), x, y, piece: new Int32Array(n), pieces: 0, order: new Uint32Array(n), nextRank: n };
  const stack: Uint32Array[] = [Uint32Array.from({ length: n }, (_, j) => j)];
  while (stack.length > 0) {
    const nodes = stack.pop()!;
    if (nodes.length <= LEAF_SIZE) {
      for (let i = nodes.length - 1; i >= 0; i--) rank(state, nodes[i]!);
      continue;
    }
    const { separator, sideA, sideB } = bisect(state, nodes);
    for (let i = separator.length - 1; i >= 0; i--) rank(state, separator[i]!);
    // Both halves rank below the separator; the stack takes them in any order.
    if (sideA.length > 0) stack.push(sideA);
    if (sideB.length > 0) stack.push(sideB);
  }
  return state.order;
}

function rank(state: Dissection, j: number): void {
  state.piece[j] = 0;
  state.order[--state.nextRank] = j;
}

// Cuts one piece: the straight line crossing the fewest of its roads, and the junctions that
// cover those roads on the side with fewer of them.
function bisect(state: Dissection, nodes: Uint32Array): { separator: number[]; sideA: Uint32Array; sideB: Uint32Array } {
  const { piece } = state;
  const label = ++state.pieces;
  for (const j of nodes) piece[j] = label;
  let best: { cut: number; sorted: Uint32Array; at: number } | null = null;
  for (const [dx, dy] of DIRECTIONS) {
    const key = new Float64Array(nodes.length);
    for (let i = 0; i < nodes.length; i++) key[i] = state.x[nodes[i]!]! * dx + state.y[nodes[i]!]! * dy;
    const sorted = Uint32Array.from(nodes.keys()).sort((a, b) => key[a]! - key[b]!).map((i) => nodes[i]!);
    const { cut, at } = bestCut(state, sorted, label);
    if (!best || cut < best.cut) best = { cut, sorted, at };
  }
  const { sorted, at } = best!;
  // Side A (sorted before `at`) takes a fresh label, side B keeps the piece's, so a road's ends tell which sides it joins.
  const sideLabel = ++state.pieces;
  for (let i = 0; i < at; i++) piece[sorted[i]!] = sideLabel;
  const boundaryA: number[] = [];
  const boundaryB: number[] = [];
  for (const j of sorted) {
    const mine = piece[j]!;
    for (let k = state.neighbours.first[j]!; k < state.neighbours.first[j + 1]!; k++) {
      const other = piece[state.neighbours.next[k]!]!;
      if ((mine === sideLabel && other === label) || (mine === label && other === sideLabel)) {
        (mine === sideLabel ? boundaryA : boundaryB).push(j);
        break;
      }
    }
  }
  const separator = boundaryA.length <= boundaryB.length ? boundaryA : boundaryB;
  for (const j of separator) piece[j] = 0;
  const sideA = sorted.subarray(0, at).filter((j) => piece[j] !== 0);
  const sideB = sorted.subarray(at).filter((j) => piece[j] !== 0);
  return { separator, sideA, sideB };
}

// Slides the cut along the sorted nodes, counting the roads that cross it; the lowest count
// between 35% and 65% of the nodes wins. Nodes before the cut carry label `-label` meanwhile.
function bestCut(state: Dissection, sorted: Uint32Array, label: number): { cut: number; at: number } {
  const { piece, neighbours } = state;
  const low = Math.max(1, Math.floor(sorted.length * 0.35));
  const high = Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.65));
  let cut = 0;
  let best = Infinity;
  let at = low;
  for (let i = 0; i < high; i++) {
    const j = sorted[i]!;
    // Moving j across: its roads to nodes still ahead now cross, those to nodes behind no longer.
    for (let k = neighbours.first[j]!; k < neighbours.first[j + 1]!; k++) {
      const other = piece[neighbours.next[k]!]!;
      if (other === label) cut++;
      else if (other === -label) cut--;
    }
    piece[j] = -label;
    if (i + 1 >= low && cut < best) {
      best = cut;
      at = i + 1;
    }
  }
  for (let i = 0; i < high; i++) piece[sorted[i]!] = label;
  return { cut: best, at };
}
