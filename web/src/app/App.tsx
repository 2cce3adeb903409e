import { lazy, Suspense } from 'react';
import { useComplaintRoute } from '../features/complaints/route.ts';
import { useI18n } from '../i18n/index.ts';
import { useOfflineSession } from '../offline/hooks.ts';
import { Header } from './Header.tsx';
import { useScreen } from './route.ts';
import { useSession } from './session.ts';
import { SignIn } from './SignIn.tsx';

// Each screen is its own chunk: the sign-in page loads without MapLibre.
const OperationalPicture = lazy(() => import('../map/OperationalPicture.tsx'));
const VerificationQueue = lazy(() => import('../features/incidents/VerificationQueue.tsx'));
const LedgerDashboard = lazy(() => import('../features/ledger/LedgerDashboard.tsx'));
const RoutePlanner = lazy(() => import('../features/routes/RoutePlanner.tsx'));
const SitesScreen = lazy(() => import('../features/sites/SitesScreen.tsx'));
// The public complaint page (#/complaint) needs no account.
const ComplaintPage = lazy(() => import('../features/complaints/ComplaintPage.tsx'));

export function App() {
  const { t } = useI18n();
  const { me, loading } = useSession();
  const screen = useScreen();
  const complaintPage = useComplaintRoute();
  useOfflineSession(me);
  if (complaintPage) return <Suspense fallback={<p className="splash" role="status">{t('common.loading')}</p>}><ComplaintPage /></Suspense>;
  if (loading) return <p className="splash" role="status">{t('common.loading')}</p>;
  if (!me) return <SignIn />;
  return (
    <div className="shell">
      <Header me={me} screen={screen} />
      <main id="main" className={`screen screen-${screen}`} tabIndex={-1}>
        <Suspense fallback={<p className="splash" role="status">{t('common.loading')}</p>}>
          {screen === 'map' && <OperationalPicture me={me} />}
          {screen === 'verify' && <VerificationQueue me={me} />}
          {screen === 'ledger' && <LedgerDashboard />}
          {screen === 'routes' && <RoutePlanner />}
          {screen === 'sites' && <SitesScreen me={me} />}
        </Suspense>
      </main>
    </div>
  );
}
