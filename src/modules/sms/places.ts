import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { interiorPoint, polygonParts, type AreaFeatureCollection } from '../../core/geo/index.ts';
import { findPhrase, smsWords } from './fuzzy.ts';
import { NEIGHBOURHOODS } from './neighbourhoods.ts';
import type { MatchedPlace } from './types.ts';

/*
 * The places an SMS can name: Port-au-Prince's neighbourhoods (the built-in
 * list), then the communal sections and communes of the COD-AB boundaries in
 * the datasets folder (hti-adm3 / hti-adm2.geojson), each at a point inside it
 * (its centroid unless that falls outside). A neighbourhood is the most precise, so it wins where names meet; without the
 * boundaries, the neighbourhoods are matched alone.
 */

interface PlaceEntry {
  place: MatchedPlace;
  /** Folded words of each name. */
  names: string[][];
}

const KIND_RANK = { neighbourhood: 0, section: 1, commune: 2 } as const;

/** Section names that are everyday words: "Source", "Plaine"… would match outside their sense. */
const COMMON_WORD_SECTIONS = new Set(['source', 'plaine', 'fond', 'bois', 'montagne', 'savane', 'riviere', 'centre', 'ville', 'bas', 'haut', 'grand', 'petit']);

/** "3e Section Martissant" -> "Martissant"; "1re Section des Varreux" -> "Varreux". */
export function sectionCoreName(name: string): string {
  return name.replace(/^\s*\d+\s*(?:re|er|e|eme|ème)?\s+section\s+(?:de la |des |du |de l'|d'|de )?/iu, '').trim();
}

function entriesOf(collection: AreaFeatureCollection, kind: 'section' | 'commune'): PlaceEntry[] {
  const level = kind === 'section' ? 'ADM3' : 'ADM2';
  return collection.features.flatMap((feature) => {
    const p = feature.properties as Record<string, unknown>;
    const official = String(p[`${level}_FR`] ?? p[`${level}_EN`] ?? '');
    const names = [...new Set([official, p[`${level}_HT`], p[`${level}_EN`]].filter((n): n is string => typeof n === 'string' && n.length > 0).map((n) => (kind === 'section' ? sectionCoreName(n) : n)))];
    const folded = names.map(smsWords).filter((words) => words.join('').length >= 4 && !(words.length === 1 && COMMON_WORD_SECTIONS.has(words[0]!)));
    if (folded.length === 0) return [];
    const { lon, lat } = interiorPoint(polygonParts(feature.geometry));
    const place: MatchedPlace = { id: String(p[`${level}_PCODE`]), name: official, kind, lon, lat, precision: 'commune' };
    return [{ place, names: folded }];
  });
}

/** A gazetteer of the places an SMS may name. */
export class SmsPlaces {
  readonly #entries: PlaceEntry[];
  readonly withBoundaries: boolean;

  constructor(boundaries: { sections?: AreaFeatureCollection; communes?: AreaFeatureCollection } = {}) {
    const neighbourhoods = NEIGHBOURHOODS.map((n) => ({
      place: { id: n.id, name: n.name, kind: 'neighbourhood' as const, lon: n.lon, lat: n.lat, precision: n.precision },
      names: [n.name, ...n.aliases].map(smsWords),
    }));
    this.#entries = [...neighbourhoods, ...(boundaries.sections ? entriesOf(boundaries.sections, 'section') : []), ...(boundaries.communes ? entriesOf(boundaries.communes, 'commune') : [])];
    this.withBoundaries = Boolean(boundaries.sections);
  }

  /** The best place among the words not used already, and the words it covers. */
  match(words: readonly string[], used: ReadonlySet<number>, exactOnly?: ReadonlySet<string>): { place: MatchedPlace; start: number; length: number } | null {
    let best: { place: MatchedPlace; start: number; length: number; distance: number; rank: number } | null = null;
    for (const entry of this.#entries) {
      for (const name of entry.names) {
        const found = findPhrase(words, name, used, exactOnly);
        if (!found) continue;
        const rank = KIND_RANK[entry.place.kind];
        const better = !best || found.distance < best.distance || (found.distance === best.distance && (rank < best.rank || (rank === best.rank && found.length > best.length)));
        if (better) best = { place: entry.place, ...found, rank };
      }
    }
    return best && { place: best.place, start: best.start, length: best.length };
  }
}

const loaded = new Map<string, Promise<SmsPlaces>>();

/** The places of a datasets folder (the neighbourhoods alone without it), read once per process. */
export function smsPlacesIn(datasetsDir: string | null): Promise<SmsPlaces> {
  const key = datasetsDir ? path.resolve(datasetsDir, 'haiti', 'admin') : '';
  let places = loaded.get(key);
  if (!places) {
    places = load(key);
    loaded.set(key, places);
  }
  return places;
}

async function load(dir: string): Promise<SmsPlaces> {
  if (!dir) return new SmsPlaces();
  try {
    const [sections, communes] = await Promise.all(['hti-adm3.geojson', 'hti-adm2.geojson'].map(async (file) => JSON.parse(await readFile(path.join(dir, file), 'utf8')) as AreaFeatureCollection));
    return new SmsPlaces({ sections: sections!, communes: communes! });
  } catch {
    return new SmsPlaces(); // no boundaries: neighbourhoods only
  }
}
