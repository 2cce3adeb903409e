// OpenStreetMap XML (.osm, as written by JOSM, Overpass, osmium) read as a
// stream with saxes. A DOCTYPE is refused outright: OSM XML never has one, and
// refusing it means no entity is ever declared, let alone expanded, so an XML
// bomb stops at its first line.

import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { addRawWay, countRawSkip, createRawRoadData, keepTag, type RawRoadData, type RawWay } from '../../../core/roads/index.ts';
import { describeLocation, messageOf, RoadImportError, type RoadImportErrorLocation } from './errors.ts';
import { readChunks, sourceName, type ByteSource, type ReadOptions } from './source.ts';

/**
 * Reads an OSM XML file or stream into the raw road form: every node's
 * coordinates, every way's node list and road tags. Objects that JOSM marks as
 * deleted (`action="delete"`) or that are not visible are left out and counted.
 */
export async function readOsmXml(input: ByteSource, options: ReadOptions = {}): Promise<RawRoadData> {
  const name = sourceName(input, options);
  const parser = new SaxesParser({ position: true, xmlns: false });
  const collector = new OsmXmlCollector(name, () => locate(parser, name));
  parser.on('doctype', () => {
    throw new RoadImportError('ROADS_UNSUPPORTED_FORMAT',
      `${describeLocation(locate(parser, name))}: DOCTYPE declarations are refused (OSM XML has none, and entities are never expanded)`,
      locate(parser, name));
  });
  parser.on('xmldecl', (decl) => collector.checkEncoding(decl.encoding));
  parser.on('opentag', (tag) => collector.open(tag));
  parser.on('closetag', (tag) => collector.close(tag));
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of readChunks(input, options)) parser.write(decoder.decode(chunk, { stream: true }));
    parser.write(decoder.decode());
    parser.close();
  } catch (error) {
    throw asXmlError(error, locate(parser, name));
  }
  return collector.finish();
}

function locate(parser: SaxesParser, file: string): RoadImportErrorLocation {
  return { file, line: parser.line, column: parser.column + 1, offset: parser.position };
}

function asXmlError(error: unknown, location: RoadImportErrorLocation): RoadImportError {
  if (error instanceof RoadImportError) return error;
  if (error instanceof TypeError && (error as { code?: string }).code === 'ERR_ENCODING_INVALID_ENCODED_DATA') {
    return new RoadImportError('ROADS_MALFORMED', `${describeLocation(location)}: not valid UTF-8 text`, location, { cause: error });
  }
  // saxes prefixes its messages with "line:column: "; we say it in words instead.
  const detail = messageOf(error).replace(/^\d+:\d+: /, '');
  return new RoadImportError('ROADS_MALFORMED', `${describeLocation(location)}: malformed XML: ${detail}`, location, { cause: error });
}

const DELETED = { code: 'deleted-object', reason: 'object marked deleted (JOSM action="delete" or visible="false")', unit: 'objects' } as const;
const BAD_NODE = { code: 'invalid-node', reason: 'node without a valid id, lat and lon', unit: 'objects' } as const;
const BAD_WAY = { code: 'invalid-way', reason: 'way without a valid id', unit: 'ways' } as const;

/** Turns saxes element events into nodes and ways. */
class OsmXmlCollector {
  private readonly raw = createRawRoadData();
  private rootSeen = false;
  private way: RawWay | undefined;
  private wayDeleted = false;

  constructor(private readonly name: string, private readonly where: () => RoadImportErrorLocation) {}

  checkEncoding(encoding: string | undefined): void {
    if (encoding === undefined || /^utf-?8$/i.test(encoding)) return;
    const location = this.where();
    throw new RoadImportError('ROADS_UNSUPPORTED_FORMAT', `${describeLocation(location)}: encoding ${encoding} is not supported; OSM XML is UTF-8`, location);
  }

  open(tag: SaxesTagPlain): void {
    if (!this.rootSeen) return this.openRoot(tag.name);
    const attributes = tag.attributes;
    switch (tag.name) {
      case 'node': return this.openNode(attributes);
      case 'way':
        this.way = { id: numberOf(attributes['id']), nodeIds: [], tags: {} };
        this.wayDeleted = isDeleted(attributes);
        return;
      case 'nd':
        // A missing or non-numeric ref becomes NaN, which the builder counts as a dangling reference.
        this.way?.nodeIds.push(numberOf(attributes['ref']));
        return;
      case 'tag':
        if (this.way) keepTag(this.way.tags, attributes['k'] ?? '', attributes['v'] ?? '');
        return;
      default:
        return;
    }
  }

  close(tag: SaxesTagPlain): void {
    if (tag.name !== 'way' || !this.way) return;
    if (this.wayDeleted) countRawSkip(this.raw.skipped, DELETED);
    else if (!Number.isFinite(this.way.id)) countRawSkip(this.raw.skipped, BAD_WAY);
    else addRawWay(this.raw, this.way);
    this.way = undefined;
  }

  finish(): RawRoadData {
    if (!this.rootSeen) throw new RoadImportError('ROADS_EMPTY', `${this.name} has no <osm> element: there are no roads to import`, { file: this.name });
    return this.raw;
  }

  private openRoot(name: string): void {
    if (name !== 'osm') {
      const location = this.where();
      const hint = name === 'osmChange' ? ' (an osmChange diff is not a map extract)' : '';
      throw new RoadImportError('ROADS_UNSUPPORTED_FORMAT', `${describeLocation(location)}: root element is <${name}>, expected <osm>${hint}`, location);
    }
    this.rootSeen = true;
  }

  private openNode(attributes: Record<string, string>): void {
    if (isDeleted(attributes)) return countRawSkip(this.raw.skipped, DELETED);
    const id = numberOf(attributes['id']);
    const lat = numberOf(attributes['lat']);
    const lon = numberOf(attributes['lon']);
    const valid = Number.isFinite(id) && isCoordinate(lon, 180) && isCoordinate(lat, 90);
    if (!valid) return countRawSkip(this.raw.skipped, BAD_NODE);
    this.raw.nodes.set(id, lon, lat);
  }
}

function isDeleted(attributes: Record<string, string>): boolean {
  return attributes['action'] === 'delete' || attributes['visible'] === 'false';
}

/** NaN for a missing or blank attribute (Number('') would be 0). */
function numberOf(text: string | undefined): number {
  return text === undefined || text.trim() === '' ? Number.NaN : Number(text);
}

function isCoordinate(value: number, limit: number): boolean {
  return Number.isFinite(value) && Math.abs(value) <= limit;
}
