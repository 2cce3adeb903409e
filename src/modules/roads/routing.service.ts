import { AppError } from '../../shared/errors.ts';
import {
  ReachabilityRequest, RouteRequest, type LatLon, type ReachabilityResponse, type RouteResponse, type RiskTolerance, type RouteProfile,
} from '../../shared/roads.ts';
import type { Db } from '../../db/index.ts';
import type { Viewer } from '../auth/index.ts';
import { communeCentres, communeJunctions, COMMUNES_DATASET } from './communes.ts';
import { loadNetwork, type LoadedNetwork } from './graph-registry.ts';
import { isoTime } from './labels.ts';
import { pictureFor } from './picture.ts';
import { resolvePlace, type ResolvedPlace } from './places.ts';
import { PROFILES, toleranceOf } from './profiles.ts';
import { riskWeights, type RiskWeights } from './risk-weights.ts';
import { cutOffBy, describeRoute, explainNoRoute } from './route-report.ts';

/*
 * Routes and reachability over one network, with the risk picture the requester may see as of
 * the time asked. Points are snapped to the nearest road node; one farther than the snap
 * distance is refused, saying how far it is.
 */

interface Snapped {
  node: number;
  meters: number;
  point: RouteResponse['from'];
}

function snapTo(loaded: LoadedNetwork, point: LatLon & { site?: ResolvedPlace['site'] }, snapMeters: number): Snapped | null {
  const nearest = loaded.router.nearestNode(point.lon, point.lat);
  if (!nearest || nearest.meters > snapMeters) return null;
  const { graph } = loaded.segments;
  return {
    node: nearest.node, meters: nearest.meters,
    point: { requested: { lat: point.lat, lon: point.lon }, site: point.site ?? null, snapped: { lat: graph.lat[nearest.node]!, lon: graph.lon[nearest.node]! }, snapMeters: nearest.meters },
  };
}

function snapOrFail(loaded: LoadedNetwork, point: ResolvedPlace, snapMeters: number, role: string): Snapped {
  const snapped = snapTo(loaded, point, snapMeters);
  if (snapped) return snapped;
  const nearest = loaded.router.nearestNode(point.lon, point.lat);
  const distance = nearest ? `${Math.round(nearest.meters).toLocaleString('en')} m from the nearest road` : 'on no road';
  const what = point.site ? `site ${point.site.name} (${point.lat}, ${point.lon})` : `(${point.lat}, ${point.lon})`;
  throw new AppError('OFF_NETWORK', `the ${role} ${what} is ${distance} of network ${loaded.name}, farther than the snap distance of ${snapMeters} m: move it onto a road, or raise snapMeters`, { role, meters: nearest?.meters ?? null, snapMeters });
}

interface Setting {
  loaded: LoadedNetwork;
  weights: RiskWeights;
  asOf: string;
  tolerance: RiskTolerance;
  timeFactor: number;
  counts: RouteResponse['picture'];
}

async function settingFor(db: Db, viewer: Viewer, request: { network: string; profile: RouteProfile; riskTolerance?: RiskTolerance | undefined; asOf?: string | undefined }): Promise<Setting> {
  const asOf = isoTime(request.asOf ?? Date.now());
  const loaded = await loadNetwork(db, request.network);
  const tolerance = toleranceOf(request.profile, request.riskTolerance);
  const picture = await pictureFor(db, viewer, loaded.id, asOf);
  const weights = riskWeights(loaded, picture, tolerance);
  const counts = { areas: picture.areas.length, roadblocks: picture.points.length, overrides: picture.overrides.length };
  return { loaded, weights, asOf, tolerance, timeFactor: PROFILES[request.profile].timeFactor, counts };
}

