import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import iconv from 'iconv-lite';
import { FIXTURE_ARTICLE, LOCAL_FETCH, localServer, newsFixture, serve, type LocalServer } from '../osint.testing.ts';
import { decodeText } from './decode.ts';
import { parseFeed } from './feed.ts';
import { DEFAULT_FETCH_POLICY, fetchLimited } from './fetch.ts';
import { readHtml } from './html.ts';
import { detectLanguage } from './language.ts';
import { readPlainText } from './plain-text.ts';

const rejects = (body: () => unknown, code: string, message: RegExp) => assert.throws(body, (error: { code?: string; message?: string }) => error.code === code && message.test(error.message ?? ''));

describe('plain text and its furniture', () => {
  test('the fixture: headline, body, and the caption, credit and "More from" list dropped', () => {
    const article = readPlainText(newsFixture(FIXTURE_ARTICLE));
    assert.equal(article.title, 'Kenya to lead multinational police force in Haiti');
    assert.equal(article.outletHint, 'Qonversations');
    assert.equal(article.paragraphs.length, 6);
    assert.ok(article.paragraphs[0]!.startsWith('Kenya extended an offer'));
    assert.ok(article.paragraphs.at(-1)!.startsWith('Gang violence has been on the rise'));
    for (const furniture of ['shutterstock 288169154 Large', 'Nairobi, Kenya', 'Is this the end of Macronism?', 'Sudan accuses UAE of increasing civil war with arms supplies']) {
      assert.ok(article.dropped.includes(furniture), furniture);
    }
  });
});

describe('encodings', () => {
  const french = 'Le Bénin enverra des policiers en Haïti à la fin août.';
  test('UTF-8, a declared Latin-1, a UTF-16 file with its byte-order mark', () => {
    assert.equal(decodeText(Buffer.from(french)).text, french);
    assert.equal(decodeText(iconv.encode(french, 'latin1'), { contentType: 'text/plain; charset=ISO-8859-1' }).text, french);
    assert.equal(decodeText(Buffer.concat([Buffer.from('<html><head><meta charset="windows-1252"></head><body>'), iconv.encode(french, 'win1252')])).text.includes(french), true);
    assert.equal(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(french, 'utf16le')])).text, french);
    assert.equal(decodeText(iconv.encode(french, 'latin1'), { encoding: 'windows-1252' }).text, french);
  });

  test('undeclared non-UTF-8, unknown encodings and binary files are refused with what to do', () => {
    rejects(() => decodeText(iconv.encode(french, 'latin1')), 'NEWS_UNREADABLE', /not UTF-8 \(byte 0xe9 at offset 4\) and declares no encoding: give its encoding/);
    rejects(() => decodeText(Buffer.from('abc'), { contentType: 'text/html; charset=klingon-8' }), 'NEWS_UNREADABLE', /"klingon-8", which Konbit does not know/);
    rejects(() => decodeText(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d])), 'NEWS_UNREADABLE', /binary file/);
  });
});

