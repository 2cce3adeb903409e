// Cursor-on-Target XML, as TAK clients send it: one <event> or many inside any
// root. A DOCTYPE is refused outright (CoT never has one), so no entity is ever
// declared, let alone expanded: an XML bomb stops at its first line. Konbit's
// exports carry the mission type, counts, actors and sources in
// <detail><konbit …/></detail>, so a round trip keeps them.

import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { INCIDENT_TYPES, type ExportableIncident, type ImportRow } from '../../../shared/incidents.ts';
import { clipText, contextOf, externalIdFor, fitTags, textOf, type ReaderOptions } from './common.ts';
import { parseIsoInstant } from './dates.ts';
import { FormatError, messageOf } from './errors.ts';
import { applyExtension, type ExtensionKey } from './extension.ts';
import { RowBuilder, type RowContext } from './row.ts';
import { typeFromCot } from './vocabulary.ts';

/** A report from a TAK device: its callsign is the source, graded B/3 (usually reliable, possibly true). */
export const COT_SOURCE_GRADING = { reliability: 'B', credibility: 3 } as const;
/** Remarks longer than this are cut while reading (the schema allows 20,000 characters). */
const MAX_TEXT = 40_000;

interface EventDraft {
  line: number;
  attributes: Record<string, string>;
  point?: Record<string, string>;
  remarks: string;
  callsign?: string;
  konbit?: Record<string, string>;
  actors: Record<string, string>[];
  sources: Record<string, string>[];
}

const FIELD_COLUMNS = {
  type: 'type', title: 'detail/konbit@title', description: 'detail/remarks', occurredAt: 'start', location: 'point@lat,point@lon',
  actors: 'detail/konbit/actor', sources: 'detail/konbit/source', external: 'uid', classification: 'caveat', releasableTo: 'releaseableTo',
};

/** Reads CoT XML. */
export async function* readCot(bytes: AsyncIterable<Uint8Array>, options: ReaderOptions = {}): AsyncGenerator<ImportRow> {
  const context = contextOf(options);
  const parser = new SaxesParser({ position: true, xmlns: false });
  const collector = new CotCollector(context, () => parser.line);
  parser.on('doctype', () => {
    throw new FormatError({ line: parser.line, reason: 'DOCTYPE declarations are refused: Cursor-on-Target has none, and entities are never expanded (an XML bomb or external entity stops here)' });
  });
  parser.on('opentag', (tag) => collector.open(tag));
  parser.on('closetag', (tag) => collector.close(tag));
  parser.on('text', (text) => collector.text(text));
  try {
    for await (const text of textOf(bytes, options)) {
      parser.write(text);
      yield* collector.drain();
    }
    parser.close();
  } catch (error) {
    if (error instanceof FormatError) throw error;
    const detail = messageOf(error).replace(/^[^:]*:\d+:\d+: /, '').replace(/^\d+:\d+: /, '');
    const truncated = /unclosed tag|unexpected end/i.test(detail);
    throw new FormatError({ line: parser.line, reason: truncated ? `the XML ends before its elements are closed (${detail}): the file is truncated` : `malformed XML: ${detail}` });
  }
  yield* collector.drain();
  if (!collector.sawEvent) throw new FormatError({ line: parser.line, reason: 'no <event> element: there is nothing to import' });
}

class CotCollector {
  sawEvent = false;
  private event: EventDraft | undefined;
  private path: string[] = [];
  private inRemarks = false;
  private ready: ImportRow[] = [];

  constructor(private readonly context: RowContext, private readonly line: () => number) {}

  *drain(): Generator<ImportRow> {
    const rows = this.ready;
    this.ready = [];
    yield* rows;
  }

