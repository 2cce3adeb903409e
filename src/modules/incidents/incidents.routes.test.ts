import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { dbTest } from '../../db/testing.ts';
import { buildTestApp } from '../../server/testing.ts';
import { buildIncidentInput, buildMission } from './incidents.testing.ts';

const DAYS = ['en', 'de', 'twa', 'kat', 'senk', 'sis', 'sèt'];

describe('incidents over HTTP', () => {
  dbTest('report with an Idempotency-Key, read, edit at a version, verify by another analyst, read the history', async ({ db }) => {
    const app = await buildTestApp(db);
    const { reporter, jamAnalyst, donor } = await buildMission(db);
    const input = buildIncidentInput({ actors: [{ name: 'Grand Ravine', role: 'perpetrator', kind: 'gang' }] });
    const headers = { ...reporter.headers, 'idempotency-key': 'report-0001' };
    const created = await app.inject({ method: 'POST', url: '/api/v1/incidents', headers, payload: input });
    assert.equal(created.statusCode, 201, created.body);
    const incident = created.json();
    assert.equal(incident.admin.adm2Name, 'Delmas', 'admin areas from the datasets the server was given');
    const retried = await app.inject({ method: 'POST', url: '/api/v1/incidents', headers, payload: input });
    assert.equal(retried.statusCode, 201);
    assert.equal(retried.headers['idempotent-replayed'], 'true');
    assert.equal(retried.json().id, incident.id);

    const read = await app.inject({ method: 'GET', url: `/api/v1/incidents/${incident.id}`, headers: donor.headers });
    assert.equal(read.json().reportedBy.username, null);

    const edit = (version: number) =>
      app.inject({ method: 'PATCH', url: `/api/v1/incidents/${incident.id}`, headers: reporter.headers, payload: { version, changes: { title: 'Kidnapping on Delmas 33, two taken' } } });
    assert.equal((await edit(1)).statusCode, 200);
    const stale = await edit(1);
    assert.equal(stale.statusCode, 409);
    assert.equal(stale.json().error.code, 'CONFLICT');
    assert.deepEqual(stale.json().error.details, { currentVersion: 2 });

    const own = await app.inject({ method: 'POST', url: `/api/v1/incidents/${incident.id}/verification`, headers: reporter.headers, payload: { status: 'verified' } });
    assert.equal(own.statusCode, 403, 'a reporter without the analyst role');
    const verified = await app.inject({ method: 'POST', url: `/api/v1/incidents/${incident.id}/verification`, headers: jamAnalyst.headers, payload: { status: 'verified', note: 'patrol confirmed' } });
    assert.equal(verified.statusCode, 200, verified.body);
    assert.equal(verified.json().verification.status, 'verified');

    const history = await app.inject({ method: 'GET', url: `/api/v1/incidents/${incident.id}/history`, headers: reporter.headers });
    assert.deepEqual(history.json().map((h: { action: string }) => h.action), ['create', 'update', 'verification.verified']);
    await app.close();
  });

  dbTest('bad reports are refused with the field and what is wrong', async ({ db }) => {
    const app = await buildTestApp(db);
    const { reporter, donor } = await buildMission(db);
    const post = (payload: unknown, headers: Record<string, string> = reporter.headers) => app.inject({ method: 'POST', url: '/api/v1/incidents', headers, payload: payload as object });
    const swapped = await post(buildIncidentInput({ location: { lon: 18.555, lat: -72.3 } }));
    assert.equal(swapped.statusCode, 400);
    assert.equal(swapped.json().error.code, 'VALIDATION_FAILED');
    assert.match(swapped.json().error.message, /latitude and longitude look swapped/);
    assert.deepEqual(swapped.json().error.details.map((d: { path: string }) => d.path), ['location']);
    const future = await post(buildIncidentInput({ occurredAt: '2999-01-01T00:00:00Z' }));
    assert.equal(future.statusCode, 400);
    assert.match(future.json().error.message, /occurredAt .* is in the future/);
    const unknownField = await post({ ...buildIncidentInput(), severity: 5 });
    assert.equal(unknownField.statusCode, 400);
    const badType = await post(buildIncidentInput({ type: 'riot' as 'other' }));
    assert.match(badType.json().error.message, /body\.type/);
    assert.equal((await post(buildIncidentInput(), donor.headers)).statusCode, 403);
    assert.equal((await post(buildIncidentInput(), {})).statusCode, 401);
    const noCsrf = await post(buildIncidentInput(), { cookie: reporter.headers.cookie });
    assert.equal(noCsrf.statusCode, 403);
    assert.equal(noCsrf.json().error.code, 'CSRF_FAILED');
    await app.close();
  });

  dbTest('lists take their filters as a query string and page with a cursor', async ({ db }) => {
    const app = await buildTestApp(db);
    const { reporter } = await buildMission(db);
    for (let day = 1; day <= 7; day += 1) {
      const type = day % 2 === 0 ? 'killing' : 'roadblock';
      const response = await app.inject({ method: 'POST', url: '/api/v1/incidents', headers: reporter.headers, payload: buildIncidentInput({ type, occurredAt: `2024-03-0${day}T10:00:00Z`, description: `jou ${DAYS[day - 1]}` }) });
      assert.equal(response.statusCode, 201);
    }
    const url = '/api/v1/incidents?bbox=-72.4,18.5,-72.2,18.6&from=2024-03-02T00:00:00Z&to=2024-03-07T00:00:00Z&types=killing,roadblock&limit=2';
    const first = await app.inject({ method: 'GET', url });
    assert.equal(first.statusCode, 200, first.body);
    const page1 = first.json();
    assert.deepEqual(page1.items.map((i: { occurredAt: string }) => i.occurredAt.slice(0, 10)), ['2024-03-06', '2024-03-05']);
    const second = (await app.inject({ method: 'GET', url: `${url}&cursor=${page1.nextCursor}` })).json();
    assert.deepEqual(second.items.map((i: { occurredAt: string }) => i.occurredAt.slice(0, 10)), ['2024-03-04', '2024-03-03']);
    const byText = (await app.inject({ method: 'GET', url: '/api/v1/incidents?q=jou%20tw' })).json();
    assert.equal(byText.items.length, 1);
    const badBox = await app.inject({ method: 'GET', url: '/api/v1/incidents?bbox=-72.2,18.5,-72.4,18.6' });
    assert.equal(badBox.statusCode, 400);
    assert.match(badBox.json().error.message, /west ≤ east/);
    const badType = await app.inject({ method: 'GET', url: '/api/v1/incidents?types=killing,riot' });
    assert.equal(badType.statusCode, 400);

    const layer = await app.inject({ method: 'GET', url: '/api/v1/incidents.geojson?types=killing' });
    assert.equal(layer.statusCode, 200);
    assert.match(String(layer.headers['content-type']), /application\/geo\+json/);
    assert.equal(layer.json().features.length, 3);

    const charts = await app.inject({ method: 'GET', url: '/api/v1/incidents/aggregates?from=2024-03-01T00:00:00Z&to=2024-04-01T00:00:00Z' });
    assert.equal(charts.statusCode, 200, charts.body);
    assert.equal(charts.json().totals.incidents, 7);
    const noRange = await app.inject({ method: 'GET', url: '/api/v1/incidents/aggregates' });
    assert.equal(noRange.statusCode, 400);
    await app.close();
  });

  dbTest('the actor registry lists what the reader may know of; analysts curate it', async ({ db }) => {
    const app = await buildTestApp(db);
    const { reporter, analyst, donor } = await buildMission(db);
    await app.inject({ method: 'POST', url: '/api/v1/incidents', headers: reporter.headers, payload: buildIncidentInput({ actors: [{ name: '400 Mawozo', role: 'perpetrator', kind: 'gang' }] }) });
    await app.inject({ method: 'POST', url: '/api/v1/incidents', headers: reporter.headers, payload: buildIncidentInput({ classification: 'RESTRICTED', actors: [{ name: 'Secret Baz', role: 'perpetrator' }] }) });
    const names = async (headers: Record<string, string>) => (await app.inject({ method: 'GET', url: '/api/v1/actors', headers })).json().map((a: { name: string; incidents: number }) => `${a.name}:${a.incidents}`);
    assert.deepEqual(await names(reporter.headers), ['400 Mawozo:1', 'Secret Baz:1']);
    assert.deepEqual(await names(donor.headers), ['400 Mawozo:1'], 'a name known only from a restricted report stays restricted');
    assert.equal((await app.inject({ method: 'POST', url: '/api/v1/actors', headers: reporter.headers, payload: { name: 'Viv Ansanm', kind: 'coalition' } })).statusCode, 403);
    const created = await app.inject({ method: 'POST', url: '/api/v1/actors', headers: analyst.headers, payload: { name: 'Viv Ansanm', kind: 'coalition' } });
    assert.equal(created.statusCode, 201, created.body);
    const twice = await app.inject({ method: 'POST', url: '/api/v1/actors', headers: analyst.headers, payload: { name: 'viv  ansanm', kind: 'coalition' } });
    assert.equal(twice.statusCode, 409);
    assert.deepEqual(await names(donor.headers), ['400 Mawozo:1', 'Viv Ansanm:0']);
    const renamed = await app.inject({ method: 'PATCH', url: `/api/v1/actors/${created.json().id}`, headers: analyst.headers, payload: { name: 'Viv Ansanm coalition' } });
    assert.equal(renamed.json().name, 'Viv Ansanm coalition');
    const filtered = (await app.inject({ method: 'GET', url: '/api/v1/actors?q=mawo&kind=gang' })).json();
    assert.deepEqual(filtered.map((a: { name: string }) => a.name), ['400 Mawozo']);
    await app.close();
  });

  dbTest('every incident route declares its access and appears in the API description', async ({ db }) => {
    const app = await buildTestApp(db);
    const declared = new Map(app.routeAccessTable.map((r) => [`${r.method} ${r.url}`, r.access]));
    const ours = {
      'GET /api/v1/incidents': 'public',
      'GET /api/v1/incidents.geojson': 'public',
      'GET /api/v1/incidents/aggregates': 'public',
      'POST /api/v1/incidents': ['reporter', 'analyst', 'commander'],
      'GET /api/v1/incidents/:id': 'public',
      'PATCH /api/v1/incidents/:id': ['reporter', 'analyst', 'commander'],
      'POST /api/v1/incidents/:id/verification': ['analyst'],
      'POST /api/v1/incidents/:id/merge': ['analyst'],
      'GET /api/v1/incidents/:id/history': 'public',
      'GET /api/v1/actors': 'public',
      'GET /api/v1/actors/:id': 'public',
      'POST /api/v1/actors': ['analyst'],
      'PATCH /api/v1/actors/:id': ['analyst'],
      'GET /api/v1/stream': 'public',
    };
    for (const [route, access] of Object.entries(ours)) assert.deepEqual(declared.get(route), access, route);
    const spec = (await app.inject({ method: 'GET', url: '/docs/json' })).json();
    for (const path of ['/api/v1/incidents', '/api/v1/incidents.geojson', '/api/v1/incidents/aggregates', '/api/v1/incidents/{id}/merge', '/api/v1/stream', '/api/v1/actors']) {
      assert.ok(spec.paths[path], `${path} is described`);
    }
    await app.close();
  });
});
