/*
 * Which map tiles the device keeps for offline use: the whole country at low
 * zoom, and the Port-au-Prince metro area down to street zoom, where patrols
 * work. Slippy-map tile numbers (the web Mercator grid of z/x/y).
 */

export interface Box {
  west: number;
  south: number;
  east: number;
  north: number;
}

export type TileId = readonly [z: number, x: number, y: number];

/** The metro area: Carrefour to Croix-des-Bouquets, Cité Soleil to Pétion-Ville. */
export const METRO: Box = { west: -72.45, south: 18.45, east: -72.2, north: 18.64 };
export const HAITI: Box = { west: -74.6, south: 17.9, east: -71.5, north: 20.2 };
/** The country up to this zoom; the metro area from the next one to the deepest. */
export const COUNTRY_UP_TO = 9;
export const METRO_UP_TO = 14;

function tileX(lon: number, z: number): number {
  return Math.floor(((lon + 180) / 360) * 2 ** z);
}

function tileY(lat: number, z: number): number {
  const rad = (lat * Math.PI) / 180;
  return Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * 2 ** z);
}

/** Every tile of zoom z that touches the box. */
export function tilesCovering(box: Box, z: number): TileId[] {
  const tiles: TileId[] = [];
  for (let x = tileX(box.west, z); x <= tileX(box.east, z); x++) {
    for (let y = tileY(box.north, z); y <= tileY(box.south, z); y++) tiles.push([z, x, y]);
  }
  return tiles;
}

/** The tiles kept offline: the country from zoom `from`, the metro area below it. */
export function offlineTiles(from = 6, countryUpTo = COUNTRY_UP_TO, metroUpTo = METRO_UP_TO): TileId[] {
  const tiles: TileId[] = [];
  for (let z = from; z <= metroUpTo; z++) tiles.push(...tilesCovering(z <= countryUpTo ? HAITI : METRO, z));
  return tiles;
}

/** A tile URL from a TileJSON template ("…/{z}/{x}/{y}.mvt?v=…"). */
export function tileUrl(template: string, [z, x, y]: TileId): string {
  return template.replace('{z}', String(z)).replace('{x}', String(x)).replace('{y}', String(y));
}