/** The best route and up to two meaningfully different alternatives, or why there is none. */
export async function planRoute({ db, viewer, input }: { db: Db; viewer: Viewer; input: RouteRequest }): Promise<RouteResponse> {
  const request = RouteRequest.parse(input);
  const { loaded, weights, asOf, tolerance, timeFactor, counts } = await settingFor(db, viewer, request);
  const from = snapOrFail(loaded, await resolvePlace(db, viewer, request.from, 'origin'), request.snapMeters, 'origin');
  const to = snapOrFail(loaded, await resolvePlace(db, viewer, request.to, 'destination'), request.snapMeters, 'destination');
  const routes = loaded.router.alternatives(from.node, to.node, weights.prepared, { count: 1 + request.alternatives });
  const free = routes.length > 0 ? loaded.router.route(from.node, to.node, loaded.open) : null;
  return {
    network: loaded.name, profile: request.profile, riskTolerance: tolerance, asOf, from: from.point, to: to.point,
    found: routes.length > 0,
    routes: routes.map((route) => describeRoute(loaded, weights, route, free, timeFactor)),
    noRoute: routes.length > 0 ? null : explainNoRoute(loaded, weights, from.node, to.node, asOf),
    picture: counts,
  };
}

interface Target { id: string; name: string | null; lat: number; lon: number }

async function targetsOf(db: Db, viewer: Viewer, request: ReturnType<typeof ReachabilityRequest.parse>, loaded: LoadedNetwork, datasetsDir: string | null): Promise<Target[]> {
  if (request.to && request.to.length > 0) {
    const targets: Target[] = [];
    for (const [i, target] of request.to.entries()) {
      const place = await resolvePlace(db, viewer, target, `target ${target.id ?? i}`);
      targets.push({ id: target.id ?? place.site?.id ?? String(i), name: place.site?.name ?? null, lat: place.lat, lon: place.lon });
    }
    return targets;
  }
  if (!request.communes) throw new AppError('VALIDATION_FAILED', 'say where to: points in `to`, or communes: true for every commune centre on the network');
  const communes = await communeCentres(datasetsDir);
  if (!communes) throw new AppError('NOT_FOUND', `the commune boundaries (${COMMUNES_DATASET}) are not in the datasets folder: set KONBIT_DATASETS, or give points in \`to\``);
  // Only communes with a road of this network inside them: the rest of the country is not in it.
  return communeJunctions(loaded.network, communes).map((c) => ({ id: c.pcode, name: c.name, lat: c.lat, lon: c.lon }));
}

/** From one point to many: which are reachable, in what time, and which are cut off (and by what). */
export async function reachability({ db, viewer, input, datasetsDir = null }: { db: Db; viewer: Viewer; input: ReachabilityRequest; datasetsDir?: string | null }): Promise<ReachabilityResponse> {
  const request = ReachabilityRequest.parse(input);
  const { loaded, weights, asOf, tolerance, timeFactor } = await settingFor(db, viewer, request);
  const from = snapOrFail(loaded, await resolvePlace(db, viewer, request.from, 'origin'), request.snapMeters, 'origin');
  const { graph } = loaded.segments;
  const cutOff: number[] = [];
  const targets = (await targetsOf(db, viewer, request, loaded, datasetsDir)).map((target) => {
    const snapped = snapTo(loaded, target, request.snapMeters);
    const base = { ...target, snapMeters: snapped?.meters ?? null };
    if (!snapped) return { ...base, status: 'off-network' as const, durationSeconds: null, distanceMeters: null, costSeconds: null };
    const route = loaded.router.route(from.node, snapped.node, weights.prepared);
    if (!route) {
      cutOff.push(snapped.node);
      return { ...base, status: 'cut-off' as const, durationSeconds: null, distanceMeters: null, costSeconds: null };
    }
    let seconds = 0;
    for (const s of route.edges) seconds += graph.edgeSeconds[s]!;
    return { ...base, status: 'reachable' as const, durationSeconds: seconds * timeFactor, distanceMeters: route.meters, costSeconds: route.cost * timeFactor };
  });
  return {
    network: loaded.name, profile: request.profile, riskTolerance: tolerance, asOf, from: from.point, targets,
    cutBy: cutOff.length > 0 ? cutOffBy(loaded, weights, from.node, cutOff) : [],
  };
}
