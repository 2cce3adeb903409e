import { parse } from 'csv-parse/sync';
import type { SiteImportRowError, SiteInput } from '../../shared/sites.ts';

/*
 * Reading files of sites. GeoJSON comes in three shapes Konbit knows: its
 * own (properties named like SiteInput), the Haitian health ministry's list
 * of health institutions (MSPP, as published on HDX) and OurAirports'
 * airports; CSV has a header naming Konbit's columns. Each row becomes a
 * site input or the reasons it cannot be read; the service validates and
 * writes.
 */

export type ReadRow = { row: number; input: Partial<SiteInput> & Record<string, unknown> } | { row: number; errors: SiteImportRowError[] };

export interface ReadFile {
  profile: string;
  rows: ReadRow[];
}

type Properties = Record<string, unknown>;

/**
 * MSPP categories: university hospitals first, then departmental, referral and other hospitals,
 * then health centres. Vital (5) is kept for what the whole country runs on: the main port,
 * airport, fuel terminal; a user raises a hospital's criticality where it matters more.
 */
const MSPP_CRITICALITY: Readonly<Record<string, number>> = { HU: 4, HD: 3, 'Hôpital': 3, HCR: 3, 'Hôpital spécial.': 3, CSL: 2, CAL: 1, Dispensaire: 1, 'Point Fixe': 1 };
const MSPP_CATEGORY_NAMES: Readonly<Record<string, string>> = {
  HU: 'university hospital', HD: 'departmental hospital', HCR: 'community referral hospital', CSL: 'health centre with beds', CAL: 'health centre without beds',
};
export const MSPP_SOURCE = 'Ministère de la Santé Publique et de la Population (MSPP), health institutions, via HDX (haiti-healthsites)';
export const MSPP_URL = 'https://data.humdata.org/dataset/haiti-healthsites';
export const OURAIRPORTS_SOURCE = 'OurAirports (public domain)';
export const OURAIRPORTS_URL = 'https://ourairports.com/countries/HT/';
const AIRPORT_CRITICALITY: Readonly<Record<string, number>> = { large_airport: 5, medium_airport: 3, small_airport: 2 };

const text = (value: unknown): string => (value === null || value === undefined ? '' : String(value).trim());
const position = (geometry: unknown): string => {
  const coordinates = (geometry as { coordinates?: unknown } | null)?.coordinates;
  return Array.isArray(coordinates) && typeof coordinates[0] === 'number' ? `${(coordinates[0] as number).toFixed(5)},${(coordinates[1] as number).toFixed(5)}` : '?';
};

function detectProfile(properties: Properties): 'mspp-health-facilities' | 'ourairports' | 'konbit' {
  if ('Institutio' in properties && 'Catégorie' in properties) return 'mspp-health-facilities';
  if ('ident' in properties && typeof properties.type === 'string' && properties.type.endsWith('airport')) return 'ourairports';
  return 'konbit';
}

function msppRow(properties: Properties, geometry: unknown, repeatedCodes: ReadonlySet<string>): Partial<SiteInput> {
  const name = text(properties.Institutio);
  const category = text(properties['Catégorie']);
  const code = text(properties.Institut_2);
  // Some codes cover several branches and some rows have none: those are told apart by name and place.
  const externalId = code && !repeatedCodes.has(code) ? code : `${code || 'no-code'}|${name}|${position(geometry)}`;
  const where = [properties.adm1_fr, properties.adm2_fr, properties.adm3_fr].map(text).filter(Boolean).join(' / ');
  return {
    name, kind: 'hospital', geometry: geometry as SiteInput['geometry'], operator: text(properties.Institut_1), criticality: MSPP_CRITICALITY[category] ?? 2,
    description: [`MSPP category: ${category}${MSPP_CATEGORY_NAMES[category] ? ` (${MSPP_CATEGORY_NAMES[category]})` : ''}`, code ? `MSPP code ${code}` : 'no MSPP code', where].filter(Boolean).join('; '),
    source: { name: MSPP_SOURCE, url: MSPP_URL, externalId },
  };
}

function airportRow(properties: Properties, geometry: unknown): Partial<SiteInput> {
  const iata = text(properties.iata_code);
  return {
    name: text(properties.name), kind: 'airport', geometry: geometry as SiteInput['geometry'], criticality: AIRPORT_CRITICALITY[text(properties.type)] ?? 3,
    description: [`ICAO ${text(properties.ident)}`, iata ? `IATA ${iata}` : '', text(properties.municipality)].filter(Boolean).join('; '),
    source: { name: OURAIRPORTS_SOURCE, url: OURAIRPORTS_URL, externalId: text(properties.ident) },
  };
}

const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(text) : text(value).split(/[,;]/)).map((s) => s.trim().toUpperCase()).filter(Boolean);
const numberOr = (value: unknown): unknown => (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : value === '' ? undefined : value);

