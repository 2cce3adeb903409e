// ACLED CSV: the 31 columns of the current ACLED export, in any order, extra
// columns tolerated. Types map to the closest mission type (INCIDENT_TYPES'
// acled mapping read backwards, helped by the notes); what ACLED says beyond
// it is kept as an "acled:<sub-event type>" tag. Sources named by ACLED are
// graded B/2 (usually reliable, probably true): ACLED codes from vetted media.

import { INCIDENT_TYPES, type ExportableIncident, type ImportRow } from '../../../shared/incidents.ts';
import { contextOf, externalIdFor, fitTags, clipText, textOf, type ReaderOptions } from './common.ts';
import { CsvHeader, csvLine, fieldCountError, readCsvRecords, type CsvRecord } from './csv.ts';
import { haitiDate, parseCalendarDate } from './dates.ts';
import { FormatError } from './errors.ts';
import { applyExtension, EXTENSION_KEYS, extensionValues, splitTags, type ExtensionKey } from './extension.ts';
import { RowBuilder, type RowContext } from './row.ts';
import { acledInter, actorKind, typeFromAcled } from './vocabulary.ts';

export const ACLED_COLUMNS = [
  'event_id_cnty', 'event_date', 'year', 'time_precision', 'disorder_type', 'event_type', 'sub_event_type', 'actor1', 'assoc_actor_1', 'inter1',
  'actor2', 'assoc_actor_2', 'inter2', 'interaction', 'civilian_targeting', 'iso', 'region', 'country', 'admin1', 'admin2', 'admin3', 'location',
  'latitude', 'longitude', 'geo_precision', 'source', 'source_scale', 'notes', 'fatalities', 'tags', 'timestamp',
] as const;

const REQUIRED = ['event_id_cnty', 'event_date', 'event_type', 'sub_event_type', 'latitude', 'longitude'] as const;
/** The grading given to a source named in an ACLED row. */
export const ACLED_SOURCE_GRADING = { reliability: 'B', credibility: 2 } as const;
/** ACLED carries killed (fatalities) and tags itself; the other extension columns follow its 31. */
const EXTENSION: readonly ExtensionKey[] = EXTENSION_KEYS.filter((key) => key !== 'killed' && key !== 'tags');
const extensionColumn = (key: ExtensionKey): string => `konbit_${key}`;

const FIELD_COLUMNS = {
  type: 'event_type', title: 'konbit_title', description: 'notes', occurredAt: 'event_date', occurredPrecision: 'time_precision',
  location: 'latitude,longitude', 'location.precision': 'geo_precision', 'location.placeName': 'location', actors: 'actor1', counts: 'fatalities',
  sources: 'source', tags: 'tags', external: 'event_id_cnty', classification: 'konbit_classification', releasableTo: 'konbit_releasable_to',
};

const TIME_PRECISION: Record<string, 'day' | 'week' | 'month'> = { '1': 'day', '2': 'week', '3': 'month' };
const GEO_PRECISION: Record<string, 'exact' | 'near' | 'commune'> = { '1': 'exact', '2': 'near', '3': 'commune' };

/** Reads an ACLED CSV export. */
export async function* readAcled(bytes: AsyncIterable<Uint8Array>, options: ReaderOptions = {}): AsyncGenerator<ImportRow> {
  const context = contextOf(options);
  let header: CsvHeader | undefined;
  let extended = false;
  for await (const record of readCsvRecords(textOf(bytes, options))) {
    if (!header) {
      header = new CsvHeader(record.line, record.fields);
      header.requireColumns(REQUIRED, 'ACLED');
      extended = EXTENSION.some((key) => header!.has(extensionColumn(key)));
      continue;
    }
    const mismatch = fieldCountError(record, header.names.length);
    yield mismatch ? { line: record.line, errors: [mismatch] } : acledRow(header, record, context, extended);
  }
  if (!header) throw new FormatError({ line: 1, reason: 'the file has no header row: there is nothing to import' });
}

