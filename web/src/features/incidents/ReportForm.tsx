import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import type { Classification } from '../../../../src/shared/access.ts';
import type { Organisation } from '../../../../src/shared/auth.ts';
import { INCIDENT_TYPES, IncidentInput, type Incident, type IncidentType } from '../../../../src/shared/incidents.ts';
import { api } from '../../api/client.ts';
import { useI18n } from '../../i18n/index.ts';
import { submit as submitToOutbox } from '../../offline/outbox.ts';
import { RoadblockForm, WhatSelect, type ReportWhat } from './RoadblockForm.tsx';
import { ClassificationSelect, ReportSubmitRow } from './ReportFormParts.tsx';

const RELIABILITY = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
const CREDIBILITY = [1, 2, 3, 4, 5, 6] as const;
const COUNTS = ['killed', 'injured', 'abducted', 'displaced'] as const;

/** A local date-time for <input type="datetime-local">, now by default. */
function localNow(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

interface Props {
  point: [number, number] | null;
  onPoint: (point: [number, number]) => void;
  onClose: () => void;
  onReported: (id: string) => void;
}

/** Report an incident: a point from the map or the device, then a short form. */
export function ReportForm({ point, onPoint, onClose, onReported }: Props) {
  const { t, f } = useI18n();
  const queryClient = useQueryClient();
  const formId = useId();
  const [what, setWhat] = useState<ReportWhat>('incident');
  const [type, setType] = useState<IncidentType>('armed_clash');
  const [title, setTitle] = useState('');
  const [occurredAt, setOccurredAt] = useState(localNow);
  const [counts, setCounts] = useState<Record<(typeof COUNTS)[number], number>>({ killed: 0, injured: 0, abducted: 0, displaced: 0 });
  const [description, setDescription] = useState('');
  const [sourceName, setSourceName] = useState('');
  const [reliability, setReliability] = useState<(typeof RELIABILITY)[number]>('C');
  const [credibility, setCredibility] = useState<(typeof CREDIBILITY)[number]>(3);
  const [classification, setClassification] = useState<Classification>('MISSION');
  const [releasableTo, setReleasableTo] = useState<string[]>([]);
  const [problem, setProblem] = useState('');
  const [locating, setLocating] = useState(false);
  const organisations = useQuery({ queryKey: ['organisations'], queryFn: () => api<Organisation[]>('/api/v1/organisations'), staleTime: Infinity });

  // Through the outbox: stored on the device first, sent now or when the connection returns,
  // with its Idempotency-Key so that it arrives once.
  const report = useMutation({
    mutationFn: (input: IncidentInput) => submitToOutbox({ kind: 'incident', path: '/api/v1/incidents', body: input, summary: input.title }),
    onSuccess: ({ answer }) => {
      if (!answer) return onClose();
      void queryClient.invalidateQueries({ queryKey: ['incidents'] });
      onReported((answer as Incident).id);
    },
  });

  const locate = () => {
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating(false);
        onPoint([position.coords.longitude, position.coords.latitude]);
      },
      () => {
        setLocating(false);
        setProblem(t('report.noPosition'));
      },
      { enableHighAccuracy: true, timeout: 15_000 },
    );
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setProblem('');
    if (!point) return setProblem(t('report.needPoint'));
    const input: IncidentInput = {
      type,
      title: title.trim(),
      description,
      occurredAt: new Date(occurredAt).toISOString(),
      location: { lon: point[0], lat: point[1], precision: 'exact' },
      counts,
      sources: sourceName.trim() ? [{ name: sourceName.trim(), reliability, credibility }] : [],
      classification,
      releasableTo: classification === 'RESTRICTED' ? releasableTo : [],
    };
    const checked = IncidentInput.safeParse(input);
    if (!checked.success) return setProblem(checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    report.mutate(input);
  };

  if (what !== 'incident') return <RoadblockForm kind={what} onWhat={setWhat} point={point} onPoint={onPoint} onClose={onClose} />;
  return (
    <aside className="panel right report" aria-labelledby={`${formId}-title`} data-testid="report-form">
      <div className="panel-head">
        <h2 id={`${formId}-title`}>{t('report.title')}</h2>
        <button type="button" className="close" onClick={onClose} aria-label={t('common.close')}>×</button>
      </div>
      <form onSubmit={submit}>
        <WhatSelect value={what} onChange={setWhat} />
        <fieldset>
          <legend>{t('report.where')}</legend>
          <p className="hint" data-testid="report-point">
            {point ? t('report.pointAt', { lat: f.number(Number(point[1].toFixed(5))), lon: f.number(Number(point[0].toFixed(5))) }) : t('report.clickMap')}
          </p>
          <button type="button" onClick={locate} disabled={locating}>{locating ? t('common.loading') : t('report.useMyPosition')}</button>
        </fieldset>
        <label>
          {t('report.type')}
          <select value={type} onChange={(e) => setType(e.target.value as IncidentType)} data-testid="report-type">
            {(Object.keys(INCIDENT_TYPES) as IncidentType[]).map((code) => (
              <option key={code} value={code}>{f.term(INCIDENT_TYPES[code].labels, code)}</option>
            ))}
          </select>
        </label>
        <label>
          {t('report.titleField')}
          <input value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={200} data-testid="report-title" />
        </label>
        <label>
          {t('report.when')}
          <input type="datetime-local" value={occurredAt} onChange={(e) => setOccurredAt(e.target.value)} required max={localNow()} />
        </label>
        <fieldset className="counts">
          <legend>{t('report.counts')}</legend>
          {COUNTS.map((key) => (
            <label key={key}>
              {t(`counts.${key}`)}
              <input type="number" min={0} inputMode="numeric" value={counts[key]} onChange={(e) => setCounts({ ...counts, [key]: Math.max(0, Math.floor(Number(e.target.value) || 0)) })} data-testid={`report-${key}`} />
            </label>
          ))}
        </fieldset>
        <label>
          {t('report.description')}
          <textarea value={description} onChange={(e) => setDescription(e.target.value)} rows={3} maxLength={20_000} />
        </label>
        <fieldset className="grading">
          <legend>{t('report.source')}</legend>
          <label>
            {t('report.sourceName')}
            <input value={sourceName} onChange={(e) => setSourceName(e.target.value)} maxLength={200} />
          </label>
          <label>
            {t('report.reliability')}
            <select value={reliability} onChange={(e) => setReliability(e.target.value as (typeof RELIABILITY)[number])}>
              {RELIABILITY.map((r) => <option key={r} value={r}>{r} — {t(`reliability.${r}`)}</option>)}
            </select>
          </label>
          <label>
            {t('report.credibility')}
            <select value={credibility} onChange={(e) => setCredibility(Number(e.target.value) as (typeof CREDIBILITY)[number])}>
              {CREDIBILITY.map((c) => <option key={c} value={c}>{c} — {t(`credibility.${c}`)}</option>)}
            </select>
          </label>
        </fieldset>
        <ClassificationSelect value={classification} onChange={setClassification} testId="report-classification" />
        {classification === 'RESTRICTED' && (
          <fieldset className="releasable">
            <legend>{t('report.releasableTo')}</legend>
            {(organisations.data ?? []).map((o) => (
              <label key={o.code}>
                <input type="checkbox" checked={releasableTo.includes(o.code)} onChange={(e) => setReleasableTo(e.target.checked ? [...releasableTo, o.code] : releasableTo.filter((c) => c !== o.code))} />
                {o.name} ({o.code})
              </label>
            ))}
          </fieldset>
        )}
        <ReportSubmitRow problem={problem} error={report.error} pending={report.isPending} onClose={onClose} />
      </form>
    </aside>
  );
}
