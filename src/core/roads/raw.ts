// The raw form every road reader produces (OSM XML, OSM PBF, GeoJSON) and the
// network builder consumes: node coordinates by id, and ways as lists of node ids
// with a few tags. Readers keep only the tags the builder looks at, so a large
// extract does not hold every `source=` and `note=` in memory.

import type { SkipUnit } from './network.ts';
import { NO_HIGHWAY_REASON } from './profile.ts';

/** Tags the readers keep; every other tag is dropped while reading. */
export const KEPT_TAGS: ReadonlySet<string> = new Set([
  'highway', 'name', 'ref', 'oneway', 'junction', 'bridge', 'tunnel', 'area', 'maxspeed', 'surface',
]);

/** One way (OSM way, or one GeoJSON line) before any filtering. */
export interface RawWay {
  /** OSM way id; negative for ids made up by an editor or by the GeoJSON reader. */
  id: number;
  /** Node ids in drawing order; some may be missing from the file (dangling). */
  nodeIds: number[];
  /** Only the keys in KEPT_TAGS. */
  tags: Record<string, string>;
}

/** What a reader skipped before the builder saw it, e.g. objects deleted in JOSM. */
export interface RawSkip {
  /** Stable machine code, e.g. 'deleted-object', 'non-line-geometry'. */
  code: string;
  /** One sentence a person can act on. */
  reason: string;
  count: number;
  unit: SkipUnit;
}

/** A V8 Map holds at most 2^24 entries; a country extract has more nodes, so ids are spread over shards. */
const ID_SHARDS = 64;

/**
 * Node coordinates keyed by id, stored in growing typed arrays so that a
 * million-node extract costs a few dozen bytes a node rather than an object each.
 */
export class RawNodeTable {
  private readonly indexByIdShards = Array.from({ length: ID_SHARDS }, () => new Map<number, number>());
  private ids = new Float64Array(1024);
  private lons = new Float64Array(1024);
  private lats = new Float64Array(1024);
  private count = 0;

  /** Number of distinct node ids. */
  get size(): number {
    return this.count;
  }

  /** Adds a node; a repeated id keeps the latest coordinates, as OSM tools do. */
  set(id: number, lon: number, lat: number): void {
    const shard = this.shardOf(id);
    const existing = shard.get(id);
    if (existing !== undefined) {
      this.lons[existing] = lon;
      this.lats[existing] = lat;
      return;
    }
    if (this.count === this.lons.length) this.grow();
    this.ids[this.count] = id;
    this.lons[this.count] = lon;
    this.lats[this.count] = lat;
    shard.set(id, this.count);
    this.count += 1;
  }

  /** Dense index (0..size-1) of a node id, or undefined when the file lacks it. */
  indexOf(id: number): number | undefined {
    return this.shardOf(id).get(id);
  }

  /** Node id at a dense index. */
  idAt(index: number): number {
    return this.ids[index] ?? Number.NaN;
  }

  /** Longitude of the node at a dense index. */
  lonAt(index: number): number {
    return this.lons[index] ?? Number.NaN;
  }

  /** Latitude of the node at a dense index. */
  latAt(index: number): number {
    return this.lats[index] ?? Number.NaN;
  }

  private shardOf(id: number): Map<number, number> {
    // NaN and fractional ids (from a broken file) land in shard 0 and are simply never found.
    const shard = Number.isInteger(id) ? ((id % ID_SHARDS) + ID_SHARDS) % ID_SHARDS : 0;
    return this.indexByIdShards[shard] ?? new Map<number, number>();
  }

  private grow(): void {
    this.ids = doubled(this.ids);
    this.lons = doubled(this.lons);
    this.lats = doubled(this.lats);
  }
}

function doubled(values: Float64Array): Float64Array<ArrayBuffer> {
  const bigger = new Float64Array(values.length * 2);
  bigger.set(values);
  return bigger;
}

/** Everything a reader got out of one file. */
export interface RawRoadData {
  nodes: RawNodeTable;
  ways: RawWay[];
  /** Objects the reader itself left out, with reasons. */
  skipped: RawSkip[];
}

/** An empty raw form, for readers to fill. */
export function createRawRoadData(): RawRoadData {
  return { nodes: new RawNodeTable(), ways: [], skipped: [] };
}

/** Counts skipped objects under `code` and `reason`, creating the entry on first use. */
export function countRawSkip(skipped: RawSkip[], skip: Omit<RawSkip, 'count'>, count = 1): void {
  const entry = skipped.find((s) => s.code === skip.code && s.reason === skip.reason);
  if (entry) entry.count += count;
  else skipped.push({ ...skip, count });
}

/**
 * Adds a way, or counts it as skipped at once when it has no highway tag: in a
 * country extract most ways are buildings, and keeping them would multiply memory.
 */
export function addRawWay(raw: RawRoadData, way: RawWay): void {
  if (way.tags['highway']?.trim()) raw.ways.push(way);
  else countRawSkip(raw.skipped, { code: 'no-highway', reason: NO_HIGHWAY_REASON, unit: 'ways' });
}

/** Copies the kept tags out of any key/value source (XML attributes, PBF, GeoJSON). */
export function keepTag(tags: Record<string, string>, key: string, value: string): void {
  if (KEPT_TAGS.has(key)) tags[key] = value;
}
