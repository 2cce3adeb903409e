/*
 * The road-access overlays from the roads service: areas of control (by
 * level and group), roadblocks and checkpoints (by state), and the status of
 * the roads that are not open (risky, blocked). Each is fetched when its
 * layer is switched on and drawn under the incidents.
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { CONTROL_LEVELS, ROAD_STATUSES, ROADBLOCK_KINDS } from '../../../src/shared/roads.ts';
import type { Capabilities } from '../api/capabilities.ts';
import { api } from '../api/client.ts';
import type { Formatters } from '../i18n/index.ts';
import { Popup, type GeoJSONSource, type GeoJSONSourceSpecification, type LayerSpecification, type Map, type MapLayerMouseEvent } from './maplibre.ts';

export const LEVEL_COLOURS = { controlled: '#c62828', contested: '#ef6c00', influence: '#f9a825' } as const;
export const STATUS_COLOURS = { open: '#2e7d32', risky: '#ef6c00', blocked: '#b71c1c' } as const;

const empty = (): GeoJSON.FeatureCollection => ({ type: 'FeatureCollection', features: [] });

const OVERLAY_LAYERS: Exclude<LayerSpecification, { type: 'background' }>[] = [
  {
    id: 'areas-fill',
    type: 'fill',
    source: 'areas',
    paint: { 'fill-color': ['match', ['get', 'level'], 'controlled', LEVEL_COLOURS.controlled, 'contested', LEVEL_COLOURS.contested, LEVEL_COLOURS.influence], 'fill-opacity': 0.22 },
  },
  {
    id: 'areas-line',
    type: 'line',
    source: 'areas',
    paint: { 'line-color': ['match', ['get', 'level'], 'controlled', LEVEL_COLOURS.controlled, 'contested', LEVEL_COLOURS.contested, LEVEL_COLOURS.influence], 'line-width': 2, 'line-dasharray': [2, 1] },
  },
  {
    id: 'road-status',
    type: 'line',
    source: 'road-status',
    layout: { 'line-cap': 'round' },
    paint: { 'line-color': ['match', ['get', 'status'], 'blocked', STATUS_COLOURS.blocked, 'risky', STATUS_COLOURS.risky, STATUS_COLOURS.open], 'line-width': ['interpolate', ['linear'], ['zoom'], 9, 2, 15, 6] },
  },
  {
    id: 'roadblocks',
    type: 'circle',
    source: 'roadblocks',
    paint: {
      'circle-color': ['match', ['get', 'state'], 'active', '#111111', 'stale', '#9e9e9e', '#2e7d32'],
      'circle-radius': 7,
      'circle-stroke-color': ['match', ['get', 'kind'], 'checkpoint', '#f9a825', '#e53935'],
      'circle-stroke-width': 3,
    },
  },
];

/** Which layer belongs to which toggle of the layer panel. */
export const OVERLAY_TOGGLES = { areas: ['areas-fill', 'areas-line'], roadStatus: ['road-status'], roadblocks: ['roadblocks'] } as const;

/** The overlays' empty sources and hidden layers, for the map's style (below the incidents). */
export function overlayStyle(): { sources: Record<string, GeoJSONSourceSpecification>; layers: LayerSpecification[] } {
  return {
    sources: Object.fromEntries(['areas', 'road-status', 'roadblocks'].map((source) => [source, { type: 'geojson', data: empty() }])),
    layers: OVERLAY_LAYERS.map((layer) => ({ ...layer, layout: { ...layer.layout, visibility: 'none' } }) as LayerSpecification),
  };
}

interface Props {
  map: Map | null;
  caps: Capabilities | undefined;
  show: { areas: boolean; roadblocks: boolean; roadStatus: boolean };
}

