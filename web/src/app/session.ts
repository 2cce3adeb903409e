import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LoginBody, Me } from '../../../src/shared/auth.ts';
import { api, ApiError, currentCsrfToken, setCsrfToken } from '../api/client.ts';
import { isLocale, setLocale } from '../i18n/index.ts';
import { markSignedIn } from '../offline/sync.ts';
import { stopSync } from '../offline/syncStatus.ts';
import { finishPendingSignOut, rememberSignOut } from './pendingSignOut.ts';
import { wipeDeviceData } from '../offline/wipe.ts';

const ME = ['me'] as const;

/** Who is signed in on this page, asking the server. */
async function checkSession(): Promise<Me | null> {
  // A sign-out made offline is finished first; until it is, nobody is signed in here.
  if (!(await finishPendingSignOut())) return null;
  try {
    const me = await api<Me>('/api/v1/auth/me');
    setCsrfToken(me.csrfToken);
    // Before any screen reads: the service worker keeps answers under this user only.
    await markSignedIn(me.id);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      await markSignedIn(null);
      return null;
    }
    throw error;
  }
}

let early: Promise<Me | null> | null = null;

/**
 * Starts the page's session check before React's first render (which otherwise asks only once
 * the app's code has run and rendered), and returns it: what the first screen reads for the
 * signed-in user may start as soon as it answers.
 */
export function checkSessionEarly(): Promise<Me | null> {
  early ??= checkSession();
  return early;
}

/** The signed-in user, or null when nobody is. */
export function useSession(): { me: Me | null | undefined; loading: boolean } {
  const { data, isPending } = useQuery({
    queryKey: ME,
    queryFn: () => {
      // The check started early answers the page's first question only.
      const check = early ?? checkSession();
      early = null;
      return check;
    },
    staleTime: Infinity,
    retry: false,
  });
  return { me: data, loading: isPending };
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: LoginBody) => {
      await finishPendingSignOut();
      const me = await api<Me>('/api/v1/auth/login', { method: 'POST', body });
      // Another user may have used this device: from now on answers are kept under this one.
      await markSignedIn(me.id);
      return me;
    },
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken);
      // The user's own language, unless this device was already told another.
      if (!localStorage.getItem('konbit.locale') && isLocale(me.locale)) setLocale(me.locale);
      queryClient.setQueryData(ME, me);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      try {
        await api<void>('/api/v1/auth/logout', { method: 'POST' });
      } catch (error) {
        // Offline: the server still has the session; it is ended when the network returns.
        if (error instanceof ApiError && error.status === 0) rememberSignOut(currentCsrfToken());
        else throw error;
      }
    },
    onSettled: async () => {
      stopSync();
      await wipeDeviceData();
      setCsrfToken('');
      // The session query stays (now empty) so that the screens that watch it see the sign-out;
      // every other answer in memory goes, as it went from the device.
      queryClient.setQueryData(ME, null);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== ME[0] });
    },
  });
}
