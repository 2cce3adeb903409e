import { METERS_PER_DEGREE } from '../../core/geo/index.ts';
import type { SiteInput, TaskInput } from '../../shared/sites.ts';
import type { Db } from '../../db/index.ts';
import { countRows } from '../refusals.testing.ts';

/** Small builders for the sites module's tests. */

/** Delmas 33, Port-au-Prince: where test sites stand. */
export const DELMAS = { lon: -72.3, lat: 18.555 } as const;

/** The point `meters` north of `from`. */
export function northOf(from: { lon: number; lat: number }, meters: number): { lon: number; lat: number } {
  return { lon: from.lon, lat: from.lat + meters / METERS_PER_DEGREE };
}

/** The point `meters` east of `from`. */
export function eastOf(from: { lon: number; lat: number }, meters: number): { lon: number; lat: number } {
  return { lon: from.lon + meters / (METERS_PER_DEGREE * Math.cos((from.lat * Math.PI) / 180)), lat: from.lat };
}

let counter = 0;

export function siteInput(overrides: Partial<SiteInput> = {}): SiteInput {
  counter += 1;
  return { name: `Test site ${counter}`, kind: 'hospital', geometry: { type: 'Point', coordinates: [DELMAS.lon, DELMAS.lat] }, criticality: 3, classification: 'MISSION', ...overrides };
}

/** A square of `meters` a side centred on the point. */
export function squareAround(centre: { lon: number; lat: number }, meters: number): { type: 'Polygon'; coordinates: number[][][] } {
  const dLat = meters / 2 / METERS_PER_DEGREE;
  const dLon = meters / 2 / (METERS_PER_DEGREE * Math.cos((centre.lat * Math.PI) / 180));
  const [w, e, s, n] = [centre.lon - dLon, centre.lon + dLon, centre.lat - dLat, centre.lat + dLat];
  return { type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] };
}

export function patrolInput(overrides: Partial<TaskInput> = {}): TaskInput {
  return {
    kind: 'patrol_route', title: 'Route de Delmas patrol', unit: { organisation: 'KEN', name: 'KEN FPU 1' },
    geometry: { type: 'LineString', coordinates: [[DELMAS.lon, DELMAS.lat], [DELMAS.lon + 0.01, DELMAS.lat]] },
    startsAt: '2024-03-10T06:00:00Z', endsAt: '2024-03-10T14:00:00Z', classification: 'MISSION', ...overrides,
  };
}

/** Rows in this module's tables, the release lists and the audit log: what a refused request must leave unchanged. */
const COUNTED = ['sites', 'site_assignments', 'patrol_tasks', 'site_threat_history', 'record_releases', 'audit_log'] as const;

export const rowCounts = (db: Db) => countRows(db, COUNTED);
