import { useCapabilities } from '../../api/capabilities.ts';
import { useI18n } from '../../i18n/index.ts';

/** The route planner: waits for POST /api/v1/routes. */
export default function RoutePlanner() {
  const { t } = useI18n();
  const caps = useCapabilities();
  return (
    <div className="page">
      <h1>{t('routes.title')}</h1>
      {caps && !caps.has('routes') && <p className="notice">{t('common.waitingFor', { api: t('apis.routes') })}</p>}
    </div>
  );
}
