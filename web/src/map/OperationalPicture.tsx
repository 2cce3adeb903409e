import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Me } from '../../../src/shared/auth.ts';
import type { RegisteredActor } from '../../../src/shared/incidents.ts';
import { useCapabilities } from '../api/capabilities.ts';
import { markFirstViewDrawn, useAfterFirstView } from '../app/firstView.ts';
import { useSitesLayer } from '../features/sites/sitesLayer.ts';
import { api } from '../api/client.ts';
import { IncidentDetails } from '../features/incidents/IncidentDetails.tsx';
import { useLiveIncidents } from '../features/incidents/live.ts';
import { ReportForm } from '../features/incidents/ReportForm.tsx';
import { useI18n } from '../i18n/index.ts';
import { clusterCountMarkers, INCIDENT_LAYERS, incidentTilesOf, setIncidentTiles } from './incidentLayers.ts';
import { useIncidentTiles, type IncidentFilter } from './incidents.ts';
import { IncidentList } from './IncidentList.tsx';
import { LayerPanel, type LayerToggle } from './LayerPanel.tsx';
import { Marker, type MapLayerMouseEvent } from './maplibre.ts';
import { OVERLAY_TOGGLES, overlayPopups, useOverlays } from './overlays.ts';
import { ATTRIBUTION, TOGGLE_LAYERS } from './style.ts';
import { useTimeWindow } from './timeWindow.ts';
import { TimeSlider } from './TimeSlider.tsx';
import { useMapInstance } from './useMapInstance.ts';

const REPORTER_ROLES = ['reporter', 'analyst', 'commander', 'admin'];

type Side = { kind: 'details'; id: string } | { kind: 'report' } | null;

