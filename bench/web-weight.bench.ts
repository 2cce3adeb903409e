// Web app weight: what a phone downloads and keeps to use Konbit offline.
// 1. The app's own JavaScript in the production build (web/dist, from `npm run build:web`; built
//    here if missing), gzip per file as a browser receives it, MapLibre's chunk and worker apart.
//    Goal: ≤ 400 kB gzip beyond MapLibre.
// 2. The offline basemap bundle: what the app's sync stores for the map without a network
//    (GET /api/v1/basemap and the basemap's vector tiles of the country to zoom 9 and of the
//    Port-au-Prince metro area from zoom 10 to 14, web/src/offline/tileList.ts), from the real
//    basemap routes over the public datasets. Cache Storage keeps the bodies decoded, so that is
//    the size on the device; the gzip size is what the sync downloads.
//    Goal: ≤ 5 MB on the device.
//   node bin/run-ts.js bench/web-weight.bench.ts [--write]
// --write puts the figures in docs/benchmarks.md under "Web app weight and offline bundle".
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { createTestDb } from '../src/db/testing.ts';
import { buildTestApp } from '../src/server/testing.ts';
import { datasetsDir } from '../test/datasets.ts';
import { offlineTiles, tileUrl } from '../web/src/offline/tileList.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const DIST = path.join(ROOT, 'web', 'dist');
const KB = 1000;
const MB = 1_000_000;
const JS_GOAL_KB = 400;
const BASEMAP_GOAL_MB = 5;

