import { lazy, Suspense } from 'react';
import { isComplaintHash, useComplaintRoute } from '../features/complaints/route.ts';
import { useI18n } from '../i18n/index.ts';
import { readBasemapIndexEarly } from '../map/basemapIndex.ts';
import { readIncidentTilesEarly } from '../map/incidents.ts';
import type OperationalPictureScreen from '../map/OperationalPicture.tsx';
import { useOfflineSession } from '../offline/hooks.ts';
import { Header } from './Header.tsx';
import { screenOf, useScreen } from './route.ts';
import { checkSessionEarly, useSession } from './session.ts';
import { SignIn } from './SignIn.tsx';

type OperationalPictureModule = { default: typeof OperationalPictureScreen };

// Each screen is its own chunk.
let operationalPicture: OperationalPictureModule | null = null;
const loadOperationalPicture = () =>
  import('../map/OperationalPicture.tsx').then((module) => (operationalPicture = module));
/**
 * The map screen's code, started early by startFirstScreen. Once it has arrived, the lazy component
 * gets it through a thenable that answers at once: React then renders the screen in the same pass
 * instead of suspending on a promise, which would show the fallback and hold the screen back for
 * React's Suspense reveal throttle (300 ms) before the map is even created. (React's lazy only
 * calls `then` on what its loader returns, so the thenable stands in for a promise.)
 */
const OperationalPicture = lazy(() => (operationalPicture ? (settled(operationalPicture) as Promise<OperationalPictureModule>) : loadOperationalPicture()));

/** A thenable that hands over `value` as soon as it is asked (a promise would wait for the next microtask). */
function settled<T>(value: T): PromiseLike<T> {
  return {
    then<A = T, B = never>(onFulfilled?: ((v: T) => A | PromiseLike<A>) | null): PromiseLike<A | B> {
      return Promise.resolve(onFulfilled ? onFulfilled(value) : (value as unknown as A));
    },
  };
}

const VerificationQueue = lazy(() => import('../features/incidents/VerificationQueue.tsx'));
const LedgerDashboard = lazy(() => import('../features/ledger/LedgerDashboard.tsx'));
const RoutePlanner = lazy(() => import('../features/routes/RoutePlanner.tsx'));
const SitesScreen = lazy(() => import('../features/sites/SitesScreen.tsx'));
// The public complaint page (#/complaint) needs no account.
const ComplaintPage = lazy(() => import('../features/complaints/ComplaintPage.tsx'));

/**
 * When the page opens on the map (the first screen after sign-in), its code — MapLibre with it,
 * which starts its worker — loads and runs, and the basemap's index (public) is read, while the
 * session is checked, rather than after.
 */
export function startFirstScreen(): void {
  if (isComplaintHash(location.hash)) return;
  const session = checkSessionEarly();
  if (screenOf(location.hash) !== 'map') return;
  // A failure shows when the screen itself asks for its code.
  loadOperationalPicture().catch(() => undefined);
  readBasemapIndexEarly();
  // The incidents' tile set of a user already signed in, read while the screen renders.
  session.then((me) => me && readIncidentTilesEarly(me.id), () => undefined);
}

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
