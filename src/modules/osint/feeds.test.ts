import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { dbTest } from '../../db/testing.ts';
import type { Db } from '../../db/index.ts';
import { addFeed, listFeeds, listProposals, PlaceIndex, pollDueFeeds, pollFeed } from './index.ts';
import { LOCAL_FETCH, localServer, serve, type Handler } from './osint.testing.ts';

const places = new PlaceIndex();

const page = (title: string, paragraphs: string[], date = '2024-06-26') =>
  `<!doctype html><html><head><title>${title}</title><meta property="og:site_name" content="Caribbean Times"><meta property="article:published_time" content="${date}T09:00:00Z"></head>
   <body><nav><a>Home</a></nav><article><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}<script>var x="Chad pledged 900 officers";</script></article>
   <aside class="related"><h3>More from Caribbean Times</h3><ul><li>Power outage in Ecuador</li></ul></aside></body></html>`;

const ARRIVAL = page('First Kenyan police officers land in Haiti', [
  'The first contingent of 400 Kenyan police officers arrived in Port-au-Prince on Tuesday, the mission said, months after the U.N. Security Council authorized the deployment.',
  'The officers are to support the Haitian National Police against gangs that control most of the capital.',
]);
const PLEDGE = page('Benin to send troops', [
  'Benin will send 2,000 soldiers to Haiti to support the mission, the government announced on Monday.',
  'The deployment awaits funding, officials said.',
]);

const rss = (items: { guid: string; link: string; date: string }[]) => `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Caribbean Times — Haiti</title>
${items.map((i) => `<item><title>${i.guid}</title><link>${i.link}</link><guid>${i.guid}</guid><pubDate>${i.date}</pubDate><description>Short summary</description></item>`).join('\n')}
</channel></rss>`;

async function count(db: Db, table: 'news_articles' | 'news_feed_items'): Promise<number> {
  return Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
}

describe('feeds', () => {
  dbTest('a poll ingests new items, asks again with the ETag, and skips what it has seen', async ({ db }) => {
    let items = [{ guid: 'arrival', link: '/arrival', date: 'Wed, 26 Jun 2024 09:00:00 GMT' }];
    let version = 1;
    const feed: Handler = (request, response) => {
      const etag = `"v${version}"`;
      if (request.headers['if-none-match'] === etag) return void response.writeHead(304).end();
      response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag }).end(rss(items.map((i) => ({ ...i, link: server.url(i.link) }))));
    };
    const server = await localServer({ '/feed.xml': feed, '/arrival': serve(ARRIVAL, 'text/html; charset=utf-8'), '/benin': serve(PLEDGE, 'text/html; charset=utf-8') });
    try {
      const added = await addFeed({ db, actor: null, input: { url: server.url('/feed.xml'), pollMinutes: 30, outlet: 'Caribbean Times' } });
      const first = await pollDueFeeds({ db, fetchPolicy: LOCAL_FETCH, places });
      assert.deepEqual(first.map((r) => [r.status, r.items, r.ingested, r.failed.length]), [['fetched', 1, 1, 0]]);
      const [stored] = await listFeeds({ db });
      assert.equal(stored!.title, 'Caribbean Times — Haiti');
      assert.ok(stored!.nextPollAt > new Date(Date.now() + 25 * 60_000).toISOString(), 'the next poll is 30 minutes on');
      assert.deepEqual(await pollDueFeeds({ db, fetchPolicy: LOCAL_FETCH, places }), [], 'not due again yet');

      const again = await pollFeed({ db, id: added.id, force: true, fetchPolicy: LOCAL_FETCH, places });
      assert.equal(again?.status, 'not-modified');
      assert.equal(server.requests.filter((r) => r.path === '/feed.xml').at(-1)!.ifNoneMatch, '"v1"');

      items = [{ guid: 'benin', link: '/benin', date: 'Thu, 27 Jun 2024 09:00:00 GMT' }, ...items];
      version = 2;
      const third = await pollFeed({ db, id: added.id, force: true, fetchPolicy: LOCAL_FETCH, places });
      assert.deepEqual([third?.status, third?.items, third?.ingested], ['fetched', 2, 1]);
      assert.equal(await count(db, 'news_articles'), 2);
      const kinds = (await listProposals({ db })).map((p) => p.draft.kind === 'milestone' ? `${p.draft.milestoneKind}:${p.draft.status}` : p.draft.kind === 'personnel' ? `${p.draft.organisation}:${p.draft.officers}` : p.kind).sort();
      assert.deepEqual(kinds, ['BEN:2000', 'authorisation:adopted', 'deployment_start:completed']);
    } finally {
      await server.close();
    }
  });

  dbTest('a feed that is not XML, declares entities, is huge or redirects forever fails clearly and stores nothing', async ({ db }) => {
    const bomb = '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><rss><channel><item><title>&b;</title></item></channel></rss>';
    const server = await localServer({
      '/html': serve('<!doctype html><html><body><p>Not a feed</p></body></html>', 'text/html'),
      '/bomb': serve(bomb, 'application/rss+xml'),
      '/huge': serve(`<rss><channel>${'<item><title>x</title><guid>y</guid></item>'.repeat(10_000)}</channel></rss>`, 'application/rss+xml'),
      '/loop': (_q, r) => r.writeHead(302, { location: '/loop' }).end(),
      '/item-fails': serve(rss([{ guid: 'gone', link: '/gone', date: 'Wed, 26 Jun 2024 09:00:00 GMT' }]).replace('/gone', 'http://127.0.0.1:1/gone'), 'application/rss+xml'),
    });
    try {
      const expectations: [string, RegExp][] = [
        ['/html', /HTML page, not an RSS or Atom feed|DOCTYPE/],
        ['/bomb', /declares a DOCTYPE/],
        ['/huge', /more than the 200000 bytes/],
        ['/loop', /redirects more than 5 times/],
      ];
      for (const [path, reason] of expectations) {
        const feed = await addFeed({ db, actor: null, input: { url: server.url(path) } });
        const report = await pollFeed({ db, id: feed.id, force: true, fetchPolicy: LOCAL_FETCH, places });
        assert.equal(report?.status, 'failed', path);
        assert.match(report!.error!, reason, path);
        assert.match((await listFeeds({ db })).find((f) => f.id === feed.id)!.lastError!, reason);
      }
      const failing = await addFeed({ db, actor: null, input: { url: server.url('/item-fails') } });
      const report = await pollFeed({ db, id: failing.id, force: true, fetchPolicy: LOCAL_FETCH, places });
      assert.deepEqual([report?.status, report?.ingested, report?.failed.length], ['fetched', 0, 1]);
      assert.match(report!.failed[0]!.reason, /could not be fetched/);
      assert.equal(await count(db, 'news_articles'), 0);
      assert.equal(await count(db, 'news_feed_items'), 1, 'the failed item is remembered with its reason, not retried forever');
    } finally {
      await server.close();
    }
  });
});
