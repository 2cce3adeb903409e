import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { Me } from '../../../../src/shared/auth.ts';
import { CLASSIFICATIONS } from '../../../../src/shared/access.ts';
import { INCIDENT_TYPES, LOCATION_PRECISIONS, VERIFICATION_STATUSES, type HistoryEntry, type Incident } from '../../../../src/shared/incidents.ts';
import { api } from '../../api/client.ts';
import { errorMessage } from '../../app/errors.ts';
import { useI18n } from '../../i18n/index.ts';
import { EditIncident } from './EditIncident.tsx';
import { VerifyButtons } from './VerifyButtons.tsx';

const who = (ref: Incident['reportedBy'] | null) => (ref ? (ref.username ? `${ref.username} (${ref.organisation})` : ref.organisation) : '');

/** An incident's details: what, when, where, counts, graded sources, who verified, and its history. */
export function IncidentDetails({ id, me, onClose }: { id: string; me: Me; onClose: () => void }) {
  const { t, f } = useI18n();
  const incident = useQuery({ queryKey: ['incidents', 'one', id], queryFn: () => api<Incident>(`/api/v1/incidents/${encodeURIComponent(id)}`) });
  const history = useQuery({ queryKey: ['incidents', 'history', id], queryFn: () => api<HistoryEntry[]>(`/api/v1/incidents/${encodeURIComponent(id)}/history`) });
  const i = incident.data;
  const [editing, setEditing] = useState(false);
  // Focus moves to the panel it opened, so that a keyboard or screen reader user lands on it.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [id]);
  return (
    <aside className="panel right details" aria-labelledby="details-title" data-testid="incident-details" data-incident-id={id}>
      <div className="panel-head">
        <h2 id="details-title" ref={heading} tabIndex={-1}>{i ? i.title : t('details.title')}</h2>
        <button type="button" className="close" onClick={onClose} aria-label={t('common.close')}>
          ×
        </button>
      </div>
      {incident.isPending && <p role="status">{t('common.loading')}</p>}
      {incident.error && <p className="error" role="alert">{errorMessage(t, incident.error)}</p>}
      {i && (
        <>
          <p className="badges">
            <span className="badge">{f.term(INCIDENT_TYPES[i.type]?.labels, i.type)}</span>
            <span className={`badge verification-${i.verification.status}`} data-testid="details-verification">
              {f.term(VERIFICATION_STATUSES[i.verification.status], i.verification.status)}
            </span>
            <span className="badge">{f.term(CLASSIFICATIONS[i.classification], i.classification)}</span>
            {i.illustrative && <span className="badge illustrative">{t('details.illustrative')}</span>}
          </p>
          <dl className="facts">
            <dt>{t('details.occurred')}</dt>
            <dd>{f.dateTime(i.occurredAt)}</dd>
            <dt>{t('details.where')}</dt>
            <dd>
              {[i.location.placeName, i.admin?.adm3Name, i.admin?.adm2Name, i.admin?.adm1Name].filter(Boolean).join(', ') || `${f.number(i.location.lat)}, ${f.number(i.location.lon)}`}
              {' '}({f.term(LOCATION_PRECISIONS[i.location.precision], i.location.precision)})
            </dd>
            <dt>{t('details.counts')}</dt>
            <dd>{t('details.countsValue', { killed: f.number(i.counts.killed), injured: f.number(i.counts.injured), abducted: f.number(i.counts.abducted), displaced: f.number(i.counts.displaced) })}</dd>
            {i.actors.length > 0 && (
              <>
                <dt>{t('details.actors')}</dt>
                <dd>{i.actors.map((a) => `${a.name} (${t(`actorRoles.${a.role}`)})`).join('; ')}</dd>
              </>
            )}
            <dt>{t('details.reportedBy')}</dt>
            <dd>
              {who(i.reportedBy)} · {f.dateTime(i.reportedAt)}
            </dd>
            <dt>{t('details.verifiedBy')}</dt>
            <dd data-testid="details-verified-by">
              {i.verification.by ? `${who(i.verification.by)}${i.verification.at ? ` · ${f.dateTime(i.verification.at)}` : ''}` : t('details.nobodyYet')}
              {i.verification.note ? ` — “${i.verification.note}”` : ''}
            </dd>
          </dl>
          {i.description && <p className="description">{i.description}</p>}
          <h3>{t('details.sources')}</h3>
          {i.sources.length === 0 ? (
            <p className="hint">{t('details.noSources')}</p>
          ) : (
            <ul className="sources">
              {i.sources.map((s, n) => (
                <li key={n}>
                  <abbr className="grade" title={t('details.grading', { reliability: t(`reliability.${s.reliability}`), credibility: t(`credibility.${s.credibility}`) })}>
                    {s.reliability}
                    {s.credibility}
                  </abbr>{' '}
                  {s.url ? <a href={s.url} rel="noreferrer noopener" target="_blank">{s.name}</a> : s.name}
                  {s.reportedAt ? ` · ${f.date(s.reportedAt)}` : ''}
                </li>
              ))}
            </ul>
          )}
          <VerifyButtons incident={i} me={me} />
          {editing ? (
            <EditIncident incident={i} onDone={() => setEditing(false)} />
          ) : (
            me.roles.some((r) => r === 'reporter' || r === 'analyst' || r === 'commander') && <button type="button" onClick={() => setEditing(true)} data-testid="edit-open">{t('offline.edit.open')}</button>
          )}
          <h3>{t('details.history')}</h3>
          <ol className="history">
            {(history.data ?? []).map((h) => (
              <li key={h.version}>
                {f.dateTime(h.at)} · {t(`history.${h.action}`, { defaultValue: h.action })} · {who(h.by)}
              </li>
            ))}
          </ol>
        </>
      )}
    </aside>
  );
}
