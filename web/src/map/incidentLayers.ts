/*
 * The incidents layer: a clustered GeoJSON source (MapLibre clusters dense
 * points in its worker), points coloured by type and sized by casualties,
 * clusters sized by count. Cluster counts are HTML markers, since the map
 * has no glyphs.
 */
import { Marker, type GeoJSONSource, type Map } from './maplibre.ts';
import type { IncidentLayerData } from './incidents.ts';
import { typeColourExpression } from './style.ts';

export const INCIDENTS_SOURCE = 'incidents';

export function addIncidentLayers(map: Map): void {
  map.addSource(INCIDENTS_SOURCE, {
    type: 'geojson',
    data: { type: 'FeatureCollection', features: [] },
    cluster: true,
    clusterRadius: 42,
    clusterMaxZoom: 14,
    clusterProperties: { casualties: ['+', ['get', 'casualties']] },
  });
  map.addLayer({
    id: 'incidents-clusters',
    type: 'circle',
    source: INCIDENTS_SOURCE,
    filter: ['has', 'point_count'],
    paint: {
      'circle-color': ['step', ['get', 'point_count'], '#5c6bc0', 25, '#3949ab', 100, '#1a237e'],
      'circle-radius': ['step', ['get', 'point_count'], 15, 25, 20, 100, 26],
      'circle-opacity': 0.85,
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 2,
    },
  });
  map.addLayer({
    id: 'incidents-points',
    type: 'circle',
    source: INCIDENTS_SOURCE,
    filter: ['!', ['has', 'point_count']],
    paint: {
      'circle-color': typeColourExpression,
      'circle-radius': ['interpolate', ['linear'], ['get', 'casualties'], 0, 6, 1, 8, 10, 13, 50, 20],
      'circle-stroke-color': ['match', ['get', 'verification'], 'verified', '#111111', 'rejected', '#bbbbbb', '#ffffff'],
      'circle-stroke-width': ['match', ['get', 'verification'], 'verified', 2.5, 1.5],
      'circle-opacity': ['match', ['get', 'verification'], 'rejected', 0.4, 0.9],
    },
  });
}

export function setIncidentData(map: Map, data: IncidentLayerData): void {
  void (map.getSource(INCIDENTS_SOURCE) as GeoJSONSource | undefined)?.setData(data as GeoJSON.FeatureCollection);
}

/**
 * Keeps one HTML marker per visible cluster showing its count; markers of
 * clusters that left the view are removed. Call update on every 'render'
 * and reset when the data or the language changes.
 */
export function clusterCountMarkers(map: Map, label: (count: number) => string): { update: () => void; reset: () => void } {
  const markers = new globalThis.Map<number, Marker>();
  let shown = new Set<number>();
  // Cluster ids are reused after new data: forget every marker then.
  const reset = () => {
    for (const marker of markers.values()) marker.remove();
    markers.clear();
    shown = new Set();
  };
  const update = () => {
    if (!map.getSource(INCIDENTS_SOURCE) || !map.isSourceLoaded(INCIDENTS_SOURCE)) return;
    const next = new Set<number>();
    const visible = map.getLayoutProperty('incidents-clusters', 'visibility') !== 'none';
    const features = visible ? map.querySourceFeatures(INCIDENTS_SOURCE, { filter: ['has', 'point_count'] }) : [];
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
