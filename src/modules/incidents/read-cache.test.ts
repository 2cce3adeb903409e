import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { describe } from 'node:test';
import { IncidentFeatureCollection } from '../../shared/incidents.ts';
import { dbTest } from '../../db/testing.ts';
import { buildTestApp } from '../../server/testing.ts';
import { buildUser } from '../auth/testing.ts';
import { buildIncidentInput, buildMission } from './incidents.testing.ts';
import { incidentsGeoJson, incidentsGeoJsonText } from './query.service.ts';

/*
 * Incident reads are answered from a cache per query and visibility scope, dropped on every
 * incident write: these tests hold it to being invisible except in speed.
 */

const LIST = '/api/v1/incidents?bbox=-72.4,18.5,-72.2,18.6&limit=50';
const MAP = '/api/v1/incidents.geojson?bbox=-72.4,18.5,-72.2,18.6';

describe('cached incident reads', () => {
  dbTest('a write shows in the next read; an unchanged answer is a 304 to a client that holds it', async ({ db }) => {
    const app = await buildTestApp(db);
    const { reporter } = await buildMission(db);
    const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers: { ...reporter.headers, ...headers } });
    for (const url of [LIST, MAP]) {
      const first = await get(url);
      assert.equal(first.statusCode, 200);
      const etag = first.headers.etag as string;
      assert.ok(etag);
      const again = await get(url, { 'if-none-match': etag });
      assert.equal(again.statusCode, 304);
      assert.equal(again.body, '');

      const posted = await app.inject({ method: 'POST', url: '/api/v1/incidents', headers: reporter.headers, payload: buildIncidentInput() });
      assert.equal(posted.statusCode, 201, posted.body);
      const after = await get(url, { 'if-none-match': etag });
      assert.equal(after.statusCode, 200, 'the write changed the answer');
      assert.notEqual(after.headers.etag, etag);
      const ids = url === LIST ? after.json().items.map((i: { id: string }) => i.id) : after.json().features.map((f: { id: string }) => f.id);
      assert.ok(ids.includes(posted.json().id), 'the new incident is in the next read');
    }
    await app.close();
  });

  dbTest('a reader never gets an answer cached for another visibility scope', async ({ db }) => {
    const app = await buildTestApp(db);
    const { reporter, jamAnalyst, donor } = await buildMission(db);
    const kenCommander = await buildUser(db, 'ken.commander', 'KEN', ['commander']);
    for (const classification of ['PUBLIC', 'MISSION', 'RESTRICTED'] as const) {
      const posted = await app.inject({ method: 'POST', url: '/api/v1/incidents', headers: reporter.headers, payload: buildIncidentInput({ classification, title: `${classification} report` }) });
      assert.equal(posted.statusCode, 201, posted.body);
    }
    const titles = async (headers: Record<string, string>) => {
      const response = await app.inject({ method: 'GET', url: LIST, headers });
      assert.equal(response.statusCode, 200);
      return response.json().items.map((i: { title: string }) => i.title).sort();
    };
    // The owner reads first, so that its answer is in the cache when the others ask the same URL.
    assert.deepEqual(await titles(reporter.headers), ['MISSION report', 'PUBLIC report', 'RESTRICTED report']);
    assert.deepEqual(await titles(jamAnalyst.headers), ['MISSION report', 'PUBLIC report']);
    assert.deepEqual(await titles(donor.headers), ['PUBLIC report']);
    assert.deepEqual(await titles({}), ['PUBLIC report']);
    assert.deepEqual(await titles(kenCommander.headers), ['MISSION report', 'PUBLIC report', 'RESTRICTED report']);
    // And in the other order: the public's answer, cached, is not given to the owner.
    await app.inject({ method: 'POST', url: '/api/v1/incidents', headers: reporter.headers, payload: buildIncidentInput({ classification: 'RESTRICTED', title: 'second RESTRICTED report' }) });
    assert.deepEqual(await titles({}), ['PUBLIC report']);
    assert.deepEqual(await titles(reporter.headers), ['MISSION report', 'PUBLIC report', 'RESTRICTED report', 'second RESTRICTED report']);
    // Usernames are redacted per reader: the owner's colleagues see them, the others do not.
    const item = async (headers: Record<string, string>) => (await app.inject({ method: 'GET', url: LIST, headers })).json().items[0];
    assert.equal((await item(reporter.headers)).reportedBy.username, 'ken.reporter');
    assert.equal((await item(jamAnalyst.headers)).reportedBy.username, null);
    await app.close();
  });

  dbTest('a cached answer is sent only for its exact URL: any other query is validated, and refused when invalid', async ({ db }) => {
    const app = await buildTestApp(db);
    const { reporter } = await buildMission(db);
    await app.inject({ method: 'POST', url: '/api/v1/incidents', headers: reporter.headers, payload: buildIncidentInput({ classification: 'RESTRICTED' }) });
    const get = (url: string, headers: Record<string, string> = reporter.headers) => app.inject({ method: 'GET', url, headers });
    assert.equal((await get(LIST)).json().items.length, 1);
    for (const url of [`${LIST}&limit=0`, `${LIST}&limit=5000`, `${LIST}&unknown=1`, LIST.replace('bbox=-72.4', 'bbox=x')]) {
      const refused = await get(url);
      assert.equal(refused.statusCode, 400, url);
      assert.equal(refused.json().error.code, 'VALIDATION_FAILED', url);
    }
    // A cookie that opens no session reads as the public, which may not see the restricted report.
    const forged = await get(LIST, { cookie: `konbit_session=${'A'.repeat(43)}` });
    assert.equal(forged.statusCode, 200);
    assert.deepEqual(forged.json().items, []);
    await app.close();
  });

  dbTest('gzip is sent to clients that accept it, and the map layer text is the document the service builds', async ({ db }) => {
    const app = await buildTestApp(db);
    const { reporter } = await buildMission(db);
    for (let i = 0; i < 12; i += 1) {
      await app.inject({ method: 'POST', url: '/api/v1/incidents', headers: reporter.headers, payload: buildIncidentInput({ title: `Report "${i}" \\ à Delmas` }) });
    }
    const plain = await app.inject({ method: 'GET', url: MAP, headers: reporter.headers });
    const zipped = await app.inject({ method: 'GET', url: MAP, headers: { ...reporter.headers, 'accept-encoding': 'gzip' } });
    assert.equal(zipped.headers['content-encoding'], 'gzip');
    assert.equal(gunzipSync(zipped.rawPayload).toString('utf8'), plain.body);
    assert.match(String(plain.headers['content-type']), /application\/geo\+json/);

    const filter = { bbox: [-72.4, 18.5, -72.2, 18.6] as [number, number, number, number], types: ['kidnapping' as const] };
    const text = await incidentsGeoJsonText({ db, viewer: reporter.actor, filter, limit: 5 });
    const document = await incidentsGeoJson({ db, viewer: reporter.actor, filter, limit: 5 });
    assert.equal(text, JSON.stringify(IncidentFeatureCollection.encode(document)));
    assert.equal(document.features.length, 5);
    assert.equal(document.truncated, true);
    assert.equal(plain.body, await incidentsGeoJsonText({ db, viewer: reporter.actor, filter: { bbox: filter.bbox }, limit: 5000 }));
    await app.close();
  });
});
