// OpenStreetMap PBF (.osm.pbf) read one block at a time. The protobuf codecs come
// from osm-pbf-parser; the framing is ours, because that package's stream ends
// silently on a truncated file, drops non-dense nodes and throws strings.
// Reading blocks at known byte offsets lets every error say where the file broke.

import type { FileHandle } from 'node:fs/promises';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { inflate } from 'node:zlib';
import parsers from 'osm-pbf-parser/lib/parsers.js';
import { addRawWay, createRawRoadData, keepTag, type RawRoadData } from '../../../core/roads/index.ts';
import { messageOf, RoadImportError } from './errors.ts';
import { fileSize, type ReadOptions } from './source.ts';

const inflateAsync = promisify(inflate);

/** Limits from the PBF specification: larger values mean a corrupt or non-PBF file. */
const MAX_BLOB_HEADER_BYTES = 64 * 1024;
const MAX_BLOB_BYTES = 32 * 1024 * 1024;
const SUPPORTED_FEATURES = new Set(['OsmSchema-V0.6', 'DenseNodes']);

/** Where the reader is: the file's name and the byte offset of the block being read. */
interface Cursor {
  name: string;
  size: number;
  blockOffset: number;
  /** Ways numbered by the reader so far (see collectBlock). */
  madeUpWays: number;
}

/**
 * Reads an OSM PBF file into the raw road form, block by block (a block holds
 * at most 32 MiB), so memory grows with the nodes and ways kept, not the file.
 */
export async function readOsmPbf(filePath: string, options: ReadOptions = {}): Promise<RawRoadData> {
  const size = await fileSize(filePath);
  const cursor: Cursor = { name: options.name ?? path.basename(filePath), size, blockOffset: 0, madeUpWays: 0 };
  const raw = createRawRoadData();
  let handle: FileHandle;
  try {
    handle = await open(filePath, 'r');
  } catch (error) {
    throw new RoadImportError('ROADS_UNREADABLE', `cannot open ${filePath}: ${messageOf(error)}`, { file: cursor.name }, { cause: error });
  }
  options.onProgress?.({ bytesRead: 0, totalBytes: size });
  try {
    let headerSeen = false;
    while (cursor.blockOffset < size) {
      const { type, data, nextOffset } = await readBlock(handle, cursor);
      if (type === 'OSMHeader') checkHeader(data, cursor);
      else if (type === 'OSMData' && !headerSeen) throw malformed(cursor, 'data block before the OSMHeader block');
      else if (type === 'OSMData') collectBlock(data, raw, cursor);
      headerSeen ||= type === 'OSMHeader';
      cursor.blockOffset = nextOffset;
      options.onProgress?.({ bytesRead: nextOffset, totalBytes: size });
    }
  } finally {
    await handle.close();
  }
  return raw;
}

/** Reads the length-prefixed BlobHeader and Blob at the cursor, and unpacks the blob. */
async function readBlock(handle: FileHandle, cursor: Cursor): Promise<{ type: string; data: Buffer; nextOffset: number }> {
  const start = cursor.blockOffset;
  const headerLength = (await readExactly(handle, start, 4, cursor)).readUInt32BE(0);
  if (headerLength === 0 || headerLength > MAX_BLOB_HEADER_BYTES) {
    const hint = start === 0 ? ' (is this really an .osm.pbf file?)' : '';
    throw malformed(cursor, `block header length ${headerLength} is out of range${hint}`);
  }
  const headerBytes = await readExactly(handle, start + 4, headerLength, cursor);
  const header = decode(() => parsers.file.BlobHeader.decode(headerBytes), cursor, 'block header');
  if (!(header.datasize > 0 && header.datasize <= MAX_BLOB_BYTES)) {
    throw malformed(cursor, `block size ${header.datasize} is out of range`);
  }
  const blobOffset = start + 4 + headerLength;
  const blobBytes = await readExactly(handle, blobOffset, header.datasize, cursor);
  const data = await unpackBlob(blobBytes, cursor);
  return { type: header.type, data, nextOffset: blobOffset + header.datasize };
}

