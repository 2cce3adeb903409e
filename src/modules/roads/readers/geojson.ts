// Road lines from GeoJSON: LineString and MultiLineString features, from OSM
// exports of many shapes. Road class comes from a `highway` property, an OSM
// tags string (`"highway"=>"residential"` or `"highway"="residential"`, as in
// the Harvard CGA and ogr2ogr `other_tags` exports), or a `type` / `fclass`
// property (GeoMASON, Geofabrik shapefiles). Lines meeting at the same point
// (to 1e-7 degree, OSM's own precision) share a node, which is what makes a network.

import { addRawWay, countRawSkip, createRawRoadData, keepTag, KEPT_TAGS, type RawRoadData } from '../../../core/roads/index.ts';
import { messageOf, RoadImportError } from './errors.ts';
import { FeatureSplitter } from './json-features.ts';
import { readChunks, sourceName, type ByteSource, type ReadOptions } from './source.ts';

/** Reads a GeoJSON file or stream into the raw road form, one feature at a time. */
export async function readGeoJsonRoads(input: ByteSource, options: ReadOptions = {}): Promise<RawRoadData> {
  const name = sourceName(input, options);
  const collector = new GeoJsonCollector();
  const splitter = new FeatureSplitter(name, (bytes, offset) => collector.addFeature(parseJson(bytes, name, offset)));
  for await (const chunk of readChunks(input, options)) splitter.write(chunk);
  const whole = splitter.end();
  if (whole) collector.addDocument(parseJson(whole, name, 0), name);
  return collector.raw;
}

