import { AppError } from '../../../shared/errors.ts';
import { INCIDENT_TYPES } from '../../../shared/incidents.ts';
import type { SecuritySection, RoadsSection } from '../../../shared/reports.ts';
import { createBasemap, type Basemap } from '../../basemap/index.ts';
import { esc, type Lang } from './format.ts';
import { AREA_STYLE, typeColor } from './style.ts';

/*
 * The map of the period, drawn on the server as SVG from Konbit's own data:
 * the communes from the COD-AB boundaries of the datasets folder (through the
 * basemap module), the main roads, the areas of control as polygons, blocked
 * roads, roadblocks and the incidents as dots — projected onto the extent of
 * Port-au-Prince. No tile server, no network.
 */

/** Port-au-Prince and its metropolitan communes, west, south, east, north. */
export const PAP_EXTENT = [-72.46, 18.48, -72.18, 18.63] as const;
const WIDTH = 900;
const MID_LAT = ((PAP_EXTENT[1] + PAP_EXTENT[3]) / 2) * (Math.PI / 180);
const HEIGHT = Math.round((WIDTH * (PAP_EXTENT[3] - PAP_EXTENT[1])) / ((PAP_EXTENT[2] - PAP_EXTENT[0]) * Math.cos(MID_LAT)));

type Position = readonly number[];
type Ring = readonly Position[];

const basemaps = new Map<string, Basemap>();
function basemapOf(datasetsDir: string | null): Basemap {
  const key = datasetsDir ?? '';
  let basemap = basemaps.get(key);
  if (!basemap) basemaps.set(key, (basemap = createBasemap({ datasetsDir })));
  return basemap;
}

interface Feature {
  properties: Record<string, string>;
  geometry: { type: string; coordinates: unknown };
}

/** A basemap layer's features, or null when its dataset is missing (the map is drawn without it). */
async function layer(datasetsDir: string | null, name: 'adm2' | 'roads'): Promise<Feature[] | null> {
  try {
    const body = await basemapOf(datasetsDir).load(name);
    return (JSON.parse(body.json.toString('utf8')) as { features: Feature[] }).features;
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') return null;
    throw error;
  }
}

const x = (lon: number) => ((lon - PAP_EXTENT[0]) / (PAP_EXTENT[2] - PAP_EXTENT[0])) * WIDTH;
const y = (lat: number) => ((PAP_EXTENT[3] - lat) / (PAP_EXTENT[3] - PAP_EXTENT[1])) * HEIGHT;
const r1 = (n: number) => Math.round(n * 10) / 10;
const inside = (lon: number, lat: number) => lon >= PAP_EXTENT[0] && lon <= PAP_EXTENT[2] && lat >= PAP_EXTENT[1] && lat <= PAP_EXTENT[3];

function ringsOf(geometry: Feature['geometry']): Ring[][] {
  if (geometry.type === 'Polygon') return [geometry.coordinates as Ring[]];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates as Ring[][];
  return [];
}

function linesOf(geometry: Feature['geometry']): Ring[] {
  if (geometry.type === 'LineString') return [geometry.coordinates as Ring];
  if (geometry.type === 'MultiLineString') return geometry.coordinates as Ring[];
  return [];
}

function touchesExtent(rings: readonly Ring[]): boolean {
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const ring of rings) for (const [lon, lat] of ring) {
    west = Math.min(west, lon!); east = Math.max(east, lon!); south = Math.min(south, lat!); north = Math.max(north, lat!);
  }
  return west <= PAP_EXTENT[2] && east >= PAP_EXTENT[0] && south <= PAP_EXTENT[3] && north >= PAP_EXTENT[1];
}

/** An SVG path through the points, dropping those that fall on the same tenth of a pixel. */
function pathOf(ring: Ring, close: boolean): string {
  let d = '';
  let last = '';
  for (const [lon, lat] of ring) {
    const point = `${r1(x(lon!))} ${r1(y(lat!))}`;
    if (point === last) continue;
    d += `${d ? 'L' : 'M'}${point}`;
    last = point;
  }
  return close ? `${d}Z` : d;
}

function polygonPath(polygons: readonly (readonly Ring[])[]): string {
  return polygons.map((rings) => rings.map((ring) => pathOf(ring, true)).join('')).join('');
}

/** Where to write a commune's name: the middle of its vertices inside the extent, if there are enough of them. */
function labelPoint(polygons: readonly (readonly Ring[])[]): [number, number] | null {
  let sumLon = 0;
  let sumLat = 0;
  let n = 0;
  let total = 0;
  for (const rings of polygons) for (const [lon, lat] of rings[0] ?? []) {
    total++;
    if (!inside(lon!, lat!)) continue;
    sumLon += lon!; sumLat += lat!; n++;
  }
  if (n < Math.max(4, total * 0.3)) return null;
  return [x(sumLon / n), y(sumLat / n)];
}

export interface MapInput {
  security: SecuritySection;
  roads: RoadsSection | null;
  lang: Lang;
  datasetsDir: string | null;
}

