import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { LedgerSeries, LedgerSummary, Milestone, Pledge } from '../../../../src/shared/ledger.ts';
import { useCapabilities } from '../../api/capabilities.ts';
import { api } from '../../api/client.ts';
import { errorMessage } from '../../app/errors.ts';
import { BarGroups } from '../../charts/BarGroups.tsx';
import { LineChart } from '../../charts/LineChart.tsx';
import { useI18n } from '../../i18n/index.ts';
import { InKindTable } from './InKindTable.tsx';
import { MandateTimeline } from './MandateTimeline.tsx';

const OFFICER_COLOURS = { pledged: '#9fa8da', confirmed: '#3949ab', deployed: '#1b7f3b' } as const;
const MONEY_COLOURS = { pledged: '#ffcc80', committed: '#f57c00', paid: '#1b7f3b' } as const;
const today = () => new Date().toISOString().slice(0, 10);

/** Pledges becoming officers on the ground and money in the account, per nation and over time. */
export default function LedgerDashboard() {
  const { t, f } = useI18n();
  const caps = useCapabilities();
  const enabled = caps?.has('ledgerSummary') ?? false;
  const seriesOn = caps?.has('ledgerSeries') ?? false;
  const nationId = useId();
  const [organisation, setOrganisation] = useState('');
  const summary = useQuery({ queryKey: ['ledger', 'summary'], enabled, queryFn: () => api<LedgerSummary>('/api/v1/ledger/summary') });
  const milestones = useQuery({ queryKey: ['ledger', 'milestones'], enabled, queryFn: () => api<Milestone[]>('/api/v1/ledger/milestones') });
  // The series starts at the first pledge the reader may see.
  const first = useQuery({ queryKey: ['ledger', 'first-pledge'], enabled, queryFn: () => api<Pledge[]>('/api/v1/ledger/pledges', { query: { limit: 1 } }) });
  const from = first.data?.[0]?.pledgedOn ?? null;
  const series = useQuery({
    queryKey: ['ledger', 'series', from, organisation],
    enabled: seriesOn && from !== null,
    queryFn: () => api<LedgerSeries>('/api/v1/ledger/series', { query: { from: from!, to: today(), interval: 'week', organisation: organisation || undefined } }),
  });

  if (caps && !enabled) {
    return (
      <div className="page">
        <h1>{t('ledger.title')}</h1>
        <p className="notice">{t('common.waitingFor', { api: t('apis.ledger') })}</p>
      </div>
    );
  }
  const s = summary.data;
  const officerMeasures = (['pledged', 'confirmed', 'deployed'] as const).map((k) => ({ name: t(`ledger.officers.${k}`), colour: OFFICER_COLOURS[k] }));
  const moneyMeasures = (['pledged', 'committed', 'paid'] as const).map((k) => ({ name: t(`ledger.money.${k}`), colour: MONEY_COLOURS[k] }));
  const nations = s?.byOrganisation.filter((o) => o.officers.pledged > 0 || o.officers.unspecifiedPledges > 0 || o.officers.deployed > 0) ?? [];
  const donors = s?.byOrganisation.filter((o) => o.usd.pledged > 0 || o.usd.paid > 0) ?? [];
  const points = organisation ? series.data?.byOrganisation.find((o) => o.organisation === organisation)?.points : series.data?.mission;

  return (
    <div className="page ledger">
      <h1>{t('ledger.title')}</h1>
      {(summary.error ?? series.error) && <p className="error" role="alert">{errorMessage(t, summary.error ?? series.error)}</p>}
      {s && (
        <>
          <section className="kpis" aria-label={t('ledger.headline')}>
            <Kpi label={t('ledger.officers.pledged')} value={f.number(s.mission.officers.pledged)} note={s.mission.officers.unspecifiedPledges > 0 ? t('ledger.unspecified', { count: s.mission.officers.unspecifiedPledges }) : undefined} />
            <Kpi label={t('ledger.officers.deployed')} value={f.number(s.mission.officers.deployed)} testId="kpi-deployed" />
            <Kpi label={t('ledger.money.pledged')} value={f.usd(s.mission.usd.pledged)} />
            <Kpi label={t('ledger.money.paid')} value={f.usd(s.mission.usd.paid)} />
            <Kpi label={t('ledger.late')} value={f.number(s.milestones.late.length)} warn={s.milestones.late.length > 0} />
          </section>
          <p className="hint">{t('ledger.asOf', { date: f.date(s.asOf) })}</p>

          <section className="chart-card">
            <div className="chart-head">
              <h2>{t('ledger.overTime')}</h2>
              <label htmlFor={nationId}>{t('ledger.nation')}</label>
              <select id={nationId} value={organisation} onChange={(e) => setOrganisation(e.target.value)} data-testid="ledger-nation">
                <option value="">{t('ledger.wholeMission')}</option>
                {nations.map((o) => <option key={o.organisation} value={o.organisation}>{o.organisationName}</option>)}
              </select>
            </div>
            {!seriesOn && <p className="notice">{t('common.waitingFor', { api: t('apis.ledger') })}</p>}
            {points && (
              <LineChart
                title={t('ledger.officersOverTime')}
                series={(['pledged', 'confirmed', 'deployed'] as const).map((k) => ({ name: t(`ledger.officers.${k}`), colour: OFFICER_COLOURS[k], points: points.map((p) => ({ date: p.date, value: p[k] })) }))}
                formatValue={f.compact}
                formatDate={f.date}
              />
            )}
          </section>

          <section className="chart-card">
            <h2>{t('ledger.officersByNation')}</h2>
            <BarGroups title={t('ledger.officersByNation')} measures={officerMeasures} groups={nations.map((o) => ({ label: o.organisationName, values: [o.officers.pledged, o.officers.confirmed, o.officers.deployed] }))} format={f.number} />
            {nations.some((o) => o.officers.unspecifiedPledges > 0) && <p className="hint">{t('ledger.unspecifiedNote')}</p>}
          </section>

          <section className="chart-card">
            <h2>{t('ledger.moneyTitle')}</h2>
            <BarGroups title={t('ledger.moneyTitle')} measures={moneyMeasures} groups={donors.map((o) => ({ label: o.organisationName, values: [o.usd.pledged, o.usd.committed, o.usd.paid] }))} format={f.usd} />
          </section>

          <section className="chart-card">
            <h2>{t('ledger.inKindTitle')}</h2>
            <InKindTable rows={s.mission.inKind} />
          </section>

          <section className="chart-card">
            <h2>{t('ledger.timelineTitle')}</h2>
            <MandateTimeline milestones={milestones.data ?? []} />
          </section>
        </>
      )}
      {summary.isPending && <p role="status">{t('common.loading')}</p>}
    </div>
  );
}

function Kpi({ label, value, note, warn, testId }: { label: string; value: string; note?: string; warn?: boolean; testId?: string }) {
  return (
    <div className={`kpi${warn ? ' warn' : ''}`} data-testid={testId}>
      <span className="kpi-value">{value}</span>
      <span className="kpi-label">{label}</span>
      {note && <span className="kpi-note">{note}</span>}
    </div>
  );
}
