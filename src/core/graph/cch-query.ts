// The search of a point-to-point query on a customized hierarchy. From the source, labels only
// ever go up: from a junction to its higher neighbours, which are all its ancestors in the
// elimination tree, so the search is a walk up that tree in rank order with no priority queue;
// the same from the target on the reversed costs, both in one walk. The cheapest junction
// labelled by both is where the shortest route peaks. A source or target inside a chain seeds the
// junctions at the chain's ends it can drive to (or be reached from). The walk reads the packed
// layout of cch-layout.ts; cch-route.ts unpacks the route it finds.

import type { CchTopology } from './cch.ts';
import { PARENT, PRED_F, RANK_STRIDE_F64, RANK_STRIDE_I32, TOP } from './cch-layout.ts';
import type { QueryMetric, QuerySpace } from './cch-layout.ts';
import { NONE } from './search-space.ts';

/** Predecessor markers of a seeded label: the node itself, or its chain driven forwards / backwards. */
export const SEED_HERE = -1;
export const SEED_FORWARD = -2;
export const SEED_BACKWARD = -3;

/** Where the last search peaked: the rank both walks meet at and the cost there (Infinity: no route). */
export const meeting = { rank: TOP, cost: Infinity };

// The ranks the last search seeded: [2 * side], [2 * side + 1] (TOP when only one).
const seeds = new Int32Array(4);

/**
 * Both walks for source -> target (road graph nodes); the result in `meeting`, the labels and
 * predecessors left in the space for unpacking until resetLabels().
 */
export function searchMeeting(cch: CchTopology, layout: QueryMetric, space: QuerySpace, multipliers: Float64Array, source: number, target: number): void {
  seed(cch, space, 0, source, multipliers);
  seed(cch, space, 1, target, multipliers);
  walkUp(space, layout);
}

// Walks up the elimination tree from the four seeds at once, lowest rank first. Every arc into a
// rank comes from a lower rank on these paths, so both labels of a rank are final when the walk
// reaches it: its total is a candidate meeting, and a side whose label already reaches the best
// total leads to nothing cheaper above it. The forward side relaxes the upward costs, the backward
// side the downward ones, reading each arc once for both.
function walkUp(space: QuerySpace, layout: QueryMetric): void {
  const { f64, i32 } = space;
  const { firstArc, arcs } = layout;
  let a = seeds[0]!, b = seeds[1]!, c = seeds[2]!, d = seeds[3]!;
  let best = Infinity;
  let rank = TOP;
  for (;;) {
    const x = Math.min(a, b, c, d);
    if (x === TOP) break;
    const parent = i32[RANK_STRIDE_I32 * x + PARENT]!;
    if (a === x) a = parent;
    if (b === x) b = parent;
    if (c === x) c = parent;
    if (d === x) d = parent;
    const forward = f64[RANK_STRIDE_F64 * x]!;
    const backward = f64[RANK_STRIDE_F64 * x + 1]!;
    if (forward + backward < best) {
      best = forward + backward;
      rank = x;
    }
    const up = forward < best;
    const down = backward < best;
    if (!up && !down) continue;
    for (let arc = firstArc[x]!, end = firstArc[x + 1]!; arc < end; arc++) {
      const y = RANK_STRIDE_F64 * arcs[3 * arc + 2]!;
      if (up && forward + arcs[3 * arc]! < f64[y]!) {
        f64[y] = forward + arcs[3 * arc]!;
        i32[2 * y + PRED_F] = arc;
      }
      if (down && backward + arcs[3 * arc + 1]! < f64[y + 1]!) {
        f64[y + 1] = backward + arcs[3 * arc + 1]!;
        i32[2 * y + PRED_F + 1] = arc;
      }
    }
  }
  meeting.rank = rank;
  meeting.cost = best;
}

/** Resets the labels the last search set: only its seeds' ancestors were ever labelled. */
export function resetLabels(space: QuerySpace): void {
  const { f64, i32 } = space;
  for (let s = 0; s < 4; s++) {
    for (let x = seeds[s]!; x !== TOP; x = i32[RANK_STRIDE_I32 * x + PARENT]!) f64[RANK_STRIDE_F64 * x] = f64[RANK_STRIDE_F64 * x + 1] = Infinity;
  }
}

// Labels the ranks a route may leave from (side 0, from the source) or arrive through (side 1).
function seed(cch: CchTopology, space: QuerySpace, side: 0 | 1, node: number, multipliers: Float64Array): void {
  const { chains, rankOf } = cch;
  const junction = chains.nodeJunction[node]!;
  seeds[2 * side + 1] = TOP;
  if (junction !== NONE) {
    seeds[2 * side] = rankOf[junction]!;
    label(space, side, rankOf[junction]!, 0, SEED_HERE);
    return;
  }
  const chain = chains.nodeChain[node]!;
  const pos = chains.nodePos[node]!;
  const length = chains.chainFirst[chain + 1]! - chains.chainFirst[chain]!;
  const start = rankOf[chains.chainStart[chain]!]!;
  const end = rankOf[chains.chainEnd[chain]!]!;
  // From the source: forwards to the end; to the target: forwards from the start.
  const ahead = side === 0 ? end : start;
  seeds[2 * side] = ahead;
  label(space, side, ahead, side === 0 ? chains.chainCost(chain, pos, length, multipliers) : chains.chainCost(chain, 0, pos, multipliers), SEED_FORWARD);
  if (chains.chainOneway[chain]) return;
  const behind = side === 0 ? start : end;
  seeds[2 * side + 1] = behind;
  label(space, side, behind, side === 0 ? chains.chainCost(chain, 0, pos, multipliers) : chains.chainCost(chain, pos, length, multipliers), SEED_BACKWARD);
}
function label(space: QuerySpace, side: 0 | 1, rank: number, cost: number, pred: number): void {
  if (!(cost < space.f64[RANK_STRIDE_F64 * rank + side]!)) return;
  space.f64[RANK_STRIDE_F64 * rank + side] = cost;
  space.i32[RANK_STRIDE_I32 * rank + PRED_F + side] = pred;
}
