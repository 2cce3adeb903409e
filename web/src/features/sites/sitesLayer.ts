/*
 * The sites layer of the operational picture: each site the reader may see,
 * coloured by the threat level the reader's own picture gives it and sized
 * by criticality, with the tasks in progress or planned drawn as routes and
 * areas. Its sources and layers are added the first time it is shown.
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { SITE_KINDS, THREAT_LEVELS, type ThreatLevel } from '../../../../src/shared/sites.ts';
import { api } from '../../api/client.ts';
import { useI18n, type Formatters } from '../../i18n/index.ts';
import { Popup, type AddLayerObject, type ExpressionSpecification, type GeoJSONSource, type Map, type MapLayerMouseEvent } from '../../map/maplibre.ts';

export const THREAT_COLOURS: Readonly<Record<ThreatLevel, string>> = { 1: '#2e7d32', 2: '#9e9d24', 3: '#f9a825', 4: '#ef6c00', 5: '#b71c1c' };

const threatColour: ExpressionSpecification = ['match', ['get', 'threatLevel'], 2, THREAT_COLOURS[2], 3, THREAT_COLOURS[3], 4, THREAT_COLOURS[4], 5, THREAT_COLOURS[5], THREAT_COLOURS[1]];
const isPoint: ExpressionSpecification = ['==', ['geometry-type'], 'Point'];

const LAYERS: AddLayerObject[] = [
  { id: 'site-tasks', type: 'line', source: 'site-tasks', filter: ['==', ['geometry-type'], 'LineString'], layout: { 'line-cap': 'round' }, paint: { 'line-color': '#1565c0', 'line-width': 3, 'line-dasharray': [1.5, 1] } },
  { id: 'site-task-areas', type: 'line', source: 'site-tasks', filter: ['!=', ['geometry-type'], 'LineString'], paint: { 'line-color': '#1565c0', 'line-width': 2, 'line-dasharray': [3, 2] } },
  { id: 'sites-area', type: 'fill', source: 'sites', filter: ['!', isPoint], paint: { 'fill-color': threatColour, 'fill-opacity': 0.3, 'fill-outline-color': '#263238' } },
  {
    id: 'sites-points', type: 'circle', source: 'sites', filter: isPoint,
    paint: { 'circle-color': threatColour, 'circle-radius': ['interpolate', ['linear'], ['get', 'criticality'], 1, 3, 5, 8], 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1.5 },
  },
];
const LAYER_IDS = LAYERS.map((l) => l.id);

function ensureLayers(map: Map): void {
  if (map.getSource('sites')) return;
  for (const source of ['sites', 'site-tasks']) map.addSource(source, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
  // Under the incidents, which stay on top.
  const before = map.getLayer('incidents-clusters') ? 'incidents-clusters' : undefined;
  for (const layer of LAYERS) map.addLayer(layer, before);
}

function reasonsOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  try {
    const parsed: unknown = JSON.parse(String(value));
    return Array.isArray(parsed) ? parsed.map(String) : [];
  } catch {
    return [];
  }
}

function popup(map: Map, f: Formatters, t: (key: string, options?: Record<string, unknown>) => string) {
  return (e: MapLayerMouseEvent) => {
    const p = e.features?.[0]?.properties;
    if (!p) return;
    // A click on an incident is about the incident.
    if (map.getLayer('incidents-points') && map.queryRenderedFeatures(e.point, { layers: ['incidents-points', 'incidents-clusters'].filter((l) => map.getLayer(l)) }).length > 0) return;
    const level = Number(p.threatLevel) as ThreatLevel;
    const element = document.createElement('div');
    element.className = 'overlay-popup';
    const lines = [
      String(p.name),
      `${f.term(SITE_KINDS[p.kind as keyof typeof SITE_KINDS], String(p.kind))} · ${t('sitesScreen.criticalityValue', { n: p.criticality })}`,
      `${t('sitesScreen.threat')}: ${f.term(THREAT_LEVELS[level], String(p.threatLabel))}`,
      ...reasonsOf(p.threatReasons),
      ...(p.source ? [`${t('sitesScreen.source')}: ${String(p.source)}`] : []),
    ];
    for (const [i, line] of lines.entries()) {
      const node = document.createElement(i === 0 ? 'strong' : 'p');
      node.textContent = line;
      element.append(node);
    }
    new Popup({ closeButton: true, maxWidth: '300px' }).setLngLat(e.lngLat).setDOMContent(element).addTo(map);
  };
}

/** Shows the sites and tasks while `show` holds; refreshed every minute. */
export function useSitesLayer({ map, show }: { map: Map | null; show: boolean }): void {
  const { t, f } = useI18n();
  const minute = 60_000;
  const sites = useQuery({ queryKey: ['sites', 'layer'], enabled: show, refetchInterval: minute, queryFn: () => api<GeoJSON.FeatureCollection>('/api/v1/sites.geojson') });
  const tasks = useQuery({ queryKey: ['sites', 'task-layer'], enabled: show, refetchInterval: minute, queryFn: () => api<GeoJSON.FeatureCollection>('/api/v1/sites/tasks.geojson', { query: { from: new Date().toISOString() } }) });

  useEffect(() => {
    if (!map || !show) return;
    ensureLayers(map);
    const open = popup(map, f, t);
    const pointer = () => (map.getCanvas().style.cursor = 'pointer');
    const plain = () => (map.getCanvas().style.cursor = '');
    for (const layer of ['sites-points', 'sites-area']) {
      map.on('click', layer, open);
      map.on('mouseenter', layer, pointer);
      map.on('mouseleave', layer, plain);
    }
    return () => {
      for (const layer of ['sites-points', 'sites-area']) {
        map.off('click', layer, open);
        map.off('mouseenter', layer, pointer);
        map.off('mouseleave', layer, plain);
      }
    };
  }, [map, show, f, t]);

  useEffect(() => {
    if (!map || !map.getSource('sites')) return;
    for (const layer of LAYER_IDS) if (map.getLayer(layer)) map.setLayoutProperty(layer, 'visibility', show ? 'visible' : 'none');
  }, [map, show]);

  useEffect(() => {
    if (map && show && sites.data) void (map.getSource('sites') as GeoJSONSource | undefined)?.setData(sites.data);
  }, [map, show, sites.data]);
  useEffect(() => {
    if (map && show && tasks.data) void (map.getSource('site-tasks') as GeoJSONSource | undefined)?.setData(tasks.data);
  }, [map, show, tasks.data]);
}
