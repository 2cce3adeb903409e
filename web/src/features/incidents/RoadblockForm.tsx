import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import type { Classification } from '../../../../src/shared/access.ts';
import { RoadblockInput } from '../../../../src/shared/roads.ts';
import { useI18n } from '../../i18n/index.ts';
import { submit as submitToOutbox } from '../../offline/outbox.ts';
import { ClassificationSelect, ReportSubmitRow } from './ReportFormParts.tsx';

/** This form has no list of organisations to release a restricted report to, so it offers public and mission only. */
const ROADBLOCK_CLASSIFICATIONS: readonly Classification[] = ['PUBLIC', 'MISSION'];

export type ReportWhat = 'incident' | 'roadblock' | 'checkpoint';
const WHATS: readonly ReportWhat[] = ['incident', 'roadblock', 'checkpoint'];

/** What is being reported: an incident, or a roadblock or checkpoint on the road picture. */
export function WhatSelect({ value, onChange }: { value: ReportWhat; onChange: (what: ReportWhat) => void }) {
  const { t } = useI18n();
  return (
    <label>
      {t('offline.report.what')}
      <select value={value} onChange={(e) => onChange(e.target.value as ReportWhat)} data-testid="report-what">
        {WHATS.map((w) => <option key={w} value={w}>{t(`offline.report.whats.${w}`)}</option>)}
      </select>
    </label>
  );
}

interface Props {
  kind: 'roadblock' | 'checkpoint';
  onWhat: (what: ReportWhat) => void;
  point: [number, number] | null;
  onPoint: (point: [number, number]) => void;
  onClose: () => void;
}

/** Report a roadblock or checkpoint at the point chosen on the map; it goes through the outbox like every report. */
export function RoadblockForm({ kind, onWhat, point, onClose }: Props) {
  const { t, f } = useI18n();
  const queryClient = useQueryClient();
  const formId = useId();
  const [description, setDescription] = useState('');
  const [group, setGroup] = useState('');
  const [classification, setClassification] = useState<Classification>('MISSION');
  const [problem, setProblem] = useState('');
  const report = useMutation({
    mutationFn: (input: RoadblockInput) => submitToOutbox({ kind: 'roadblock', path: '/api/v1/roads/roadblocks', body: input, summary: input.description || t(`offline.report.whats.${kind}`) }),
    onSuccess: ({ answer }) => {
      if (answer) void queryClient.invalidateQueries({ queryKey: ['overlay'] });
      onClose();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setProblem('');
    if (!point) return setProblem(t('report.needPoint'));
    const input: RoadblockInput = { kind, lon: point[0], lat: point[1], description: description.trim(), group: group.trim(), classification, releasableTo: [] };
    const checked = RoadblockInput.safeParse(input);
    if (!checked.success) return setProblem(checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    report.mutate(input);
  };
  return (
    <aside className="panel right report" aria-labelledby={`${formId}-title`} data-testid="report-form">
      <div className="panel-head">
        <h2 id={`${formId}-title`}>{t(`offline.report.title.${kind}`)}</h2>
        <button type="button" className="close" onClick={onClose} aria-label={t('common.close')}>×</button>
      </div>
      <form onSubmit={submit}>
        <WhatSelect value={kind} onChange={onWhat} />
        <p className="hint" data-testid="report-point">
          {point ? t('report.pointAt', { lat: f.number(Number(point[1].toFixed(5))), lon: f.number(Number(point[0].toFixed(5))) }) : t('report.clickMap')}
        </p>
        <label>
          {t('report.description')}
          <textarea value={description} onChange={(e) => setDescription(e.target.value)} rows={3} maxLength={2000} data-testid="roadblock-description" />
        </label>
        <label>
          {t('offline.report.group')}
          <input value={group} onChange={(e) => setGroup(e.target.value)} maxLength={200} />
        </label>
        <ClassificationSelect value={classification} onChange={setClassification} offered={ROADBLOCK_CLASSIFICATIONS} />
        <ReportSubmitRow problem={problem} error={report.error} pending={report.isPending} onClose={onClose} />
      </form>
    </aside>
  );
}
