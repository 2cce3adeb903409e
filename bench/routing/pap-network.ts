// Reads the Port-au-Prince road network straight from its GeoJSON export, so the bench does not
// wait for the project's OSM importer: each LineString's consecutive coordinates are nodes joined
// by an edge, identical coordinates are one node, speed comes from the highway class.
import { readFileSync } from 'node:fs';
import type { RoadGraphInput } from '../../src/core/graph/index.ts';
import { haversineMeters } from '../../src/core/graph/index.ts';

const SPEED_KMH: Record<string, number> = {
  motorway: 80, trunk: 70, primary: 50, secondary: 40, tertiary: 35, unclassified: 30,
  residential: 25, road: 30, service: 15, track: 15, living_street: 10,
};
const DEFAULT_KMH = 30;
// Not for cars: kept out of the graph.
const NOT_DRIVABLE = new Set(['footway', 'path', 'pedestrian', 'steps', 'cycleway', 'bridleway', 'construction', 'proposed']);

/** A GeoJSON LineString feature as exported from OSM (tags in one string). */
export interface RoadFeature {
  type: 'Feature';
  properties: { tags?: string | null };
  geometry: { type: 'LineString'; coordinates: number[][] };
}

/** Graph input plus what the peers need: the drivable features and a coordinate -> node map. */
export interface LoadedRoads extends RoadGraphInput {
  features: RoadFeature[];
  nodeByCoordinate: Map<string, number>;
}

function parseTags(tags: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const match of tags.matchAll(/"([^"]+)"=>?"([^"]*)"/g)) map.set(match[1]!, match[2]!);
  return map;
}

/** The key under which nodeByCoordinate finds a position. */
export function coordinateKey(c: number[]): string {
  return `${c[0]},${c[1]}`;
}

/** Loads a GeoJSON FeatureCollection of OSM LineStrings as graph input (drivable highways only). */
export function loadGeojsonRoads(file: string): LoadedRoads {
  const collection = JSON.parse(readFileSync(file, 'utf8')) as { features: RoadFeature[] };
  const ids = new Map<string, number>();
  const lon: number[] = [];
  const lat: number[] = [];
  const from: number[] = [], to: number[] = [], seconds: number[] = [], meters: number[] = [], oneway: number[] = [];
  const features: RoadFeature[] = [];
  const nodeOf = (c: number[]): number => {
    const key = coordinateKey(c);
    let id = ids.get(key);
    if (id === undefined) {
      id = lon.length;
      ids.set(key, id);
      lon.push(c[0]!);
      lat.push(c[1]!);
    }
    return id;
  };
  for (const feature of collection.features) {
    if (feature.geometry?.type !== 'LineString') continue;
    const tags = parseTags(feature.properties.tags ?? '');
    const highway = tags.get('highway');
    if (!highway || NOT_DRIVABLE.has(highway)) continue;
    features.push(feature);
    const kmh = SPEED_KMH[highway.replace(/_link$/, '')] ?? DEFAULT_KMH;
    const way = tags.get('oneway');
    const reversed = way === '-1';
    const isOneway = way === 'yes' || way === '1' || way === 'true' || reversed || tags.get('junction') === 'roundabout';
    const coords = feature.geometry.coordinates;
    for (let i = 1; i < coords.length; i++) {
      const a = nodeOf(coords[i - 1]!);
      const b = nodeOf(coords[i]!);
      if (a === b) continue;
      const m = haversineMeters(lon[a]!, lat[a]!, lon[b]!, lat[b]!);
      from.push(reversed ? b : a);
      to.push(reversed ? a : b);
      meters.push(m);
      seconds.push(m / (kmh / 3.6));
      oneway.push(isOneway ? 1 : 0);
    }
  }
  return {
    nodeCount: lon.length, lon: Float64Array.from(lon), lat: Float64Array.from(lat),
    edgeFrom: Uint32Array.from(from), edgeTo: Uint32Array.from(to), edgeSeconds: Float64Array.from(seconds),
    edgeMeters: Float64Array.from(meters), edgeOneway: Uint8Array.from(oneway), features, nodeByCoordinate: ids,
  };
}