  open(tag: SaxesTagPlain): void {
    const parent = this.path.at(-1);
    this.path.push(tag.name);
    if (tag.name === 'event') {
      this.event = { line: this.line(), attributes: tag.attributes, remarks: '', actors: [], sources: [] };
      this.sawEvent = true;
      return;
    }
    const event = this.event;
    if (!event) return;
    if (tag.name === 'point' && parent === 'event') event.point = tag.attributes;
    else if (tag.name === 'remarks' && parent === 'detail') this.inRemarks = true;
    else if (tag.name === 'contact' && parent === 'detail') event.callsign = tag.attributes['callsign'];
    else if (tag.name === 'konbit' && parent === 'detail') event.konbit = tag.attributes;
    else if (tag.name === 'actor' && parent === 'konbit') event.actors.push(tag.attributes);
    else if (tag.name === 'source' && parent === 'konbit') event.sources.push(tag.attributes);
  }

  text(text: string): void {
    if (this.inRemarks && this.event && this.event.remarks.length < MAX_TEXT) this.event.remarks += text;
  }

  close(tag: SaxesTagPlain): void {
    this.path.pop();
    if (tag.name === 'remarks') this.inRemarks = false;
    if (tag.name !== 'event' || !this.event) return;
    this.ready.push(cotRow(this.event, this.context));
    this.event = undefined;
  }
}

const KONBIT_ATTRIBUTE: Partial<Record<ExtensionKey, string>> = {
  type: 'type', title: 'title', occurred_precision: 'occurredPrecision', location_precision: 'locationPrecision', killed: 'killed', injured: 'injured',
  abducted: 'abducted', displaced: 'displaced', tags: 'tags', external: 'external', illustrative: 'illustrative',
};

function cotRow(event: EventDraft, context: RowContext): ImportRow {
  const attr = event.attributes;
  const row = new RowBuilder(event.line, FIELD_COLUMNS, context);
  const uid = row.required(attr['uid'], 'uid', 'the event uid');
  const cotType = row.required(attr['type'], 'type', 'the CoT type') ?? '';
  const timeColumn = attr['start'] !== undefined ? 'start' : 'time';
  const timeText = row.required(attr['start'] ?? attr['time'], timeColumn, 'the time');
  const instant = timeText === undefined ? undefined : parseIsoInstant(timeText);
  if (timeText !== undefined && instant === undefined) row.fail(timeColumn, timeText, 'not an ISO-8601 time with a zone (CoT writes 2024-03-14T12:15:00Z)');
  const occurredAt = row.notFuture(instant, true, timeColumn, timeText ?? '');
  if (!event.point) row.fail('point', undefined, 'the event has no <point>');
  const point = event.point && row.point(event.point['lat'], event.point['lon'], 'point@lat', 'point@lon');
  const konbit = event.konbit ?? {};
  const type = typeFromCot(cotType) ?? 'other';
  const remarks = event.remarks.trim();
  const callsign = event.callsign?.trim();
  const firstLine = remarks.split('\n')[0]!.trim();
  const releasable = row.codes(attr['releaseableTo'] ?? attr['releasableTo'], attr['releaseableTo'] !== undefined ? 'releaseableTo' : 'releasableTo');
  const caveat = row.classification(attr['caveat'], 'caveat');
  const placeName = row.text(konbit['placeName'], 'detail/konbit@placeName');
  const draft: Record<string, unknown> = {
    type,
    title: clipText(firstLine || `${INCIDENT_TYPES[type].labels.en} reported by ${callsign || uid}`, 120),
    description: remarks,
    occurredAt,
    occurredPrecision: 'exact',
    location: point && { ...point, precision: precisionOfCe(Number(event.point?.['ce'])), ...(placeName ? { placeName } : {}) },
    actors: event.actors.map((a) => ({ name: a['name'], role: a['role'], ...(a['kind'] ? { kind: a['kind'] } : {}) })),
    sources: event.sources.length > 0 ? event.sources.map(sourceOf) : callsign ? [{ name: `TAK ${callsign}`, ...COT_SOURCE_GRADING }] : [],
    tags: fitTags(konbit['type'] || typeFromCot(cotType) ? [] : [`cot:${cotType}`]),
    external: uid === undefined ? undefined : { system: 'cot', id: uid },
    classification: releasable.length > 0 ? 'RESTRICTED' : (caveat ?? context.defaultClassification),
    releasableTo: releasable,
  };
  const konbitAttribute = (key: ExtensionKey) => `detail/konbit@${KONBIT_ATTRIBUTE[key] ?? key}`;
  applyExtension(row, draft, (key) => (KONBIT_ATTRIBUTE[key] ? konbit[KONBIT_ATTRIBUTE[key]!] : undefined), konbitAttribute);
  return row.finish(draft);
}

