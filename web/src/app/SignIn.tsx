import { useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/index.ts';
import { errorMessage } from './errors.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { useLogin } from './session.ts';

export function SignIn() {
  const { t } = useI18n();
  const login = useLogin();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate({ username: username.trim(), password });
  };
  return (
    <div className="signin-page">
      <main className="signin-card">
        <div className="signin-top">
          <h1 className="brand">Konbit</h1>
          <LanguageSwitch />
        </div>
        <p className="tagline">{t('signIn.tagline')}</p>
        <form onSubmit={submit} aria-labelledby="signin-title">
          <h2 id="signin-title">{t('signIn.title')}</h2>
          <label>
            {t('signIn.username')}
            <input name="username" autoComplete="username" autoCapitalize="none" required value={username} onChange={(e) => setUsername(e.target.value)} />
          </label>
          <label>
            {t('signIn.password')}
            <input name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
          </label>
          {login.error && (
            <p className="error" role="alert">
              {errorMessage(t, login.error)}
            </p>
          )}
          <button type="submit" className="primary" disabled={login.isPending}>
            {login.isPending ? t('signIn.signingIn') : t('signIn.submit')}
          </button>
        </form>
      </main>
    </div>
  );
}
