/*
 * Creates the MapLibre map once, adds the basemap layers whose datasets the
 * server has and the incidents layer, and exposes the map on window for the
 * browser tests (window.konbitMap).
 */
import { useEffect, useRef, useState } from 'react';
import { api } from '../api/client.ts';
import { addIncidentLayers, INCIDENTS_SOURCE } from './incidentLayers.ts';
import { addOverlayLayers } from './overlays.ts';
import { Map, NavigationControl, ScaleControl, type VectorTileSource } from './maplibre.ts';
import { BASEMAP_SOURCE, baseStyle, basemapLayers, HAITI_BOUNDS, PORT_AU_PRINCE, type BasemapLayerName } from './style.ts';

declare global {
  interface Window {
    konbitMap?: Map;
  }
}

interface BasemapIndex {
  layers: { name: BasemapLayerName; available: boolean; dataset: string }[];
  /** The vector tiles holding every available layer, simplified per zoom by the server. */
  tiles: string[];
  maxzoom: number;
}

const ORDER: readonly BasemapLayerName[] = ['adm1', 'adm3', 'adm2', 'roads'];

/** The data credits are in the page's footer, always visible, rather than in a map control. */
export function useMapInstance(container: React.RefObject<HTMLDivElement | null>) {
  const mapRef = useRef<Map | null>(null);
  const [ready, setReady] = useState(false);
  const [missingBasemap, setMissingBasemap] = useState<string[]>([]);

  useEffect(() => {
    if (!container.current) return;
    // Asked for while MapLibre starts, not after.
    const basemapIndex = api<BasemapIndex>('/api/v1/basemap').catch(() => ({ layers: [], tiles: [], maxzoom: 14 }) as BasemapIndex);
    const map = new Map({
      container: container.current,
      style: baseStyle(),
      center: PORT_AU_PRINCE.center,
      zoom: PORT_AU_PRINCE.zoom,
      maxBounds: HAITI_BOUNDS,
      attributionControl: false,
      dragRotate: false,
      pitchWithRotate: false,
      // No cross-fade of tiles and symbols: each frame costs a lot on a software renderer, and the picture is ready sooner.
      fadeDuration: 0,
    });
    map.touchZoomRotate.disableRotation();
    map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    map.addControl(new ScaleControl({ unit: 'metric' }), 'top-right');
    mapRef.current = map;
    window.konbitMap = map;

    let cancelled = false;
    map.on('load', () => {
      void (async () => {
        const index = await basemapIndex;
        if (cancelled) return;
        const available = new Set(index.layers.filter((l) => l.available).map((l) => l.name));
        setMissingBasemap(index.layers.filter((l) => !l.available).map((l) => l.dataset));
        // One source for every layer: a few tiles per view, cut and simplified on the server, and no tiling in the browser.
        if (available.size > 0 && index.tiles.length > 0) {
          map.addSource(BASEMAP_SOURCE, { type: 'vector', tiles: index.tiles.map((url) => location.origin + url), maxzoom: index.maxzoom, attribution: '' });
          for (const name of ORDER) if (available.has(name)) for (const layer of basemapLayers(name)) map.addLayer(layer);
        }
        addIncidentLayers(map);
        for (const source of [BASEMAP_SOURCE, INCIDENTS_SOURCE]) limitUnderzooming(map, source);
        addOverlayLayers(map);
        setReady(true);
      })();
    });
    return () => {
      cancelled = true;
      if (window.konbitMap === map) delete window.konbitMap;
      map.remove();
      mapRef.current = null;
      setReady(false);
    };
  }, [container]);

  return { map: ready ? mapRef.current : null, missingBasemap };
}

/**
 * While the tiles of the view load, MapLibre also fetches their parents, level after level down
 * to ten levels up, to show something sooner. From Konbit's own server the tiles of the view come
 * about as fast, and on a software renderer every extra tile drawn costs a frame: the source's
 * lowest zoom follows the view, one level under it (a tile already loaded there still stands in
 * while zooming in).
 */
function limitUnderzooming(map: Map, id: string): void {
  const limit = () => {
    const source = map.getSource(id) as VectorTileSource | undefined;
    if (source) source.minzoom = Math.max(0, Math.floor(map.getZoom()) - 1);
  };
  map.on('zoom', limit);
  limit();
}
