import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { interiorPoint, polygonParts, type AreaFeatureCollection } from '../../../core/geo/index.ts';
import { PlaceIndex, type Place } from './places.ts';

/*
 * Communes from the COD-AB boundaries (hti-adm2.geojson in the datasets
 * folder) as places news can name, each located at a point inside its
 * polygon. Without the file, the built-in list of the metro area's places
 * and main towns is used alone.
 */

/** Commune names that are also common words or people's names, which would match outside their sense. */
const AMBIGUOUS_COMMUNES = new Set(['Dessalines', 'Chantal', 'Beaumont', 'Arnaud', 'Moron', 'Pilate', 'La Victoire', 'Bonbon', 'Perches', 'Corail', 'Carice', 'Milot', 'Roseaux', 'Maniche', 'Marigot', 'Terre Neuve', 'La Chapelle', 'Limonade', 'Plaisance', 'Ferrier', 'Chambellan', 'Desdunes', 'Capotille', 'Paillant']);

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
