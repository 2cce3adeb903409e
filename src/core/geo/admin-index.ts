// Administrative area of a point: department (adm1), commune (adm2), communal section (adm3),
// from COD-AB boundaries (OCHA's common operational datasets: ADMn_PCODE, ADMn_EN/_FR/_HT).
//
// One lookup, at the finest level: the communal section's feature names its commune and
// department (ADM2_PCODE, ADM1_PCODE), so the three answers can never disagree, which three
// separate lookups could on points where the levels' boundaries differ by a rounding.

import type { AreaFeatureCollection } from './geojson.ts';
import { PolygonIndex } from './polygon-index.ts';

/** The three administrative levels of a point; names in the language asked for. */
export interface AdminArea {
  readonly adm1Pcode: string;
  readonly adm1Name: string;
  readonly adm2Pcode: string;
  readonly adm2Name: string;
  readonly adm3Pcode: string;
  readonly adm3Name: string;
}

/** Languages of COD-AB names; Haitian Creole names are missing for most areas and fall back to French. */
export type AdminLanguage = 'en' | 'fr' | 'ht';

/** The admin boundaries, one FeatureCollection per level, as published on HDX (hti-adm1/2/3.geojson). */
export interface AdminBoundaries {
  readonly adm1: AreaFeatureCollection;
  readonly adm2: AreaFeatureCollection;
  readonly adm3: AreaFeatureCollection;
}

/** Options of {@link AdminAreaIndex}. */
export interface AdminAreaIndexOptions {
  /** Language of the names (default 'fr', the language of Haiti's official names). */
  readonly language?: AdminLanguage;
}

type Level = 1 | 2 | 3;
type Properties = Record<string, unknown>;

/** A property that must be a non-empty string, or an error saying which feature lacks it. */
function requiredString(properties: Properties, key: string, level: Level, index: number): string {
  const value = properties?.[key];
  if (typeof value === 'string' && value !== '') return value;
  throw new TypeError(
    `AdminAreaIndex: adm${level} feature ${index} has no ${key}; ` +
      'expected COD-AB boundaries with ADMn_PCODE and ADMn_EN/_FR/_HT properties',
  );
}

/** The name of an area in `language`, falling back to French, then English, then the pcode. */
function nameOf(properties: Properties, level: Level, language: AdminLanguage, pcode: string): string {
  for (const lang of [language, 'fr', 'en']) {
    const value = properties[`ADM${level}_${lang.toUpperCase()}`];
    if (typeof value === 'string' && value !== '') return value;
  }
  return pcode;
}

/** pcode -> name for one level. */
function namesByPcode(collection: AreaFeatureCollection, level: Level, language: AdminLanguage): Map<string, string> {
  const names = new Map<string, string>();
  collection.features.forEach((feature, index) => {
    const pcode = requiredString(feature.properties, `ADM${level}_PCODE`, level, index);
    names.set(pcode, nameOf(feature.properties, level, language, pcode));
  });
  return names;
}

/** The parent's name, or an error naming the section whose parent is missing from that level. */
function parentName(names: Map<string, string>, pcode: string, level: Level, section: string): string {
  const name = names.get(pcode);
  if (name !== undefined) return name;
  throw new TypeError(
    `AdminAreaIndex: communal section ${section} names adm${level} ${pcode}, which is not in the adm${level} ` +
      'collection; give the three levels of the same edition of the boundaries',
  );
}

/**
 * Finds the department, commune and communal section of a point, or null outside the country.
 * Build it once from the three levels (about 0.1 s for Haiti); lookups are allocation-free and
 * return shared, frozen objects.
 */
export class AdminAreaIndex {
  readonly #sections: PolygonIndex;
  readonly #areas: readonly AdminArea[];

  /** Throws a TypeError naming the feature when a pcode is missing or a parent is unknown. */
  constructor(boundaries: AdminBoundaries, options: AdminAreaIndexOptions = {}) {
    const language = options.language ?? 'fr';
    const adm1Names = namesByPcode(boundaries.adm1, 1, language);
    const adm2Names = namesByPcode(boundaries.adm2, 2, language);
    this.#areas = boundaries.adm3.features.map((feature, index) => {
      const properties = feature.properties;
      const adm3Pcode = requiredString(properties, 'ADM3_PCODE', 3, index);
      const adm2Pcode = requiredString(properties, 'ADM2_PCODE', 3, index);
      const adm1Pcode = requiredString(properties, 'ADM1_PCODE', 3, index);
      return Object.freeze({
        adm1Pcode,
        adm1Name: parentName(adm1Names, adm1Pcode, 1, adm3Pcode),
        adm2Pcode,
        adm2Name: parentName(adm2Names, adm2Pcode, 2, adm3Pcode),
        adm3Pcode,
        adm3Name: nameOf(properties, 3, language, adm3Pcode),
      });
    });
    this.#sections = new PolygonIndex(boundaries.adm3.features);
  }

  /** The areas containing (lon, lat), or null when the point is in no communal section (sea, abroad). */
  lookup(lon: number, lat: number): AdminArea | null {
    const index = this.#sections.locateIndex(lon, lat);
    return index < 0 ? null : (this.#areas[index] as AdminArea);
  }
}
