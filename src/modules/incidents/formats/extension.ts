// What a CSV format cannot say (ACLED has no title or classification, Ushahidi
// no actors...) Konbit writes in extra columns after the standard ones, so that
// an export imports back into the same incidents. Other tools ignore them;
// a file without them imports from its standard columns alone.

import { z } from 'zod';
import { IncidentActor, IncidentSource, type ExportableIncident, type IncidentInputParsed } from '../../../shared/incidents.ts';
import type { CsvValue } from './csv.ts';
import type { RowBuilder } from './row.ts';
import { parseIsoInstant } from './dates.ts';

export const EXTENSION_KEYS = [
  'id', 'type', 'title', 'occurred_at', 'occurred_precision', 'location_precision', 'killed', 'injured', 'abducted', 'displaced',
  'actors', 'sources', 'tags', 'classification', 'releasable_to', 'external', 'illustrative', 'owner', 'verification', 'reported_at',
] as const;
export type ExtensionKey = (typeof EXTENSION_KEYS)[number];

/** The extension's values for one incident. */
export function extensionValues(incident: ExportableIncident): Record<ExtensionKey, CsvValue> {
  return {
    id: incident.id,
    type: incident.type,
    title: incident.title,
    occurred_at: incident.occurredAt,
    occurred_precision: incident.occurredPrecision,
    location_precision: incident.location.precision,
    killed: incident.counts.killed,
    injured: incident.counts.injured,
    abducted: incident.counts.abducted,
    displaced: incident.counts.displaced,
    actors: JSON.stringify(incident.actors),
    sources: JSON.stringify(incident.sources),
    tags: incident.tags.join('; '),
    classification: incident.classification,
    releasable_to: incident.releasableTo.join(' '),
    external: incident.external ? `${incident.external.system}:${incident.external.id}` : '',
    illustrative: incident.illustrative ? 'yes' : '',
    owner: incident.owner,
    verification: incident.verification,
    reported_at: incident.reportedAt,
  };
}

type Draft = Partial<Record<keyof IncidentInputParsed, unknown>> & Record<string, unknown>;

const ActorList = z.array(IncidentActor);
const SourceList = z.array(IncidentSource);
const SYSTEMS = ['acled', 'ushahidi', 'cot', 'geojson', 'hxl'] as const;

/**
 * Lays the extension's values over a draft built from the standard columns.
 * `get` reads an extension column (undefined when the file has none).
 */
export function applyExtension(row: RowBuilder, draft: Draft, get: (key: ExtensionKey) => string | undefined, column: (key: ExtensionKey) => string): void {
  const text = (key: ExtensionKey) => row.text(get(key), column(key));
  const type = text('type');
  if (type !== undefined) draft.type = type;
  const title = text('title');
  if (title !== undefined) draft.title = title;
  const occurredAt = text('occurred_at');
  if (occurredAt !== undefined) {
    const instant = parseIsoInstant(occurredAt);
    if (instant === undefined) row.fail(column('occurred_at'), occurredAt, 'not an ISO-8601 time with a zone (e.g. 2024-03-15T14:30:00Z)');
    draft.occurredAt = row.notFuture(instant, true, column('occurred_at'), occurredAt);
  }
  const occurredPrecision = text('occurred_precision');
  if (occurredPrecision !== undefined) draft.occurredPrecision = occurredPrecision;
  const locationPrecision = text('location_precision');
  if (locationPrecision !== undefined) draft.location = { ...(draft.location as object), precision: locationPrecision };
  const counts = { ...(draft.counts as Record<string, number> | undefined) };
  for (const key of ['killed', 'injured', 'abducted', 'displaced'] as const) if (get(key) !== undefined && get(key)!.trim() !== '') counts[key] = row.count(get(key), column(key));
  draft.counts = counts;
  const actors = json(row, text('actors'), column('actors'), ActorList);
  if (actors !== undefined) draft.actors = actors;
  const sources = json(row, text('sources'), column('sources'), SourceList);
  if (sources !== undefined) draft.sources = sources;
  const tags = text('tags');
  if (tags !== undefined) draft.tags = splitTags(tags);
  const classification = row.classification(get('classification'), column('classification'));
  if (classification !== undefined) draft.classification = classification;
  const releasable = text('releasable_to');
  if (releasable !== undefined) draft.releasableTo = row.codes(releasable, column('releasable_to'));
  const external = text('external');
  if (external !== undefined) draft.external = parseExternal(row, external, column('external'));
  if (text('illustrative') !== undefined) draft.illustrative = /^(yes|true|1|oui|wi)$/i.test(text('illustrative')!);
}

function json<T>(row: RowBuilder, text: string | undefined, column: string, schema: z.ZodType<T>): T | undefined {
  if (text === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return row.fail(column, text, 'not valid JSON');
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) return row.fail(column, text, parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  return parsed.data;
}

/** "cot:ANDROID-1234" → { system: 'cot', id: 'ANDROID-1234' } */
export function parseExternal(row: RowBuilder, text: string, column: string): { system: (typeof SYSTEMS)[number]; id: string } | undefined {
  const colon = text.indexOf(':');
  const system = text.slice(0, colon) as (typeof SYSTEMS)[number];
  if (colon < 0 || !SYSTEMS.includes(system) || colon === text.length - 1) {
    return row.fail(column, text, `an external id is system:id with system one of ${SYSTEMS.join(', ')}`);
  }
  return { system, id: text.slice(colon + 1) };
}

/** Tags as ACLED writes them: separated by semicolons. */
export function splitTags(text: string): string[] {
  return text.split(';').map((tag) => tag.trim()).filter((tag) => tag !== '');
}
