import { Supercluster } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { TilePointRow } from './tiles.repo.ts';

/*
 * The incidents of one reader and filter, clustered once per zoom level on
 * the server (the same clustering MapLibre runs in the browser for a GeoJSON
 * source), cut into Mapbox vector tiles on demand. The browser then draws a
 * few hundred clusters instead of parsing and clustering every incident.
 */

/** The source layer of every incident tile. */
export const TILE_LAYER = 'incidents';
/** Tile coordinates per side: fine enough to click a single point at street zoom. */
const EXTENT = 4096;
/** Cluster radius in pixels of a 512-pixel tile (as the web map's former clusterRadius). */
const RADIUS_PX = 42;
/** Above this zoom every incident is drawn on its own. */
export const CLUSTER_MAX_ZOOM = 14;

export interface ClusterIndex {
  /** The incidents clustered. */
  readonly count: number;
  /** The tile as protobuf bytes; null outside the world. */
  tile(z: number, x: number, y: number): Uint8Array | null;
}

export function buildClusterIndex(points: readonly TilePointRow[]): ClusterIndex {
  const index = new Supercluster({
    maxZoom: CLUSTER_MAX_ZOOM,
    extent: EXTENT,
    radius: RADIUS_PX * (EXTENT / 512),
    wrap: false,
    map: (props: GeoJSON.GeoJsonProperties) => ({ casualties: (props as { casualties: number }).casualties }),
    reduce: (sum: Record<string, unknown>, props: Record<string, unknown>) => {
      sum.casualties = (sum.casualties as number) + (props.casualties as number);
    },
  });
  index.load(
    points.map((p) => ({
      type: 'Feature' as const,
      geometry: { type: 'Point' as const, coordinates: [p.lon, p.lat] },
      properties: { id: p.id, type: p.type, verification: p.verification, casualties: p.casualties },
    })),
  );
  return {
    count: points.length,
    tile(z, x, y) {
      const tile = index.getTile(z, x, y);
      if (!tile) return null;
      for (const feature of tile.features) {
        const tags = feature.tags as Record<string, unknown> | null;
        // The zoom a click on a cluster eases to, so that the browser needs no index of its own.
        if (tags?.cluster) feature.tags = { ...tags, expand: Math.min(index.getClusterExpansionZoom(tags.cluster_id as number), CLUSTER_MAX_ZOOM + 1) };
      }
      return fromGeojsonVt({ [TILE_LAYER]: tile }, { version: 2, extent: EXTENT });
    },
  };
}
