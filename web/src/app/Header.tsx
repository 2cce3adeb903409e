import type { Me } from '../../../src/shared/auth.ts';
import { ROLES } from '../../../src/shared/access.ts';
import { useI18n } from '../i18n/index.ts';
import { OfflineStatus } from '../offline/OfflineStatus.tsx';
import { outboxState } from '../offline/outbox.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import type { Screen } from './route.ts';
import { useLogout } from './session.ts';

const NAV: readonly Screen[] = ['map', 'verify', 'ledger', 'routes', 'sites'];

export function Header({ me, screen }: { me: Me; screen: Screen }) {
  const { t, f } = useI18n();
  const logout = useLogout();
  const roles = me.roles.map((role) => f.term(ROLES[role], role)).join(', ');
  // Signing out deletes what is stored on the device, unsent reports included: say so first.
  const signOut = () => {
    const unsent = outboxState().items.length;
    if (unsent > 0 && !window.confirm(t('offline.signOutWarning', { count: unsent }))) return;
    logout.mutate();
  };
  return (
    <header className="app-header">
      <a className="skip-link" href="#main">
        {t('header.skip')}
      </a>
      <span className="brand">Konbit</span>
      <nav aria-label={t('header.navigation')}>
        <ul>
          {NAV.map((name) => (
            <li key={name}>
              <a href={`#/${name}`} aria-current={screen === name ? 'page' : undefined}>
                {t(`nav.${name}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="who" title={roles}>
        <span className="who-name" data-testid="user-name">{me.displayName}</span>
        <span className="who-org" data-testid="user-org">
          {me.organisation.name} ({me.organisation.code})
        </span>
      </div>
      <OfflineStatus />
      <LanguageSwitch />
      <button type="button" className="link" onClick={() => signOut()} data-testid="sign-out">
        {t('header.signOut')}
      </button>
    </header>
  );
}
