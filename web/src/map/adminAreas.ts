import { useQuery } from '@tanstack/react-query';
import type { FeatureCollection } from 'geojson';
import type { Locale } from '../../../src/shared/i18n.ts';
import { api } from '../api/client.ts';

export interface AdminArea {
  pcode: string;
  names: Record<Locale, string>;
}
export interface Department extends AdminArea {
  communes: AdminArea[];
}

const namesOf = (p: Record<string, string>): Record<Locale, string> => ({ en: p.name_en ?? '', fr: p.name_fr ?? '', ht: p.name_ht ?? '' });

/** Departments and their communes, from the basemap's boundaries; empty when the datasets are missing. */
export function useAdminAreas() {
  return useQuery({
    queryKey: ['basemap', 'areas'],
    staleTime: Infinity,
    queryFn: async (): Promise<Department[]> => {
      const [adm1, adm2] = await Promise.all([
        api<FeatureCollection>('/api/v1/basemap/adm1').catch(() => null),
        api<FeatureCollection>('/api/v1/basemap/adm2').catch(() => null),
      ]);
      if (!adm1 || !adm2) return [];
      const departments = adm1.features.map((f) => {
        const p = f.properties as Record<string, string>;
        return { pcode: p.pcode ?? '', names: namesOf(p), communes: [] as AdminArea[] };
      });
      const byCode = new Map(departments.map((d) => [d.pcode, d]));
      for (const f of adm2.features) {
        const p = f.properties as Record<string, string>;
        byCode.get(p.adm1 ?? '')?.communes.push({ pcode: p.pcode ?? '', names: namesOf(p) });
      }
      for (const d of departments) d.communes.sort((a, b) => a.names.fr.localeCompare(b.names.fr));
      return departments.sort((a, b) => a.names.fr.localeCompare(b.names.fr));
    },
  });
}
