// The few GeoJSON (RFC 7946) shapes that core/geo reads. Inputs are typed readonly so that both
// parsed JSON and frozen data are accepted; nothing here is ever mutated.

/** A position: [longitude, latitude] in degrees (WGS 84), optionally followed by an altitude. */
export type Position = readonly number[];

/** A ring: a closed list of positions, the first repeated as the last. */
export type Ring = readonly Position[];

/** GeoJSON Polygon: the outer ring first, then any holes. */
export interface Polygon {
  readonly type: 'Polygon';
  readonly coordinates: readonly Ring[];
}

/** GeoJSON MultiPolygon: one list of rings per polygon part. */
export interface MultiPolygon {
  readonly type: 'MultiPolygon';
  readonly coordinates: readonly (readonly Ring[])[];
}

/** An area: a Polygon or a MultiPolygon. */
export type AreaGeometry = Polygon | MultiPolygon;

/** GeoJSON Feature whose geometry is an area. */
export interface AreaFeature<P = Record<string, unknown>> {
  readonly type: 'Feature';
  readonly geometry: AreaGeometry;
  readonly properties: P;
}

/** GeoJSON FeatureCollection of areas. */
export interface AreaFeatureCollection<P = Record<string, unknown>> {
  readonly type: 'FeatureCollection';
  readonly features: readonly AreaFeature<P>[];
}

/** The polygon parts of an area: one for a Polygon, one per member for a MultiPolygon. */
export function polygonParts(geometry: AreaGeometry): readonly (readonly Ring[])[] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}
