import { MILESTONE_KINDS, MILESTONE_STATUSES, type Milestone } from '../../../../src/shared/ledger.ts';
import { useI18n } from '../../i18n/index.ts';

const dateOf = (m: Milestone) => m.actualStart ?? m.plannedStart ?? m.plannedEnd ?? null;

/** The mandate's milestones in date order; undated ones last. What is late stands out. */
export function MandateTimeline({ milestones }: { milestones: readonly Milestone[] }) {
  const { t, f } = useI18n();
  const sorted = [...milestones].sort((a, b) => (dateOf(a) ?? '9999').localeCompare(dateOf(b) ?? '9999'));
  if (sorted.length === 0) return <p className="hint">{t('ledger.noMilestones')}</p>;
  return (
    <ol className="timeline" data-testid="mandate-timeline">
      {sorted.map((m) => (
        <li key={m.id} className={m.late ? 'late' : m.actualStart ? 'done' : 'open'}>
          <span className="when">{dateOf(m) ? f.date(dateOf(m)!) : t('ledger.undated')}</span>
          <span className="what">
            <strong>{m.title}</strong>
            <span className="meta">
              {f.term(MILESTONE_KINDS[m.kind], m.kind)} · {f.term(MILESTONE_STATUSES[m.status], m.status)}
              {m.plannedStart && !m.actualStart ? ` · ${t('ledger.planned', { date: f.date(m.plannedStart) })}` : ''}
              {m.source.illustrative ? ` · ${t('details.illustrative')}` : ''}
            </span>
            {m.late && <span className="late-badge">{t('ledger.daysLate', { count: m.daysLate, formatted: f.number(m.daysLate) })}</span>}
          </span>
        </li>
      ))}
    </ol>
  );
}
