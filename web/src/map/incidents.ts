/*
 * Incidents for the map: the incidents API's GeoJSON layer, asked for the
 * actor and admin area chosen (the server filters those), then filtered on
 * the client by type, verification and time window, so that moving the time
 * slider or ticking a type needs no round trip.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { IncidentFeatureCollection, IncidentType, VerificationStatus } from '../../../src/shared/incidents.ts';
import { api } from '../api/client.ts';
import { FEATURES } from '../api/capabilities.ts';

type ApiFeature = IncidentFeatureCollection['features'][number];

/** What the map styles on: the API's properties plus casualties and the time in ms. */
export type MapIncident = ApiFeature['properties'] & { casualties: number; t: number };
export interface IncidentFeature {
  type: 'Feature';
  id: string;
  geometry: ApiFeature['geometry'];
  properties: MapIncident;
}
export interface IncidentLayerData {
  type: 'FeatureCollection';
  features: IncidentFeature[];
}

/** The most the map asks for at once (the API's own ceiling). */
export const MAP_LIMIT = 20_000;

export interface ServerFilter {
  /** Part of an actor's name or a registry id; '' for all. */
  actor: string;
  /** A department or commune P-code; '' for all. */
  area: string;
}

export function incidentsKey(server: ServerFilter) {
  return ['incidents', 'geojson', server.actor, server.area] as const;
}

export function useMapIncidents(enabled: boolean, server: ServerFilter) {
  return useQuery({
    queryKey: incidentsKey(server),
    enabled,
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }) => {
      const collection = await api<IncidentFeatureCollection>(FEATURES.incidentsGeojson, {
        signal,
        query: { limit: MAP_LIMIT, actors: server.actor.trim() ? [server.actor.trim()] : undefined, area: server.area || undefined },
      });
      const features = collection.features.map(
        (f): IncidentFeature => ({ ...f, properties: { ...f.properties, casualties: f.properties.killed + f.properties.injured, t: Date.parse(f.properties.occurredAt) || 0 } }),
      );
      return { features, truncated: collection.truncated };
    },
  });
}

export interface ClientFilter {
  types: ReadonlySet<IncidentType>;
  verification: ReadonlySet<VerificationStatus>;
  /** The time window, in ms; null bounds are open. */
  from: number | null;
  to: number | null;
}

export type IncidentFilter = ClientFilter & ServerFilter;

export function matches(incident: MapIncident, filter: ClientFilter): boolean {
  if (filter.types.size > 0 && !filter.types.has(incident.type)) return false;
  if (filter.verification.size > 0 && !filter.verification.has(incident.verification)) return false;
  if (filter.from !== null && incident.t < filter.from) return false;
  if (filter.to !== null && incident.t > filter.to) return false;
  return true;
}

export function filterIncidents(features: readonly IncidentFeature[], filter: ClientFilter): IncidentLayerData {
  return { type: 'FeatureCollection', features: features.filter((f) => matches(f.properties, filter)) };
}