export default function OperationalPicture({ me }: { me: Me }) {
  const { t, f } = useI18n();
  // The API's description is read once the first view is drawn; until then the incidents and
  // their live stream are taken to be there (a server without them answers 404, shown as such).
  const caps = useCapabilities(useAfterFirstView());
  const container = useRef<HTMLDivElement>(null);
  const incidentsApi = caps?.has('incidentsGeojson') ?? true;
  const live = useLiveIncidents(caps?.has('stream') ?? true);

  const [panelOpen, setPanelOpen] = useState(() => window.matchMedia('(min-width: 800px)').matches);
  const [visible, setVisible] = useState<ReadonlySet<LayerToggle>>(new Set(['incidents', 'boundaries', 'roads']));
  const [filter, setFilter] = useState<IncidentFilter>({ types: new Set(), verification: new Set(), actor: '', area: '', from: null, to: null });
  const actor = useDebounced(filter.actor, 400);
  const [range, setRange] = useState<{ from: number | null; to: number | null }>({ from: null, to: null });
  const incidents = useIncidentTiles(incidentsApi, me.id, { types: filter.types, verification: filter.verification, actor, area: filter.area, ...range });
  // The map is created with the first view's incident tiles, so that its first frame asks for them with the basemap's.
  const { map, missingBasemap } = useMapInstance(container, !incidentsApi || incidents.isError ? [] : (incidents.data?.tiles ?? null));
  const registry = useQuery({ queryKey: ['actors'], enabled: incidentsApi, queryFn: () => api<RegisteredActor[]>('/api/v1/actors'), staleTime: 5 * 60_000 });
  const [side, setSide] = useState<Side>(null);
  const [picked, setPicked] = useState<[number, number] | null>(null);
  const reportingRef = useRef(false);
  reportingRef.current = side?.kind === 'report';

  const time = useTimeWindow(incidents.data?.minMs ?? null, incidents.data?.maxMs ?? null);
  const actors = useMemo(() => (Array.isArray(registry.data) ? registry.data.map((a) => a.name).sort() : []), [registry.data]);
  const { from, to } = time.range;
  // The window comes from the data's extent, which the tile set gives: it feeds the next request.
  useEffect(() => setRange((r) => (r.from === from && r.to === to ? r : { from, to })), [from, to]);
  const tiles = incidents.data?.tiles;
  const [applied, setApplied] = useState<string | null>(null);

  const counts = useRef<ReturnType<typeof clusterCountMarkers> | null>(null);
  useEffect(() => {
    if (!map) return;
    const markers = clusterCountMarkers(map, (n) => f.compact(n));
    counts.current = markers;
    map.on('render', markers.update);
    // A new language relabels the clusters now, not at the next redraw.
    markers.update();
    return () => {
      map.off('render', markers.update);
      markers.reset();
    };
  }, [map, f]);

  useEffect(() => {
    if (!map || !tiles) return;
    counts.current?.reset();
    setIncidentTiles(map, tiles);
    setApplied(tiles[0] ?? null);
  }, [map, tiles]);
  // The tiles the incidents source draws: those the map was created with, until others are applied.
  const drawnTiles = applied ?? (map ? incidentTilesOf(map) : null);
  // The first view is drawn at the first idle with the incidents of the filter (or without them, if they failed).
  const settled = drawnTiles !== null || incidents.isError || !incidentsApi;
  useEffect(() => {
    if (!map || !settled) return;
    // Created with the filter's tiles, the map may have been idle before React knew they were drawn.
    if (map.loaded() && !map.isMoving()) return markFirstViewDrawn();
    map.once('idle', markFirstViewDrawn);
    return () => void map.off('idle', markFirstViewDrawn);
  }, [map, settled]);
  useSitesLayer({ map, show: visible.has('sites') && (caps?.has('sites') ?? false) });

  useOverlays({ map, caps, show: { areas: visible.has('areas'), roadblocks: visible.has('roadblocks'), roadStatus: visible.has('roadStatus') } });
  useEffect(() => (map ? overlayPopups(map, f, t, () => reportingRef.current) : undefined), [map, f, t]);

  useEffect(() => {
    if (!map) return;
    // Only what changes: a layout property set again, even to the same value, costs a frame.
    const show = (layer: string, shown: boolean) => {
      const wanted = shown ? 'visible' : 'none';
      if (map.getLayer(layer) && (map.getLayoutProperty(layer, 'visibility') ?? 'visible') !== wanted) map.setLayoutProperty(layer, 'visibility', wanted);
    };
    for (const [toggle, layers] of Object.entries({ ...TOGGLE_LAYERS, ...OVERLAY_TOGGLES })) {
      if (toggle === 'incidents') continue;
      for (const layer of layers) show(layer, visible.has(toggle as LayerToggle));
    }
    // The incidents wait for their tile URL: drawn before it, they would be fetched twice.
    // (The map may have been created with them: then they are shown from its first frame.)
    for (const layer of INCIDENT_LAYERS) show(layer, visible.has('incidents') && (applied ?? incidentTilesOf(map)) !== null);
  }, [map, visible, missingBasemap, applied]);

  useEffect(() => {
    if (!map) return;
    const onPoint = (e: MapLayerMouseEvent) => {
      const id = e.features?.[0]?.properties?.id;
      if (!reportingRef.current && typeof id === 'string') setSide({ kind: 'details', id });
    };
    const onCluster = (e: MapLayerMouseEvent) => {
      const feature = e.features?.[0];
      if (!feature || reportingRef.current) return;
      // The zoom at which the cluster splits, worked out by the server with the tile.
      const zoom = Number(feature.properties.expand);
      map.easeTo({ center: e.lngLat, zoom: Number.isFinite(zoom) ? zoom : map.getZoom() + 2 });
    };
    const onClick = (e: { lngLat: { lng: number; lat: number } }) => {
      if (reportingRef.current) setPicked([e.lngLat.lng, e.lngLat.lat]);
    };
    const pointer = () => (map.getCanvas().style.cursor = 'pointer');
    const plain = () => (map.getCanvas().style.cursor = '');
    map.on('click', 'incidents-points', onPoint);
    map.on('click', 'incidents-clusters', onCluster);
    map.on('click', onClick);
    for (const layer of ['incidents-points', 'incidents-clusters']) {
      map.on('mouseenter', layer, pointer);
      map.on('mouseleave', layer, plain);
    }
    return () => {
      map.off('click', 'incidents-points', onPoint);
      map.off('click', 'incidents-clusters', onCluster);
      map.off('click', onClick);
    };
  }, [map]);

  // The point being reported, as a marker that can be dragged into place.
  useEffect(() => {
    if (!map || !picked || side?.kind !== 'report') return;
    const marker = new Marker({ color: '#c62828', draggable: true }).setLngLat(picked).addTo(map);
    marker.on('dragend', () => {
      const { lng, lat } = marker.getLngLat();
      setPicked([lng, lat]);
    });
    return () => void marker.remove();
  }, [map, picked, side]);

  const toggle = (layer: LayerToggle) => setVisible((current) => { const next = new Set(current); if (!next.delete(layer)) next.add(layer); return next; });
  const canReport = me.roles.some((r) => REPORTER_ROLES.includes(r));

  return (
    <div className={`op-picture${panelOpen || side ? ' with-sheet' : ''}`}>
      <div
        ref={container}
        className="map"
        role="region"
        aria-label={t('map.label')}
        data-testid="map"
        // Whether the incidents drawn are those of the filter chosen (the browser tests wait for it).
        data-incidents={!incidentsApi ? 'off' : incidents.data && !incidents.isPlaceholderData && drawnTiles === tiles?.[0] ? 'ready' : 'loading'}
      />
      <div className="map-toolbar">
        <button type="button" onClick={() => setPanelOpen((o) => !o)} aria-expanded={panelOpen} aria-controls="layer-panel">
          {t('layers.button')}
        </button>
        {canReport && (
          <button
            type="button"
            className="primary"
            disabled={!(caps?.has('incidents') ?? false)}
            title={caps?.has('incidents') ? undefined : t('common.waitingFor', { api: t('apis.incidents') })}
            onClick={() => { setSide({ kind: 'report' }); setPicked(null); }}
            data-testid="report-button"
          >
            {t('report.button')}
          </button>
        )}
        <span className={`live live-${live}`} role="status" data-testid="live-state">{t(`live.${live}`)}</span>
      </div>
      {panelOpen && (
        <aside id="layer-panel" className="panel left" aria-label={t('layers.panel')}>
          <LayerPanel caps={caps} visible={visible} onToggle={toggle} filter={filter} onFilter={setFilter} actors={actors} />
          {incidentsApi && (
            <IncidentList
              count={incidents.data?.shown ?? 0}
              filter={{ types: filter.types, verification: filter.verification, actor, area: filter.area, ...range }}
              enabled={incidentsApi}
              onSelect={(incident) => {
                setSide({ kind: 'details', id: incident.id });
                map?.easeTo({ center: [incident.location.lon, incident.location.lat], zoom: Math.max(map.getZoom(), 14) });
              }}
            />
          )}
        </aside>
      )}
      {side?.kind === 'details' && <IncidentDetails id={side.id} me={me} onClose={() => setSide(null)} />}
      {side?.kind === 'report' && (
        <ReportForm point={picked} onPoint={setPicked} onClose={() => { setSide(null); setPicked(null); }} onReported={(id) => { setSide({ kind: 'details', id }); setPicked(null); }} />
      )}
      <div className="map-notices" role="status">
        {!caps ? null : !incidentsApi ? <p>{t('map.incidentsWaiting')}</p> : incidents.isError ? <p className="error">{t('map.incidentsFailed')}</p> : null}
        {missingBasemap.length > 0 && <p>{t('map.basemapMissing', { datasets: missingBasemap.join(', ') })}</p>}
      </div>
      <TimeSlider window={time.window} shown={incidents.data?.shown ?? 0} total={incidents.data?.total ?? 0} onDays={time.setDays} onEnd={time.setEnd} onPlay={time.play} />
      <footer className="attribution-footer">{t('map.attribution')}: {ATTRIBUTION}</footer>
    </div>
  );
}

/** The value once it has stopped changing for `ms` (typing in a filter box). */
function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
