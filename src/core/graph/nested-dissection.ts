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
  /** Piece label (from 1) of each junction while it is being cut; 0 once ranked. */
  piece: Int32Array;
  pieces: number;
  order: Uint32Array;
  /** Ranks are handed out from the top down: separators first, leaves last. */
  nextRank: number;
}

/** A piece still to cut: its junctions sorted along each of the DIRECTIONS. */
type Piece = Uint32Array[];

/**
 * Junction ids in contraction order (position = rank, lowest first). The junctions are sorted
 * along each direction once; a piece's halves inherit their order from it by a stable split, so a
 * level of the dissection costs O(n) per direction instead of a sort: O(n log n) for a road network.
 */
export function nestedDissectionOrder(chains: ChainGraph): Uint32Array {
  const n = chains.junctionCount;
  const state: Dissection = { neighbours: junctionNeighbours(chains), piece: new Int32Array(n), pieces: 0, order: new Uint32Array(n), nextRank: n };
  const stack: Piece[] = [sortedAlongDirections(chains)];
  while (stack.length > 0) {
    const lists = stack.pop()!;
    const nodes = lists[0]!;
    if (nodes.length <= LEAF_SIZE) {
      for (let i = nodes.length - 1; i >= 0; i--) rank(state, nodes[i]!);
      continue;
    }
    const { separator, sideA, sideB } = bisect(state, lists);
    for (let i = separator.length - 1; i >= 0; i--) rank(state, separator[i]!);
    // Both halves rank below the separator; the stack takes them in any order.
    if (sideA[0]!.length > 0) stack.push(sideA);
    if (sideB[0]!.length > 0) stack.push(sideB);
  }
  return state.order;
}

// Every junction, sorted by its projection on each direction (x shrunk by the cosine of the mean latitude).
function sortedAlongDirections(chains: ChainGraph): Piece {
  const n = chains.junctionCount;
  const { lon, lat } = chains.graph;
  let meanLat = 0;
  for (let j = 0; j < n; j++) meanLat += lat[chains.junctionNode[j]!]! / n;
  const shrink = Math.cos((meanLat * Math.PI) / 180);
  const key = new Float64Array(n);
  return DIRECTIONS.map(([dx, dy]) => {
    for (let j = 0; j < n; j++) key[j] = lon[chains.junctionNode[j]!]! * shrink * dx + lat[chains.junctionNode[j]!]! * dy;
    const sorted = new Uint32Array(n);
    for (let j = 0; j < n; j++) sorted[j] = j;
    return sorted.sort((a, b) => key[a]! - key[b]! || a - b);
  });
}

function rank(state: Dissection, j: number): void {
  state.piece[j] = 0;
  state.order[--state.nextRank] = j;
}

// Cuts one piece: the straight line crossing the fewest of its roads, and the junctions that
// cover those roads on the side with fewer of them.
function bisect(state: Dissection, lists: Piece): { separator: Uint32Array; sideA: Piece; sideB: Piece } {
  const { piece } = state;
  const label = ++state.pieces;
  for (const j of lists[0]!) piece[j] = label;
  let best = { cut: Infinity, sorted: lists[0]!, at: 0 };
  for (const sorted of lists) {
    const { cut, at } = bestCut(state, sorted, label);
    if (cut < best.cut) best = { cut, sorted, at };
  }
  const { sorted, at } = best;
  // Side A (sorted before `at`) takes a fresh label, side B keeps the piece's, so a road's ends tell which sides it joins.
  const sideLabel = ++state.pieces;
  for (let i = 0; i < at; i++) piece[sorted[i]!] = sideLabel;
  const boundaryA = new Uint32Array(at);
  const boundaryB = new Uint32Array(sorted.length - at);
  let countA = 0;
  let countB = 0;
  const { first, next } = state.neighbours;
  for (const j of sorted) {
    const mine = piece[j]!;
    for (let k = first[j]!; k < first[j + 1]!; k++) {
      const other = piece[next[k]!]!;
      if ((mine === sideLabel && other === label) || (mine === label && other === sideLabel)) {
        if (mine === sideLabel) boundaryA[countA++] = j;
        else boundaryB[countB++] = j;
        break;
      }
    }
  }
  const separator = countA <= countB ? boundaryA.subarray(0, countA) : boundaryB.subarray(0, countB);
  for (const j of separator) piece[j] = 0;
  const sizeA = at - (countA <= countB ? countA : 0);
  return { separator, ...split(lists, piece, sideLabel, sizeA) };
}

// Each direction's list split into the junctions of side A and of side B (separator left out), order kept.
function split(lists: Piece, piece: Int32Array, sideLabel: number, sizeA: number): { sideA: Piece; sideB: Piece } {
  const sizeB = lists[0]!.length - sizeA - lists[0]!.reduce((zeros, j) => zeros + (piece[j] === 0 ? 1 : 0), 0);
  const sideA: Piece = [];
  const sideB: Piece = [];
  for (const sorted of lists) {
    const a = new Uint32Array(sizeA);
    const b = new Uint32Array(sizeB);
    let i = 0;
    let k = 0;
    for (const j of sorted) {
      const p = piece[j]!;
      if (p === sideLabel) a[i++] = j;
      else if (p !== 0) b[k++] = j;
    }
    sideA.push(a);
    sideB.push(b);
  }
  return { sideA, sideB };
}

// Slides the cut along the sorted nodes, counting the roads that cross it; the lowest count
// between 35% and 65% of the nodes wins. Nodes before the cut carry label `-label` meanwhile.
function bestCut(state: Dissection, sorted: Uint32Array, label: number): { cut: number; at: number } {
  const { piece, neighbours } = state;
  const { first, next } = neighbours;
  const low = Math.max(1, Math.floor(sorted.length * 0.35));
  const high = Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.65));
  let cut = 0;
  let best = Infinity;
  let at = low;
  for (let i = 0; i < high; i++) {
    const j = sorted[i]!;
    // Moving j across: its roads to nodes still ahead now cross, those to nodes behind no longer.
    for (let k = first[j]!; k < first[j + 1]!; k++) {
      const other = piece[next[k]!]!;
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
