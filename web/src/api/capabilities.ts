/*
 * Which parts of the API this server offers, read from its OpenAPI document.
 * A screen whose API is missing is shown disabled and says what it waits for,
 * rather than showing made-up data.
 */
import { useQuery } from '@tanstack/react-query';
import { api } from './client.ts';

export const FEATURES = {
  incidents: '/api/v1/incidents',
  incidentsGeojson: '/api/v1/incidents.geojson',
  incidentAggregates: '/api/v1/incidents/aggregates',
  stream: '/api/v1/stream',
  ledgerSummary: '/api/v1/ledger/summary',
  ledgerSeries: '/api/v1/ledger/series',
  routes: '/api/v1/routes',
  areas: '/api/v1/roads/areas.geojson',
  roadblocks: '/api/v1/roads/roadblocks.geojson',
  roadStatus: '/api/v1/roads/networks/{name}/status',
  keyRoads: '/api/v1/roads/key-roads',
  sites: '/api/v1/sites.geojson',
  organisations: '/api/v1/organisations',
  sitesList: '/api/v1/sites',
} as const;
export type Feature = keyof typeof FEATURES;

export interface Capabilities {
  has(feature: Feature): boolean;
  /** The documented path that matches a pattern, e.g. the ledger's series endpoint. */
  find(pattern: RegExp): string | undefined;
}

export function capabilitiesOf(paths: readonly string[]): Capabilities {
  const set = new Set(paths);
  return {
    has: (feature) => set.has(FEATURES[feature]) || (feature === 'ledgerSeries' && paths.some((p) => /^\/api\/v1\/ledger\/(series|timeseries|time-series)$/.test(p))),
    find: (pattern) => paths.find((p) => pattern.test(p)),
  };
}

/** What the server offers; undefined until known, or while `enabled` is false (a screen that first draws without it). */
export function useCapabilities(enabled = true): Capabilities | undefined {
  const { data } = useQuery({
    queryKey: ['capabilities'],
    enabled,
    queryFn: async () => Object.keys((await api<{ paths?: Record<string, unknown> }>('/docs/json')).paths ?? {}),
    staleTime: 5 * 60_000,
  });
  return data ? capabilitiesOf(data) : undefined;
}