describe('HTML pages', () => {
  const page = (body: string, head = '') => `<!doctype html><html lang="en"><head><title>Kenya to lead force | Caribbean Times</title><meta property="og:site_name" content="Caribbean Times">${head}</head><body>${body}</body></html>`;
  const story = `<p>Kenya extended an offer to lead a multinational police force in Haiti, with the goal of enhancing security and addressing the issue of gang violence. Jamaica has also committed to sending personnel.</p>
    <p>The United States committed $100 million last week to support the initiative, announcing logistical support for the mission in Haiti.</p>`;

  test('keeps the article with its metadata; drops scripts, navigation, captions, share buttons and related stories', () => {
    const html = page(
      `<nav><a>Home</a><a>World</a></nav><article><h1>Kenya to lead force</h1><figure><img src="a.jpg"><figcaption>Nairobi, Kenya. Photo: Shutterstock</figcaption></figure>
      ${story}<script>document.write('Chad pledged 900 officers')</script><div class="share-bar"><a>Share</a><a>Tweet</a></div></article>
      <aside class="related"><h3>More from Caribbean Times</h3><ul><li>Power outage in Ecuador</li><li>Is this the end of Macronism?</li></ul></aside><footer>© Caribbean Times</footer>`,
      `<meta property="article:published_time" content="2023-09-29T10:00:00Z"><meta name="author" content="Jane Reporter"><script>var s = "Sudan pledged 500 troops";</script>
       <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2023-09-28"}</script>`,
    );
    const article = readHtml(html, 'https://caribbean.example/kenya');
    assert.equal(article.title, 'Kenya to lead force');
    assert.equal(article.publishedOn, '2023-09-29');
    assert.equal(article.byline, 'Jane Reporter');
    assert.equal(article.siteName, 'Caribbean Times');
    const text = article.paragraphs.join('\n');
    assert.match(text, /Kenya extended an offer/);
    assert.doesNotMatch(text, /Chad|Sudan|Ecuador|Macron|Share|Nairobi|Home/);
  });

  test('the date from JSON-LD or <time> when there is no meta date', () => {
    assert.equal(readHtml(page(`<article>${story}</article>`, '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2023-09-28T08:00:00-04:00"}</script>'), null).publishedOn, '2023-09-28');
    assert.equal(readHtml(page(`<article><time datetime="2023-09-27">27 Sept</time>${story}</article>`), null).publishedOn, '2023-09-27');
  });

  test('a page without article text is refused', () => {
    rejects(() => readHtml(page('<nav><a>Home</a></nav><script>var article = "Kenya pledged 1000 officers to the mission in Haiti, the minister said today in Nairobi";</script>'), 'https://x.example/'), 'NEWS_UNREADABLE', /no article text found/);
  });
});

describe('feeds', () => {
  test('RSS 2.0 and Atom items', () => {
    const rss = parseFeed(`<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Caribbean Times</title>
      <item><title>Kenya to lead</title><link>https://c.example/a</link><guid>a-1</guid><pubDate>Fri, 29 Sep 2023 10:00:00 GMT</pubDate><description>&lt;p&gt;Short&lt;/p&gt;</description><content:encoded><![CDATA[<p>Full text</p>]]></content:encoded></item>
      </channel></rss>`);
    assert.equal(rss.format, 'rss');
    assert.equal(rss.title, 'Caribbean Times');
    assert.deepEqual(rss.items, [{ id: 'a-1', link: 'https://c.example/a', title: 'Kenya to lead', publishedOn: '2023-09-29', content: '<p>Full text</p>', summary: '<p>Short</p>' }]);
    const atom = parseFeed(`<feed xmlns="http://www.w3.org/2005/Atom"><title>Le Nouvelliste</title><entry><id>tag:n,2023:1</id><title>Haïti</title><link rel="alternate" href="https://n.example/1"/><updated>2023-10-02T12:00:00Z</updated><summary>Résumé</summary></entry></feed>`);
    assert.deepEqual(atom.items.map((i) => [i.id, i.link, i.publishedOn]), [['tag:n,2023:1', 'https://n.example/1', '2023-10-02']]);
  });

  test('DOCTYPE (entity declarations), undefined entities, HTML and non-feeds are refused', () => {
    const bomb = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><rss><channel><item><title>&lol2;</title></item></channel></rss>';
    rejects(() => parseFeed(bomb), 'NEWS_UNREADABLE', /declares a DOCTYPE/);
    rejects(() => parseFeed('<?xml version="1.0"?><rss><channel><title>&xxe;</title></channel></rss>'), 'NEWS_UNREADABLE', /not well-formed XML/);
    rejects(() => parseFeed('<!doctype html><html><body>hello</body></html>'), 'NEWS_UNREADABLE', /DOCTYPE|HTML page/);
    rejects(() => parseFeed('<html><body><p>hello</body></html>'), 'NEWS_UNREADABLE', /HTML page, not an RSS or Atom feed/);
    rejects(() => parseFeed('{"items": []}'), 'NEWS_UNREADABLE', /not well-formed XML/);
    rejects(() => parseFeed('<?xml version="1.0"?><osm version="0.6"></osm>'), 'NEWS_UNREADABLE', /root element is <osm>/);
  });
});

