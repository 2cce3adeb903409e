import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { dbTest } from '../../db/testing.ts';
import { buildOrganisation, buildUser } from '../auth/testing.ts';
import { buildTestApp } from '../../server/testing.ts';
import type { IngestResult, Proposal } from '../../shared/osint.ts';
import { FIXTURE_ARTICLE, localServer, newsFixture, serve } from './osint.testing.ts';

describe('news over HTTP', () => {
  dbTest('ingest a file, read the queue, grade the outlet, accept a proposal into the ledger', async ({ db }) => {
    const app = await buildTestApp(db);
    for (const code of ['MSS-HQ', 'KEN', 'JAM', 'BHS', 'ATG', 'USA']) await buildOrganisation(db, code, code === 'MSS-HQ' ? 'mission_hq' : 'contingent');
    const analyst = await buildUser(db, 'analyst', 'MSS-HQ', ['analyst']);
    const viewer = await buildUser(db, 'viewer', 'KEN', ['viewer']);
    const file = { kind: 'file', filename: FIXTURE_ARTICLE, contentBase64: Buffer.from(newsFixture(FIXTURE_ARTICLE)).toString('base64'), contentType: 'text/plain' };

    const refused = await app.inject({ method: 'POST', url: '/api/v1/news/articles', headers: viewer.headers, payload: { source: file, publishedOn: '2023-09-29' } });
    assert.equal(refused.statusCode, 403);
    const anonymous = await app.inject({ method: 'GET', url: '/api/v1/news/proposals' });
    assert.equal(anonymous.statusCode, 401);

    const undated = await app.inject({ method: 'POST', url: '/api/v1/news/articles', headers: analyst.headers, payload: { source: file } });
    assert.equal(undated.statusCode, 422);
    assert.equal(undated.json().error.code, 'NEWS_UNDATED');

    const created = await app.inject({ method: 'POST', url: '/api/v1/news/articles', headers: analyst.headers, payload: { source: file, publishedOn: '2023-09-29' } });
    assert.equal(created.statusCode, 201, created.body);
    const result = created.json<IngestResult>();
    assert.equal(result.proposals.length, 12);
    const again = await app.inject({ method: 'POST', url: '/api/v1/news/articles', headers: analyst.headers, payload: { source: file, publishedOn: '2023-09-29' } });
    assert.equal(again.statusCode, 200);
    assert.equal(again.json<IngestResult>().duplicate, 'same-article');

    const queue = (await app.inject({ method: 'GET', url: '/api/v1/news/proposals?kind=personnel', headers: analyst.headers })).json<Proposal[]>();
    assert.deepEqual(queue.map((p) => p.draft.kind === 'personnel' && p.draft.organisation).sort(), ['ATG', 'BHS', 'JAM', 'KEN']);

    const outlets = (await app.inject({ method: 'GET', url: '/api/v1/news/outlets', headers: analyst.headers })).json<{ id: string; name: string }[]>();
    const graded = await app.inject({ method: 'PUT', url: `/api/v1/news/outlets/${outlets[0]!.id}/grade`, headers: analyst.headers, payload: { reliability: 'B' } });
    assert.equal(graded.json().reliability, 'B');
    assert.equal(graded.json().gradedBy, 'analyst');

    const bahamas = queue.find((p) => p.draft.kind === 'personnel' && p.draft.organisation === 'BHS')!;
    const accepted = await app.inject({ method: 'POST', url: `/api/v1/news/proposals/${bahamas.id}/accept`, headers: analyst.headers, payload: { version: bahamas.version, classification: 'PUBLIC' } });
    assert.equal(accepted.statusCode, 201, accepted.body);
    const pledge = await app.inject({ method: 'GET', url: `/api/v1/ledger/pledges/${accepted.json().record.id}` });
    assert.deepEqual([pledge.json().organisation, pledge.json().officers, pledge.json().source.announcedBy], ['BHS', null, 'News report (reported by Qonversations [B])']);

    const byViewer = await app.inject({ method: 'POST', url: `/api/v1/news/proposals/${queue[0]!.id}/reject`, headers: viewer.headers, payload: { version: 1, reason: 'no' } });
    assert.equal(byViewer.statusCode, 403);
    await app.close();
  });

  dbTest('the server fetches only from the public web: a URL on the loopback address is refused', async ({ db }) => {
    const server = await localServer({ '/a': serve('<html><body><p>Kenya will send officers.</p></body></html>', 'text/html') });
    const app = await buildTestApp(db);
    try {
      await buildOrganisation(db, 'MSS-HQ', 'mission_hq');
      const analyst = await buildUser(db, 'analyst', 'MSS-HQ', ['analyst']);
      const response = await app.inject({ method: 'POST', url: '/api/v1/news/articles', headers: analyst.headers, payload: { source: { kind: 'url', url: server.url('/a') }, publishedOn: '2024-01-01' } });
      assert.equal(response.statusCode, 422);
      assert.equal(response.json().error.code, 'NEWS_ADDRESS_REFUSED');
      assert.deepEqual(server.requests, []);
      const feed = await app.inject({ method: 'POST', url: '/api/v1/news/feeds', headers: analyst.headers, payload: { url: 'ftp://example.org/feed' } });
      assert.equal(feed.statusCode, 400);
    } finally {
      await app.close();
      await server.close();
    }
  });
});