function parseJson(bytes: Buffer, name: string, offset: number): unknown {
  try {
    return JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new RoadImportError('ROADS_MALFORMED',
      `${name}: malformed GeoJSON in the ${offset === 0 ? 'document' : `feature starting at byte ${offset}`}: ${messageOf(error)}`,
      { file: name, offset }, { cause: error });
  }
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const NOT_A_FEATURE = { code: 'not-a-feature', reason: 'array element that is not a GeoJSON Feature', unit: 'features' } as const;
const BAD_COORDINATES = { code: 'invalid-coordinates', reason: 'line with a position that is not a valid [lon, lat]', unit: 'features' } as const;

/** Builds the raw form feature by feature, giving coincident vertices one node id. */
class GeoJsonCollector {
  readonly raw: RawRoadData = createRawRoadData();
  private readonly nodeIdByPosition = new Map<string, number>();
  private featureIndex = 0;

  /** A whole document that was not streamed: FeatureCollection, Feature or bare geometry. */
  addDocument(document: unknown, name: string): void {
    if (!isObject(document)) throw new RoadImportError('ROADS_UNSUPPORTED_FORMAT', `${name} is JSON but not a GeoJSON object`, { file: name });
    if (Array.isArray(document['features'])) {
      for (const feature of document['features']) this.addFeature(feature);
    } else if (document['type'] === 'Feature') {
      this.addFeature(document);
    } else if (typeof document['type'] === 'string' && 'coordinates' in document) {
      this.addFeature({ type: 'Feature', properties: {}, geometry: document });
    } else {
      throw new RoadImportError('ROADS_UNSUPPORTED_FORMAT', `${name} is JSON but not GeoJSON (no "type" of Feature, FeatureCollection or geometry)`, { file: name });
    }
  }

  addFeature(feature: unknown): void {
    this.featureIndex += 1;
    if (!isObject(feature) || feature['type'] !== 'Feature') return countRawSkip(this.raw.skipped, NOT_A_FEATURE);
    const geometry = feature['geometry'];
    const lines = lineStringsOf(geometry);
    if (!lines) {
      const kind = isObject(geometry) && typeof geometry['type'] === 'string' ? geometry['type'] : 'no';
      return countRawSkip(this.raw.skipped, { code: 'non-line-geometry', reason: `${kind} geometry: not a road line`, unit: 'features' });
    }
    const properties = isObject(feature['properties']) ? feature['properties'] : {};
    const id = wayIdOf(feature, properties) ?? -this.featureIndex;
    const tags = tagsOf(properties);
    for (const line of lines) {
      // A line that is no road (river, coastline) is counted without making nodes for it.
      const nodeIds = tags['highway'] ? this.nodeIdsOf(line) : [];
      if (nodeIds) addRawWay(this.raw, { id, nodeIds, tags });
      else countRawSkip(this.raw.skipped, BAD_COORDINATES);
    }
  }

  private nodeIdsOf(line: unknown[]): number[] | undefined {
    const nodeIds: number[] = [];
    for (const position of line) {
      if (!Array.isArray(position)) return undefined;
      const [lon, lat] = position as unknown[];
      if (typeof lon !== 'number' || typeof lat !== 'number' || Math.abs(lon) > 180 || Math.abs(lat) > 90) return undefined;
      nodeIds.push(this.nodeAt(lon, lat));
    }
    return nodeIds;
  }

  /** Node id of a position, rounded to 1e-7 degree (about 1 cm), made up (negative) on first sight. */
  private nodeAt(lon: number, lat: number): number {
    const lonE7 = Math.round(lon * 1e7);
    const latE7 = Math.round(lat * 1e7);
    const key = `${lonE7},${latE7}`;
    let id = this.nodeIdByPosition.get(key);
    if (id === undefined) {
      id = -(this.nodeIdByPosition.size + 1);
      this.nodeIdByPosition.set(key, id);
      this.raw.nodes.set(id, lonE7 / 1e7, latE7 / 1e7);
    }
    return id;
  }
}

/** The coordinate lists of a LineString or MultiLineString, or undefined for anything else. */
function lineStringsOf(geometry: unknown): unknown[][] | undefined {
  if (!isObject(geometry) || !Array.isArray(geometry['coordinates'])) return undefined;
  const coordinates = geometry['coordinates'] as unknown[];
  if (geometry['type'] === 'LineString') return [coordinates];
  if (geometry['type'] === 'MultiLineString') return coordinates.filter((line): line is unknown[] => Array.isArray(line));
  return undefined;
}

function wayIdOf(feature: JsonObject, properties: JsonObject): number | undefined {
  for (const candidate of [properties['osm_id'], properties['osm_way_id'], feature['id'], properties['id']]) {
    const id = typeof candidate === 'string' && candidate.trim() !== '' ? Number(candidate) : candidate;
    if (typeof id === 'number' && Number.isSafeInteger(id)) return id;
  }
  return undefined;
}

/** Packed OSM tags: `"k"=>"v"` (hstore, ogr2ogr other_tags) or `"k"="v"`, comma-separated. */
const PACKED_TAG = /"((?:[^"\\]|\\.)*)"\s*=>?\s*"((?:[^"\\]|\\.)*)"/g;

function unescapePacked(text: string): string {
  return text.replace(/\\(.)/g, '$1');
}

/** Road tags of a feature: packed tags first, then plain properties, which win. */
export function tagsOf(properties: JsonObject): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const packedKey of ['tags', 'other_tags']) {
    const packed = properties[packedKey];
    if (typeof packed === 'string') {
      for (const match of packed.matchAll(PACKED_TAG)) keepTag(tags, unescapePacked(match[1] ?? ''), unescapePacked(match[2] ?? ''));
    } else if (isObject(packed)) {
      for (const [key, value] of Object.entries(packed)) if (typeof value === 'string') keepTag(tags, key, value);
    }
  }
  for (const key of KEPT_TAGS) {
    const value = tagValue(key, properties[key]);
    if (value !== undefined) tags[key] = value;
  }
  if (tags['highway'] === undefined) {
    const roadClass = properties['fclass'] ?? properties['type'];
    if (typeof roadClass === 'string' && roadClass !== '') tags['highway'] = roadClass;
  }
  return tags;
}

/** A property as an OSM tag value; 1/0 and true/false flags become `yes` or nothing. */
function tagValue(key: string, value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'boolean') return value ? 'yes' : undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  const isFlag = key === 'oneway' || key === 'bridge' || key === 'tunnel' || key === 'area';
  if (!isFlag) return String(value);
  if (key === 'oneway' && value === -1) return '-1';
  return value === 0 ? undefined : 'yes';
}
