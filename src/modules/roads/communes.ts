// Commune centres from the COD-AB boundaries in the datasets folder, as reachability targets.
// The centre is the area-weighted centroid of the commune's largest part. Without the file the
// list is empty and the caller says which dataset is missing.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { polygonParts, type AreaGeometry, type Ring } from '../../core/geo/index.ts';

export interface CommuneCentre {
  pcode: string;
  name: string;
  lon: number;
  lat: number;
}

/** Where the commune boundaries are expected, relative to the datasets folder. */
export const COMMUNES_DATASET = 'haiti/admin/hti-adm2.geojson';

const loaded = new Map<string, Promise<CommuneCentre[] | null>>();

/** The commune centres, or null when the datasets folder lacks the boundaries. */
export function communeCentres(datasetsDir: string | null): Promise<CommuneCentre[] | null> {
  if (!datasetsDir) return Promise.resolve(null);
  const file = path.join(datasetsDir, COMMUNES_DATASET);
  let centres = loaded.get(file);
  if (!centres) {
    centres = read(file);
    loaded.set(file, centres);
  }
  return centres;
}

async function read(file: string): Promise<CommuneCentre[] | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return null;
  }
  const collection = JSON.parse(text) as { features: { properties: Record<string, unknown>; geometry: AreaGeometry | null }[] };
  return collection.features.flatMap((feature) => {
    if (!feature.geometry) return [];
    const centre = largestPartCentroid(feature.geometry);
    const pcode = String(feature.properties['ADM2_PCODE'] ?? '');
    const name = String(feature.properties['ADM2_FR'] ?? feature.properties['ADM2_EN'] ?? pcode);
    return centre ? [{ pcode, name, lon: centre[0], lat: centre[1] }] : [];
  });
}

function largestPartCentroid(geometry: AreaGeometry): [number, number] | null {
  let best: { area: number; x: number; y: number } | null = null;
  for (const rings of polygonParts(geometry)) {
    const outer = rings[0];
    if (!outer) continue;
    const c = ringCentroid(outer);
    if (c && (!best || c.area > best.area)) best = c;
  }
  return best ? [best.x, best.y] : null;
}

// The shoelace formula; degrees are fine at a commune's scale.
function ringCentroid(ring: Ring): { area: number; x: number; y: number } | null {
  let twiceArea = 0, cx = 0, cy = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [x0, y0] = ring[j] as [number, number];
    const [x1, y1] = ring[i] as [number, number];
    const cross = x0 * y1 - x1 * y0;
    twiceArea += cross;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
  }
  if (twiceArea === 0) return null;
  return { area: Math.abs(twiceArea / 2), x: cx / (3 * twiceArea), y: cy / (3 * twiceArea) };
}
