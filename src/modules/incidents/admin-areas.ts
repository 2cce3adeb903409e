import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { AdminAreaIndex, type AdminBoundaries } from '../../core/geo/index.ts';
import type { AdminAreas } from '../../shared/incidents.ts';

/*
 * Admin areas (department, commune, communal section) are derived on write by
 * point-in-polygon against the COD-AB boundaries in the datasets folder. The
 * index is built once per process and folder, on first use; without the
 * files, incidents are stored with no admin areas and nothing fails.
 */

export interface AdminAreaLookup {
  lookup(lon: number, lat: number): AdminAreas | null;
}

const ADMIN_FILES = ['hti-adm1.geojson', 'hti-adm2.geojson', 'hti-adm3.geojson'] as const;
const loaded = new Map<string, Promise<AdminAreaLookup | null>>();
let configuredDir: string | null = null;

/** Says where the datasets are for this process (the server and the CLI call it at start). */
export function useDatasets(datasetsDir: string | null): void {
  configuredDir = datasetsDir;
}

/** The admin-area index of the datasets folder (by default the one configured), or null without it. */
export function adminAreasIn(datasetsDir: string | null = configuredDir): Promise<AdminAreaLookup | null> {
  if (!datasetsDir) return Promise.resolve(null);
  const dir = path.resolve(datasetsDir, 'haiti', 'admin');
  let index = loaded.get(dir);
  if (!index) {
    index = load(dir);
    loaded.set(dir, index);
  }
  return index;
}

async function load(dir: string): Promise<AdminAreaLookup | null> {
  let texts: string[];
  try {
    texts = await Promise.all(ADMIN_FILES.map((file) => readFile(path.join(dir, file), 'utf8')));
  } catch {
    return null; // no boundaries: admin areas stay empty
  }
  const [adm1, adm2, adm3] = texts.map((text) => JSON.parse(text) as AdminBoundaries['adm1']);
  return new AdminAreaIndex({ adm1: adm1!, adm2: adm2!, adm3: adm3! });
}