export interface RenderedMap {
  svg: string;
  /** Incidents drawn (inside the extent) and left out (outside it). */
  drawn: number;
  outside: number;
  boundaries: boolean;
}

export async function incidentMap({ security, roads, lang, datasetsDir }: MapInput): Promise<RenderedMap> {
  const [communes, roadLines] = await Promise.all([layer(datasetsDir, 'adm2'), layer(datasetsDir, 'roads')]);
  const parts: string[] = [];
  parts.push(`<rect width="${WIDTH}" height="${HEIGHT}" fill="#d6e6f2"/>`);
  const labels: string[] = [];
  for (const feature of communes ?? []) {
    const polygons = ringsOf(feature.geometry);
    if (!touchesExtent(polygons.flat())) continue;
    parts.push(`<path class="commune" d="${polygonPath(polygons)}"/>`);
    const at = labelPoint(polygons);
    const name = feature.properties[`name_${lang}`] || feature.properties.name_fr || feature.properties.pcode || '';
    if (at) labels.push(`<text class="commune-name" x="${r1(at[0])}" y="${r1(at[1])}">${esc(name)}</text>`);
  }
  if (!communes) parts.push(`<rect width="${WIDTH}" height="${HEIGHT}" fill="#f4f1ea"/>`);
  for (const feature of roadLines ?? []) {
    if (feature.properties.class !== 'major') continue;
    for (const line of linesOf(feature.geometry)) if (touchesExtent([line])) parts.push(`<path class="road" d="${pathOf(line, false)}"/>`);
  }
  for (const area of security.areas) {
    const style = AREA_STYLE[area.level as keyof typeof AREA_STYLE] ?? AREA_STYLE.influence;
    parts.push(`<path class="area" d="${polygonPath(ringsOf(area.geometry as Feature['geometry']))}" fill="${style.fill}" fill-opacity="${style.opacity}" stroke="${style.stroke}"${style.dash ? ` stroke-dasharray="${style.dash}"` : ''}/>`);
  }
  for (const line of roads?.blockedLines ?? []) parts.push(`<path class="blocked" d="${pathOf(line, false)}"/>`);
  for (const block of roads?.roadblocks.items ?? []) {
    if (block.state !== 'active' || !inside(block.lon, block.lat)) continue;
    const [bx, by] = [r1(x(block.lon)), r1(y(block.lat))];
    parts.push(`<path class="roadblock" d="M${bx - 4} ${by - 4}L${bx + 4} ${by + 4}M${bx - 4} ${by + 4}L${bx + 4} ${by - 4}"/>`);
  }
  parts.push(...labels);
  let drawn = 0;
  // The largest dots first, so that small ones stay visible on top.
  const dots = [...security.incidents].sort((a, b) => victims(b) - victims(a) || a.occurredAt.localeCompare(b.occurredAt));
  for (const incident of dots) {
    if (!inside(incident.lon, incident.lat)) continue;
    drawn++;
    const radius = r1(3 + Math.min(6, Math.sqrt(victims(incident))));
    const title = `${INCIDENT_TYPES[incident.type as keyof typeof INCIDENT_TYPES]?.labels[lang] ?? incident.type} — ${incident.occurredAt.slice(0, 10)}`;
    parts.push(`<circle class="incident" cx="${r1(x(incident.lon))}" cy="${r1(y(incident.lat))}" r="${radius}" fill="${typeColor(incident.type)}"><title>${esc(title)}</title></circle>`);
  }
  parts.push(scaleBar());
  const svg = `<svg class="map" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" preserveAspectRatio="xMidYMid meet"><defs><clipPath id="map-frame"><rect width="${WIDTH}" height="${HEIGHT}"/></clipPath></defs><g clip-path="url(#map-frame)">${parts.join('')}</g><rect class="frame" width="${WIDTH}" height="${HEIGHT}"/></svg>`;
  return { svg, drawn, outside: security.incidents.length - drawn, boundaries: communes !== null };
}

function victims(incident: SecuritySection['incidents'][number]): number {
  return incident.killed + incident.injured + incident.abducted;
}

/** A 5 km bar in the lower left corner. */
function scaleBar(): string {
  const metersPerDegree = 111_320 * Math.cos(MID_LAT);
  const pixels = (5000 / metersPerDegree / (PAP_EXTENT[2] - PAP_EXTENT[0])) * WIDTH;
  const [x0, y0] = [16, HEIGHT - 18];
  return `<g class="scale"><rect x="${x0 - 6}" y="${y0 - 18}" width="${r1(pixels + 28)}" height="30" fill="#fff" fill-opacity="0.8"/><path d="M${x0} ${y0}H${r1(x0 + pixels)}M${x0} ${y0 - 5}V${y0}M${r1(x0 + pixels)} ${y0 - 5}V${y0}" stroke="#222" stroke-width="1.5" fill="none"/><text x="${x0}" y="${y0 - 8}">0</text><text x="${r1(x0 + pixels)}" y="${y0 - 8}" text-anchor="middle">5 km</text></g>`;
}
