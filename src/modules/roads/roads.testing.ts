import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Db } from '../../db/index.ts';
import { importNetwork } from './networks.service.ts';

/*
 * Small road networks for tests, written as GeoJSON and imported through the module like any
 * file. Coordinates sit in Port-au-Prince; one grid step is about 210 m.
 */

export const LON0 = -72.34;
export const LAT0 = 18.53;
export const STEP = 0.002;

type Feature = { type: 'Feature'; properties: Record<string, string>; geometry: { type: 'LineString'; coordinates: number[][] } };

const at = (x: number, y: number): number[] => [LON0 + x * STEP, LAT0 + y * STEP];
const road = (name: string, points: number[][], extra: Record<string, string> = {}): Feature =>
  ({ type: 'Feature', properties: { highway: 'residential', name, ...extra }, geometry: { type: 'LineString', coordinates: points } });

/** A point of the test grid, as a route request takes it. */
export function gridPoint(x: number, y: number): { lat: number; lon: number } {
  const [lon, lat] = at(x, y) as [number, number];
  return { lat, lon };
}

function writeCollection(features: Feature[], file: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'konbit-roads-'));
  const full = path.join(dir, file);
  writeFileSync(full, JSON.stringify({ type: 'FeatureCollection', features }));
  return full;
}

/**
 * A 5 × 3 grid: streets "Rue 0..2" run east–west (one feature per block, so a roadblock mid-block
 * cuts only that block), "Avenue 0..4" run north–south. Rue 2 is one-way eastbound.
 */
export function gridFile(): string {
  const features: Feature[] = [];
  for (let y = 0; y <= 2; y++) {
    for (let x = 0; x < 4; x++) features.push(road(`Rue ${y}`, [at(x, y), at(x + 0.5, y), at(x + 1, y)], y === 2 ? { oneway: 'yes' } : {}));
  }
  for (let x = 0; x <= 4; x++) features.push(road(`Avenue ${x}`, [at(x, 0), at(x, 1), at(x, 2)]));
  return writeCollection(features, 'grid.geojson');
}

/** Imports the grid as network `grid`. */
export async function importGrid(db: Db, name = 'grid'): Promise<void> {
  await importNetwork({ db, actor: null, filePath: gridFile(), name });
}

/**
 * `cells` separate little networks side by side: in cell k a direct road runs from A (x = 5k) to
 * B (x = 5k + 2) through its middle M, and a longer detour goes up and round. A block at M turns
 * a route from A to B onto the detour.
 */
export function ladderFile(cells: number): string {
  const features: Feature[] = [];
  for (let k = 0; k < cells; k++) {
    const x = 5 * k;
    features.push(road(`Direct ${k}`, [at(x, 0), at(x + 1, 0), at(x + 2, 0)]));
    features.push(road(`Detour ${k}`, [at(x, 0), at(x, 1), at(x + 2, 1), at(x + 2, 0)]));
  }
  return writeCollection(features, 'ladder.geojson');
}

/** Cell k of the ladder: its ends and the middle of its direct road. */
export function ladderCell(k: number): { a: { lat: number; lon: number }; b: { lat: number; lon: number }; middle: { lat: number; lon: number } } {
  return { a: gridPoint(5 * k, 0), b: gridPoint(5 * k + 2, 0), middle: gridPoint(5 * k + 1, 0) };
}
