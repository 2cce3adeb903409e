import { useQuery } from '@tanstack/react-query';
import { COMPLAINT_CATEGORIES, OUTCOMES, type ComplaintCategory, type Outcome, type SuppressedCount } from '../../../../src/shared/accountability.ts';
import { errorMessage } from '../../app/errors.ts';
import { useI18n } from '../../i18n/index.ts';
import { complaintStatistics } from './api.ts';

/** The public figures: counts below 5 arrive from the server as "<5" and are shown as such. */
export function ComplaintStatistics() {
  const { t, f } = useI18n();
  const stats = useQuery({ queryKey: ['complaint-statistics'], queryFn: () => complaintStatistics(12) });
  if (stats.isPending) return <p role="status">{t('common.loading')}</p>;
  if (stats.error) return <p className="error" role="alert">{errorMessage(t, stats.error)}</p>;
  const s = stats.data;
  const count = (value: SuppressedCount) => (value === '<5' ? t('complaints.stats.fewerThanFive') : f.number(value));
  const month = (ym: string) => new Intl.DateTimeFormat(f.locale === 'en' ? 'en-GB' : 'fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${ym}-01T00:00:00Z`));
  const category = (code: ComplaintCategory | 'pending_triage') => (code === 'pending_triage' ? t('complaints.stats.pendingTriage') : f.term(COMPLAINT_CATEGORIES[code], code));
  const outcome = (code: Outcome | 'open') => (code === 'open' ? t('complaints.stats.open') : f.term(OUTCOMES[code], code));
  return (
    <div className="complaints-stats" data-testid="complaint-statistics">
      <h2>{t('complaints.stats.title')}</h2>
      <p>
        {t('complaints.stats.total')}: <strong>{count(s.total)}</strong> ({month(s.from)} – {month(s.to)})
      </p>
      <p className="muted">{t('complaints.stats.suppression')}</p>
      <div className="complaints-tables">
        <table>
          <caption>{t('complaints.stats.byCategory')}</caption>
          <tbody>
            {s.byCategory.map((c) => (
              <tr key={c.category}>
                <th scope="row">{category(c.category)}</th>
                <td>{count(c.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table>
          <caption>{t('complaints.stats.byOutcome')}</caption>
          <tbody>
            {s.byOutcome.map((o) => (
              <tr key={o.outcome}>
                <th scope="row">{outcome(o.outcome)}</th>
                <td>{count(o.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table>
          <caption>{t('complaints.stats.byMonth')}</caption>
          <tbody>
            {s.byMonth.map((m) => (
              <tr key={m.month}>
                <th scope="row">{month(m.month)}</th>
                <td>{count(m.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
