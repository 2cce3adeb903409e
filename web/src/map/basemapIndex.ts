/*
 * The basemap's index (GET /api/v1/basemap): which layers the server has and the URL of its
 * vector tiles. Public, the same for everyone, so it may be asked for as soon as the page knows
 * it opens on the map, while the map screen's code loads.
 */
import { api } from '../api/client.ts';
import type { BasemapLayerName } from './style.ts';

export interface BasemapIndex {
  layers: { name: BasemapLayerName; available: boolean; dataset: string }[];
  /** The vector tiles holding every available layer, simplified per zoom by the server. */
  tiles: string[];
  maxzoom: number;
}

const read = (): Promise<BasemapIndex> => api<BasemapIndex>('/api/v1/basemap').catch(() => ({ layers: [], tiles: [], maxzoom: 14 }));

let early: Promise<BasemapIndex> | null = null;

/** Starts reading the index before the map screen's code has loaded. */
export function readBasemapIndexEarly(): void {
  early ??= read();
}

/** The index read early (once), or a new read. */
export function takeBasemapIndex(): Promise<BasemapIndex> {
  const index = early ?? read();
  early = null;
  return index;
}
