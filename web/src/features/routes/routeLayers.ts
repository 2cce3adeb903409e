/*
 * The planned routes on the map: the chosen one drawn bold, the alternatives
 * thin and grey beneath it; clicking an alternative chooses it.
 */
import type { RouteOption } from '../../../../src/shared/roads.ts';
import type { GeoJSONSource, Map } from '../../map/maplibre.ts';

export const ROUTES_SOURCE = 'routes';

export function addRouteLayers(map: Map): void {
  map.addSource(ROUTES_SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
  map.addLayer({
    id: 'route-alternatives',
    type: 'line',
    source: ROUTES_SOURCE,
    filter: ['!=', ['get', 'chosen'], true],
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: { 'line-color': '#607d8b', 'line-width': 5, 'line-opacity': 0.7 },
  });
  map.addLayer({ id: 'route-casing', type: 'line', source: ROUTES_SOURCE, filter: ['==', ['get', 'chosen'], true], layout: { 'line-cap': 'round', 'line-join': 'round' }, paint: { 'line-color': '#ffffff', 'line-width': 10 } });
  map.addLayer({ id: 'route-chosen', type: 'line', source: ROUTES_SOURCE, filter: ['==', ['get', 'chosen'], true], layout: { 'line-cap': 'round', 'line-join': 'round' }, paint: { 'line-color': '#0b5cad', 'line-width': 6 } });
}

export function setRoutes(map: Map, routes: readonly RouteOption[], chosen: number): void {
  const features = routes.map((route, index) => ({ type: 'Feature' as const, properties: { index, chosen: index === chosen }, geometry: route.geometry }));
  // The chosen route last, so it is drawn on top.
  features.sort((a, b) => Number(a.properties.chosen) - Number(b.properties.chosen));
  void (map.getSource(ROUTES_SOURCE) as GeoJSONSource | undefined)?.setData({ type: 'FeatureCollection', features });
}

/** The map view that shows every route, clear of the planner's panel beside it on a desk (on a phone the panel is below the map). */
export function fitRoutes(map: Map, routes: readonly RouteOption[]): void {
  const wide = map.getContainer().clientWidth >= 800;
  const padding = wide ? { top: 60, bottom: 40, left: 380, right: 60 } : { top: 40, bottom: 30, left: 30, right: 50 };
  const points = routes.flatMap((r) => r.geometry.coordinates);
  if (points.length === 0) return;
  const lons = points.map((p) => p[0]!);
  const lats = points.map((p) => p[1]!);
  map.fitBounds([[Math.min(...lons), Math.min(...lats)], [Math.max(...lons), Math.max(...lats)]], { padding, duration: 0, maxZoom: 15 });
}