/** Konbit's own properties (camelCase or snake_case), as a partial site input. */
function konbitRow(properties: Properties, geometry: unknown): Partial<SiteInput> & Record<string, unknown> {
  const get = (...names: string[]) => names.map((n) => properties[n]).find((v) => v !== undefined && v !== null && v !== '');
  const sourceName = text(get('sourceName', 'source_name', 'source'));
  const externalId = text(get('externalId', 'external_id', 'id'));
  const contactName = text(get('contactName', 'contact_name'));
  const input: Partial<SiteInput> & Record<string, unknown> = {
    name: text(get('name', 'Name', 'NAME', 'nom')), geometry: geometry as SiteInput['geometry'],
    ...(get('kind') !== undefined ? { kind: text(get('kind')) as SiteInput['kind'] } : {}),
    ...(get('criticality') !== undefined ? { criticality: numberOr(get('criticality')) as number } : {}),
    ...(get('operator') !== undefined ? { operator: text(get('operator')) } : {}),
    ...(get('requiredStrength', 'required_strength') !== undefined ? { requiredStrength: numberOr(get('requiredStrength', 'required_strength')) as number } : {}),
    ...(get('description') !== undefined ? { description: text(get('description')) } : {}),
    ...(get('classification') !== undefined ? { classification: text(get('classification')).toUpperCase() as SiteInput['classification'] } : {}),
    ...(get('releasableTo', 'releasable_to') !== undefined ? { releasableTo: list(get('releasableTo', 'releasable_to')) } : {}),
    ...(Array.isArray(properties.contacts) ? { contacts: properties.contacts as SiteInput['contacts'] } : contactName ? { contacts: [{ name: contactName, role: text(get('contactRole', 'contact_role')), phone: text(get('contactPhone', 'contact_phone')), email: text(get('contactEmail', 'contact_email')), radio: text(get('contactRadio', 'contact_radio')) }] } : {}),
    ...(sourceName || externalId ? { source: { name: sourceName, url: text(get('sourceUrl', 'source_url')) || null, externalId: externalId || null } } : {}),
  };
  return input;
}

/** Reads a GeoJSON FeatureCollection (or one Feature) of sites. */
export function readGeoJson(content: string): ReadFile {
  let document: unknown;
  try {
    document = JSON.parse(content);
  } catch (error) {
    return { profile: 'geojson', rows: [{ row: 0, errors: [{ row: 0, reason: `the file is not JSON: ${error instanceof Error ? error.message : String(error)}` }] }] };
  }
  const type = (document as { type?: unknown } | null)?.type;
  const features = type === 'FeatureCollection' ? (document as { features?: unknown }).features : type === 'Feature' ? [document] : undefined;
  if (!Array.isArray(features)) return { profile: 'geojson', rows: [{ row: 0, errors: [{ row: 0, reason: 'the file is not a GeoJSON FeatureCollection (or Feature) of sites' }] }] };
  const first = (features[0] as { properties?: Properties } | undefined)?.properties ?? {};
  const profile = detectProfile(first);
  const codes = features.map((f) => text((f as { properties?: Properties }).properties?.Institut_2));
  const repeated = new Set(codes.filter((code, i) => code && codes.indexOf(code) !== i));
  const rows = features.map((feature, i): ReadRow => {
    const row = i + 1;
    const { properties, geometry } = (feature ?? {}) as { properties?: Properties | null; geometry?: unknown };
    if ((feature as { type?: unknown } | null)?.type !== 'Feature') return { row, errors: [{ row, reason: 'not a GeoJSON Feature' }] };
    if (!geometry) return { row, errors: [{ row, column: 'geometry', reason: 'the feature has no geometry: a site needs a point or an area' }] };
    const props = properties ?? {};
    if (profile === 'mspp-health-facilities') return { row, input: msppRow(props, geometry, repeated) };
    if (profile === 'ourairports') return { row, input: airportRow(props, geometry) };
    return { row, input: konbitRow(props, geometry) };
  });
  return { profile, rows };
}

/** Reads CSV with a header: name, kind, criticality, lon, lat (or geometry as GeoJSON), and Konbit's other columns. */
export function readCsv(content: string): ReadFile {
  let records: Record<string, string>[];
  try {
    records = parse(content, { columns: (header: string[]) => header.map((h) => h.trim().toLowerCase().replace(/[\s-]+/g, '_')), skip_empty_lines: true, bom: true, relax_column_count: true, trim: true });
  } catch (error) {
    return { profile: 'csv', rows: [{ row: 0, errors: [{ row: 0, reason: `the file is not readable CSV: ${error instanceof Error ? error.message : String(error)}` }] }] };
  }
  const rows = records.map((record, i): ReadRow => {
    const row = i + 2; // the header is line 1
    const lon = record.lon ?? record.longitude ?? record.x;
    const lat = record.lat ?? record.latitude ?? record.y;
    let geometry: unknown;
    if (record.geometry) {
      try {
        geometry = JSON.parse(record.geometry);
      } catch {
        return { row, errors: [{ row, column: 'geometry', value: record.geometry.slice(0, 80), reason: 'geometry is not GeoJSON' }] };
      }
    } else {
      if (!lon || !lat) return { row, errors: [{ row, column: lon ? 'lat' : 'lon', reason: 'give lon and lat (decimal degrees), or a geometry column with GeoJSON' }] };
      const point = [Number(lon), Number(lat)];
      if (point.some((n) => !Number.isFinite(n))) return { row, errors: [{ row, column: Number.isFinite(point[0]) ? 'lat' : 'lon', value: Number.isFinite(point[0]) ? lat : lon, reason: 'not a number' }] };
      geometry = { type: 'Point', coordinates: point };
    }
    return { row, input: konbitRow(record, geometry) };
  });
  return { profile: 'csv', rows };
}
