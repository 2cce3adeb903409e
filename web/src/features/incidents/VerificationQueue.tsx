import { useInfiniteQuery } from '@tanstack/react-query';
import type { Me } from '../../../../src/shared/auth.ts';
import { INCIDENT_TYPES, type IncidentPage } from '../../../../src/shared/incidents.ts';
import { useCapabilities } from '../../api/capabilities.ts';
import { api } from '../../api/client.ts';
import { errorMessage } from '../../app/errors.ts';
import { useI18n } from '../../i18n/index.ts';
import { useLiveIncidents } from './live.ts';
import { VerifyButtons } from './VerifyButtons.tsx';

/** Reports waiting for an analyst: unverified and disputed, newest first. */
export default function VerificationQueue({ me }: { me: Me }) {
  const { t, f } = useI18n();
  const caps = useCapabilities();
  const enabled = caps?.has('incidents') ?? false;
  useLiveIncidents(caps?.has('stream') ?? false);
  const queue = useInfiniteQuery({
    queryKey: ['incidents', 'queue'],
    enabled,
    initialPageParam: '',
    queryFn: ({ pageParam, signal }) => api<IncidentPage>('/api/v1/incidents', { signal, query: { verification: ['unverified', 'disputed'], limit: 25, cursor: pageParam || undefined } }),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const items = queue.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div className="page verification-queue">
      <h1>{t('queue.title')}</h1>
      {caps && !enabled && <p className="notice">{t('common.waitingFor', { api: t('apis.incidents') })}</p>}
      {!me.roles.includes('analyst') && <p className="hint">{t('queue.analystsOnly')}</p>}
      {queue.error && <p className="error" role="alert">{errorMessage(t, queue.error)}</p>}
      {enabled && !queue.isPending && items.length === 0 && <p>{t('queue.empty')}</p>}
      <ul className="cards">
        {items.map((i) => (
          <li key={i.id} className="card" data-testid="queue-item" data-incident-id={i.id}>
            <h2>{i.title}</h2>
            <p className="meta">
              {f.term(INCIDENT_TYPES[i.type]?.labels, i.type)} · {f.dateTime(i.occurredAt)} · {[i.location.placeName, i.admin?.adm2Name].filter(Boolean).join(', ')}
            </p>
            <p className="meta">
              {t('details.reportedBy')}: {i.reportedBy.username ? `${i.reportedBy.username} (${i.reportedBy.organisation})` : i.reportedBy.organisation}
              {i.sources.length > 0 && ` · ${t('details.sources')}: ${i.sources.map((s) => `${s.name} ${s.reliability}${s.credibility}`).join(', ')}`}
            </p>
            {i.description && <p>{i.description}</p>}
            <VerifyButtons incident={i} me={me} />
          </li>
        ))}
      </ul>
      {queue.hasNextPage && (
        <button type="button" onClick={() => void queue.fetchNextPage()} disabled={queue.isFetchingNextPage}>
          {t('common.more')}
        </button>
      )}
    </div>
  );
}
