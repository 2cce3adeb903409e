import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pointInPolygon, polygonParts, type AreaFeatureCollection, type Ring } from '../../../core/geo/index.ts';
import { PlaceIndex, type Place } from './places.ts';

/*
 * Communes from the COD-AB boundaries (hti-adm2.geojson in the datasets
 * folder) as places news can name, each located at a point inside its
 * polygon. Without the file, the built-in list of the metro area's places
 * and main towns is used alone.
 */

/** Commune names that are also common words or people's names, which would match outside their sense. */
const AMBIGUOUS_COMMUNES = new Set(['Dessalines', 'Chantal', 'Beaumont', 'Arnaud', 'Moron', 'Pilate', 'La Victoire', 'Bonbon', 'Perches', 'Corail', 'Carice', 'Milot', 'Roseaux', 'Maniche', 'Marigot', 'Terre Neuve', 'La Chapelle', 'Limonade', 'Plaisance', 'Ferrier', 'Chambellan', 'Desdunes', 'Capotille', 'Paillant']);

/** Signed area and centroid of a ring (shoelace formula). */
function ringCentroid(ring: readonly (readonly number[])[]): { area: number; lon: number; lat: number } {
  let area = 0;
  let lon = 0;
  let lat = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [x1, y1] = ring[j]! as [number, number];
    const [x2, y2] = ring[i]! as [number, number];
    const cross = x1 * y2 - x2 * y1;
    area += cross;
    lon += (x1 + x2) * cross;
    lat += (y1 + y2) * cross;
  }
  return area === 0 ? { area: 0, lon: ring[0]![0]!, lat: ring[0]![1]! } : { area: area / 2, lon: lon / (3 * area), lat: lat / (3 * area) };
}

/**
 * A point inside the largest part of a (multi)polygon: its centroid when that
 * falls inside, else the middle of the first stretch of the centroid's
 * latitude line that lies inside (a crescent-shaped commune's centroid can
 * fall outside it).
 */
export function interiorPoint(parts: readonly (readonly Ring[])[]): { lon: number; lat: number } {
  const largest = parts.map((rings) => ({ rings, ...ringCentroid(rings[0]!) })).sort((a, b) => Math.abs(b.area) - Math.abs(a.area))[0]!;
  if (pointInPolygon(largest.lon, largest.lat, { type: 'Polygon', coordinates: largest.rings })) return { lon: largest.lon, lat: largest.lat };
  const crossings: number[] = [];
  const y = largest.lat;
  for (const ring of largest.rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [x1, y1] = ring[j]! as [number, number];
      const [x2, y2] = ring[i]! as [number, number];
      if ((y1 > y) !== (y2 > y)) crossings.push(x1 + ((y - y1) * (x2 - x1)) / (y2 - y1));
    }
  }
  crossings.sort((a, b) => a - b);
  const [west, east] = crossings;
  return west !== undefined && east !== undefined ? { lon: (west + east) / 2, lat: y } : { lon: largest.rings[0]![0]![0]!, lat: largest.rings[0]![0]![1]! };
}

/** Communes of a COD-AB ADM2 collection as places, with their names in French, English and Creole. */
export function communesOf(collection: AreaFeatureCollection): { place: Place; names: string[] }[] {
  return collection.features.flatMap((feature) => {
    const p = feature.properties as Record<string, unknown>;
    const pcode = String(p.ADM2_PCODE ?? '');
    const french = String(p.ADM2_FR ?? p.ADM2_EN ?? '');
    if (!pcode || !french || AMBIGUOUS_COMMUNES.has(french)) return [];
    const names = [...new Set([p.ADM2_EN, p.ADM2_HT, p.ADM2ALT1FR, p.ADM2ALT1EN].filter((n): n is string => typeof n === 'string' && n !== ''))];
    const point = interiorPoint(polygonParts(feature.geometry));
    return [{ place: { id: `adm2:${pcode}`, name: french, kind: 'commune' as const, lon: point.lon, lat: point.lat, adm2Pcode: pcode }, names }];
  });
}

const loaded = new Map<string, Promise<PlaceIndex>>();

/** The place index for a datasets folder (cached per folder); the built-in places alone without one. */
export function placeIndexFor(datasetsDir: string | null): Promise<PlaceIndex> {
  const key = datasetsDir ?? '';
  let index = loaded.get(key);
  if (!index) {
    index = load(datasetsDir);
    loaded.set(key, index);
  }
  return index;
}

async function load(datasetsDir: string | null): Promise<PlaceIndex> {
  if (!datasetsDir) return new PlaceIndex();
  let text: string;
  try {
    text = await readFile(path.join(datasetsDir, 'haiti', 'admin', 'hti-adm2.geojson'), 'utf8');
  } catch {
    return new PlaceIndex();
  }
  return new PlaceIndex(communesOf(JSON.parse(text) as AreaFeatureCollection));
}
