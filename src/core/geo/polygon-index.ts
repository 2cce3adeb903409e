// Which feature of a collection of areas contains a point: flatbush over the boxes of the polygon
// parts picks the candidates, a banded ray cast (flat-polygons.ts) decides.

import Flatbush from 'flatbush';
import { flattenPolygons, partContains } from './flat-polygons.ts';
import type { FlatPolygons, PolygonPartInput } from './flat-polygons.ts';
import { polygonParts } from './geojson.ts';
import type { AreaFeature } from './geojson.ts';

/** A feature found by {@link PolygonIndex.locate}: its index in the input and its properties. */
export interface LocatedFeature<P> {
  readonly index: number;
  readonly properties: P;
}

/** Polygon parts of the features, refusing anything that is not an area with a clear message. */
function partsOf(features: readonly AreaFeature<unknown>[]): PolygonPartInput[] {
  const parts: PolygonPartInput[] = [];
  features.forEach((feature, owner) => {
    const type: unknown = feature?.geometry?.type;
    if (type !== 'Polygon' && type !== 'MultiPolygon') {
      throw new TypeError(
        `PolygonIndex: feature ${owner} has geometry ${String(type ?? feature?.geometry)}; ` +
          'give only Polygon or MultiPolygon features (filter the collection first)',
      );
    }
    for (const rings of polygonParts(feature.geometry)) if (rings.length > 0) parts.push({ owner, rings });
  });
  return parts;
}

/**
 * A static spatial index over Polygon and MultiPolygon features (holes respected) answering
 * "which feature contains this point?".
 *
 * Deterministic on boundaries: a point on an edge shared by two features belongs to the one on
 * its east (or north) side — see `pointInPolygon` — and where features overlap, the lowest index
 * wins. Build once (O(n log n) in the number of vertices), then query many times.
 */
export class PolygonIndex<P = Record<string, unknown>> {
  readonly #properties: readonly P[];
  readonly #flat: FlatPolygons;
  readonly #tree: Flatbush | null;
  // Query state for the flatbush filter, kept on the instance so that a query allocates no closure.
  #x = 0;
  #y = 0;
  #best = -1;
  readonly #keepBest = (part: number): boolean => {
    const owner = this.#flat.partOwner[part] as number;
    if ((this.#best < 0 || owner < this.#best) && partContains(this.#flat, part, this.#x, this.#y)) this.#best = owner;
    return false;
  };

  /** Indexes the features; throws a TypeError naming the first feature that is not an area. */
  constructor(features: readonly AreaFeature<P>[]) {
    this.#properties = features.map((feature) => feature.properties);
    this.#flat = flattenPolygons(partsOf(features));
    this.#tree = this.#flat.partCount > 0 ? new Flatbush(this.#flat.partCount) : null;
    if (this.#tree === null) return;
    const bounds = this.#flat.partBounds;
    for (let p = 0; p < this.#flat.partCount; p++) {
      this.#tree.add(bounds[p * 4] as number, bounds[p * 4 + 1] as number, bounds[p * 4 + 2] as number, bounds[p * 4 + 3] as number);
    }
    this.#tree.finish();
  }

  /** Number of features indexed. */
  get size(): number {
    return this.#properties.length;
  }

  /** Index of the feature containing (lon, lat), or -1; allocates nothing of its own. */
  locateIndex(lon: number, lat: number): number {
    // NaN compares false with every box, so flatbush would visit the whole tree to find nothing.
    if (this.#tree === null || Number.isNaN(lon) || Number.isNaN(lat)) return -1;
    this.#x = lon;
    this.#y = lat;
    this.#best = -1;
    this.#tree.search(lon, lat, lon, lat, this.#keepBest);
    return this.#best;
  }

  /** The feature containing (lon, lat) — its index in the input and its properties — or null. */
  locate(lon: number, lat: number): LocatedFeature<P> | null {
    const index = this.locateIndex(lon, lat);
    return index < 0 ? null : { index, properties: this.#properties[index] as P };
  }

  /** Indexes of every feature containing (lon, lat), ascending: more than one only where features overlap. */
  locateAll(lon: number, lat: number): number[] {
    if (this.#tree === null || Number.isNaN(lon) || Number.isNaN(lat)) return [];
    const owners = this.#tree
      .search(lon, lat, lon, lat, (part) => partContains(this.#flat, part, lon, lat))
      .map((part) => this.#flat.partOwner[part] as number);
    return [...new Set(owners)].sort((a, b) => a - b);
  }
}