function sourceOf(source: Record<string, string>) {
  return {
    name: source['name'],
    ...(source['url'] ? { url: source['url'] } : {}),
    reliability: source['reliability'],
    credibility: Number(source['credibility']),
    ...(source['reportedAt'] ? { reportedAt: source['reportedAt'] } : {}),
  };
}

/** Circular error (metres) to location precision; 9999999 is CoT's "unknown". */
function precisionOfCe(ce: number): 'exact' | 'near' | 'commune' | 'department' {
  if (!Number.isFinite(ce) || ce >= 9_999_999) return 'near';
  if (ce <= 100) return 'exact';
  if (ce <= 1_000) return 'near';
  if (ce <= 10_000) return 'commune';
  return 'department';
}

const CE_OF_PRECISION = { exact: 10, near: 500, commune: 5_000, department: 50_000 } as const;
const STALE_AFTER_MS = 24 * 3_600_000;

/** Writes CoT XML: an <events> root holding one <event> per incident. */
export async function* writeCot(incidents: AsyncIterable<ExportableIncident>): AsyncGenerator<string> {
  yield '<?xml version="1.0" encoding="UTF-8"?>\n<events>\n';
  for await (const incident of incidents) yield eventXml(incident);
  yield '</events>\n';
}

function eventXml(incident: ExportableIncident): string {
  const time = incident.reportedAt;
  const stale = new Date(Math.max(Date.parse(time), Date.parse(incident.occurredAt)) + STALE_AFTER_MS).toISOString();
  const label = incident.releasableTo.length > 0 ? { caveat: incident.classification, releaseableTo: incident.releasableTo.join(',') } : { caveat: incident.classification };
  const location = incident.location;
  const konbit = {
    id: incident.id, type: incident.type, title: incident.title, occurredPrecision: incident.occurredPrecision, locationPrecision: location.precision,
    placeName: location.placeName, killed: incident.counts.killed, injured: incident.counts.injured, abducted: incident.counts.abducted,
    displaced: incident.counts.displaced, tags: incident.tags.join('; '), external: incident.external ? `${incident.external.system}:${incident.external.id}` : undefined,
    illustrative: incident.illustrative ? 'yes' : undefined, owner: incident.owner, verification: incident.verification,
  };
  return [
    `  <event${attributes({ version: '2.0', uid: externalIdFor(incident, 'cot'), type: INCIDENT_TYPES[incident.type].cot, time, start: incident.occurredAt, stale, how: 'h-e', ...label })}>\n`,
    `    <point${attributes({ lat: location.lat, lon: location.lon, hae: '9999999.0', ce: CE_OF_PRECISION[location.precision], le: '9999999.0' })}/>\n`,
    '    <detail>\n',
    `      <remarks>${escapeXml(incident.description)}</remarks>\n`,
    `      <konbit${attributes(konbit)}>\n`,
    ...incident.actors.map((actor) => `        <actor${attributes({ name: actor.name, role: actor.role, kind: actor.kind })}/>\n`),
    ...incident.sources.map((s) => `        <source${attributes({ name: s.name, url: s.url, reliability: s.reliability, credibility: s.credibility, reportedAt: s.reportedAt })}/>\n`),
    '      </konbit>\n',
    '    </detail>\n',
    '  </event>\n',
  ].join('');
}

function attributes(values: Record<string, string | number | undefined>): string {
  return Object.entries(values)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeXml(String(value))}"`)
    .join('');
}

/** Escapes text for XML, and drops the control characters XML 1.0 cannot hold. */
export function escapeXml(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex -- removing exactly those characters
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
    .replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

