import { useState } from 'react';
import { LanguageSwitch } from '../../app/LanguageSwitch.tsx';
import { useI18n } from '../../i18n/index.ts';
import { ComplaintForm } from './ComplaintForm.tsx';
import { ComplaintStatistics } from './ComplaintStatistics.tsx';
import { StatusCheck } from './StatusCheck.tsx';
import './complaints.css';

type Tab = 'new' | 'check' | 'statistics';
const TABS: readonly Tab[] = ['new', 'check', 'statistics'];

/** The public complaint page: file a complaint, follow it with the receipt code, see the public figures. */
export default function ComplaintPage() {
  const { t } = useI18n();
  const [tab, setTab] = useState<Tab>('new');
  return (
    <div className="complaints-page">
      <header className="complaints-top">
        <span className="brand">Konbit</span>
        <LanguageSwitch />
      </header>
      <main id="main" className="complaints-card">
        <h1>{t('complaints.title')}</h1>
        <p className="complaints-intro">{t('complaints.intro')}</p>
        <ul className="complaints-promises">
          <li>{t('complaints.promiseNoAccount')}</li>
          <li>{t('complaints.promiseAccused')}</li>
          <li>{t('complaints.promiseContact')}</li>
        </ul>
        <div role="tablist" className="complaints-tabs" aria-label={t('complaints.title')}>
          {TABS.map((name) => (
            <button key={name} type="button" role="tab" aria-selected={tab === name} className={tab === name ? 'primary' : ''} onClick={() => setTab(name)} data-testid={`complaints-tab-${name}`}>
              {t(`complaints.tab.${name}`)}
            </button>
          ))}
        </div>
        <section role="tabpanel">
          {tab === 'new' && <ComplaintForm />}
          {tab === 'check' && <StatusCheck />}
          {tab === 'statistics' && <ComplaintStatistics />}
        </section>
      </main>
    </div>
  );
}