interface Weighed {
  file: string;
  raw: number;
  gzip: number;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

function weigh(file: string): Weighed {
  const bytes = readFileSync(file);
  return { file: path.relative(DIST, file), raw: bytes.length, gzip: gzipSync(bytes).length };
}

const isMapLibre = (file: string) => /(^|\/)maplibre/.test(file);
const isScript = (file: string) => /\.(m?js)$/.test(file);
const sum = (rows: readonly Weighed[], key: 'raw' | 'gzip') => rows.reduce((total, row) => total + row[key], 0);
const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} kB`;
const mb = (bytes: number) => `${(bytes / MB).toFixed(2)} MB`;

function scripts(): { own: Weighed[]; mapLibre: Weighed[] } {
  if (!existsSync(path.join(DIST, 'index.html'))) execFileSync('npm', ['run', 'build:web'], { cwd: ROOT, stdio: 'inherit' });
  const all = filesUnder(DIST).filter(isScript).map(weigh).sort((a, b) => b.gzip - a.gzip);
  return { own: all.filter((w) => !isMapLibre(w.file)), mapLibre: all.filter((w) => isMapLibre(w.file)) };
}

interface Stored {
  what: string;
  count: number;
  stored: number;
  gzip: number;
}

async function basemapBundle(): Promise<Stored[]> {
  const testDb = await createTestDb('sqlite');
  const app = await buildTestApp(testDb.db, { KONBIT_DATASETS: datasetsDir });
  const fetchBoth = async (url: string) => {
    const plain = await app.inject({ url, headers: { 'accept-encoding': 'identity' } });
    if (plain.statusCode !== 200) throw new Error(`${url}: ${plain.statusCode} ${plain.body.slice(0, 200)} (datasets in ${datasetsDir}; set KONBIT_DATASETS)`);
    const zipped = await app.inject({ url, headers: { 'accept-encoding': 'gzip' } });
    return { plain, stored: plain.rawPayload.length, gzip: zipped.headers['content-encoding'] === 'gzip' ? zipped.rawPayload.length : gzipSync(plain.rawPayload).length };
  };
  try {
    const index = await fetchBoth('/api/v1/basemap');
    const template = index.plain.json<{ tiles: string[] }>().tiles[0]!;
    const rows: Stored[] = [{ what: 'the basemap index (`/api/v1/basemap`)', count: 1, stored: index.stored, gzip: index.gzip }];
    const byZoom = new Map<number, Stored>();
    for (const tile of offlineTiles()) {
      const { stored, gzip } = await fetchBoth(tileUrl(template, tile));
      const row = byZoom.get(tile[0]) ?? { what: `tiles at zoom ${tile[0]} (${tile[0] <= 9 ? 'the country' : 'the metro area'})`, count: 0, stored: 0, gzip: 0 };
      byZoom.set(tile[0], { ...row, count: row.count + 1, stored: row.stored + stored, gzip: row.gzip + gzip });
    }
    return [...rows, ...byZoom.values()];
  } finally {
    await app.close();
    await testDb.drop();
  }
}

async function main(): Promise<void> {
  const { own, mapLibre } = scripts();
  const ownGzip = sum(own, 'gzip');
  const basemap = await basemapBundle();
  const stored = basemap.reduce((t, r) => t + r.stored, 0);
  const downloaded = basemap.reduce((t, r) => t + r.gzip, 0);
  const lines = [
    '## Web app weight and offline bundle',
    '',
    `From the production build (\`npm run build:web\`, ${own.length + mapLibre.length} script files in web/dist) and the basemap routes over the public datasets; Node ${process.version}. Sizes in kB = 1,000 bytes, gzip at zlib's default level as the server sends them.`,
    '',
    '| the app’s own JavaScript (largest files) | raw | gzip |',
    '|---|---:|---:|',
    ...own.slice(0, 6).map((w) => `| ${w.file.replace(/-[\w-]{8}\.(m?js)$/, '.$1')} | ${kb(w.raw)} | ${kb(w.gzip)} |`),
    `| ${own.length - Math.min(6, own.length)} other files (screens, the service worker) | ${kb(sum(own.slice(6), 'raw'))} | ${kb(sum(own.slice(6), 'gzip'))} |`,
    `| **all of the app’s own JavaScript** | ${kb(sum(own, 'raw'))} | **${kb(ownGzip)}** |`,
    `| MapLibre (chunk and worker, apart) | ${kb(sum(mapLibre, 'raw'))} | ${kb(sum(mapLibre, 'gzip'))} |`,
    '',
    '| offline basemap (what the device keeps) | answers | on the device | downloaded (gzip) |',
    '|---|---:|---:|---:|',
    ...basemap.map((r) => `| ${r.what} | ${r.count} | ${kb(r.stored)} | ${kb(r.gzip)} |`),
    `| **total** | ${basemap.reduce((t, r) => t + r.count, 0)} | **${mb(stored)}** | ${mb(downloaded)} |`,
    '',
    `Goals: the app’s own JavaScript ≤ ${JS_GOAL_KB} kB gzip beyond MapLibre: ${ownGzip <= JS_GOAL_KB * KB ? 'met' : 'not met'} (${kb(ownGzip)}); the offline basemap bundle ≤ ${BASEMAP_GOAL_MB} MB: ${stored <= BASEMAP_GOAL_MB * MB ? 'met' : 'not met'} (${mb(stored)} on the device, ${mb(downloaded)} to download).`,
    '',
    'Run: `node bin/run-ts.js bench/web-weight.bench.ts --write` (or `npm run bench -- --write`).',
  ];
  console.log(lines.join('\n'));
  if (process.argv.includes('--write')) writeSection(lines.join('\n'));
  if (ownGzip > JS_GOAL_KB * KB || stored > BASEMAP_GOAL_MB * MB) process.exitCode = 1;
}

/** Replaces (or appends) this bench's section of docs/benchmarks.md. */
function writeSection(section: string): void {
  const file = path.join(ROOT, 'docs', 'benchmarks.md');
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const start = current.search(/^## Web app weight and offline bundle$/m);
  const next = start < 0 ? -1 : current.indexOf('\n## ', start + 1);
  const updated = start < 0 ? `${current.trimEnd()}\n\n${section}\n` : `${current.slice(0, start)}${section}\n${next < 0 ? '' : current.slice(next)}`;
  writeFileSync(file, updated);
}

await main();
