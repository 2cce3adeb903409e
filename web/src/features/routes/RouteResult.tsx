import { CONTROL_LEVELS, type RouteResponse } from '../../../../src/shared/roads.ts';
import { useI18n } from '../../i18n/index.ts';

interface Props {
  result: RouteResponse;
  chosen: number;
  onChoose: (index: number) => void;
}

/** The route found (and its alternatives): distance, time, risk crossed, what it avoided; or why none exists. */
export function RouteResult({ result, chosen, onChoose }: Props) {
  const { t, f } = useI18n();
  const km = (m: number) => t('routes.km', { value: f.number(Math.round(m / 100) / 10) });
  const minutes = (s: number) => t('routes.minutes', { value: f.number(Math.round(s / 60)) });
  if (!result.found) {
    return (
      <div className="route-result none" role="status" data-testid="route-none">
        <p className="error">{t('routes.noRoute')}</p>
        <p>{result.noRoute?.reason}</p>
        {result.noRoute && result.noRoute.cutBy.length > 0 && (
          <ul>{result.noRoute.cutBy.map((c) => <li key={c.id}>{c.label}</li>)}</ul>
        )}
      </div>
    );
  }
  return (
    <div className="route-result" role="status" data-testid="route-result">
      <ol className="route-options">
        {result.routes.map((route, index) => (
          <li key={index} className={index === chosen ? 'chosen' : undefined}>
            <button type="button" onClick={() => onChoose(index)} aria-pressed={index === chosen} data-testid={`route-option-${index}`}>
              <strong>{index === 0 ? t('routes.best') : t('routes.alternative', { n: index })}</strong>
              <span>{km(route.distanceMeters)} · {minutes(route.durationSeconds)}</span>
            </button>
          </li>
        ))}
      </ol>
      {result.routes[chosen] && <RouteFacts route={result.routes[chosen]} km={km} minutes={minutes} levelLabel={(l) => f.term(CONTROL_LEVELS[l], l)} />}
      <p className="hint">{t('routes.picture', { areas: f.number(result.picture.areas), roadblocks: f.number(result.picture.roadblocks), overrides: f.number(result.picture.overrides) })}</p>
    </div>
  );
}

function RouteFacts({ route, km, minutes, levelLabel }: { route: RouteResponse['routes'][number]; km: (m: number) => string; minutes: (s: number) => string; levelLabel: (l: keyof typeof CONTROL_LEVELS) => string }) {
  const { t } = useI18n();
  const streets = route.streets.filter((s) => s.name || s.ref).slice(0, 8);
  return (
    <div className="route-facts">
      <h3>{t('routes.avoided')}</h3>
      {route.blocksAvoided.length === 0 ? <p className="hint">{t('routes.nothingAvoided')}</p> : (
        <ul data-testid="route-avoided">{route.blocksAvoided.map((b) => <li key={b.id}>{b.label}</li>)}</ul>
      )}
      <h3>{t('routes.risk')}</h3>
      {route.riskCrossed.length === 0 ? <p className="hint" data-testid="route-no-risk">{t('routes.noRisk')}</p> : (
        <ul data-testid="route-risk">
          {route.riskCrossed.map((r) => <li key={r.areaId}>{r.name} ({r.group}, {levelLabel(r.level)}): {km(r.meters)}, {minutes(r.seconds)}</li>)}
        </ul>
      )}
      {streets.length > 0 && (
        <>
          <h3>{t('routes.streets')}</h3>
          <p>{streets.map((s) => s.name || s.ref).join(' → ')}</p>
        </>
      )}
    </div>
  );
}
