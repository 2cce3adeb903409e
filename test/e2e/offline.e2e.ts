// Konbit offline: a patrol signs in, the app stores what it needs, the
// network goes, two reports are filed and survive a reload, and when the
// network returns each reaches the server exactly once and shows on another
// user's map. Signing out leaves nothing of the user on the device. Real
// server, real Chromium with its service worker (http://127.0.0.1 is a
// secure context), real IndexedDB and Cache Storage.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { clickIncident, clickLngLat, DEMO_PASSWORD, incidentIdsOnMap, launchBrowser, mapIdle, newContext, screenshot, signIn, startServer, type KonbitServer } from './harness.ts';

let server: KonbitServer;
let browser: Browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const INCIDENT_TITLE = `Offline report: armed men at Carrefour Aéroport ${Date.now()}`;
const ROADBLOCK_TEXT = `Offline report: burning tyres on Route de Delmas ${Date.now()}`;
const INCIDENT_AT: [number, number] = [-72.295, 18.575];
const ROADBLOCK_AT: [number, number] = [-72.31, 18.545];

interface Api {
  get<T>(path: string): Promise<T>;
  patch<T>(path: string, body: unknown): Promise<T>;
}

/** The API as a signed-in user sees it from another device: the test process, not the browser under test. */
async function apiAs(username: string): Promise<Api> {
  const login = await fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
  assert.equal(login.status, 200, await login.clone().text());
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const call = async <T>(method: string, path: string, body?: unknown) => {
    const headers: Record<string, string> = { cookie, accept: 'application/json', 'x-csrf-token': csrfToken };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${server.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    assert.equal(response.status, 200, `${method} ${path}: ${response.status} ${await response.clone().text()}`);
    return (await response.json()) as T;
  };
  return { get: (path) => call('GET', path), patch: (path, body) => call('PATCH', path, body) };
}

interface Counted {
  incidents: { id: string }[];
  roadblocks: { id: string }[];
}

/** The server's incidents and roadblocks carrying this test's texts. */
async function onServer(api: Api): Promise<Counted> {
  const incidents = await api.get<{ features: { properties: { id: string; title: string } }[] }>('/api/v1/incidents.geojson');
  const roadblocks = await api.get<{ id: string; description: string }[]>('/api/v1/roads/roadblocks');
  return {
    incidents: incidents.features.filter((f) => f.properties.title === INCIDENT_TITLE).map((f) => ({ id: f.properties.id })),
    roadblocks: roadblocks.filter((b) => b.description === ROADBLOCK_TEXT).map((b) => ({ id: b.id })),
  };
}

type Browserish = typeof globalThis & {
  navigator: { serviceWorker: { controller: unknown }; onLine: boolean };
  caches: { keys(): Promise<string[]>; open(name: string): Promise<{ keys(): Promise<{ url: string }[]> }> };
  indexedDB: { databases(): Promise<{ name?: string }[]> };
};

/** What the device holds: cache names, IndexedDB databases and the number of kept answers per data cache. */
async function deviceStorage(page: Page): Promise<{ caches: string[]; databases: string[]; kept: Record<string, number> }> {
  return page.evaluate(async () => {
    const w = globalThis as Browserish;
    const names = await w.caches.keys();
    const kept: Record<string, number> = {};
    for (const name of names) kept[name] = (await (await w.caches.open(name)).keys()).length;
    return { caches: names, databases: (await w.indexedDB.databases()).map((d) => d.name ?? ''), kept };
  });
}

async function waitForSync(page: Page, after = ''): Promise<string> {
  const handle = await page.waitForFunction(
    (previous) => {
      const el = (globalThis as unknown as { document: { querySelector(s: string): { getAttribute(a: string): string | null } | null } }).document.querySelector('[data-testid=last-sync]');
      const at = el?.getAttribute('data-synced-at') ?? '';
      return at && at !== previous ? at : null;
    },
    after,
    { timeout: 60_000 },
  );
  return (await handle.jsonValue()) as string;
}

async function reportIncident(page: Page): Promise<void> {
  await page.getByTestId('report-button').click();
  await clickLngLat(page, ...INCIDENT_AT);
  await page.getByTestId('report-type').selectOption('armed_clash');
  await page.getByTestId('report-title').fill(INCIDENT_TITLE);
  await page.getByTestId('report-injured').fill('1');
  await page.getByTestId('report-submit').click();
  await page.getByTestId('report-form').waitFor({ state: 'detached' });
}

async function reportRoadblock(page: Page): Promise<void> {
  await page.getByTestId('report-button').click();
  await clickLngLat(page, ...ROADBLOCK_AT);
  await page.getByTestId('report-what').selectOption('roadblock');
  await page.getByTestId('roadblock-description').fill(ROADBLOCK_TEXT);
  await screenshot(page, 'offline-roadblock-form');
  await page.getByTestId('report-submit').click();
  await page.getByTestId('report-form').waitFor({ state: 'detached' });
}

async function outboxCount(page: Page): Promise<number> {
  const badge = page.getByTestId('outbox-badge');
  return (await badge.count()) === 0 ? 0 : Number(await badge.getAttribute('data-count'));
}

describe('the web app offline', () => {
  let context: BrowserContext;
  let page: Page;
  let incidentId = '';

  test('installs, syncs, takes two reports offline, keeps them over a reload, and delivers each once', async (t) => {
    const observer = await apiAs('hq.analyst');
    context = await newContext(browser);
    page = await context.newPage();
    await signIn(page, server.url, 'ken.commander');
    await mapIdle(page);
    await page.waitForFunction(() => (globalThis as Browserish).navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 });
    const firstSync = await waitForSync(page);
    // A reload under the service worker lets it keep the map's own reads (basemap, incidents) too.
    await page.reload();
    await mapIdle(page);
    const synced = await waitForSync(page, firstSync);
    assert.match(await page.getByTestId('last-sync').textContent() ?? '', /^Last sync /);
    const stored = await deviceStorage(page);
    const dataCache = stored.caches.find((name) => name.startsWith('konbit-data-'));
    assert.ok(dataCache, `the user's data is kept (${stored.caches.join(', ')})`);
    assert.ok(stored.caches.includes('konbit-basemap') && stored.kept['konbit-basemap']! >= 3, 'the basemap is kept');
    assert.ok(stored.databases.some((name) => name.startsWith('konbit-user-')), 'the user has an outbox');

    await context.setOffline(true);
    await page.getByTestId('network-state').filter({ hasText: 'Offline' }).waitFor();
    await reportIncident(page);
    await reportRoadblock(page);
    assert.equal(await outboxCount(page), 2, 'both reports wait on the device');
    assert.deepEqual(await onServer(observer), { incidents: [], roadblocks: [] }, 'nothing reached the server');

    await page.reload();
    await page.getByTestId('user-name').waitFor({ timeout: 30_000 });
    await page.getByTestId('outbox-badge').waitFor();
    assert.equal(await outboxCount(page), 2, 'the reports survive a reload offline');
    assert.equal(await page.getByTestId('last-sync').getAttribute('data-synced-at'), synced, 'the header says when the data was stored');
    // The map draws the stored incidents (and the basemap) offline.
    await mapIdle(page);
    await page.waitForFunction(() => ((globalThis as unknown as { konbitMap?: { queryRenderedFeatures(o: object): unknown[] } }).konbitMap?.queryRenderedFeatures({ layers: ['incidents-points', 'incidents-clusters'] }).length ?? 0) > 0, undefined, { timeout: 30_000 });
    await page.getByTestId('outbox-badge').click();
    const items = page.getByTestId('outbox-item');
    assert.equal(await items.count(), 2);
    assert.deepEqual(await items.evaluateAll((els) => els.map((el) => (el as unknown as { dataset: { state: string; kind: string } }).dataset.state)), ['waiting', 'waiting']);
    await screenshot(page, 'offline-waiting');

    await context.setOffline(false);
    await page.getByTestId('outbox-badge').waitFor({ state: 'detached', timeout: 60_000 });
    const arrived = await onServer(observer);
    assert.equal(arrived.incidents.length, 1, 'the incident arrived once');
    assert.equal(arrived.roadblocks.length, 1, 'the roadblock arrived once');
    t.diagnostic(`delivered incident ${arrived.incidents[0]!.id}, roadblock ${arrived.roadblocks[0]!.id}`);
    incidentId = arrived.incidents[0]!.id;

    // Another user sees both on their map.
    const watcherContext = await newContext(browser);
    const watcher = await watcherContext.newPage();
    await signIn(watcher, server.url, 'hq.analyst');
    await mapIdle(watcher);
    assert.ok((await incidentIdsOnMap(watcher, INCIDENT_AT)).includes(arrived.incidents[0]!.id), 'the incident is on the other user’s map');
    await watcher.getByTestId('layer-roadblocks').check();
    await watcher.evaluate((center) => (globalThis as unknown as { konbitMap: { jumpTo(o: object): void } }).konbitMap.jumpTo({ center, zoom: 15 }), ROADBLOCK_AT);
    const blockId = arrived.roadblocks[0]!.id;
    await watcher.waitForFunction((id) => {
      const map = (globalThis as unknown as { konbitMap: { queryRenderedFeatures(o: object): { properties: { id: string } }[] } }).konbitMap;
      return map.queryRenderedFeatures({ layers: ['roadblocks'] }).some((f) => f.properties.id === id);
    }, blockId, { timeout: 30_000 });
    await screenshot(watcher, 'offline-delivered-other-user');
    await watcherContext.close();
    // Still exactly once after everything settled (no late retry).
    assert.deepEqual((await onServer(observer)).incidents.length + (await onServer(observer)).roadblocks.length, 2);
  });

  test('a correction made offline meets a newer version: both are shown, and the user keeps theirs', async () => {
    assert.ok(incidentId, 'the first test delivered an incident');
    await clickIncident(page, incidentId, INCIDENT_AT);
    await page.getByTestId('incident-details').and(page.locator(`[data-incident-id="${incidentId}"]`)).waitFor();
    await context.setOffline(true);
    await page.getByTestId('edit-open').click();
    await page.getByTestId('edit-title').fill('Armed men at Carrefour Aéroport, two vehicles (patrol)');
    await page.getByTestId('edit-save').click();
    await page.getByTestId('edit-queued').waitFor();
    assert.equal(await outboxCount(page), 1);

    // Meanwhile the same commander corrects it from a desk with a network.
    const desk = await apiAs('ken.commander');
    const theirs = await desk.patch<{ version: number; title: string }>(`/api/v1/incidents/${incidentId}`, { version: 1, changes: { title: 'Armed men at Carrefour Aéroport (desk)' } });
    assert.equal(theirs.version, 2);

    await context.setOffline(false);
    const conflict = page.getByTestId('outbox-item').and(page.locator('[data-state=conflict]'));
    await conflict.waitFor({ timeout: 60_000 }).catch(async () => {
      await page.getByTestId('outbox-badge').click();
      await conflict.waitFor({ timeout: 30_000 });
    });
    if ((await page.getByTestId('outbox-panel').count()) === 0) await page.getByTestId('outbox-badge').click();
    const title = page.getByTestId('conflict-field').and(page.locator('[data-field=title]'));
    assert.equal(await title.getByTestId('conflict-mine').textContent(), 'Armed men at Carrefour Aéroport, two vehicles (patrol)');
    assert.equal(await title.getByTestId('conflict-theirs').textContent(), 'Armed men at Carrefour Aéroport (desk)');
    const unchanged = await desk.get<{ version: number; title: string }>(`/api/v1/incidents/${incidentId}`);
    assert.deepEqual([unchanged.version, unchanged.title], [2, 'Armed men at Carrefour Aéroport (desk)'], 'nothing was overwritten unseen');
    await screenshot(page, 'offline-conflict');

    await page.getByTestId('conflict-keep-mine').click();
    await page.getByTestId('outbox-badge').waitFor({ state: 'detached', timeout: 60_000 });
    const settled = await desk.get<{ version: number; title: string }>(`/api/v1/incidents/${incidentId}`);
    assert.deepEqual([settled.version, settled.title], [3, 'Armed men at Carrefour Aéroport, two vehicles (patrol)'], 'the user’s choice, at the newer version');
  });

  test('signing out wipes the user’s stored data; the next person on the device sees none of it', async () => {
    assert.ok(page, 'the first test signed in');
    // One more report offline, so that there is an outbox to wipe.
    await context.setOffline(true);
    await reportIncident(page);
    assert.equal(await outboxCount(page), 1);
    const before = await deviceStorage(page);
    assert.ok(before.caches.some((name) => name.startsWith('konbit-data-')) && before.databases.some((name) => name.startsWith('konbit-user-')));
    // Unsent reports are deleted too: the app asks first.
    let warning = '';
    page.once('dialog', (dialog) => {
      warning = dialog.message();
      void dialog.accept();
    });
    await page.getByTestId('sign-out').click();
    await page.getByLabel('Username').waitFor();
    assert.match(warning, /1 report on this device has not been sent/);
    const left = await deviceStorage(page);
    assert.deepEqual(left.caches.filter((name) => name.startsWith('konbit-data-')), [], `no user data is kept (${left.caches.join(', ')})`);
    assert.equal(left.kept['konbit-session'] ?? 0, 0, 'the service worker no longer has a user to serve');
    assert.deepEqual(left.databases.filter((name) => name.startsWith('konbit-user-')), [], 'no outbox is kept');
    // Offline, a reload opens the sign-in page, not the previous user's picture.
    await page.reload();
    await page.getByLabel('Username').waitFor({ timeout: 30_000 });
    assert.equal(await page.getByTestId('user-name').count(), 0);
    await screenshot(page, 'offline-signed-out');
    await context.setOffline(false);

    // The next person signs in on the same device: their own store, nothing of the previous user's.
    const previous = before.caches.find((name) => name.startsWith('konbit-data-'))!;
    await page.getByLabel('Username').fill('hq.analyst');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('user-name').waitFor();
    // The sign-out made offline was finished on the server first: this is the new user's session.
    assert.equal(await page.getByTestId('user-name').textContent(), 'HQ intelligence analyst');
    await waitForSync(page);
    const next = await deviceStorage(page);
    const dataCaches = next.caches.filter((name) => name.startsWith('konbit-data-'));
    assert.equal(dataCaches.length, 1);
    assert.notEqual(dataCaches[0], previous, 'the new user’s answers are kept apart');
    assert.equal(await outboxCount(page), 0, 'the previous user’s outbox is not shown');
    await context.close();
  });
});