describe('language', () => {
  test('English, French, Haitian Creole, Spanish', () => {
    assert.equal(detectLanguage('Kenya extended an offer to lead a multinational police force in Haiti.'), 'en');
    assert.equal(detectLanguage('Des gangs armés ont attaqué le quartier de Solino dimanche, tuant cinq personnes.'), 'fr');
    assert.equal(detectLanguage('Gang yo te atake katye Solino a yè swa, yo touye senk moun epi yo boule plizyè kay.'), 'ht');
    assert.equal(detectLanguage('Pandillas armadas atacaron el barrio de Solino el domingo, matando a cinco personas.'), 'es');
    assert.equal(detectLanguage('Haiti'), 'und');
  });
});

describe('fetching within limits (local server)', () => {
  let server: LocalServer;
  before(async () => {
    let hits = 0;
    server = await localServer({
      '/page': serve('<html><body><p>ok</p></body></html>', 'text/html; charset=utf-8', { etag: '"v1"', 'last-modified': 'Fri, 29 Sep 2023 10:00:00 GMT' }),
      '/loop': (_q, r) => r.writeHead(302, { location: '/loop' }).end(),
      '/hop': (_q, r) => r.writeHead(301, { location: '/page' }).end(),
      '/huge': (_q, r) => {
        r.writeHead(200, { 'content-type': 'text/html' });
        const chunk = Buffer.alloc(64 * 1024, 'a');
        let sent = 0;
        const write = () => {
          while (sent < 50 && r.write(chunk)) sent += 1;
          if (sent < 50) r.once('drain', write);
          else r.end();
        };
        write();
      },
      '/slow': () => {},
      '/etag': (q, r) => {
        hits += 1;
        if (q.headers['if-none-match'] === '"v1"') r.writeHead(304).end();
        else r.writeHead(200, { etag: '"v1"', 'content-type': 'text/plain' }).end(`hit ${hits}`);
      },
    });
  });
  after(() => server.close());

  test('follows a redirect; returns validators; 304 with them', async () => {
    const page = await fetchLimited(server.url('/hop'), LOCAL_FETCH);
    assert.equal(page.url, server.url('/page'));
    assert.equal(page.etag, '"v1"');
    assert.equal(Buffer.from(page.bytes).toString(), '<html><body><p>ok</p></body></html>');
    const first = await fetchLimited(server.url('/etag'), LOCAL_FETCH);
    const second = await fetchLimited(server.url('/etag'), LOCAL_FETCH, { etag: first.etag });
    assert.equal(second.notModified, true);
  });

  test('redirect loops, huge bodies, silence, 404s and private addresses are refused', async () => {
    await assert.rejects(fetchLimited(server.url('/loop'), LOCAL_FETCH), { code: 'NEWS_FETCH_FAILED', message: /redirects more than 5 times/ });
    await assert.rejects(fetchLimited(server.url('/huge'), LOCAL_FETCH), { code: 'NEWS_TOO_LARGE', message: /more than the 200000 bytes/ });
    await assert.rejects(fetchLimited(server.url('/slow'), { ...LOCAL_FETCH, timeoutMs: 300 }), { code: 'NEWS_FETCH_FAILED', message: /did not answer within 0.3 s/ });
    await assert.rejects(fetchLimited(server.url('/missing'), LOCAL_FETCH), { code: 'NEWS_FETCH_FAILED', message: /answered 404/ });
    await assert.rejects(fetchLimited(server.url('/page'), DEFAULT_FETCH_POLICY), { code: 'NEWS_ADDRESS_REFUSED', message: /127\.0\.0\.1 is a loopback, private or link-local address/ });
    await assert.rejects(fetchLimited('http://169.254.169.254/latest/meta-data/', DEFAULT_FETCH_POLICY), { code: 'NEWS_ADDRESS_REFUSED' });
  });
});
