// Landmark lower bounds shared by the A* searches. Only the few landmarks that bound the source
// best are consulted per query: they give nearly all of the pruning, and the heuristic is
// evaluated for every node reached, so each landmark dropped saves two loads per node.

import type { Landmarks } from './landmarks.ts';

// Scratch for the active landmarks of the current query (queries are synchronous).
const active = new Int32Array(64);
const targetFrom = new Float64Array(64);
const targetTo = new Float64Array(64);
const sourceBound = new Float64Array(64);

/**
 * Lower bound on d(v, target) from the active landmarks; `base` is v's offset (v * count * 2).
 * NaN (Infinity - Infinity: no information) fails both comparisons and is ignored.
 */
export function bound(distances: Float32Array, base: number, activeCount: number, slack: number): number {
  let best = 0;
  for (let i = 0; i < activeCount; i++) {
    const k = active[i]!;
    const viaFrom = targetFrom[i]! - distances[base + 2 * k]!;
    const viaTo = distances[base + 2 * k + 1]! - targetTo[i]!;
    if (viaFrom > best) best = viaFrom;
    if (viaTo > best) best = viaTo;
  }
  return best > slack ? best - slack : 0;
}

/**
 * Picks the landmarks giving the best bound at the source for the next bound() calls; returns how
 * many, or -1 when a bound is infinite (the target is unreachable even on base costs).
 */
export function chooseActive(landmarks: Landmarks, source: number, target: number, wanted: number): number {
  const { distances, count } = landmarks;
  const s = source * count * 2;
  const t = target * count * 2;
  for (let k = 0; k < count; k++) {
    const viaFrom = distances[t + 2 * k]! - distances[s + 2 * k]!;
    const viaTo = distances[s + 2 * k + 1]! - distances[t + 2 * k + 1]!;
    const best = Math.max(viaFrom > 0 ? viaFrom : 0, viaTo > 0 ? viaTo : 0);
    if (best === Infinity) return -1;
    sourceBound[k] = best;
    active[k] = k;
  }
  const activeCount = Math.min(Math.max(1, wanted), count);
  // Partial selection sort: count is at most 64 and activeCount a handful.
  for (let i = 0; i < activeCount; i++) {
    let top = i;
    for (let j = i + 1; j < count; j++) if (sourceBound[active[j]!]! > sourceBound[active[top]!]!) top = j;
    const swap = active[i]!;
    active[i] = active[top]!;
    active[top] = swap;
    const k = active[i]!;
    targetFrom[i] = distances[t + 2 * k]!;
    targetTo[i] = distances[t + 2 * k + 1]!;
  }
  return activeCount;
}
