// HXL-tagged CSV (the Humanitarian Exchange Language): a row of headers for
// people, then a row of hashtags that say what each column holds. Columns are
// found by hashtag and attributes (in any order), never by the header text,
// which may be in any language. What HXL has no hashtag for, Konbit writes
// under #meta+konbit+<field>.

import { INCIDENT_TYPES, type ExportableIncident, type ImportRow } from '../../../shared/incidents.ts';
import { clipText, contextOf, externalIdFor, fitTags, textOf, type ReaderOptions } from './common.ts';
import { csvLine, fieldCountError, readCsvRecords, type CsvRecord } from './csv.ts';
import { parseCalendarDate, parseIsoInstant } from './dates.ts';
import { FormatError } from './errors.ts';
import { applyExtension, extensionValues, splitTags, type ExtensionKey } from './extension.ts';
import { RowBuilder, type RowContext } from './row.ts';
import { typeFromLabel } from './vocabulary.ts';

/** The columns Konbit writes: header text, hashtag, and how to get the value. */
const COLUMNS: { header: string; tag: string; value: (incident: ExportableIncident) => string | number }[] = [
  { header: 'Event ID', tag: '#event+id', value: (i) => externalIdFor(i, 'hxl') },
  { header: 'Event type', tag: '#event+type', value: (i) => i.type },
  { header: 'Title', tag: '#event+name', value: (i) => i.title },
  { header: 'Description', tag: '#description', value: (i) => i.description },
  { header: 'Date occurred', tag: '#date+occurred', value: (i) => i.occurredAt },
  { header: 'Date reported', tag: '#date+reported', value: (i) => i.reportedAt },
  { header: 'Department P-code', tag: '#adm1+code', value: (i) => i.admin?.adm1Pcode ?? '' },
  { header: 'Department', tag: '#adm1+name', value: (i) => i.admin?.adm1Name ?? '' },
  { header: 'Commune P-code', tag: '#adm2+code', value: (i) => i.admin?.adm2Pcode ?? '' },
  { header: 'Commune', tag: '#adm2+name', value: (i) => i.admin?.adm2Name ?? '' },
  { header: 'Communal section P-code', tag: '#adm3+code', value: (i) => i.admin?.adm3Pcode ?? '' },
  { header: 'Communal section', tag: '#adm3+name', value: (i) => i.admin?.adm3Name ?? '' },
  { header: 'Place', tag: '#loc+name', value: (i) => i.location.placeName ?? '' },
  { header: 'Latitude', tag: '#geo+lat', value: (i) => i.location.lat },
  { header: 'Longitude', tag: '#geo+lon', value: (i) => i.location.lon },
  { header: 'Perpetrators', tag: '#group+name+perpetrator', value: (i) => namesOf(i, 'perpetrator') },
  { header: 'Targets', tag: '#group+name+target', value: (i) => namesOf(i, 'target') },
  { header: 'Associated', tag: '#group+name+associated', value: (i) => namesOf(i, 'associated') },
  { header: 'Killed', tag: '#affected+killed', value: (i) => i.counts.killed },
  { header: 'Injured', tag: '#affected+injured', value: (i) => i.counts.injured },
  { header: 'Abducted', tag: '#affected+abducted', value: (i) => i.counts.abducted },
  { header: 'Displaced', tag: '#affected+displaced', value: (i) => i.counts.displaced },
  { header: 'Sources', tag: '#meta+source', value: (i) => i.sources.map((s) => s.name).join('; ') },
  { header: 'Tags', tag: '#meta+tags', value: (i) => i.tags.join('; ') },
  { header: 'Classification', tag: '#meta+classification', value: (i) => i.classification },
  { header: 'Releasable to', tag: '#meta+releasable', value: (i) => i.releasableTo.join(' ') },
  { header: 'Verification', tag: '#status+verification', value: (i) => i.verification },
];

const EXTENSION: readonly ExtensionKey[] = ['id', 'occurred_precision', 'location_precision', 'actors', 'sources', 'external', 'illustrative', 'owner'];
const NATIVE_EXTENSION: Partial<Record<ExtensionKey, string>> = { classification: '#meta+classification', releasable_to: '#meta+releasable', tags: '#meta+tags' };
const extensionTag = (key: ExtensionKey): string => NATIVE_EXTENSION[key] ?? `#meta+konbit+${key}`;

