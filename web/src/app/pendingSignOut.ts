/*
 * Signing out without a network: the device's data is wiped at once, but the
 * server still holds the session, and the browser its cookie. The sign-out is
 * remembered (with the session's CSRF token, which the server asks for) and
 * finished before anything else is asked of the server, so that the next
 * person on the device never finds the previous user's session again.
 */
import { api, ApiError, setCsrfToken } from '../api/client.ts';

const KEY = 'konbit.pendingSignOut';

export function rememberSignOut(csrfToken: string): void {
  localStorage.setItem(KEY, csrfToken);
}

/** Ends a sign-out left unfinished; false while it cannot be (no network yet). */
export async function finishPendingSignOut(): Promise<boolean> {
  const token = localStorage.getItem(KEY);
  if (token === null) return true;
  try {
    setCsrfToken(token);
    await api<void>('/api/v1/auth/logout', { method: 'POST' });
  } catch (error) {
    // No network: still signed in on the server. Any other answer (401: the session is gone) ends it.
    if (!(error instanceof ApiError) || error.status === 0) return false;
  } finally {
    setCsrfToken('');
  }
  localStorage.removeItem(KEY);
  return true;
}
