// Disjoint sets over 0..n-1 in one typed array, with path halving and union by
// size: near-constant time per operation, no allocation after construction.

/** Union-find over a fixed number of elements. */
export class UnionFind {
  private readonly parent: Uint32Array;
  private readonly size: Uint32Array;

  constructor(count: number) {
    this.parent = new Uint32Array(count);
    this.size = new Uint32Array(count).fill(1);
    for (let i = 0; i < count; i++) this.parent[i] = i;
  }

  /** Representative of the set holding `element`. */
  find(element: number): number {
    let current = element;
    let parent = this.parent[current] ?? current;
    while (parent !== current) {
      const grandparent = this.parent[parent] ?? parent;
      this.parent[current] = grandparent;
      current = grandparent;
      parent = this.parent[current] ?? current;
    }
    return current;
  }

  /** Merges the sets of `a` and `b`; returns the new representative. */
  union(a: number, b: number): number {
    let rootA = this.find(a);
    let rootB = this.find(b);
    if (rootA === rootB) return rootA;
    if ((this.size[rootA] ?? 0) < (this.size[rootB] ?? 0)) [rootA, rootB] = [rootB, rootA];
    this.parent[rootB] = rootA;
    this.size[rootA] = (this.size[rootA] ?? 0) + (this.size[rootB] ?? 0);
    return rootA;
  }

  /** Number of elements in the set holding `element`. */
  sizeOf(element: number): number {
    return this.size[this.find(element)] ?? 0;
  }
}

/** Weakly connected components of a graph given as edge endpoint arrays. */
export function connectedComponents(
  nodeCount: number,
  edgeFrom: Uint32Array,
  edgeTo: Uint32Array,
): { count: number; largest: number } {
  const sets = new UnionFind(nodeCount);
  for (let e = 0; e < edgeFrom.length; e++) sets.union(edgeFrom[e] ?? 0, edgeTo[e] ?? 0);
  let count = 0;
  let largest = 0;
  for (let node = 0; node < nodeCount; node++) {
    if (sets.find(node) !== node) continue;
    count += 1;
    largest = Math.max(largest, sets.sizeOf(node));
  }
  return { count, largest };
}