const FIELD_COLUMNS = {
  type: '#event+type', title: '#event+name', description: '#description', occurredAt: '#date+occurred', location: '#geo+lat,#geo+lon',
  'location.placeName': '#loc+name', actors: '#group+name', counts: '#affected', sources: '#meta+source', tags: '#meta+tags', external: '#event+id',
  classification: '#meta+classification', releasableTo: '#meta+releasable',
};

/** "#Affected +killed" → "#affected+killed"; attributes sorted, so their order does not matter. */
export function normaliseHashtag(text: string): string | undefined {
  const compact = text.replace(/\s+/g, '').toLowerCase();
  const match = /^#([a-z][a-z0-9_]*)((\+[a-z][a-z0-9_]*)*)$/.exec(compact);
  if (!match) return undefined;
  const attributes = match[2]!.split('+').filter((a) => a !== '').sort();
  return ['#' + match[1], ...attributes].join('+');
}

/** Columns by normalised hashtag spec; the first column wins when one repeats. */
class HashtagRow {
  private readonly positions = new Map<string, number>();

  constructor(readonly line: number, cells: readonly string[]) {
    cells.forEach((cell, index) => {
      const tag = normaliseHashtag(cell);
      if (tag && !this.positions.has(tag)) this.positions.set(tag, index);
    });
  }

  value(fields: readonly string[], ...specs: string[]): string | undefined {
    for (const spec of specs) {
      const index = this.positions.get(normaliseHashtag(spec)!);
      if (index !== undefined) return fields[index] ?? '';
    }
    return undefined;
  }

  has(...specs: string[]): boolean {
    return specs.some((spec) => this.positions.has(normaliseHashtag(spec)!));
  }
}

/** A row is the hashtag row when most of its non-empty cells are hashtags. */
function isHashtagRow(fields: readonly string[]): boolean {
  const filled = fields.filter((f) => f.trim() !== '');
  return filled.length > 0 && filled.filter((f) => normaliseHashtag(f) !== undefined).length * 2 > filled.length;
}

/** HXL puts the hashtag row within the first rows; past this many, the file is not HXL. */
const MAX_ROWS_BEFORE_HASHTAGS = 25;

/** Reads an HXL-tagged CSV. */
export async function* readHxl(bytes: AsyncIterable<Uint8Array>, options: ReaderOptions = {}): AsyncGenerator<ImportRow> {
  const context = contextOf(options);
  let tags: HashtagRow | undefined;
  let width = 0;
  let seen = 0;
  for await (const record of readCsvRecords(textOf(bytes, options))) {
    if (!tags) {
      if (isHashtagRow(record.fields)) {
        tags = new HashtagRow(record.line, record.fields);
        width = record.fields.length;
        requireHashtags(tags);
      } else if (++seen >= MAX_ROWS_BEFORE_HASHTAGS) {
        break;
      }
      continue;
    }
    const mismatch = fieldCountError(record, width);
    yield mismatch ? { line: record.line, errors: [mismatch] } : hxlRow(tags, record, context);
  }
  if (!tags) throw new FormatError({ line: 1, reason: 'no HXL hashtag row (#event+id, #date+occurred, #geo+lat…) in the first rows: is this an HXL file?' });
}

function requireHashtags(tags: HashtagRow): void {
  const missing = [['#date+occurred', '#date'], ['#geo+lat'], ['#geo+lon']].filter((specs) => !tags.has(...specs)).map((specs) => specs[0]!);
  if (missing.length > 0) throw new FormatError({ line: tags.line, column: missing.join(', '), reason: `the hashtag row lacks ${missing.join(', ')}` });
}

