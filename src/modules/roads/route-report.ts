// What a route tells a planner besides its line: how long, how risky (time and length inside each
// area it crosses), which blocks it goes round, which streets it takes — and, when there is no
// route, which blocks cut the destination off.

import { reverseAdjacency, type Adjacency, type Route } from '../../core/graph/index.ts';
import { lineLengthInsidePolygon } from '../../core/geo/index.ts';
import type { PictureItem, RouteOption } from '../../shared/roads.ts';
import type { LoadedNetwork } from './graph-registry.ts';
import { itemsBySegment, type RiskWeights, type WeightedItem } from './risk-weights.ts';

/** The line, length, time, risk, avoided blocks and streets of one route. */
export function describeRoute(loaded: LoadedNetwork, weights: RiskWeights, route: Route, free: Route | null, timeFactor: number): RouteOption {
  const { graph } = loaded.segments;
  let seconds = 0;
  for (const s of route.edges) seconds += graph.edgeSeconds[s]!;
  return {
    geometry: { type: 'LineString', coordinates: Array.from(route.nodes, (v) => [graph.lon[v]!, graph.lat[v]!]) },
    distanceMeters: route.meters,
    durationSeconds: seconds * timeFactor,
    costSeconds: route.cost * timeFactor,
    ...riskCrossed(loaded, weights, route, timeFactor),
    blocksAvoided: free ? blocksAvoided(weights, route, free) : [],
    streets: streetsOf(loaded, route, timeFactor),
  };
}

/** Length and time inside each risky area the route crosses, the area's own boundary cutting each segment. */
function riskCrossed(loaded: LoadedNetwork, weights: RiskWeights, route: Route, timeFactor: number): Pick<RouteOption, 'riskCrossed' | 'riskTotals'> {
  const { graph } = loaded.segments;
  const bySegment = itemsBySegment(weights);
  const crossed = new Map<WeightedItem, { meters: number; seconds: number }>();
  for (const s of route.edges) {
    for (const item of bySegment.get(s) ?? []) {
      if (!item.area || item.factor <= 1) continue;
      const a = graph.edgeFrom[s]!, b = graph.edgeTo[s]!;
      const inside = lineLengthInsidePolygon([[graph.lon[a]!, graph.lat[a]!], [graph.lon[b]!, graph.lat[b]!]], item.area.prepared);
      if (inside <= 0) continue;
      const share = graph.edgeMeters[s]! > 0 ? inside / graph.edgeMeters[s]! : 0;
      const total = crossed.get(item) ?? { meters: 0, seconds: 0 };
      total.meters += inside;
      total.seconds += graph.edgeSeconds[s]! * Math.min(1, share) * timeFactor;
      crossed.set(item, total);
    }
  }
  const list = [...crossed].map(([item, { meters, seconds }]) => {
    const area = item.area!.source;
    return { areaId: area.id, name: area.name, group: area.group, level: area.level, meters, seconds };
  }).sort((x, y) => y.meters - x.meters);
  return { riskCrossed: list, riskTotals: { meters: list.reduce((m, r) => m + r.meters, 0), seconds: list.reduce((t, r) => t + r.seconds, 0) } };
}

/** Impassable items on the best route with every road open that this route stays clear of. */
function blocksAvoided(weights: RiskWeights, route: Route, free: Route): PictureItem[] {
  const bySegment = itemsBySegment(weights);
  const onRoute = new Set<WeightedItem>();
  for (const s of route.edges) for (const item of bySegment.get(s) ?? []) onRoute.add(item);
  const avoided = new Map<string, PictureItem>();
  for (const s of free.edges) {
    for (const item of bySegment.get(s) ?? []) {
      if (item.factor === Infinity && !onRoute.has(item)) avoided.set(keyOf(item), item.item);
    }
  }
  return [...avoided.values()];
}

/** Consecutive stretches of one street (unnamed roads have an empty name). */
function streetsOf(loaded: LoadedNetwork, route: Route, timeFactor: number): RouteOption['streets'] {
  const { graph } = loaded.segments;
  const { network } = loaded;
  const streets: RouteOption['streets'] = [];
  for (const s of route.edges) {
    const e = loaded.segments.segmentEdge[s]!;
    const name = network.strings[network.edgeName[e]!] ?? '';
    const ref = network.strings[network.edgeRef[e]!] ?? '';
    const last = streets[streets.length - 1];
    if (last && last.name === name && last.ref === ref) {
      last.meters += graph.edgeMeters[s]!;
      last.seconds += graph.edgeSeconds[s]! * timeFactor;
    } else {
      streets.push({ name, ref, meters: graph.edgeMeters[s]!, seconds: graph.edgeSeconds[s]! * timeFactor });
    }
  }
  return streets;
}

