import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { api } from '../../api/client.ts';
import { useI18n } from '../../i18n/index.ts';

/** What the planner needs of a site from the sites service: where it is. */
interface SitePoint {
  id: string;
  name: string;
  centroid: { lon: number; lat: number };
}

/** Start or end a route at a known site (a warehouse, a clinic, the port) rather than a click. */
export function SitePicker({ label, onPick, enabled }: { label: string; onPick: (point: [number, number]) => void; enabled: boolean }) {
  const { t } = useI18n();
  const id = useId();
  const sites = useQuery({ queryKey: ['sites', 'for-routes'], enabled, staleTime: 5 * 60_000, queryFn: () => api<SitePoint[]>('/api/v1/sites') });
  if (!enabled || !sites.data || sites.data.length === 0) return null;
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value=""
        onChange={(e) => {
          const site = sites.data.find((s) => s.id === e.target.value);
          if (site) onPick([site.centroid.lon, site.centroid.lat]);
        }}
      >
        <option value="">{t('routes.chooseSite')}</option>
        {[...sites.data].sort((a, b) => a.name.localeCompare(b.name)).map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
      </select>
    </>
  );
}
