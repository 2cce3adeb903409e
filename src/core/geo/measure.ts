// Distances on the sphere. A sphere (not the WGS 84 ellipsoid) is good to ~0.5 %, which is far
// below the error of the data Konbit measures (hand-drawn areas, GPS fixes, road centre lines).

/** Mean Earth radius in metres (IUGG), the radius used by turf and most web maps. */
export const EARTH_RADIUS_METERS = 6_371_008.8;

const RADIANS = Math.PI / 180;

/** Metres along a meridian per degree of latitude (and along the equator per degree of longitude). */
export const METERS_PER_DEGREE = EARTH_RADIUS_METERS * RADIANS;

/**
 * Great-circle distance in metres between two points given in degrees, by the haversine formula
 * (stable for short distances, unlike the spherical law of cosines).
 */
export function haversineMeters(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const sinHalfDLat = Math.sin(((lat2 - lat1) * RADIANS) / 2);
  const sinHalfDLon = Math.sin(((lon2 - lon1) * RADIANS) / 2);
  const h =
    sinHalfDLat * sinHalfDLat +
    Math.cos(lat1 * RADIANS) * Math.cos(lat2 * RADIANS) * sinHalfDLon * sinHalfDLon;
  // min() guards asin against h creeping past 1 by rounding for antipodal points.
  return 2 * EARTH_RADIUS_METERS * Math.asin(Math.sqrt(Math.min(1, h)));
}

/** Degrees of longitude and latitude spanned by a distance (see {@link metersToDegrees}). */
export interface DegreeSpan {
  readonly dLon: number;
  readonly dLat: number;
}

/**
 * How many degrees of longitude and of latitude `meters` span at `latitude` (degrees): a local,
 * flat approximation, accurate for distances of a few hundred kilometres. Near the poles, where
 * a degree of longitude shrinks to nothing, `dLon` is capped at 360 (the whole circle).
 */
export function metersToDegrees(meters: number, latitude: number): DegreeSpan {
  const dLat = meters / METERS_PER_DEGREE;
  const metersPerDegreeLon = METERS_PER_DEGREE * Math.cos(latitude * RADIANS);
  const dLon = metersPerDegreeLon > 0 ? Math.min(360, meters / metersPerDegreeLon) : 360;
  return { dLon, dLat };
}

/** Length in metres of a polyline given as GeoJSON LineString coordinates ([lon, lat] positions). */
export function lineLengthMeters(coords: readonly (readonly number[])[]): number {
  let length = 0;
  for (let k = 1; k < coords.length; k++) {
    const a = coords[k - 1] as readonly number[], b = coords[k] as readonly number[];
    length += haversineMeters(a[0] as number, a[1] as number, b[0] as number, b[1] as number);
  }
  return length;
}
