import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { AppError } from '../../shared/errors.ts';
import { networkFeatures, type ImportedRoads } from './network-roads.ts';
import { roadClassOf } from './road-class.ts';
import { simplifyLine, simplifyPolygon, type Position } from './simplify.ts';

/*
 * The basemap: Konbit draws its map from its own data, never from a tile
 * server, so that it works offline. Each layer is a public dataset read once,
 * thinned, and kept in memory as JSON and gzip with an ETag.
 */

export type BasemapLayerName = 'adm1' | 'adm2' | 'adm3' | 'roads';

interface LayerSpec {
  /** Path of the dataset inside the datasets folder. */
  dataset: string;
  /** Douglas–Peucker tolerance in degrees (1e-4 ≈ 11 m). */
  tolerance: number;
  /** What a user must do to bring the dataset. */
  remedy: string;
  attribution: string;
  toFeature: (properties: Record<string, unknown>) => Record<string, string> | null;
}

const BOUNDARY_REMEDY = 'put the OCHA COD-AB boundaries of Haiti (hti-adm1/2/3.geojson) in haiti/admin/ of the datasets folder and set KONBIT_DATASETS to that folder';

const adminProperties = (level: 1 | 2 | 3) => (p: Record<string, unknown>): Record<string, string> => {
  const out: Record<string, string> = {};
  for (let l = 1; l <= level; l++) out[`adm${l}`] = String(p[`ADM${l}_PCODE`] ?? '');
  out.pcode = String(p[`ADM${level}_PCODE`] ?? '');
  for (const lang of ['en', 'fr', 'ht'] as const) out[`name_${lang}`] = String(p[`ADM${level}_${lang.toUpperCase()}`] ?? '');
  return out;
};

export const BASEMAP_LAYERS: Readonly<Record<BasemapLayerName, LayerSpec>> = {
  adm1: { dataset: 'haiti/admin/hti-adm1.geojson', tolerance: 4e-4, remedy: BOUNDARY_REMEDY, attribution: 'OCHA, CNIGS', toFeature: adminProperties(1) },
  adm2: { dataset: 'haiti/admin/hti-adm2.geojson', tolerance: 2e-4, remedy: BOUNDARY_REMEDY, attribution: 'OCHA, CNIGS', toFeature: adminProperties(2) },
  adm3: { dataset: 'haiti/admin/hti-adm3.geojson', tolerance: 1e-4, remedy: BOUNDARY_REMEDY, attribution: 'OCHA, CNIGS', toFeature: adminProperties(3) },
  roads: {
    dataset: 'haiti/roads/pap-metro-2010.geojson',
    tolerance: 1e-5,
    remedy: 'set KONBIT_DATASETS to the folder of public datasets, or import a road network with `konbit roads import FILE --network NAME`',
    attribution: '© OpenStreetMap contributors',
    toFeature: roadProperties,
  },
};

/** Road class for drawing; null for what is not a road (rivers, runways). */
function roadProperties(p: Record<string, unknown>): Record<string, string> | null {
  const tagged = /"highway"=>?"([^"]+)"/.exec(typeof p.tags === 'string' ? p.tags : '');
  const highway = (typeof p.highway === 'string' && p.highway) || (typeof p.type === 'string' && p.type) || tagged?.[1];
  if (!highway) return null;
  const roadClass = roadClassOf(highway);
  return typeof p.name === 'string' && p.name ? { class: roadClass, name: p.name } : { class: roadClass };
}

export interface BasemapLayerInfo {
  name: BasemapLayerName;
  dataset: string;
  available: boolean;
  attribution: string;
}

export interface BasemapLayerBody {
  json: Buffer;
  gzip: Buffer;
  etag: string;
  features: number;
}

export interface Basemap {
  layers(): Promise<BasemapLayerInfo[]>;
  /** The thinned layer, computed on first use; throws NOT_FOUND naming the dataset when it is missing. */
  load(name: BasemapLayerName): Promise<BasemapLayerBody>;
}

export interface BasemapSources {
  /** The datasets folder, or null when Konbit found none. */
  datasetsDir: string | null;
  /**
   * The imported road network, when the roads module has one: the basemap then draws the roads
   * Konbit routes on (a user's own OpenStreetMap extract) rather than the dataset file.
   */
  roads?: () => Promise<ImportedRoads | null>;
}

