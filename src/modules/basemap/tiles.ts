import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { Basemap, BasemapLayerName } from './basemap.service.ts';

/*
 * The basemap as vector tiles: one tile holds every layer, cut and simplified
 * for its zoom on the server (geojson-vt) from the thinned layers, so that the
 * browser fetches a few small tiles and tiles nothing itself. The communal
 * sections come only from zoom 11, the minor roads from zoom 11: the first
 * view of the capital draws boundaries and main roads.
 */

export const BASEMAP_TILE_MAX_ZOOM = 14;
const EXTENT = 4096;
/** Below these zooms a layer (or the minor roads) is left out of the tiles. */
const ADM3_FROM = 11;
const MINOR_ROADS_FROM = 11;
const TILES_KEPT = 4000;

export interface BasemapTiles {
  /** Changes with the data drawn; tile URLs carry it. */
  version(): Promise<string>;
  /** A tile, gzip-compressed, and the version it was cut from. */
  tile(z: number, x: number, y: number): Promise<{ gzip: Buffer; version: string }>;
}

interface Built {
  version: string;
  layers: Map<BasemapLayerName, GeoJSONVT>;
  tiles: Map<string, Promise<Buffer>>;
}

export function createBasemapTiles(basemap: Basemap): BasemapTiles {
  let built: Promise<Built> | null = null;
  const current = async (before: Promise<Built> | null): Promise<Built> => {
    const available = (await basemap.layers()).filter((l) => l.available).map((l) => l.name);
    const bodies = await Promise.all(available.map(async (name) => [name, await basemap.load(name)] as const));
    const version = createHash('sha256').update(bodies.map(([name, body]) => `${name}${body.etag}`).join()).digest('base64url').slice(0, 16);
    const previous = before ? await before.catch(() => null) : null;
    if (previous?.version === version) return previous;
    const layers = new Map<BasemapLayerName, GeoJSONVT>();
    for (const [name, body] of bodies) {
      layers.set(name, new GeoJSONVT(JSON.parse(body.json.toString('utf8')) as GeoJSON.FeatureCollection, { maxZoom: BASEMAP_TILE_MAX_ZOOM, extent: EXTENT, tolerance: 3, buffer: 64 }));
    }
    return { version, layers, tiles: new Map() };
  };
  const refresh = (): Promise<Built> => {
    const next = current(built);
    built = next;
    next.catch(() => {
      if (built === next) built = null;
    });
    return next;
  };
  return {
    async version() {
      return (await refresh()).version;
    },
    async tile(z, x, y) {
      const state = await (built ?? refresh());
      const key = `${z}/${x}/${y}`;
      let tile = state.tiles.get(key);
      if (!tile) {
        tile = promisify(gzip)(cut(state.layers, z, x, y));
        if (state.tiles.size >= TILES_KEPT) state.tiles.delete(state.tiles.keys().next().value!);
        state.tiles.set(key, tile);
      }
      return { gzip: await tile, version: state.version };
    },
  };
}

function cut(layers: ReadonlyMap<BasemapLayerName, GeoJSONVT>, z: number, x: number, y: number): Uint8Array {
  const tiles: Record<string, NonNullable<ReturnType<GeoJSONVT['getTile']>>> = {};
  for (const [name, index] of layers) {
    if (name === 'adm3' && z < ADM3_FROM) continue;
    const tile = index.getTile(z, x, y);
    if (!tile) continue;
    if (name === 'roads' && z < MINOR_ROADS_FROM) tiles[name] = { ...tile, features: tile.features.filter((f: { tags: GeoJSON.GeoJsonProperties }) => f.tags?.class === 'major') };
    else tiles[name] = tile;
  }
  return fromGeojsonVt(tiles, { version: 2, extent: EXTENT });
}