function hxlRow(tags: HashtagRow, { line, fields }: CsvRecord, context: RowContext): ImportRow {
  const get = (...specs: string[]) => tags.value(fields, ...specs);
  const row = new RowBuilder(line, FIELD_COLUMNS, context);
  const id = row.text(get('#event+id', '#event+code'), '#event+id');
  const typeText = row.text(get('#event+type', '#event+type+code', '#event+category'), '#event+type');
  const type = typeText === undefined ? 'other' : (typeFromLabel(typeText) ?? 'other');
  const dateText = row.required(get('#date+occurred', '#date'), '#date+occurred', 'the date');
  const dateOnly = dateText !== undefined && parseCalendarDate(dateText) !== undefined;
  const instant = dateText === undefined ? undefined : (parseIsoInstant(dateText) ?? parseCalendarDate(dateText));
  if (dateText !== undefined && instant === undefined) row.fail('#date+occurred', dateText, 'not a date: use ISO-8601 (2024-03-15 or 2024-03-15T14:30:00Z)');
  const occurredAt = row.notFuture(instant, !dateOnly, '#date+occurred', dateText ?? '');
  const point = row.point(get('#geo+lat'), get('#geo+lon'), '#geo+lat', '#geo+lon');
  const place = row.text(get('#loc+name', '#loc'), '#loc+name');
  const description = row.text(get('#description', '#event+description'), '#description') ?? '';
  const title = row.text(get('#event+name', '#event+title'), '#event+name') ?? `${INCIDENT_TYPES[type].labels.en}${place ? ` in ${place}` : ''}`;
  const tagList = splitTags(row.text(get('#meta+tags'), '#meta+tags') ?? '');
  if (typeText !== undefined && typeFromLabel(typeText) === undefined) tagList.push(typeText);
  const actors = [
    ...namesFrom(get('#group+name+perpetrator', '#group+name', '#group'), 'perpetrator'),
    ...namesFrom(get('#group+name+target'), 'target'),
    ...namesFrom(get('#group+name+associated'), 'associated'),
  ];
  const draft: Record<string, unknown> = {
    type,
    title: clipText(title, 200),
    description,
    occurredAt,
    occurredPrecision: dateOnly ? 'day' : 'exact',
    location: point && { ...point, precision: 'exact', ...(place ? { placeName: clipText(place, 200) } : {}) },
    actors,
    counts: {
      killed: row.count(get('#affected+killed'), '#affected+killed'),
      injured: row.count(get('#affected+injured'), '#affected+injured'),
      abducted: row.count(get('#affected+abducted', '#affected+missing'), '#affected+abducted'),
      displaced: row.count(get('#affected+displaced', '#affected+idps'), '#affected+displaced'),
    },
    sources: splitTags(row.text(get('#meta+source'), '#meta+source') ?? '').map((name) => ({ name: clipText(name, 200), reliability: 'C', credibility: 3 })),
    tags: fitTags(tagList),
    external: id === undefined ? undefined : { system: 'hxl', id },
    classification: context.defaultClassification,
    releasableTo: [],
  };
  const keys: readonly ExtensionKey[] = [...EXTENSION, 'classification', 'releasable_to'];
  applyExtension(row, draft, (key) => (keys.includes(key) ? get(extensionTag(key)) : undefined), extensionTag);
  return row.finish(draft);
}

function namesFrom(text: string | undefined, role: 'perpetrator' | 'target' | 'associated') {
  return splitTags(text ?? '').map((name) => ({ name: clipText(name, 200), role }));
}

function namesOf(incident: ExportableIncident, role: string): string {
  return incident.actors.filter((actor) => actor.role === role).map((actor) => actor.name).join('; ');
}

/** The grading given to a source named in an HXL file without Konbit's columns: C/3. */
export const HXL_SOURCE_GRADING = { reliability: 'C', credibility: 3 } as const;

/** Writes HXL: the header row, the hashtag row, then one row per incident. */
export async function* writeHxl(incidents: AsyncIterable<ExportableIncident>): AsyncGenerator<string> {
  yield csvLine([...COLUMNS.map((c) => c.header), ...EXTENSION.map((key) => `Konbit ${key.replace(/_/g, ' ')}`)]);
  yield csvLine([...COLUMNS.map((c) => c.tag), ...EXTENSION.map(extensionTag)]);
  for await (const incident of incidents) {
    const extension = extensionValues(incident);
    yield csvLine([...COLUMNS.map((c) => c.value(incident)), ...EXTENSION.map((key) => extension[key])]);
  }
}
