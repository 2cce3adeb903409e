import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { RISK_TOLERANCES, ROUTE_PROFILES, type RiskTolerance, type RouteProfile, type RouteRequest, type RouteResponse } from '../../../../src/shared/roads.ts';
import { useCapabilities } from '../../api/capabilities.ts';
import { api } from '../../api/client.ts';
import { errorMessage } from '../../app/errors.ts';
import { useI18n } from '../../i18n/index.ts';
import { Marker } from '../../map/maplibre.ts';
import { OVERLAY_TOGGLES, useOverlays } from '../../map/overlays.ts';
import { ATTRIBUTION, TOGGLE_LAYERS } from '../../map/style.ts';
import { useMapInstance } from '../../map/useMapInstance.ts';
import { KeyRoads } from './KeyRoads.tsx';
import { addRouteLayers, fitRoutes, setRoutes } from './routeLayers.ts';
import { RouteResult } from './RouteResult.tsx';
import { SitePicker } from './SitePicker.tsx';

type Point = [number, number];

/** Origin and destination picked on the map (markers can be dragged to replan), profile and risk tolerance. */
export default function RoutePlanner() {
  const { t, f } = useI18n();
  const caps = useCapabilities();
  const enabled = caps?.has('routes') ?? false;
  const container = useRef<HTMLDivElement>(null);
  const { map } = useMapInstance(container);
  const [from, setFrom] = useState<Point | null>(null);
  const [to, setTo] = useState<Point | null>(null);
  const [profile, setProfile] = useState<RouteProfile>('convoy');
  const [risk, setRisk] = useState<RiskTolerance | ''>('');
  const [chosen, setChosen] = useState(0);
  const profileId = useId();
  const riskId = useId();
  const pick = useRef({ from, to });
  pick.current = { from, to };

  const networks = useQuery({ queryKey: ['overlay', 'networks'], enabled, queryFn: () => api<{ name: string }[]>('/api/v1/roads/networks') });
  const network = networks.data?.[0]?.name;
  const plan = useQuery({
    queryKey: ['route', network, from, to, profile, risk],
    enabled: enabled && !!network && !!from && !!to,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) =>
      api<RouteResponse>('/api/v1/routes', {
        method: 'POST',
        signal,
        body: { network: network!, from: { lon: from![0], lat: from![1] }, to: { lon: to![0], lat: to![1] }, profile, ...(risk ? { riskTolerance: risk } : {}), alternatives: 2 } satisfies RouteRequest,
      }),
  });

  useOverlays({ map, caps, show: { areas: true, roadblocks: true, roadStatus: true } });
  useEffect(() => {
    if (!map) return;
    addRouteLayers(map);
    for (const layer of TOGGLE_LAYERS.incidents) map.setLayoutProperty(layer, 'visibility', 'none');
    for (const layers of Object.values(OVERLAY_TOGGLES)) for (const layer of layers) map.setLayoutProperty(layer, 'visibility', 'visible');
    const onClick = (e: { lngLat: { lng: number; lat: number } }) => {
      const point: Point = [e.lngLat.lng, e.lngLat.lat];
      if (!pick.current.from) setFrom(point);
      else setTo(point);
    };
    const onRoute = (e: { features?: { properties: Record<string, unknown> }[] }) => {
      const index = e.features?.[0]?.properties.index;
      if (typeof index === 'number') setChosen(index);
    };
    map.on('click', onClick);
    map.on('click', 'route-alternatives', onRoute);
    return () => {
      map.off('click', onClick);
      map.off('click', 'route-alternatives', onRoute);
    };
  }, [map]);

  useMarker(map, from, 'A', 'origin', setFrom);
  useMarker(map, to, 'B', 'destination', setTo);

  const result = plan.data;
  useEffect(() => setChosen(0), [result]);
  useEffect(() => {
    if (!map) return;
    setRoutes(map, result?.found ? result.routes : [], chosen);
  }, [map, result, chosen]);
  useEffect(() => {
    if (map && result?.found) fitRoutes(map, result.routes);
  }, [map, result]);

  return (
    <div className="op-picture route-planner">
      <div ref={container} className="map" role="region" aria-label={t('routes.mapLabel')} data-testid="map" />
      <aside className="panel left planner-panel" aria-labelledby="planner-title">
        <h1 id="planner-title">{t('routes.title')}</h1>
        {caps && !enabled && <p className="notice">{t('common.waitingFor', { api: t('apis.routes') })}</p>}
        <p className="hint" data-testid="route-instructions">{!from ? t('routes.pickFrom') : !to ? t('routes.pickTo') : t('routes.dragToReplan')}</p>
        <dl className="facts">
          <dt>{t('routes.from')}</dt>
          <dd data-testid="route-from">{from ? `${f.number(Number(from[1].toFixed(5)))}, ${f.number(Number(from[0].toFixed(5)))}` : '—'}</dd>
          <dt>{t('routes.to')}</dt>
          <dd data-testid="route-to">{to ? `${f.number(Number(to[1].toFixed(5)))}, ${f.number(Number(to[0].toFixed(5)))}` : '—'}</dd>
        </dl>
        <div className="button-row">
          <button type="button" disabled={!from || !to} onClick={() => { setFrom(to); setTo(from); }}>{t('routes.swap')}</button>
          <button type="button" disabled={!from && !to} onClick={() => { setFrom(null); setTo(null); }}>{t('routes.clear')}</button>
        </div>
        <SitePicker label={t('routes.fromSite')} enabled={caps?.has('sitesList') ?? false} onPick={setFrom} />
        <SitePicker label={t('routes.toSite')} enabled={caps?.has('sitesList') ?? false} onPick={setTo} />
        <label htmlFor={profileId}>{t('routes.profile')}</label>
        <select id={profileId} value={profile} onChange={(e) => setProfile(e.target.value as RouteProfile)} data-testid="route-profile">
          {(Object.keys(ROUTE_PROFILES) as RouteProfile[]).map((p) => <option key={p} value={p}>{f.term(ROUTE_PROFILES[p], p)}</option>)}
        </select>
        <label htmlFor={riskId}>{t('routes.riskTolerance')}</label>
        <select id={riskId} value={risk} onChange={(e) => setRisk(e.target.value as RiskTolerance | '')} data-testid="route-risk-tolerance">
          <option value="">{t('routes.profileDefault')}</option>
          {(Object.keys(RISK_TOLERANCES) as RiskTolerance[]).map((r) => <option key={r} value={r}>{f.term(RISK_TOLERANCES[r], r)}</option>)}
        </select>
        {plan.isFetching && <p role="status">{t('routes.planning')}</p>}
        {plan.error && <p className="error" role="alert">{errorMessage(t, plan.error)}</p>}
        {result && from && to && <RouteResult result={result} chosen={chosen} onChoose={setChosen} />}
        {network && <KeyRoads network={network} profile={profile} riskTolerance={risk} />}
      </aside>
      <footer className="attribution-footer">{t('map.attribution')}: {ATTRIBUTION}</footer>
    </div>
  );
}

/** A draggable marker for a route end; dropping it replans. */
function useMarker(map: ReturnType<typeof useMapInstance>['map'], point: Point | null, letter: string, kind: string, onMove: (p: Point) => void): void {
  const onMoveRef = useRef(onMove);
  onMoveRef.current = onMove;
  useEffect(() => {
    if (!map || !point) return;
    const element = document.createElement('span');
    element.className = `route-end route-${kind}`;
    element.textContent = letter;
    const marker = new Marker({ element, draggable: true }).setLngLat(point).addTo(map);
    marker.on('dragend', () => {
      const { lng, lat } = marker.getLngLat();
      onMoveRef.current([lng, lat]);
    });
    return () => void marker.remove();
  }, [map, point, letter, kind]);
}
