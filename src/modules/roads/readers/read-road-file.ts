// One entry point for `konbit roads import FILE`: pick the reader from the file
// name, check the content agrees, read with progress, and build the network.

import { open } from 'node:fs/promises';
import path from 'node:path';
import {
  buildRoadNetwork, type BuiltRoadNetwork, type RawRoadData, type SkipEntry, type SpeedProfile,
} from '../../../core/roads/index.ts';
import { RoadImportError } from './errors.ts';
import { readGeoJsonRoads } from './geojson.ts';
import { readOsmPbf } from './osm-pbf.ts';
import { readOsmXml } from './osm-xml.ts';
import { fileSize, type ReadOptions } from './source.ts';

/** The formats the readers understand. */
export type RoadFileFormat = 'osm-xml' | 'osm-pbf' | 'geojson';

const FORMAT_LABELS: Record<RoadFileFormat, string> = {
  'osm-xml': 'OSM XML', 'osm-pbf': 'OSM PBF', geojson: 'GeoJSON',
};
const EXTENSIONS: ReadonlyArray<[suffix: string, format: RoadFileFormat]> = [
  ['.osm.pbf', 'osm-pbf'], ['.pbf', 'osm-pbf'], ['.osm', 'osm-xml'], ['.xml', 'osm-xml'],
  ['.geojson', 'geojson'], ['.json', 'geojson'],
];

/** The format a file name implies, or undefined for an unknown extension. */
export function formatFromFileName(fileName: string): RoadFileFormat | undefined {
  const lower = fileName.toLowerCase();
  return EXTENSIONS.find(([suffix]) => lower.endsWith(suffix))?.[1];
}

/** Guesses the format from the first bytes: '<' is XML, '{' or '[' JSON, a small length then "OSMHeader" PBF. */
export function sniffFormat(head: Uint8Array): RoadFileFormat | undefined {
  const text = Buffer.from(head).toString('latin1');
  if (text.length >= 8 && head[0] === 0 && text.includes('OSMHeader')) return 'osm-pbf';
  const first = text.replace(/^\u00ef\u00bb\u00bf/, '').trimStart()[0];
  if (first === '<') return 'osm-xml';
  if (first === '{' || first === '[') return 'geojson';
  return undefined;
}

/**
 * Reads a road file (.osm, .osm.pbf / .pbf, .geojson / .json) into the raw form,
 * choosing the reader by extension. Refuses an unknown extension, a content that
 * is plainly another format, and a file without a single way or line.
 */
export async function readRoadFile(filePath: string, options: ReadOptions = {}): Promise<RawRoadData> {
  const name = options.name ?? path.basename(filePath);
  const format = formatFromFileName(filePath);
  if (!format) {
    const supported = EXTENSIONS.map(([suffix]) => suffix).join(', ');
    throw new RoadImportError('ROADS_UNSUPPORTED_FORMAT', `${name}: unknown road file type; supported: ${supported}`, { file: name });
  }
  await fileSize(filePath);
  const sniffed = sniffFormat(await readHead(filePath));
  if (sniffed && sniffed !== format) {
    throw new RoadImportError('ROADS_UNSUPPORTED_FORMAT',
      `${name} is named like ${FORMAT_LABELS[format]} but its content is ${FORMAT_LABELS[sniffed]}; rename it with the right extension`,
      { file: name });
  }
  const raw = await READERS[format](filePath, options);
  if (raw.ways.length === 0) {
    const withoutHighway = raw.skipped.find((skip) => skip.code === 'no-highway')?.count ?? 0;
    const detail = withoutHighway > 0 ? `none of its ${withoutHighway} ways or lines has a highway tag` : 'it holds no ways or lines at all';
    throw new RoadImportError('ROADS_EMPTY', `${name} has no roads to import: ${detail}`, { file: name });
  }
  return raw;
}

const READERS: Record<RoadFileFormat, (filePath: string, options: ReadOptions) => Promise<RawRoadData>> = {
  'osm-xml': readOsmXml,
  'osm-pbf': readOsmPbf,
  geojson: readGeoJsonRoads,
};

async function readHead(filePath: string): Promise<Uint8Array> {
  const handle = await open(filePath, 'r');
  try {
    const head = Buffer.alloc(64);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Options of importRoadNetwork. */
export interface ImportRoadNetworkOptions extends ReadOptions {
  profile?: SpeedProfile;
}

/**
 * Reads a road file and builds its routable network with the import report.
 * Throws ROADS_EMPTY, saying what was skipped, when no drivable road remains.
 */
export async function importRoadNetwork(filePath: string, options: ImportRoadNetworkOptions = {}): Promise<BuiltRoadNetwork> {
  const raw = await readRoadFile(filePath, options);
  const built = buildRoadNetwork(raw, options.profile ? { profile: options.profile } : {});
  if (built.network.edgeCount === 0) {
    const name = options.name ?? path.basename(filePath);
    throw new RoadImportError('ROADS_EMPTY',
      `${name} has no drivable road: all ${built.report.waysRead} ways were skipped (${describeSkips(built.report.skipped)})`,
      { file: name });
  }
  return built;
}

/** "highway=footway: … — 12 ways; no highway tag … — 3 ways", the three biggest reasons. */
export function describeSkips(skipped: readonly SkipEntry[], limit = 3): string {
  const shown = skipped.slice(0, limit).map((skip) => `${skip.reason} — ${skip.count} ${skip.unit}`);
  if (skipped.length > limit) shown.push(`${skipped.length - limit} more reasons`);
  return shown.join('; ');
}
