import { createHash } from 'node:crypto';
import type { Db } from '../../db/index.ts';
import { AppError } from '../../shared/errors.ts';
import type { IncidentType, VerificationStatus } from '../../shared/incidents.ts';
import type { Viewer } from '../auth/index.ts';
import * as actorsRepo from './actors.repo.ts';
import { foldWords } from './text.ts';
import { buildClusterIndex, CLUSTER_MAX_ZOOM, type ClusterIndex } from './tiles.index.ts';
import { dataStamp, tilePoints, type TilePointRow } from './tiles.repo.ts';

/*
 * The map's incident tiles. The rows a reader may see under the actor and
 * area filter are read once per (visibility scope, data stamp) and kept; each
 * combination of the quick filters (type, verification, time window) gets a
 * cluster index of its own, also kept, from which tiles are cut. Two readers
 * share an entry only when visibleTo would give them the same rows: the
 * scope is exactly what visibleTo reads (organisation, mission membership).
 */

export interface TileFilter {
  types?: readonly IncidentType[] | undefined;
  verification?: readonly VerificationStatus[] | undefined;
  actors?: readonly string[] | undefined;
  area?: string | undefined;
  /** Occurred at or after (ISO-8601). */
  from?: string | undefined;
  /** Occurred before (ISO-8601). */
  to?: string | undefined;
}

export interface TileSet {
  /** Changes with the reader's scope, the data and the actor and area filter; tile URLs carry it. */
  version: string;
  /** Incidents under the actor and area filter. */
  total: number;
  /** Of those, the ones under every filter: what the tiles hold. */
  shown: number;
  /** When the first and the last of `total` occurred (ms), null when there are none. */
  minMs: number | null;
  maxMs: number | null;
  maxzoom: number;
}

interface Base {
  rows: TilePointRow[];
  minMs: number | null;
  maxMs: number | null;
}

/** The tiles go on being cut at this zoom; MapLibre overzooms them beyond. */
export const TILE_MAX_ZOOM = CLUSTER_MAX_ZOOM + 1;

/** A few entries each: readers of a few scopes moving filters about. */
const BASES_KEPT = 6;
const INDEXES_KEPT = 12;

export function scopeOf(viewer: Viewer): string {
  return `${viewer.organisationId ?? 'public'}:${viewer.isMissionMember ? 'member' : 'other'}`;
}

export class IncidentTiles {
  readonly #db: Db;
  readonly #bases = new Lru<Promise<Base>>(BASES_KEPT);
  readonly #indexes = new Lru<Promise<ClusterIndex>>(INDEXES_KEPT);

  constructor(db: Db) {
    this.#db = db;
  }

  /** The counts, the time extent and the version of the tiles for this reader and filter. */
  async describe(viewer: Viewer, filter: TileFilter): Promise<TileSet> {
    const { baseKey, version, base } = await this.#base(viewer, filter);
    const data = await base;
    const index = await this.#index(baseKey, data, filter);
    return { version, total: data.rows.length, shown: index.count, minMs: data.minMs, maxMs: data.maxMs, maxzoom: TILE_MAX_ZOOM };
  }

  /** One tile; `current` says whether `version` was the reader's current one (the caller may then cache it). */
  async tile(viewer: Viewer, filter: TileFilter, z: number, x: number, y: number, version?: string): Promise<{ bytes: Uint8Array; current: boolean }> {
    const { baseKey, version: now, base } = await this.#base(viewer, filter);
    const index = await this.#index(baseKey, await base, filter);
    return { bytes: index.tile(z, x, y) ?? new Uint8Array(0), current: version === now };
  }

  async #base(viewer: Viewer, filter: TileFilter) {
    const [stamp, actorIds] = await Promise.all([dataStamp(this.#db), this.#actorIds(filter.actors)]);
    const area = filter.area ?? '';
    const baseKey = JSON.stringify([scopeOf(viewer), stamp, actorIds ?? null, area]);
    const version = createHash('sha256').update(baseKey).digest('base64url').slice(0, 16);
    let base = this.#bases.get(baseKey);
    if (!base) {
      base = tilePoints(this.#db, viewer, { actorIds, area: filter.area }).then(summarise);
      this.#bases.set(baseKey, base);
      base.catch(() => this.#bases.delete(baseKey));
    }
    return { baseKey, version, base };
  }

  async #index(baseKey: string, base: Base, filter: TileFilter): Promise<ClusterIndex> {
    const fromMs = filter.from ? Date.parse(filter.from) : -Infinity;
    const toMs = filter.to ? Date.parse(filter.to) : Infinity;
    if (fromMs >= toMs) throw new AppError('VALIDATION_FAILED', 'from must be before to', [{ path: 'from', message: 'after to' }]);
    const types = filter.types?.length ? new Set<string>(filter.types) : null;
    const verification = filter.verification?.length ? new Set<string>(filter.verification) : null;
    const key = JSON.stringify([baseKey, types ? [...types].sort() : null, verification ? [...verification].sort() : null, fromMs, toMs]);
    let index = this.#indexes.get(key);
    if (!index) {
      const rows = base.rows.filter(
        (row) => (!types || types.has(row.type)) && (!verification || verification.has(row.verification)) && row.occurred_ms >= fromMs && row.occurred_ms < toMs,
      );
      index = Promise.resolve(buildClusterIndex(rows));
      this.#indexes.set(key, index);
    }
    return index;
  }

  /** Registry ids of the actors named, as the incidents API resolves them; undefined for no actor filter. */
  async #actorIds(actors: readonly string[] | undefined): Promise<string[] | undefined> {
    if (!actors?.length) return undefined;
    const ids = await actorsRepo.resolveIds(this.#db, [...actors, ...actors.map((name) => foldWords(name).join(' '))]);
    return ids.sort();
  }
}

function summarise(rows: TilePointRow[]): Base {
  let minMs = Infinity;
  let maxMs = -Infinity;
  for (const row of rows) {
    if (row.occurred_ms < minMs) minMs = row.occurred_ms;
    if (row.occurred_ms > maxMs) maxMs = row.occurred_ms;
  }
  return { rows, minMs: rows.length ? minMs : null, maxMs: rows.length ? maxMs : null };
}

/** A map that forgets its least recently used entry past `size`. */
class Lru<T> {
  readonly #size: number;
  readonly #entries = new Map<string, T>();
  constructor(size: number) {
    this.#size = size;
  }
  get(key: string): T | undefined {
    const value = this.#entries.get(key);
    if (value !== undefined) {
      this.#entries.delete(key);
      this.#entries.set(key, value);
    }
    return value;
  }
  set(key: string, value: T): void {
    this.#entries.delete(key);
    this.#entries.set(key, value);
    while (this.#entries.size > this.#size) this.#entries.delete(this.#entries.keys().next().value!);
  }
  delete(key: string): void {
    this.#entries.delete(key);
  }
}
