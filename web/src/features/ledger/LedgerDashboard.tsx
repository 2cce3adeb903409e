import { useCapabilities } from '../../api/capabilities.ts';
import { useI18n } from '../../i18n/index.ts';

/** The ledger dashboard. */
export default function LedgerDashboard() {
  const { t } = useI18n();
  const caps = useCapabilities();
  return (
    <div className="page">
      <h1>{t('ledger.title')}</h1>
      {caps && !caps.has('ledgerSummary') && <p className="notice">{t('common.waitingFor', { api: t('apis.ledger') })}</p>}
    </div>
  );
}
