/*
 * The incidents layer: vector tiles the server clusters (see incidents.ts),
 * points coloured by type and sized by casualties, clusters sized by count.
 * Cluster counts are HTML markers, since the map has no glyphs.
 */
import { Marker, type LayerSpecification, type Map, type VectorSourceSpecification, type VectorTileSource } from './maplibre.ts';
import { typeColourExpression } from './style.ts';

export const INCIDENTS_SOURCE = 'incidents';
/** The layer inside each tile. */
export const INCIDENTS_SOURCE_LAYER = 'incidents';
export const INCIDENT_LAYERS = ['incidents-clusters', 'incidents-points'] as const;

/** Until the tile URL of the reader's filter is known, the source points here and its layers are hidden. */
const NO_FILTER_YET = `/api/v1/incidents/tiles/{z}/{x}/{y}.mvt`;

/**
 * The source and its layers, for the map's style: with the tile URL of the reader's filter when
 * it is known (drawn from the first frame), else hidden until setIncidentTiles and shown then, so
 * that no tile is fetched twice at first paint.
 */
export function incidentStyle(tiles: string[] | null): { source: VectorSourceSpecification; layers: LayerSpecification[] } {
  const source: VectorSourceSpecification = { type: 'vector', tiles: tiles ?? [`${location.origin}${NO_FILTER_YET}`], maxzoom: 15 };
  const common = { source: INCIDENTS_SOURCE, 'source-layer': INCIDENTS_SOURCE_LAYER, layout: { visibility: tiles ? ('visible' as const) : ('none' as const) } };
  return {
    source,
    layers: [
      {
        id: 'incidents-clusters',
        type: 'circle',
        ...common,
        filter: ['has', 'point_count'],
        paint: {
          'circle-color': ['step', ['get', 'point_count'], '#5c6bc0', 25, '#3949ab', 100, '#1a237e'],
          'circle-radius': ['step', ['get', 'point_count'], 15, 25, 20, 100, 26],
          'circle-opacity': 0.85,
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 2,
        },
      },
      {
        id: 'incidents-points',
        type: 'circle',
        ...common,
        filter: ['!', ['has', 'point_count']],
        paint: {
          'circle-color': typeColourExpression,
          'circle-radius': ['interpolate', ['linear'], ['get', 'casualties'], 0, 6, 1, 8, 10, 13, 50, 20],
          'circle-stroke-color': ['match', ['get', 'verification'], 'verified', '#111111', 'rejected', '#bbbbbb', '#ffffff'],
          'circle-stroke-width': ['match', ['get', 'verification'], 'verified', 2.5, 1.5],
          'circle-opacity': ['match', ['get', 'verification'], 'rejected', 0.4, 0.9],
        },
      },
    ],
  };
}

/** The tile URL of a filter the incidents source points at, or null while it waits for one. */
export function incidentTilesOf(map: Map): string | null {
  const url = (map.getSource(INCIDENTS_SOURCE) as VectorTileSource | undefined)?.tiles?.[0];
  return url && !url.endsWith(NO_FILTER_YET) ? url : null;
}

/** Points the incidents source at the tiles of another filter or version. */
export function setIncidentTiles(map: Map, tiles: string[]): void {
  const source = map.getSource(INCIDENTS_SOURCE) as VectorTileSource | undefined;
  if (source && source.tiles?.[0] !== tiles[0]) source.setTiles(tiles);
}

/**
 * Keeps one HTML marker per visible cluster showing its count; markers of
 * clusters that left the view are removed. Call update on every 'render'
 * and reset when the tiles or the language change.
 */
export function clusterCountMarkers(map: Map, label: (count: number) => string): { update: () => void; reset: () => void } {
  const markers = new globalThis.Map<number, Marker>();
  let shown = new Set<number>();
  // Cluster ids are reused by the tiles of another filter: forget every marker then.
  const reset = () => {
    for (const marker of markers.values()) marker.remove();
    markers.clear();
    shown = new Set();
  };
  const update = () => {
    if (!map.getSource(INCIDENTS_SOURCE) || !map.isSourceLoaded(INCIDENTS_SOURCE)) return;
    const next = new Set<number>();
    const visible = map.getLayoutProperty('incidents-clusters', 'visibility') !== 'none';
    const features = visible ? map.querySourceFeatures(INCIDENTS_SOURCE, { sourceLayer: INCIDENTS_SOURCE_LAYER, filter: ['has', 'point_count'] }) : [];
    for (const feature of features) {
      const id = feature.properties.cluster_id as number;
      if (next.has(id)) continue;
      next.add(id);
      let marker = markers.get(id);
      if (!marker) {
        const element = document.createElement('span');
        element.className = 'cluster-count';
        element.textContent = label(feature.properties.point_count as number);
        element.setAttribute('aria-hidden', 'true');
        marker = new Marker({ element }).setLngLat((feature.geometry as GeoJSON.Point).coordinates as [number, number]);
        markers.set(id, marker);
      }
      if (!shown.has(id)) marker.addTo(map);
    }
    for (const id of shown) if (!next.has(id)) markers.get(id)?.remove();
    shown = next;
  };
  return { update, reset };
}