/** `extended`: the file has Konbit's extension columns (ACLED's own exports have none: nothing to lay over). */
function acledRow(header: CsvHeader, { line, fields }: CsvRecord, context: RowContext, extended: boolean): ImportRow {
  const get = (name: string) => header.value(fields, name);
  const row = new RowBuilder(line, FIELD_COLUMNS, context);
  const id = row.required(get('event_id_cnty'), 'event_id_cnty', 'the event id');
  const dateText = row.required(get('event_date'), 'event_date', 'the event date');
  const date = dateText === undefined ? undefined : parseCalendarDate(dateText);
  if (dateText !== undefined && date === undefined) row.fail('event_date', dateText, 'not a date: ACLED writes YYYY-MM-DD (or 15 March 2024)');
  const occurredAt = row.notFuture(date, false, 'event_date', dateText ?? '');
  const timePrecision = row.text(get('time_precision'), 'time_precision') ?? '1';
  if (!(timePrecision in TIME_PRECISION)) row.fail('time_precision', timePrecision, 'ACLED time precision is 1 (day), 2 (week) or 3 (month)');
  const geoPrecision = row.text(get('geo_precision'), 'geo_precision') ?? '1';
  if (!(geoPrecision in GEO_PRECISION)) row.fail('geo_precision', geoPrecision, 'ACLED geo precision is 1, 2 or 3');
  const eventType = row.required(get('event_type'), 'event_type', 'the event type') ?? '';
  const subEventType = row.required(get('sub_event_type'), 'sub_event_type', 'the sub-event type') ?? '';
  const point = row.point(get('latitude'), get('longitude'), 'latitude', 'longitude');
  const killed = row.count(get('fatalities'), 'fatalities');
  const notes = row.text(get('notes'), 'notes') ?? '';
  const place = row.text(get('location'), 'location');
  const actor1 = row.text(get('actor1'), 'actor1') ?? '';
  const actor2 = row.text(get('actor2'), 'actor2') ?? '';
  const guess = typeFromAcled(eventType, subEventType, { fatalities: killed, notes, actor1, actor2 });
  const ownType = get('konbit_type') !== undefined && get('konbit_type')!.trim() !== '';
  const tags = splitTags(row.text(get('tags'), 'tags') ?? '');
  if (!guess.exact && !ownType) tags.push(`acled:${subEventType}`);
  const draft: Record<string, unknown> = {
    type: guess.type,
    title: clipText(`${INCIDENT_TYPES[guess.type].labels.en}${place ? ` in ${place}` : ''}`, 200),
    description: notes,
    occurredAt,
    occurredPrecision: TIME_PRECISION[timePrecision] ?? 'day',
    location: point && { ...point, precision: GEO_PRECISION[geoPrecision] ?? 'exact', ...(place ? { placeName: place } : {}) },
    actors: [
      ...actorsOf(actor1, get('inter1') ?? '', 'perpetrator'),
      ...splitTags(get('assoc_actor_1') ?? '').flatMap((name) => actorsOf(name, '', 'associated')),
      ...actorsOf(actor2, get('inter2') ?? '', 'target'),
      ...splitTags(get('assoc_actor_2') ?? '').flatMap((name) => actorsOf(name, '', 'associated')),
    ],
    counts: { killed },
    sources: splitTags(row.text(get('source'), 'source') ?? '').map((name) => ({ name: clipText(name, 200), ...ACLED_SOURCE_GRADING })),
    tags: fitTags(tags),
    external: id === undefined ? undefined : { system: 'acled', id },
    classification: context.defaultClassification,
    releasableTo: [],
  };
  if (extended) applyExtension(row, draft, (key) => (EXTENSION.includes(key) ? get(extensionColumn(key)) : undefined), extensionColumn);
  return row.finish(draft);
}

function actorsOf(name: string, inter: string, role: 'perpetrator' | 'target' | 'associated') {
  if (name === '') return [];
  const kind = actorKind(name, inter);
  return [{ name: clipText(name, 200), role, ...(kind ? { kind } : {}) }];
}

const TIME_PRECISION_CODE = { exact: 1, day: 1, week: 2, month: 3 } as const;
const GEO_PRECISION_CODE = { exact: 1, near: 2, commune: 3, department: 3 } as const;

/** Writes ACLED CSV: the 31 standard columns, then Konbit's. */
export async function* writeAcled(incidents: AsyncIterable<ExportableIncident>): AsyncGenerator<string> {
  yield csvLine([...ACLED_COLUMNS, ...EXTENSION.map(extensionColumn)]);
  for await (const incident of incidents) yield csvLine([...acledValues(incident), ...EXTENSION.map((key) => extensionValues(incident)[key])]);
}

function acledValues(incident: ExportableIncident): (string | number)[] {
  const acled = INCIDENT_TYPES[incident.type].acled;
  const named = (role: string) => incident.actors.filter((actor) => actor.role === role);
  const [actor1, ...morePerpetrators] = named('perpetrator');
  const [actor2, ...moreTargets] = named('target');
  const inter1 = acledInter(actor1?.kind);
  const inter2 = acledInter(actor2?.kind);
  const civilians = acled.eventType === 'Violence against civilians' || named('target').some((actor) => actor.kind === 'civilians');
  const date = haitiDate(incident.occurredAt);
  const values: Record<(typeof ACLED_COLUMNS)[number], string | number> = {
    event_id_cnty: externalIdFor(incident, 'acled'),
    event_date: date,
    year: Number(date.slice(0, 4)),
    time_precision: TIME_PRECISION_CODE[incident.occurredPrecision],
    disorder_type: acled.disorderType,
    event_type: acled.eventType,
    sub_event_type: acled.subEventType,
    actor1: actor1?.name ?? '',
    assoc_actor_1: [...morePerpetrators, ...named('associated')].map((actor) => actor.name).join('; '),
    inter1,
    actor2: actor2?.name ?? '',
    assoc_actor_2: moreTargets.map((actor) => actor.name).join('; '),
    inter2,
    interaction: inter1 && inter2 ? `${inter1}-${inter2}` : inter1 ? `${inter1} only` : '',
    civilian_targeting: civilians ? 'Civilian targeting' : '',
    iso: 332,
    region: 'Caribbean',
    country: 'Haiti',
    admin1: incident.admin?.adm1Name ?? '',
    admin2: incident.admin?.adm2Name ?? '',
    admin3: incident.admin?.adm3Name ?? '',
    location: incident.location.placeName ?? '',
    latitude: incident.location.lat,
    longitude: incident.location.lon,
    geo_precision: GEO_PRECISION_CODE[incident.location.precision],
    source: incident.sources.map((source) => source.name).join('; '),
    source_scale: '',
    notes: incident.description,
    fatalities: incident.counts.killed,
    tags: incident.tags.join('; '),
    timestamp: Math.floor(new Date(incident.reportedAt).getTime() / 1000),
  };
  return ACLED_COLUMNS.map((column) => values[column]);
}