/** A basemap over the datasets folder and the imported road network. */
export function createBasemap({ datasetsDir, roads }: BasemapSources): Basemap {
  const cache = new Map<BasemapLayerName, Promise<BasemapLayerBody>>();
  const networkCache = new Map<string, Promise<BasemapLayerBody>>();
  const fileOf = (name: BasemapLayerName) => (datasetsDir ? path.join(datasetsDir, BASEMAP_LAYERS[name].dataset) : null);
  return {
    async layers() {
      const imported = roads ? await roads() : null;
      return (Object.keys(BASEMAP_LAYERS) as BasemapLayerName[]).map((name) => {
        if (name === 'roads' && imported) return { name, dataset: `road network ${imported.name}`, available: true, attribution: BASEMAP_LAYERS.roads.attribution };
        const file = fileOf(name);
        return { name, dataset: BASEMAP_LAYERS[name].dataset, available: file !== null && existsSync(file), attribution: BASEMAP_LAYERS[name].attribution };
      });
    },
    async load(name) {
      const imported = name === 'roads' && roads ? await roads() : null;
      if (imported) {
        let body = networkCache.get(imported.key);
        if (!body) {
          networkCache.clear();
          body = encode(networkFeatures(imported.network, BASEMAP_LAYERS.roads.tolerance, DECIMALS));
          networkCache.set(imported.key, body);
        }
        return body;
      }
      const file = fileOf(name);
      const spec = BASEMAP_LAYERS[name];
      if (!file || !existsSync(file)) {
        const where = datasetsDir ?? 'the datasets folder (KONBIT_DATASETS is not set and ../shared/data does not exist)';
        throw new AppError('NOT_FOUND', `the basemap layer ${name} needs the dataset ${spec.dataset}, which is missing from ${where}: ${spec.remedy}`, {
          dataset: spec.dataset,
        });
      }
      let body = cache.get(name);
      if (!body) {
        body = buildLayer(file, spec);
        cache.set(name, body);
        // A failed read is not cached: the next request tries again.
        body.catch(() => cache.delete(name));
      }
      return body;
    },
  };
}

interface Geometry {
  type: string;
  coordinates: unknown;
}

async function buildLayer(file: string, spec: LayerSpec): Promise<BasemapLayerBody> {
  const source = JSON.parse(await readFile(file, 'utf8')) as { features?: { properties?: Record<string, unknown>; geometry?: Geometry | null }[] };
  const features: unknown[] = [];
  for (const feature of source.features ?? []) {
    const properties = spec.toFeature(feature.properties ?? {});
    const geometry = feature.geometry ? thin(feature.geometry, spec.tolerance) : null;
    if (properties && geometry) features.push({ type: 'Feature', properties, geometry });
  }
  return encode(features);
}

async function encode(features: unknown[]): Promise<BasemapLayerBody> {
  const json = Buffer.from(JSON.stringify({ type: 'FeatureCollection', features }));
  return {
    json,
    gzip: await promisify(gzip)(json),
    etag: `"${createHash('sha256').update(json).digest('base64url').slice(0, 27)}"`,
    features: features.length,
  };
}

const DECIMALS = 5;
type Ring = readonly (readonly number[])[];

function thin(geometry: Geometry, tolerance: number): Geometry | null {
  switch (geometry.type) {
    case 'Polygon': {
      const rings = simplifyPolygon(geometry.coordinates as Ring[], tolerance, DECIMALS);
      return rings ? { type: 'Polygon', coordinates: rings } : null;
    }
    case 'MultiPolygon': {
      const polygons = (geometry.coordinates as Ring[][]).map((p) => simplifyPolygon(p, tolerance, DECIMALS)).filter((p) => p !== null);
      return polygons.length > 0 ? { type: 'MultiPolygon', coordinates: polygons } : null;
    }
    case 'LineString': {
      const line = simplifyLine(geometry.coordinates as Ring, tolerance, DECIMALS);
      return line.length >= 2 ? { type: 'LineString', coordinates: line } : null;
    }
    case 'MultiLineString': {
      const lines = (geometry.coordinates as Ring[]).map((l) => simplifyLine(l, tolerance, DECIMALS)).filter((l): l is Position[] => l.length >= 2);
      return lines.length > 0 ? { type: 'MultiLineString', coordinates: lines } : null;
    }
    default:
      return null;
  }
}
