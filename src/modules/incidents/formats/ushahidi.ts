// Ushahidi CSV as the classic platform exports it:
//   Serial,INCIDENT TITLE,INCIDENT DATE,LOCATION,DESCRIPTION,CATEGORY,LATITUDE,LONGITUDE,APPROVED,VERIFIED
// Dates are dd/mm/yyyy hh:mm in the deployment's time (Haiti's). Categories
// ("1. Kidnapping | Enlèvement, 4. Roadblock | Barrage") map to the mission
// type when one fits; the others become tags. A crowd report is graded F/6
// (reliability and truth cannot be judged) unless the deployment verified it
// (C/3: fairly reliable, possibly true).

import { type ExportableIncident, type ImportRow } from '../../../shared/incidents.ts';
import { categoryName, clipText, contextOf, externalIdFor, fitTags, textOf, type ReaderOptions } from './common.ts';
import { CsvHeader, csvLine, fieldCountError, readCsvRecords, type CsvRecord } from './csv.ts';
import { haitiDayMonthYear, parseHaitiLocal } from './dates.ts';
import { FormatError } from './errors.ts';
import { applyExtension, EXTENSION_KEYS, extensionValues, type ExtensionKey } from './extension.ts';
import { RowBuilder, type RowContext } from './row.ts';
import { typeFromLabel } from './vocabulary.ts';

export const USHAHIDI_COLUMNS = ['Serial', 'INCIDENT TITLE', 'INCIDENT DATE', 'LOCATION', 'DESCRIPTION', 'CATEGORY', 'LATITUDE', 'LONGITUDE', 'APPROVED', 'VERIFIED'] as const;
const REQUIRED = ['Serial', 'INCIDENT TITLE', 'INCIDENT DATE', 'LATITUDE', 'LONGITUDE'] as const;
const EXTENSION: readonly ExtensionKey[] = EXTENSION_KEYS.filter((key) => key !== 'title');
const extensionColumn = (key: ExtensionKey): string => `konbit_${key}`;

export const USHAHIDI_GRADING = { unverified: { reliability: 'F', credibility: 6 }, verified: { reliability: 'C', credibility: 3 } } as const;

const FIELD_COLUMNS = {
  type: 'CATEGORY', title: 'INCIDENT TITLE', description: 'DESCRIPTION', occurredAt: 'INCIDENT DATE', location: 'LATITUDE,LONGITUDE',
  'location.placeName': 'LOCATION', tags: 'CATEGORY', external: 'Serial', classification: 'konbit_classification', releasableTo: 'konbit_releasable_to',
};

/** Reads a Ushahidi CSV export. */
export async function* readUshahidi(bytes: AsyncIterable<Uint8Array>, options: ReaderOptions = {}): AsyncGenerator<ImportRow> {
  const context = contextOf(options);
  let header: CsvHeader | undefined;
  for await (const record of readCsvRecords(textOf(bytes, options))) {
    if (!header) {
      header = new CsvHeader(record.line, record.fields);
      header.requireColumns(REQUIRED, 'Ushahidi');
      continue;
    }
    const mismatch = fieldCountError(record, header.names.length);
    yield mismatch ? { line: record.line, errors: [mismatch] } : ushahidiRow(header, record, context);
  }
  if (!header) throw new FormatError({ line: 1, reason: 'the file has no header row: there is nothing to import' });
}

function ushahidiRow(header: CsvHeader, { line, fields }: CsvRecord, context: RowContext): ImportRow {
  const get = (name: string) => header.value(fields, name);
  const row = new RowBuilder(line, FIELD_COLUMNS, context);
  const serial = row.required(get('Serial'), 'Serial', 'the serial number');
  const title = row.required(get('INCIDENT TITLE'), 'INCIDENT TITLE', 'the title');
  const dateText = row.required(get('INCIDENT DATE'), 'INCIDENT DATE', 'the date');
  const date = dateText === undefined ? undefined : parseHaitiLocal(dateText);
  if (dateText !== undefined && date === undefined) row.fail('INCIDENT DATE', dateText, 'not a date: Ushahidi writes dd/mm/yyyy hh:mm');
  const occurredAt = row.notFuture(date, true, 'INCIDENT DATE', dateText ?? '');
  const place = row.text(get('LOCATION'), 'LOCATION');
  const point = row.point(get('LATITUDE'), get('LONGITUDE'), 'LATITUDE', 'LONGITUDE');
  const verified = yesNo(row, get('VERIFIED'), 'VERIFIED');
  const approved = yesNo(row, get('APPROVED'), 'APPROVED');
  const { type, tags } = categoriesOf(row.text(get('CATEGORY'), 'CATEGORY') ?? '');
  if (approved === false) tags.push('ushahidi:unapproved');
  const draft: Record<string, unknown> = {
    type: type ?? 'other',
    title: title && clipText(title, 200),
    description: row.text(get('DESCRIPTION'), 'DESCRIPTION') ?? '',
    occurredAt,
    occurredPrecision: 'exact',
    location: point && { ...point, precision: 'exact', ...(place ? { placeName: clipText(place, 200) } : {}) },
    sources: serial === undefined ? [] : [{ name: `Ushahidi report ${serial}`, ...USHAHIDI_GRADING[verified ? 'verified' : 'unverified'] }],
    tags: fitTags(tags),
    external: serial === undefined ? undefined : { system: 'ushahidi', id: serial },
    classification: context.defaultClassification,
    releasableTo: [],
  };
  applyExtension(row, draft, (key) => (EXTENSION.includes(key) ? get(extensionColumn(key)) : undefined), extensionColumn);
  return row.finish(draft);
}

function yesNo(row: RowBuilder, value: string | undefined, column: string): boolean | undefined {
  const text = row.text(value, column);
  if (text === undefined) return undefined;
  if (/^(yes|y|true|1|oui|wi)$/i.test(text)) return true;
  if (/^(no|n|false|0|non|non)$/i.test(text)) return false;
  return row.fail(column, text, 'expected YES or NO');
}

/** The first category that names a mission type gives the type; every other category is a tag. */
export function categoriesOf(text: string): { type: ReturnType<typeof typeFromLabel>; tags: string[] } {
  const numbered = /^\s*\d+\s*\./.test(text);
  const names = text.split(numbered ? /,(?=\s*\d+\s*\.)/ : /,/).map((name) => name.trim()).filter((name) => name !== '');
  let type: ReturnType<typeof typeFromLabel>;
  const tags: string[] = [];
  for (const name of names) {
    const found = type === undefined ? typeFromLabel(name) : undefined;
    if (found) type = found;
    else tags.push(name.replace(/^\d+\s*\.\s*/, ''));
  }
  return { type, tags };
}

/** Writes the classic Ushahidi CSV, then Konbit's columns. */
export async function* writeUshahidi(incidents: AsyncIterable<ExportableIncident>): AsyncGenerator<string> {
  yield csvLine([...USHAHIDI_COLUMNS, ...EXTENSION.map(extensionColumn)]);
  for await (const incident of incidents) {
    const extension = extensionValues(incident);
    yield csvLine([
      externalIdFor(incident, 'ushahidi'),
      incident.title,
      haitiDayMonthYear(incident.occurredAt),
      incident.location.placeName ?? '',
      incident.description,
      [categoryName(incident.type), ...incident.tags.map((tag) => tag.replace(/,/g, ' '))].join(', '),
      incident.location.lat,
      incident.location.lon,
      'YES',
      incident.verification === 'verified' ? 'YES' : 'NO',
      ...EXTENSION.map((key) => extension[key]),
    ]);
  }
}
