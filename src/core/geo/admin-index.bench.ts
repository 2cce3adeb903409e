// Admin-area lookups per second: node bin/run-ts.js src/core/geo/admin-index.bench.ts
//
// Measured on the team's 2-core machine (Node 20.20, one core), best of 5 runs of 1,000,000
// lookups; the low figures are from runs with other work loading the machine (load average 6):
//   build AdminAreaIndex (570 sections, 89,515 vertices)   40–120 ms
//   random points in Haiti's bounding box (39 % on land)   1,650,000–2,550,000 lookups/s
//   random points on land only                              1,000,000–1,640,000 lookups/s
//   same land points, flatbush + ray cast over GeoJSON        190,000–390,000 lookups/s
// The banded typed-array edge lists are what make the difference (4–7× the plain ray cast).
// Target: ≥ 200,000 lookups/s.

import { readFileSync } from 'node:fs';
import Flatbush from 'flatbush';
import { dataset } from '../../../test/datasets.ts';
import { mulberry32 } from '../random.ts';
import { AdminAreaIndex } from './admin-index.ts';
import type { AreaFeatureCollection } from './geojson.ts';
import { bboxOfCoordinates } from './bbox.ts';
import { pointInPolygon } from './polygon.ts';

const POINTS = 1_000_000;
const RUNS = 5;

const load = (level: number): AreaFeatureCollection =>
  JSON.parse(readFileSync(dataset(`haiti/admin/hti-adm${level}.geojson`), 'utf8')) as AreaFeatureCollection;
const boundaries = { adm1: load(1), adm2: load(2), adm3: load(3) };

let started = performance.now();
const admin = new AdminAreaIndex(boundaries);
console.log(`build AdminAreaIndex: ${(performance.now() - started).toFixed(0)} ms`);

/** Points uniformly spread over Haiti's bounding box; with `onLand`, only those in a section. */
function points(count: number, onLand: boolean): Float64Array {
  const next = mulberry32(onLand ? 2 : 1);
  const xy = new Float64Array(count * 2);
  for (let i = 0; i < count; ) {
    const lon = -74.4804 + 2.8583 * next(), lat = 18.0221 + 2.0671 * next();
    if (onLand && admin.lookup(lon, lat) === null) continue;
    xy[i * 2] = lon;
    xy[i * 2 + 1] = lat;
    i++;
  }
  return xy;
}

/** Best lookups per second over RUNS runs of `lookup` on every point. */
function measure(name: string, xy: Float64Array, lookup: (lon: number, lat: number) => unknown): void {
  let best = 0, found = 0;
  for (let run = 0; run < RUNS; run++) {
    found = 0;
    const start = performance.now();
    for (let i = 0; i < xy.length; i += 2) if (lookup(xy[i] as number, xy[i + 1] as number) !== null) found++;
    best = Math.max(best, (xy.length / 2 / (performance.now() - start)) * 1000);
  }
  const share = ((100 * found) / (xy.length / 2)).toFixed(0);
  console.log(`${name}: ${Math.round(best).toLocaleString('en')} lookups/s (${share} % found)`);
}

const anywhere = points(POINTS, false);
const land = points(POINTS, true);
measure('random points in the bounding box', anywhere, (lon, lat) => admin.lookup(lon, lat));
measure('random points on land', land, (lon, lat) => admin.lookup(lon, lat));

// The plain way, for comparison: flatbush over feature boxes, then a ray cast over the GeoJSON rings.
started = performance.now();
const features = boundaries.adm3.features;
const tree = new Flatbush(features.length);
for (const feature of features) tree.add(...bboxOfCoordinates(feature.geometry.coordinates));
tree.finish();
const plain = (lon: number, lat: number): number | null =>
  tree.search(lon, lat, lon, lat).find((k) => pointInPolygon(lon, lat, (features[k] as (typeof features)[number]).geometry)) ?? null;
measure('on land, flatbush + ray cast over GeoJSON', land.subarray(0, 200_000), plain);
