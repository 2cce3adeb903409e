import { KeyRoadsResponse, type KeyRoad, type PictureItem, type RiskTolerance, type RoadStatus, type RouteProfile } from '../../shared/roads.ts';
import type { Db } from '../../db/index.ts';
import type { Viewer } from '../auth/index.ts';
import { loadNetwork, type LoadedNetwork } from './graph-registry.ts';
import { CORRIDORS } from './key-roads.ts';
import { isoTime } from './labels.ts';
import { pictureFor } from './picture.ts';
import { toleranceOf } from './profiles.ts';
import { itemsBySegment, riskWeights, type RiskWeights } from './risk-weights.ts';

/*
 * Road status as a reader sees it: each edge of the network open, risky or blocked under the
 * picture that reader may see, for the map and for the key roads board.
 */

interface StatusQuery {
  db: Db;
  viewer: Viewer;
  network: string;
  asOf?: string | undefined;
  profile?: RouteProfile;
  riskTolerance?: RiskTolerance | undefined;
}

interface EdgeStatus {
  status: RoadStatus;
  /** Highest multiplier over the edge's segments (Infinity: blocked). */
  factor: number;
  items: PictureItem[];
}

async function weightsFor({ db, viewer, network, asOf, profile = 'convoy', riskTolerance }: StatusQuery) {
  const at = isoTime(asOf ?? Date.now());
  const loaded = await loadNetwork(db, network);
  const tolerance = toleranceOf(profile, riskTolerance);
  const weights = riskWeights(loaded, await pictureFor(db, viewer, loaded.id, at), tolerance);
  return { loaded, weights, asOf: at, profile, tolerance };
}

function statusOf(factor: number): RoadStatus {
  return factor === Infinity ? 'blocked' : factor > 1 ? 'risky' : 'open';
}

function edgeStatus(loaded: LoadedNetwork, weights: RiskWeights, e: number): EdgeStatus {
  const { firstSegment } = loaded.segments;
  const bySegment = itemsBySegment(weights);
  let factor = 1;
  const items = new Map<string, PictureItem>();
  for (let s = firstSegment[e]!; s < firstSegment[e + 1]!; s++) {
    factor = Math.max(factor, weights.multipliers[s]!);
    for (const item of bySegment.get(s) ?? []) if (item.factor > 1 || item.item.kind === 'reopening') items.set(`${item.item.kind}:${item.item.id}`, item.item);
  }
  return { status: statusOf(factor), factor, items: [...items.values()] };
}

/**
 * The network's edges as GeoJSON lines with their status (open, risky, blocked), the factor that
 * weighs on them (null when blocked) and the ids of the items that make them so, listed once in
 * `items`. With `notOpen`, only the risky and blocked edges.
 */
export async function roadStatusGeoJson(query: StatusQuery & { notOpen?: boolean | undefined }) {
  const { loaded, weights, asOf, profile, tolerance } = await weightsFor(query);
  const { network } = loaded;
  const items = new Map<string, PictureItem>();
  const features = [];
  for (let e = 0; e < network.edgeCount; e++) {
    const status = edgeStatus(loaded, weights, e);
    if (query.notOpen && status.status === 'open') continue;
    for (const item of status.items) items.set(item.id, item);
    const points = network.geometry.subarray(network.geometryOffsets[e]!, network.geometryOffsets[e + 1]!);
    const coordinates: number[][] = [];
    for (let i = 0; i < points.length; i += 2) coordinates.push([points[i]!, points[i + 1]!]);
    features.push({
      type: 'Feature' as const,
      id: e,
      geometry: { type: 'LineString' as const, coordinates },
      properties: {
        edge: e, name: network.strings[network.edgeName[e]!] ?? '', ref: network.strings[network.edgeRef[e]!] ?? '',
        highway: network.highwayClasses[network.edgeHighway[e]!] ?? '', oneway: network.edgeOneway[e] === 1,
        status: status.status, factor: status.factor === Infinity ? null : status.factor, causes: status.items.map((i) => i.id),
      },
    });
  }
  return { type: 'FeatureCollection' as const, network: loaded.name, asOf, profile, riskTolerance: tolerance, items: [...items.values()], features };
}

/** The key corridors with their status aggregated from their edges: blocked if any stretch is. */
export async function keyRoads(query: StatusQuery): Promise<KeyRoadsResponse> {
  const { loaded, weights, asOf, profile, tolerance } = await weightsFor(query);
  const { network } = loaded;
  const roads: KeyRoad[] = [];
  for (const corridor of CORRIDORS) {
    const road = { id: corridor.id, name: corridor.name, description: corridor.description, meters: 0, openMeters: 0, riskyMeters: 0, blockedMeters: 0, segments: 0 };
    const causes = new Map<string, PictureItem>();
    for (let e = 0; e < network.edgeCount; e++) {
      const name = network.strings[network.edgeName[e]!] ?? '';
      const ref = network.strings[network.edgeRef[e]!] ?? '';
      if (!corridor.match.test(name) && !corridor.match.test(ref)) continue;
      const status = edgeStatus(loaded, weights, e);
      const meters = network.edgeMeters[e]!;
      road.segments++;
      road.meters += meters;
      road[`${status.status}Meters`] += meters;
      for (const item of status.items) causes.set(item.id, item);
    }
    if (road.segments === 0) continue;
    const status: RoadStatus = road.blockedMeters > 0 ? 'blocked' : road.riskyMeters > 0 ? 'risky' : 'open';
    roads.push({ ...road, status, causes: [...causes.values()] });
  }
  return KeyRoadsResponse.parse({ network: loaded.name, asOf, profile, riskTolerance: tolerance, roads });
}
