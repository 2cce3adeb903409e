// Pieces every format shares: reader options, the id an export writes, and the
// mission types' numbering.

import type { Classification } from '../../../shared/access.ts';
import { INCIDENT_TYPES, type ExportableIncident, type ImportRow, type IncidentType } from '../../../shared/incidents.ts';
import type { RowContext } from './row.ts';
import { decodeText, type EncodingChoice, type TextEncodingName } from './text.ts';

export type FormatName = 'acled' | 'ushahidi' | 'cot' | 'geojson' | 'hxl';
export const FORMAT_NAMES: readonly FormatName[] = ['acled', 'ushahidi', 'cot', 'geojson', 'hxl'];

export interface ReaderOptions {
  /** Classification of rows whose file says none (default MISSION). */
  classification?: Classification;
  encoding?: EncodingChoice;
  onEncoding?: (encoding: TextEncodingName) => void;
  /** "Now" for the future-date check; tests fix it. */
  now?: Date;
}

/** A reader: bytes in, one import row per record out. */
export type FormatReader = (bytes: AsyncIterable<Uint8Array>, options?: ReaderOptions) => AsyncGenerator<ImportRow>;
/** A writer: incidents in, text chunks of the file out. */
export type FormatWriter = (incidents: AsyncIterable<ExportableIncident>) => AsyncGenerator<string>;

export function contextOf(options: ReaderOptions): RowContext {
  return { defaultClassification: options.classification ?? 'MISSION', now: options.now ?? new Date() };
}

export function textOf(bytes: AsyncIterable<Uint8Array>, options: ReaderOptions): AsyncGenerator<string> {
  return decodeText(bytes, { encoding: options.encoding ?? 'auto', ...(options.onEncoding ? { onEncoding: options.onEncoding } : {}) });
}

/** The id an export gives an incident: its id in that system when it came from there, else Konbit's. */
export function externalIdFor(incident: ExportableIncident, system: FormatName): string {
  return incident.external?.system === system ? incident.external.id : incident.id;
}

export const TYPE_CODES = Object.keys(INCIDENT_TYPES) as IncidentType[];

/** "1. Kidnapping | Enlèvement": the category name a Ushahidi deployment of the mission uses. */
export function categoryName(type: IncidentType): string {
  const labels = INCIDENT_TYPES[type].labels;
  return `${TYPE_CODES.indexOf(type) + 1}. ${labels.en} | ${labels.fr}`;
}

export function clipText(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Tags as the schema allows them: at most 30, each at most 64 characters. */
export function fitTags(tags: readonly string[]): string[] {
  const unique = [...new Set(tags.map((tag) => clipText(tag.trim(), 64)).filter((tag) => tag !== ''))];
  return unique.slice(0, 30);
}
