// Communes from the COD-AB boundaries in the datasets folder, as reachability targets: a commune
// is reached at its road junction nearest to its centre (the area-weighted centroid of its
// largest part, which may lie in hills far from any road). Without the file the list is null and
// the caller says which dataset is missing.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { haversineMeters, largestPartCentroid, pointInPolygon, polygonBbox, polygonParts, preparePolygon, type AreaGeometry, type PreparedPolygon } from '../../core/geo/index.ts';
import type { RoadNetwork } from '../../core/roads/index.ts';

export interface CommuneCentre {
  pcode: string;
  name: string;
  lon: number;
  lat: number;
  area: PreparedPolygon;
  bbox: readonly number[];
}

/** Where the commune boundaries are expected, relative to the datasets folder. */
export const COMMUNES_DATASET = 'haiti/admin/hti-adm2.geojson';

const loaded = new Map<string, Promise<CommuneCentre[] | null>>();

/** The commune centres, or null when the datasets folder lacks the boundaries. */
export function communeCentres(datasetsDir: string | null): Promise<CommuneCentre[] | null> {
  if (!datasetsDir) return Promise.resolve(null);
  const file = path.join(datasetsDir, COMMUNES_DATASET);
  let centres = loaded.get(file);
  if (!centres) {
    centres = read(file);
    loaded.set(file, centres);
  }
  return centres;
}

async function read(file: string): Promise<CommuneCentre[] | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return null;
  }
  const collection = JSON.parse(text) as { features: { properties: Record<string, unknown>; geometry: AreaGeometry | null }[] };
  return collection.features.flatMap((feature) => {
    if (!feature.geometry) return [];
    const centre = largestPartCentroid(polygonParts(feature.geometry));
    const pcode = String(feature.properties['ADM2_PCODE'] ?? '');
    const name = String(feature.properties['ADM2_FR'] ?? feature.properties['ADM2_EN'] ?? pcode);
    return centre ? [{ pcode, name, lon: centre.lon, lat: centre.lat, area: preparePolygon(feature.geometry), bbox: polygonBbox(feature.geometry) }] : [];
  });
}

const junctionsByNetwork = new WeakMap<RoadNetwork, { pcode: string; name: string; lon: number; lat: number }[]>();

/** Each commune with a junction of the network inside it, reached at the junction nearest its centre. */
export function communeJunctions(network: RoadNetwork, communes: readonly CommuneCentre[]): { pcode: string; name: string; lon: number; lat: number }[] {
  const cached = junctionsByNetwork.get(network);
  if (cached) return cached;
  let minLon = Infinity, minLat = Infinity, maxLon = -Infinity, maxLat = -Infinity;
  for (let v = 0; v < network.nodeCount; v++) {
    minLon = Math.min(minLon, network.lon[v]!); maxLon = Math.max(maxLon, network.lon[v]!);
    minLat = Math.min(minLat, network.lat[v]!); maxLat = Math.max(maxLat, network.lat[v]!);
  }
  const found = communes.flatMap((commune) => {
    const [w, s, e, n] = commune.bbox as [number, number, number, number];
    if (w > maxLon || e < minLon || s > maxLat || n < minLat) return [];
    let best = -1, bestMeters = Infinity;
    for (let v = 0; v < network.nodeCount; v++) {
      const lon = network.lon[v]!, lat = network.lat[v]!;
      if (lon < w || lon > e || lat < s || lat > n || !pointInPolygon(lon, lat, commune.area)) continue;
      const meters = haversineMeters(commune.lon, commune.lat, lon, lat);
      if (meters < bestMeters) [best, bestMeters] = [v, meters];
    }
    return best < 0 ? [] : [{ pcode: commune.pcode, name: commune.name, lon: network.lon[best]!, lat: network.lat[best]! }];
  });
  junctionsByNetwork.set(network, found);
  return found;
}
