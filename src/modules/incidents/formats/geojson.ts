// GeoJSON: a FeatureCollection of Point features. Konbit's own properties
// round-trip; a foreign file's features keep their title (or name),
// description and date, and whatever names a mission type.

import { INCIDENT_TYPES, IncidentType, type ExportableIncident, type ImportRow } from '../../../shared/incidents.ts';
import { clipText, contextOf, fitTags, textOf, type ReaderOptions } from './common.ts';
import { parseCalendarDate, parseIsoInstant } from './dates.ts';
import { FormatError, messageOf } from './errors.ts';
import { parseExternal } from './extension.ts';
import { FeatureSplitter, type FeatureText } from './json-features.ts';
import { RowBuilder, type RowContext } from './row.ts';
import { typeFromLabel } from './vocabulary.ts';

const FIELD_COLUMNS = {
  type: 'properties.type', title: 'properties.title', description: 'properties.description', occurredAt: 'properties.occurredAt',
  occurredPrecision: 'properties.occurredPrecision', location: 'geometry.coordinates', 'location.precision': 'properties.locationPrecision',
  'location.placeName': 'properties.placeName', actors: 'properties.actors', counts: 'properties.counts', sources: 'properties.sources',
  tags: 'properties.tags', external: 'properties.external', classification: 'properties.classification', releasableTo: 'properties.releasableTo',
};

/** Reads a GeoJSON FeatureCollection (or a single Feature). */
export async function* readGeoJson(bytes: AsyncIterable<Uint8Array>, options: ReaderOptions = {}): AsyncGenerator<ImportRow> {
  const context = contextOf(options);
  const splitter = new FeatureSplitter();
  let count = 0;
  for await (const text of textOf(bytes, options)) {
    for (const feature of splitter.write(text)) {
      count++;
      yield featureRow(feature, context);
    }
  }
  splitter.finish();
  if (splitter.sawFeatures) return;
  const whole = parseJson(splitter.wholeText(), 1);
  if (whole.type === 'Feature') {
    yield featureRow({ line: 1, text: '' }, context, whole);
  } else if (count === 0) {
    throw new FormatError({ line: 1, reason: `expected a GeoJSON FeatureCollection, found ${typeof whole.type === 'string' ? `a ${whole.type}` : 'no GeoJSON type'}` });
  }
}

function parseJson(text: string, line: number): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch (error) {
    throw new FormatError({ line, reason: `not valid JSON: ${messageOf(error)}` });
  }
  throw new FormatError({ line, reason: 'not a JSON object' });
}

function featureRow(feature: FeatureText, context: RowContext, parsed?: Record<string, unknown>): ImportRow {
  let object: Record<string, unknown>;
  try {
    object = parsed ?? parseJson(feature.text, feature.line);
  } catch (error) {
    return { line: feature.line, errors: [(error as FormatError).where] };
  }
  const row = new RowBuilder(feature.line, FIELD_COLUMNS, context);
  const geometry = object.geometry as { type?: unknown; coordinates?: unknown } | null | undefined;
  const props = (object.properties ?? {}) as Record<string, unknown>;
  const str = (key: string): string | undefined => (typeof props[key] === 'string' || typeof props[key] === 'number' ? String(props[key]) : undefined);
  let point: { lat: number; lon: number } | undefined;
  if (geometry?.type !== 'Point' || !Array.isArray(geometry.coordinates)) {
    row.fail('geometry', typeof geometry?.type === 'string' ? geometry.type : undefined, 'an incident is a Point feature (geometry.type "Point", coordinates [longitude, latitude])');
  } else {
    const [lon, lat] = geometry.coordinates as unknown[];
    point = row.point(String(lat ?? ''), String(lon ?? ''), 'geometry.coordinates[1]', 'geometry.coordinates[0]');
  }
  const typeText = row.text(str('type') ?? str('category') ?? str('event_type'), 'properties.type');
  const known = typeText === undefined ? undefined : IncidentType.safeParse(typeText).success ? (typeText as IncidentType) : typeFromLabel(typeText);
  const type = known ?? 'other';
  const place = row.text(str('placeName') ?? str('location'), 'properties.placeName');
  const dateText = row.required(str('occurredAt') ?? str('date') ?? str('time') ?? str('event_date'), 'properties.occurredAt', 'the date (occurredAt)');
  const dateOnly = dateText !== undefined && parseCalendarDate(dateText) !== undefined;
  const instant = dateText === undefined ? undefined : (parseIsoInstant(dateText) ?? parseCalendarDate(dateText));
  if (dateText !== undefined && instant === undefined) row.fail('properties.occurredAt', dateText, 'not an ISO-8601 time with a zone (2024-03-15T14:30:00Z) or a date');
  const externalText = row.text(typeof props.external === 'string' ? props.external : undefined, 'properties.external');
  const externalObject = props.external !== null && typeof props.external === 'object' ? props.external : undefined;
  const featureId = typeof object.id === 'string' || typeof object.id === 'number' ? String(object.id) : undefined;
  const tags = Array.isArray(props.tags) ? props.tags : [];
  if (typeText !== undefined && !known) tags.push(typeText);
  const draft: Record<string, unknown> = {
    type,
    title: clipText(row.text(str('title') ?? str('name'), 'properties.title') ?? `${INCIDENT_TYPES[type].labels.en}${place ? ` in ${place}` : ''}`, 200),
    description: row.text(str('description') ?? str('notes'), 'properties.description') ?? '',
    occurredAt: row.notFuture(instant, !dateOnly, 'properties.occurredAt', dateText ?? ''),
    occurredPrecision: str('occurredPrecision') ?? (dateOnly ? 'day' : 'exact'),
    location: point && { ...point, precision: str('locationPrecision') ?? 'exact', ...(place ? { placeName: clipText(place, 200) } : {}) },
    actors: props.actors ?? [],
    counts: props.counts ?? {},
    sources: props.sources ?? [],
    tags: fitTags(tags.filter((tag): tag is string => typeof tag === 'string')),
    external: externalObject ?? (externalText ? parseExternal(row, externalText, 'properties.external') : featureId ? { system: 'geojson', id: featureId } : undefined),
    classification: row.classification(str('classification'), 'properties.classification') ?? context.defaultClassification,
    releasableTo: Array.isArray(props.releasableTo) ? props.releasableTo : row.codes(str('releasableTo'), 'properties.releasableTo'),
    illustrative: props.illustrative === true,
  };
  return row.finish(draft);
}

/** Writes a FeatureCollection, one feature per line. */
export async function* writeGeoJson(incidents: AsyncIterable<ExportableIncident>): AsyncGenerator<string> {
  yield '{"type":"FeatureCollection","features":[\n';
  let first = true;
  for await (const incident of incidents) {
    yield `${first ? '' : ',\n'}${JSON.stringify(featureOf(incident))}`;
    first = false;
  }
  yield '\n]}\n';
}

function featureOf(incident: ExportableIncident): object {
  const { location, ...rest } = incident;
  return {
    type: 'Feature',
    id: incident.id,
    geometry: { type: 'Point', coordinates: [location.lon, location.lat] },
    properties: {
      ...rest,
      locationPrecision: location.precision,
      ...(location.placeName === undefined ? {} : { placeName: location.placeName }),
    },
  };
}