/** Loads each overlay while it is switched on, and refreshes it every minute. */
export function useOverlays({ map, caps, show }: Props): void {
  const minute = 60_000;
  const areas = useQuery({ queryKey: ['overlay', 'areas'], enabled: show.areas && (caps?.has('areas') ?? false), refetchInterval: minute, queryFn: () => api<GeoJSON.FeatureCollection>('/api/v1/roads/areas.geojson') });
  const blocks = useQuery({ queryKey: ['overlay', 'roadblocks'], enabled: show.roadblocks && (caps?.has('roadblocks') ?? false), refetchInterval: minute, queryFn: () => api<GeoJSON.FeatureCollection>('/api/v1/roads/roadblocks.geojson') });
  const networks = useQuery({ queryKey: ['overlay', 'networks'], enabled: show.roadStatus && (caps?.has('roadStatus') ?? false), queryFn: () => api<{ name: string }[]>('/api/v1/roads/networks') });
  const network = networks.data?.[0]?.name;
  const status = useQuery({
    queryKey: ['overlay', 'road-status', network],
    enabled: show.roadStatus && network !== undefined,
    refetchInterval: minute,
    queryFn: () => api<GeoJSON.FeatureCollection>(`/api/v1/roads/networks/${encodeURIComponent(network!)}/status`, { query: { notOpen: 'true' } }),
  });
  useEffect(() => setData(map, 'areas', areas.data), [map, areas.data]);
  useEffect(() => setData(map, 'roadblocks', blocks.data), [map, blocks.data]);
  useEffect(() => setData(map, 'road-status', status.data), [map, status.data]);
}

function setData(map: Map | null, source: string, data: GeoJSON.FeatureCollection | undefined): void {
  if (map && data) void (map.getSource(source) as GeoJSONSource | undefined)?.setData(data);
}

/** A popup naming what was clicked on an overlay, in the reader's language. */
export function overlayPopups(map: Map, f: Formatters, t: (key: string) => string, busy: () => boolean): () => void {
  // A click on an incident or a roadblock is about that, not the area or road under it.
  const onTop = (e: MapLayerMouseEvent, layers: string[]) => map.queryRenderedFeatures(e.point, { layers: layers.filter((l) => map.getLayer(l)) }).length > 0;
  const show = (e: MapLayerMouseEvent, lines: string[]) => {
    if (busy()) return;
    const element = document.createElement('div');
    element.className = 'overlay-popup';
    for (const [i, line] of lines.entries()) {
      const p = document.createElement(i === 0 ? 'strong' : 'p');
      p.textContent = line;
      element.append(p);
    }
    new Popup({ closeButton: true, maxWidth: '280px' }).setLngLat(e.lngLat).setDOMContent(element).addTo(map);
  };
  const onArea = (e: MapLayerMouseEvent) => {
    const p = e.features?.[0]?.properties;
    if (!p || onTop(e, ['incidents-points', 'incidents-clusters', 'roadblocks', 'road-status'])) return;
    show(e, [String(p.name), `${t('overlay.group')}: ${p.group}`, `${t('overlay.level')}: ${f.term(CONTROL_LEVELS[p.level as keyof typeof CONTROL_LEVELS], String(p.level))}`, `${t('overlay.since')}: ${f.date(String(p.validFrom))}`, String(p.source ?? '')]);
  };
  const onBlock = (e: MapLayerMouseEvent) => {
    const p = e.features?.[0]?.properties;
    if (!p || onTop(e, ['incidents-points', 'incidents-clusters'])) return;
    show(e, [f.term(ROADBLOCK_KINDS[p.kind as keyof typeof ROADBLOCK_KINDS], String(p.kind)), String(p.description ?? ''), `${t('overlay.state')}: ${t(`overlay.states.${p.state}`)}`, `${t('overlay.reported')}: ${f.dateTime(String(p.reportedAt))}`]);
  };
  const onRoad = (e: MapLayerMouseEvent) => {
    const p = e.features?.[0]?.properties;
    if (!p || onTop(e, ['incidents-points', 'incidents-clusters', 'roadblocks'])) return;
    show(e, [String(p.name || p.ref || t('overlay.unnamedRoad')), f.term(ROAD_STATUSES[p.status as keyof typeof ROAD_STATUSES], String(p.status))]);
  };
  map.on('click', 'areas-fill', onArea);
  map.on('click', 'roadblocks', onBlock);
  map.on('click', 'road-status', onRoad);
  return () => {
    map.off('click', 'areas-fill', onArea);
    map.off('click', 'roadblocks', onBlock);
    map.off('click', 'road-status', onRoad);
  };
}