/** Reads exactly `length` bytes at `position`, or says the file is truncated. */
async function readExactly(handle: FileHandle, position: number, length: number, cursor: Cursor): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  let filled = 0;
  while (filled < length) {
    const { bytesRead } = await handle.read(buffer, filled, length - filled, position + filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  if (filled < length) {
    throw new RoadImportError('ROADS_MALFORMED',
      `${cursor.name} is truncated: the block at byte ${cursor.blockOffset} needs ${position + length - cursor.blockOffset} bytes ` +
      `but the file ends at byte ${cursor.size}. Was the download or copy cut short?`,
      { file: cursor.name, offset: cursor.blockOffset });
  }
  return buffer;
}

async function unpackBlob(bytes: Buffer, cursor: Cursor): Promise<Buffer> {
  const blob = decode(() => parsers.file.Blob.decode(bytes), cursor, 'block');
  if (blob.raw && blob.raw.length > 0) return blob.raw;
  if (!blob.zlib_data || blob.zlib_data.length === 0) {
    throw new RoadImportError('ROADS_UNSUPPORTED_FORMAT',
      `${cursor.name}: the block at byte ${cursor.blockOffset} is compressed with a method this reader does not support ` +
      '(only zlib and uncompressed are); re-export it with zlib, e.g. `osmium cat IN.osm.pbf -o OUT.osm.pbf`',
      { file: cursor.name, offset: cursor.blockOffset });
  }
  let data: Buffer;
  try {
    data = await inflateAsync(blob.zlib_data);
  } catch (error) {
    throw malformed(cursor, `compressed data is corrupt (${messageOf(error)})`, error);
  }
  if (blob.raw_size > 0 && data.length !== blob.raw_size) {
    throw malformed(cursor, `block unpacks to ${data.length} bytes, ${blob.raw_size} expected`);
  }
  return data;
}

function checkHeader(data: Buffer, cursor: Cursor): void {
  const header = decode(() => parsers.osm.HeaderBlock.decode(data), cursor, 'OSMHeader block');
  const unsupported = header.required_features.filter((feature) => !SUPPORTED_FEATURES.has(feature));
  if (unsupported.length > 0) {
    throw new RoadImportError('ROADS_UNSUPPORTED_FORMAT',
      `${cursor.name} requires features this reader does not support: ${unsupported.join(', ')}` +
      ' (a history or change file? import a plain extract)',
      { file: cursor.name, offset: cursor.blockOffset });
  }
}

/** Adds the nodes (dense or not) and ways of one data block; relations are not needed for routing. */
function collectBlock(data: Buffer, raw: RawRoadData, cursor: Cursor): void {
  const block = decode(() => parsers.osm.PrimitiveBlock.decode(data), cursor, 'data block');
  const strings = block.stringtable.s.map((bytes) => bytes.toString('utf8'));
  // Coordinates are (offset + granularity * value) nanodegrees; dividing by 1e9 (rather than
  // multiplying by 1e-9) gives the same double as the decimal text in an .osm file.
  const toDegrees = (offset: number, value: number): number => (offset + block.granularity * value) / 1e9;
  for (const group of block.primitivegroup) {
    if (group.dense) {
      const { id, lat, lon } = group.dense;
      if (lat.length !== id.length || lon.length !== id.length) throw malformed(cursor, 'dense nodes with unequal id, lat and lon columns');
      let nodeId = 0, nodeLat = 0, nodeLon = 0;
      for (let i = 0; i < id.length; i++) {
        nodeId += id[i] ?? 0;
        nodeLat += lat[i] ?? 0;
        nodeLon += lon[i] ?? 0;
        raw.nodes.set(nodeId, toDegrees(block.lon_offset, nodeLon), toDegrees(block.lat_offset, nodeLat));
      }
    }
    for (const node of group.nodes) {
      raw.nodes.set(node.id, toDegrees(block.lon_offset, node.lon), toDegrees(block.lat_offset, node.lat));
    }
    for (const way of group.ways) {
      const tags: Record<string, string> = {};
      way.keys.forEach((key, i) => keepTag(tags, strings[key] ?? '', strings[way.vals[i] ?? 0] ?? ''));
      let ref = 0;
      // The protobuf decoder misreads negative int64 ids (the made-up ids of editors such as
      // JOSM) as huge or wrong numbers. Such an id only labels the way, so the reader numbers
      // those ways itself, negative as the GeoJSON reader's made-up ids are.
      const id = way.id > 0 && Number.isSafeInteger(way.id) ? way.id : -++cursor.madeUpWays;
      addRawWay(raw, { id, tags, nodeIds: way.refs.map((delta) => (ref += delta)) });
    }
  }
}

/** Runs a protobuf decode, turning its bare errors into one that names the file and offset. */
function decode<T>(run: () => T, cursor: Cursor, what: string): T {
  try {
    return run();
  } catch (error) {
    throw malformed(cursor, `${what} cannot be decoded (${messageOf(error)})`, error);
  }
}

function malformed(cursor: Cursor, detail: string, cause?: unknown): RoadImportError {
  return new RoadImportError('ROADS_MALFORMED', `${cursor.name} at byte ${cursor.blockOffset}: ${detail}`,
    { file: cursor.name, offset: cursor.blockOffset }, { cause });
}
