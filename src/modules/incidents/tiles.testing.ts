import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';

/** Tests' reading of the incident tiles: the tile at a point, and what a tile holds. */

export function tileAt(z: number, lon: number, lat: number): { z: number; x: number; y: number } {
  const n = 2 ** z;
  const rad = (lat * Math.PI) / 180;
  return { z, x: Math.floor(((lon + 180) / 360) * n), y: Math.floor(((1 - Math.asinh(Math.tan(rad)) / Math.PI) / 2) * n) };
}

export interface TileContent {
  /** Ids of the single incidents. */
  ids: string[];
  /** Incidents in the clusters, added up. */
  clustered: number;
  clusters: number;
  /** Casualties of single incidents and clusters, added up. */
  casualties: number;
}

export function readTile(bytes: Uint8Array): TileContent {
  const layer = new VectorTile(new PbfReader(bytes)).layers.incidents;
  const content: TileContent = { ids: [], clustered: 0, clusters: 0, casualties: 0 };
  for (let i = 0; i < (layer?.length ?? 0); i++) {
    const p = layer!.feature(i).properties;
    content.casualties += Number(p.casualties);
    if (p.cluster) {
      content.clusters += 1;
      content.clustered += Number(p.point_count);
    } else content.ids.push(String(p.id));
  }
  return content;
}
