import { IN_KIND_CATEGORIES, type InKindCategory, type LedgerTotals } from '../../../../src/shared/ledger.ts';
import { useI18n } from '../../i18n/index.ts';

const STATUSES = ['pledged', 'delivered', 'in_service', 'ended'] as const;

/** In-kind support: pledges by category and how far each has come. */
export function InKindTable({ rows }: { rows: LedgerTotals['inKind'] }) {
  const { t, f } = useI18n();
  const categories = [...new Set(rows.map((r) => r.category))] as InKindCategory[];
  if (categories.length === 0) return <p className="hint">{t('ledger.noInKind')}</p>;
  const count = (category: string, status: string) => rows.filter((r) => r.category === category && r.status === status).reduce((n, r) => n + r.pledges, 0);
  return (
    <div className="table-scroll">
    <table className="data">
      <thead>
        <tr>
          <th scope="col">{t('ledger.category')}</th>
          {STATUSES.map((s) => <th key={s} scope="col">{t(`ledger.inKindStatus.${s}`)}</th>)}
        </tr>
      </thead>
      <tbody>
        {categories.map((category) => (
          <tr key={category}>
            <th scope="row">{f.term(IN_KIND_CATEGORIES[category], category)}</th>
            {STATUSES.map((s) => <td key={s}>{count(category, s) ? f.number(count(category, s)) : '—'}</td>)}
          </tr>
        ))}
      </tbody>
    </table>
    </div>
  );
}