/** Nodes reached from `starts` along passable arcs (every arc when multipliers is null). */
function walk(adjacency: Adjacency, nodeCount: number, starts: readonly number[], multipliers: Float64Array | null): Uint8Array {
  const seen = new Uint8Array(nodeCount);
  const queue = new Uint32Array(nodeCount);
  let head = 0, tail = 0;
  for (const v of starts) if (!seen[v]) { seen[v] = 1; queue[tail++] = v; }
  while (head < tail) {
    const v = queue[head++]!;
    for (let arc = adjacency.firstArc[v]!; arc < adjacency.firstArc[v + 1]!; arc++) {
      // Same passability rule as the searches: Infinity and NaN (0 × Infinity) are blocked.
      if (multipliers && !(adjacency.arcBaseCost[arc]! * multipliers[adjacency.arcEdge[arc]!]! < Infinity)) continue;
      const u = adjacency.arcHead[arc]!;
      if (!seen[u]) { seen[u] = 1; queue[tail++] = u; }
    }
  }
  return seen;
}

const keyOf = (item: WeightedItem): string => `${item.item.kind}:${item.item.id}`;

/**
 * The impassable items that cut the targets off from the source: those with roads on both sides,
 * touching what the source can still reach and what can still reach a target. When blocks stand
 * in series (none touches both sides), the ones on the edge of what the source can reach, on roads
 * that would lead to a target were they open.
 */
export function cutOffBy(loaded: LoadedNetwork, weights: RiskWeights, source: number, targets: readonly number[]): PictureItem[] {
  const { graph } = loaded.segments;
  const { multipliers } = weights;
  const fromSource = walk(graph, graph.nodeCount, [source], multipliers);
  const toTarget = walk(reverseAdjacency(graph), graph.nodeCount, targets, multipliers);
  const blocking = weights.items.filter((item) => item.factor === Infinity);
  const touches = (item: WeightedItem, side: Uint8Array): boolean =>
    item.segments.some((s) => side[graph.edgeFrom[s]!] === 1 || side[graph.edgeTo[s]!] === 1);
  const between = blocking.filter((item) => touches(item, fromSource) && touches(item, toTarget));
  if (between.length > 0) return between.map((item) => item.item);

  const leadsOn = walk(reverseAdjacency(graph), graph.nodeCount, targets, null);
  const bySegment = itemsBySegment(weights);
  const cut = new Map<string, PictureItem>();
  for (let u = 0; u < graph.nodeCount; u++) {
    if (!fromSource[u]) continue;
    for (let arc = graph.firstArc[u]!; arc < graph.firstArc[u + 1]!; arc++) {
      const s = graph.arcEdge[arc]!;
      if (graph.arcBaseCost[arc]! * multipliers[s]! < Infinity || !leadsOn[graph.arcHead[arc]!]) continue;
      for (const item of bySegment.get(s) ?? []) if (item.factor === Infinity) cut.set(keyOf(item), item.item);
    }
  }
  return [...cut.values()];
}

/** Why there is no route from source to target: separate pieces of road, or the blocks named. */
export function explainNoRoute(loaded: LoadedNetwork, weights: RiskWeights, source: number, target: number, asOf: string): { reason: string; cutBy: PictureItem[] } {
  if (loaded.router.route(source, target, loaded.open) === null) {
    return { reason: `no road of network ${loaded.name} leads from the origin to the destination, even with every road open: they lie on separate pieces of the network, or one-way streets lead away`, cutBy: [] };
  }
  const cutBy = cutOffBy(loaded, weights, source, [target]);
  if (cutBy.length === 0) return { reason: `no route as of ${asOf} with the risk tolerance asked`, cutBy };
  const names = cutBy.slice(0, 5).map((item) => `${item.kind} "${item.label}"`).join(', ');
  const more = cutBy.length > 5 ? ` and ${cutBy.length - 5} more` : '';
  return { reason: `no route as of ${asOf}: the destination is cut off by ${names}${more}`, cutBy };
}
