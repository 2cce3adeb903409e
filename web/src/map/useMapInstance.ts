/*
 * Creates the MapLibre map once, with a style that already holds the basemap layers whose
 * datasets the server has and the incidents layer, so that its first frame asks for the tiles
 * of both; exposes the map on window for the browser tests (window.konbitMap).
 */
import { useEffect, useRef, useState } from 'react';
import { takeBasemapIndex, type BasemapIndex } from './basemapIndex.ts';
import { incidentStyle, INCIDENTS_SOURCE } from './incidentLayers.ts';
import { overlayStyle } from './overlays.ts';
import { Map, NavigationControl, ScaleControl, type LayerSpecification, type StyleSpecification, type VectorTileSource } from './maplibre.ts';
import { BASEMAP_SOURCE, baseStyle, basemapLayers, HAITI_BOUNDS, PORT_AU_PRINCE, type BasemapLayerName } from './style.ts';

declare global {
  interface Window {
    konbitMap?: Map;
  }
}

const ORDER: readonly BasemapLayerName[] = ['adm1', 'adm3', 'adm2', 'roads'];

/** The first frame's style: the basemap (one source for every layer, cut and simplified on the server), the overlays, then the incidents. */
function firstStyle(index: BasemapIndex, incidentTiles: string[] | null): StyleSpecification {
  const style = baseStyle();
  const available = new Set(index.layers.filter((l) => l.available).map((l) => l.name));
  if (available.size > 0 && index.tiles.length > 0) {
    style.sources[BASEMAP_SOURCE] = { type: 'vector', tiles: index.tiles.map((url) => location.origin + url), maxzoom: index.maxzoom, attribution: '' };
    for (const name of ORDER) if (available.has(name)) style.layers.push(...(basemapLayers(name) as LayerSpecification[]));
  }
  // Overlays (hidden until switched on) under the incidents: all in the style, so that no layer added later costs a frame.
  const overlays = overlayStyle();
  Object.assign(style.sources, overlays.sources);
  style.layers.push(...overlays.layers);
  const incidents = incidentStyle(incidentTiles);
  style.sources[INCIDENTS_SOURCE] = incidents.source;
  style.layers.push(...incidents.layers);
  return style;
}

/**
 * The data credits are in the page's footer, always visible, rather than in a map control.
 * `firstTiles`: the incidents' tile URLs of the first view, null while they are awaited (the map
 * waits for them, so as not to draw a frame without them), [] when there are none to wait for;
 * left out, the map waits for nothing and draws the incidents once given their tiles.
 */
export function useMapInstance(container: React.RefObject<HTMLDivElement | null>, firstTiles?: string[] | null) {
  const mapRef = useRef<Map | null>(null);
  const [ready, setReady] = useState(false);
  const [missingBasemap, setMissingBasemap] = useState<string[]>([]);
  const tilesRef = useRef(firstTiles);
  tilesRef.current = firstTiles;
  // Once the first tiles are known the map is created, and it stays whatever they become.
  const [canStart, setCanStart] = useState(firstTiles !== null);
  if (!canStart && firstTiles !== null) setCanStart(true);

  useEffect(() => {
    if (!container.current || !canStart) return;
    let map: Map | null = null;
    let cancelled = false;
    void takeBasemapIndex().then((index) => {
      if (cancelled || !container.current) return;
      const tiles = tilesRef.current;
      map = new Map({
        container: container.current,
        style: firstStyle(index, tiles && tiles.length > 0 ? tiles : null),
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
      setMissingBasemap(index.layers.filter((l) => !l.available).map((l) => l.dataset));
      const created = map;
      // Ready once its style is loaded (its sources and layers can be read and changed), not at
      // 'load' (every tile drawn): the screen's work on the map — the incidents marked as the
      // filter's, the cluster counts — then happens while the tiles load, not after the last
      // frame (under load that came 0.2-0.7 s after it).
      created.once('style.load', () => {
        for (const source of [BASEMAP_SOURCE, INCIDENTS_SOURCE]) limitUnderzooming(created, source);
        setReady(true);
      });
    });
    return () => {
      cancelled = true;
      if (map) {
        if (window.konbitMap === map) delete window.konbitMap;
        map.remove();
      }
      mapRef.current = null;
      setReady(false);
    };
  }, [container, canStart]);

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
