import { useQuery } from '@tanstack/react-query';
import type { Locale } from '../../../src/shared/i18n.ts';
import { api } from '../api/client.ts';

export interface AdminArea {
  pcode: string;
  names: Record<Locale, string>;
}
export interface Department extends AdminArea {
  communes: AdminArea[];
}

/** The departments and their communes by name (a few kilobytes; not the boundaries); empty when the datasets are missing. */
export function useAdminAreas() {
  return useQuery({
    queryKey: ['basemap', 'admin-areas'],
    staleTime: Infinity,
    queryFn: async (): Promise<Department[]> => {
      const answer = await api<{ departments: Department[] }>('/api/v1/basemap/admin-areas').catch(() => null);
      return answer?.departments ?? [];
    },
  });
}
