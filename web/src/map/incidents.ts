/*
 * Incidents for the map: the server clusters them into vector tiles for the
 * reader and the filter chosen (type, verification, actor, admin area, time
 * window), so the browser draws a few hundred clusters whatever the number
 * of incidents. The tile set's description gives the tile URL (its version
 * changes with the data, so the browser may keep the tiles), the counts and
 * the time extent of the data.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { IncidentPage, IncidentType, VerificationStatus } from '../../../src/shared/incidents.ts';
import { api } from '../api/client.ts';

export const TILES_PATH = '/api/v1/incidents/tiles.json';

export interface IncidentTileSet {
  /** The tile URL template, absolute (the worker that fetches tiles resolves nothing). */
  tiles: string[];
  maxzoom: number;
  version: string;
  /** Incidents under the actor and area filter. */
  total: number;
  /** Of those, the ones under every filter: what the map draws. */
  shown: number;
  minMs: number | null;
  maxMs: number | null;
}

export interface ServerFilter {
  /** Part of an actor's name or a registry id; '' for all. */
  actor: string;
  /** A department or commune P-code; '' for all. */
  area: string;
}

export interface ClientFilter {
  types: ReadonlySet<IncidentType>;
  verification: ReadonlySet<VerificationStatus>;
  /** The time window, in ms; null bounds are open. */
  from: number | null;
  to: number | null;
}

export type IncidentFilter = ClientFilter & ServerFilter;

/** The filter as the incidents API's query string (the tile set and the list read the same). */
export function filterQuery(filter: IncidentFilter): Record<string, string | undefined> {
  return {
    types: filter.types.size ? [...filter.types].sort().join(',') : undefined,
    verification: filter.verification.size ? [...filter.verification].sort().join(',') : undefined,
    actors: filter.actor.trim() || undefined,
    area: filter.area || undefined,
    from: filter.from !== null ? new Date(filter.from).toISOString() : undefined,
    // The window's end is inclusive; the API's `to` is not.
    to: filter.to !== null ? new Date(filter.to + 1).toISOString() : undefined,
  };
}

async function readTileSet(query: Record<string, string | undefined>, signal?: AbortSignal): Promise<IncidentTileSet> {
  const set = await api<IncidentTileSet>(TILES_PATH, { signal, query });
  return { ...set, tiles: set.tiles.map((url) => location.origin + url) };
}

/** The unfiltered tile set, read for one user as soon as the session check found them signed in (once). */
let early: { readerId: string; set: Promise<IncidentTileSet> } | null = null;

/**
 * Reads the first view's tile set (no filter) for the signed-in user while the map screen is still
 * being rendered, so that the map can be created as soon as it is. Only after the session check
 * found the user: the answer is theirs, and only they take it.
 */
export function readIncidentTilesEarly(readerId: string): void {
  if (early) return;
  early = { readerId, set: readTileSet(filterQuery({ types: new Set(), verification: new Set(), actor: '', area: '', from: null, to: null })) };
  // Not taken (another screen, or a failure): the query asks again.
  early.set.catch(() => undefined);
}

/** The tile set for the reader's filter (the map's incidents). */
export function useIncidentTiles(enabled: boolean, readerId: string, filter: IncidentFilter) {
  const query = filterQuery(filter);
  return useQuery({
    queryKey: ['incidents', 'tiles', query],
    enabled,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => {
      const unfiltered = Object.values(query).every((value) => value === undefined);
      const first = unfiltered && early?.readerId === readerId ? early.set : null;
      early = null;
      return first ? first.catch(() => readTileSet(query, signal)) : readTileSet(query, signal);
    },
  });
}

/** The newest incidents under the filter, for the list beside the map; fetched only while the list is open. */
export function useNewestIncidents(enabled: boolean, filter: IncidentFilter, limit: number) {
  const query = filterQuery(filter);
  return useQuery({
    queryKey: ['incidents', 'newest', query, limit],
    enabled,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => api<IncidentPage>('/api/v1/incidents', { signal, query: { ...query, limit } }),
  });
}
