import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LoginBody, Me } from '../../../src/shared/auth.ts';
import { api, ApiError, setCsrfToken } from '../api/client.ts';
import { isLocale, setLocale } from '../i18n/index.ts';
import { stopSync } from '../offline/syncStatus.ts';
import { wipeDeviceData } from '../offline/wipe.ts';

const ME = ['me'] as const;

/** The signed-in user, or null when nobody is. */
export function useSession(): { me: Me | null | undefined; loading: boolean } {
  const { data, isPending } = useQuery({
    queryKey: ME,
    queryFn: async () => {
      try {
        const me = await api<Me>('/api/v1/auth/me');
        setCsrfToken(me.csrfToken);
        return me;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: Infinity,
    retry: false,
  });
  return { me: data, loading: isPending };
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) => api<Me>('/api/v1/auth/login', { method: 'POST', body }),
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
    mutationFn: () => api<void>('/api/v1/auth/logout', { method: 'POST' }),
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
