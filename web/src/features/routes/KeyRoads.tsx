import { useQuery } from '@tanstack/react-query';
import { ROAD_STATUSES, type KeyRoadsResponse, type RiskTolerance, type RouteProfile } from '../../../../src/shared/roads.ts';
import { api } from '../../api/client.ts';
import { useI18n } from '../../i18n/index.ts';

/** The key roads board: each named corridor with its status and what makes it risky or blocked. */
export function KeyRoads({ network, profile, riskTolerance }: { network: string; profile: RouteProfile; riskTolerance: RiskTolerance | '' }) {
  const { t, f } = useI18n();
  const board = useQuery({
    queryKey: ['key-roads', network, profile, riskTolerance],
    refetchInterval: 60_000,
    queryFn: () => api<KeyRoadsResponse>('/api/v1/roads/key-roads', { query: { network, profile, riskTolerance: riskTolerance || undefined } }),
  });
  if (!board.data) return null;
  return (
    <section aria-labelledby="key-roads-title">
      <h3 id="key-roads-title">{t('routes.keyRoads')}</h3>
      <ul className="key-roads" data-testid="key-roads">
        {board.data.roads.map((road) => (
          <li key={road.id}>
            <span className={`status status-${road.status}`}>{f.term(ROAD_STATUSES[road.status], road.status)}</span>
            <span>
              <strong>{road.name}</strong>
              {road.causes.length > 0 && <span className="hint"> — {road.causes.map((c) => c.label).join('; ')}</span>}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
