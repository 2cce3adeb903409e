/*
 * The browser tests' harness: the real Konbit server as a child process on a
 * free port, with a fresh SQLite database and the demo mission, and Debian's
 * Chromium driven headless by playwright-core (never a downloaded browser),
 * with software WebGL so that MapLibre draws.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** The parts of the web app's MapLibre map (window.konbitMap) the tests use; the test code has no DOM types. */
interface RenderedFeature {
  properties: Record<string, unknown>;
  geometry: { coordinates: [number, number] };
}
interface TestMap {
  getLayer(id: string): unknown;
  once(event: 'idle', listener: () => void): unknown;
  triggerRepaint(): void;
  queryRenderedFeatures(options: { layers: string[] }): RenderedFeature[];
  getSource(id: string): unknown;
  jumpTo(options: { center: [number, number]; zoom: number }): unknown;
  project(lngLat: [number, number]): { x: number; y: number };
  getContainer(): { getBoundingClientRect(): { left: number; top: number } };
}
type TestWindow = { konbitMap?: TestMap };

const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const SCREENSHOTS = path.join(ROOT, 'test-results', 'e2e');
export const DEMO_PASSWORD = 'konbit-e2e-demo-password';
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--enable-unsafe-swiftshader',
  '--use-angle=swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export interface KonbitServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts `konbit serve` on a free port, and waits for /readyz: over a new data folder, removed
 * when it stops, or over the one given (a bench's), which is kept.
 */
export async function startServer({ dataDir: given }: { dataDir?: string } = {}): Promise<KonbitServer> {
  if (!existsSync(path.join(ROOT, 'web', 'dist', 'index.html'))) throw new Error('web/dist is missing: run `npm run build:web` first');
  const dataDir = given ?? mkdtempSync(path.join(tmpdir(), 'konbit-e2e-'));
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'konbit.js'), 'serve'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', KONBIT_DATA_DIR: dataDir, KONBIT_DEMO_PASSWORD: DEMO_PASSWORD, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start within 90 s:\n${output}`)), 90_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (/listening on http/.test(output)) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${port}`);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with ${code}:\n${output}`));
    });
  });
  await waitForReady(url);
  return { url, stop: () => stopChild(child, given ? null : dataDir) };
}

/** A port nobody listens on now (the server is told it, as PORT=0 would not say which it got). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}

async function waitForReady(url: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const ok = await fetch(`${url}/readyz`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url}/readyz did not answer ready within 60 s`);
}

async function stopChild(child: ChildProcess, dataDir: string | null): Promise<void> {
  if (child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}

/** Debian's Chromium, headless, with a fresh profile. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

export async function newContext(browser: Browser, viewport = { width: 1280, height: 800 }): Promise<BrowserContext> {
  return browser.newContext({ viewport, locale: 'en-GB', timezoneId: 'America/Port-au-Prince' });
}

/** Signs in through the sign-in page and waits for the operational picture's map to be idle. */
export async function signIn(page: Page, baseUrl: string, username: string): Promise<void> {
  await page.goto(baseUrl);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('user-name').waitFor();
}

/**
 * Resolves on the map's next 'idle' event: everything loaded and drawn. On the operational
 * picture, first waits until the incidents drawn are those of the filter chosen.
 */
export async function mapIdle(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const map = (globalThis as unknown as TestWindow).konbitMap;
      const state = (globalThis as unknown as { document: { querySelector(s: string): { getAttribute(a: string): string | null } | null } }).document
        .querySelector('[data-testid=map]')
        ?.getAttribute('data-incidents');
      return map?.getLayer('incidents-points') !== undefined && state !== 'loading';
    },
    undefined,
    { timeout: 30_000 },
  );
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const map = (globalThis as unknown as TestWindow).konbitMap!;
        map.once('idle', () => resolve());
        map.triggerRepaint();
      }),
  );
}

export interface Rendered {
  /** Incidents drawn: single points plus the counts of the clusters drawn. */
  total: number;
  /** Ids of the single points drawn. */
  pointIds: string[];
}

/** What the map actually drew, from queryRenderedFeatures (not the DOM). */
export async function renderedIncidents(page: Page): Promise<Rendered> {
  await mapIdle(page);
  return page.evaluate(() => {
    const map = (globalThis as unknown as TestWindow).konbitMap!;
    const points = map.queryRenderedFeatures({ layers: ['incidents-points'] });
    const clusters = map.queryRenderedFeatures({ layers: ['incidents-clusters'] });
    const pointIds = [...new Set(points.map((f) => String(f.properties.id)))];
    const clustered = new Map(clusters.map((f) => [f.properties.cluster_id as number, f.properties.point_count as number]));
    return { total: pointIds.length + [...clustered.values()].reduce((a, b) => a + b, 0), pointIds };
  });
}

/** Where an incident is, as the page's user reads it from the API. */
export async function incidentLocation(page: Page, id: string): Promise<[number, number]> {
  return page.evaluate(async (wanted) => {
    const response = await fetch(`/api/v1/incidents/${encodeURIComponent(wanted)}`);
    if (!response.ok) throw new Error(`incident ${wanted}: ${response.status}`);
    const { location } = (await response.json()) as { location: { lon: number; lat: number } };
    return [location.lon, location.lat] as [number, number];
  }, id);
}

/**
 * Ids of the incidents the map draws around a point: it is brought into view at street zoom,
 * where every incident is drawn on its own, and the points drawn are read back.
 */
export async function incidentIdsOnMap(page: Page, at: [number, number]): Promise<string[]> {
  await mapIdle(page);
  await page.evaluate((center) => (globalThis as unknown as TestWindow).konbitMap!.jumpTo({ center, zoom: 16 }), at);
  await mapIdle(page);
  return page.evaluate(() => {
    const map = (globalThis as unknown as TestWindow).konbitMap!;
    return [...new Set(map.queryRenderedFeatures({ layers: ['incidents-points'] }).map((f) => String(f.properties.id)))];
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

/** Waits until the map draws this incident near the point (live updates, no reload). */
export async function waitForIncidentOnMap(page: Page, id: string, at: [number, number], timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await incidentIdsOnMap(page, at)).includes(id)) return;
    await page.waitForTimeout(250);
  }
  throw new Error(`incident ${id} did not appear on the map within ${timeoutMs} ms`);
}

/** Zooms to the incident so that it is drawn alone, and clicks where it is drawn. */
export async function clickIncident(page: Page, id: string, at: [number, number]): Promise<void> {
  await mapIdle(page);
  await page.evaluate((center) => (globalThis as unknown as TestWindow).konbitMap!.jumpTo({ center, zoom: 17 }), at);
  await mapIdle(page);
  const point = await page.evaluate((wanted) => {
    const map = (globalThis as unknown as TestWindow).konbitMap!;
    const feature = map.queryRenderedFeatures({ layers: ['incidents-points'] }).find((f) => f.properties.id === wanted);
    if (!feature) throw new Error(`incident ${wanted} is not drawn`);
    return feature.geometry.coordinates;
  }, id);
  await clickLngLat(page, point[0], point[1]);
}

/** Clicks the map at a longitude and latitude (which must be in view). */
export async function clickLngLat(page: Page, lon: number, lat: number): Promise<void> {
  const xy = await page.evaluate((lngLat) => {
    const map = (globalThis as unknown as TestWindow).konbitMap!;
    const at = map.project(lngLat);
    const box = map.getContainer().getBoundingClientRect();
    return { x: box.left + at.x, y: box.top + at.y };
  }, [lon, lat] as [number, number]);
  await page.mouse.click(xy.x, xy.y);
}
