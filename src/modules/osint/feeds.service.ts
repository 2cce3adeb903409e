import { randomUUID } from 'node:crypto';
import { fold } from '../../core/text/index.ts';
import { AppError, notFound } from '../../shared/errors.ts';
import { FeedInput, type Feed, type PollReport } from '../../shared/osint.ts';
import type { Db } from '../../db/index.ts';
import { appendAudit, type Actor } from '../auth/index.ts';
import type { PlaceIndex } from './extract/places.ts';
import { decodeText } from './intake/decode.ts';
import { parseFeed, type FeedItem } from './intake/feed.ts';
import { DEFAULT_FETCH_POLICY, fetchLimited, type FetchPolicy } from './intake/fetch.ts';
import { ingestArticle } from './ingest.service.ts';
import { assertMayCurate } from './osint.policy.ts';
import * as repo from './feeds.repo.ts';
import * as outlets from './outlets.repo.ts';

/*
 * RSS and Atom feeds, polled on a schedule. A poll asks with the ETag and
 * Last-Modified of the previous answer (a 304 costs nothing), reads at most
 * MAX_FEED_ITEMS items, and ingests each item not seen before — its page
 * when it links one, else the feed's own content — each item in its own
 * transaction, so one bad item neither stops nor half-stores the others.
 */

const presentFeed = (row: repo.FeedRow): Feed => ({
  id: row.id, url: row.url, title: row.title, outlet: row.outlet_name, pollMinutes: Number(row.poll_minutes), active: Number(row.active) === 1,
  lastPolledAt: row.last_polled_at, lastStatus: row.last_status, lastError: row.last_error, nextPollAt: row.next_poll_at,
});

export async function listFeeds({ db }: { db: Db }): Promise<Feed[]> {
  return (await repo.list(db)).map(presentFeed);
}

export async function getFeed({ db, id }: { db: Db; id: string }): Promise<Feed> {
  const row = await repo.find(db, id);
  if (!row) throw notFound('feed');
  return presentFeed(row);
}

export async function addFeed({ db, actor, input }: { db: Db; actor: Actor | null; input: FeedInput }): Promise<Feed> {
  assertMayCurate(actor);
  const parsed = FeedInput.parse(input);
  if (await repo.findByUrl(db, parsed.url)) throw new AppError('CONFLICT', `the feed ${parsed.url} is already followed`);
  const id = randomUUID();
  await db.transaction().execute(async (trx) => {
    const now = new Date().toISOString();
    let outletId: string | null = null;
    if (parsed.outlet) {
      const nameKey = fold(parsed.outlet).replace(/\s+/g, ' ').trim();
      outletId = (await outlets.findByDomainOrName(trx, null, nameKey))?.id ?? null;
      if (!outletId) {
        outletId = randomUUID();
        await outlets.insert(trx, { id: outletId, name: parsed.outlet, name_key: nameKey, domain: null, reliability: 'F', note: '', graded_by: null, graded_at: null, created_at: now });
      }
    }
    await repo.insert(trx, {
      id, url: parsed.url, outlet_id: outletId, title: null, poll_minutes: parsed.pollMinutes, active: 1, etag: null, last_modified: null, next_poll_at: now,
      last_polled_at: null, last_status: null, last_error: null, created_by: actor?.userId ?? null, created_at: now,
    });
    await appendAudit(trx, { actor, action: 'create', entityType: 'news_feed', entityId: id, details: { url: parsed.url, pollMinutes: parsed.pollMinutes, outlet: parsed.outlet ?? null } });
  });
  return getFeed({ db, id });
}

export interface PollProps {
  db: Db;
  id: string;
  /** Poll now even if the feed is not due. */
  force?: boolean;
  fetchPolicy?: FetchPolicy;
  places?: PlaceIndex;
  datasetsDir?: string | null;
}

const later = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

/** Polls one feed; returns null when another instance took this poll, or the feed was not due. */
export async function pollFeed(props: PollProps): Promise<PollReport | null> {
  const { db, id } = props;
  const feed = await repo.find(db, id);
  if (!feed) throw notFound('feed');
  const now = new Date().toISOString();
  if (!props.force && (feed.next_poll_at > now || Number(feed.active) !== 1)) return null;
  if (!(await repo.claim(db, id, feed.next_poll_at, later(Number(feed.poll_minutes))))) return null;
  const policy = props.fetchPolicy ?? DEFAULT_FETCH_POLICY;
  const report: PollReport = { feedId: id, status: 'fetched', items: 0, ingested: 0, duplicates: 0, failed: [], error: null };
  let items: FeedItem[];
  try {
    const fetched = await fetchLimited(feed.url, policy, { etag: feed.etag, lastModified: feed.last_modified });
    if (fetched.notModified) {
      await repo.recordPoll(db, id, { last_polled_at: now, last_status: 'not-modified', last_error: null });
      return { ...report, status: 'not-modified' };
    }
    const parsed = parseFeed(decodeText(fetched.bytes, { contentType: fetched.contentType }).text);
    items = parsed.items;
    await repo.recordPoll(db, id, { last_polled_at: now, last_status: 'fetched', last_error: null, etag: fetched.etag, last_modified: fetched.lastModified, title: parsed.title ?? feed.title });
  } catch (error) {
    const message = error instanceof AppError ? error.message : String(error);
    await repo.recordPoll(db, id, { last_polled_at: now, last_status: 'failed', last_error: message });
    return { ...report, status: 'failed', error: message };
  }
  report.items = items.length;
  const seen = await repo.seenItems(db, id, items.map((i) => i.id));
  for (const item of items.filter((i) => !seen.has(i.id))) {
    const outcome = await ingestItem(props, feed, item, policy);
    if (outcome === 'ingested') report.ingested += 1;
    else if (outcome === 'duplicate') report.duplicates += 1;
    else report.failed.push({ item: item.link ?? item.id, reason: outcome.reason });
  }
  return report;
}

async function ingestItem(props: PollProps, feed: repo.FeedRow, item: FeedItem, policy: FetchPolicy): Promise<'ingested' | 'duplicate' | { reason: string }> {
  const { db } = props;
  const common = { db, actor: null, fetchPolicy: policy, ...(props.places ? { places: props.places } : {}), datasetsDir: props.datasetsDir ?? null, feed: { feedId: feed.id, itemId: item.id, publishedOn: item.publishedOn, title: item.title, link: item.link } };
  const input = { ...(feed.outlet_name ? { outlet: feed.outlet_name } : {}) };
  const fallback = item.content ?? item.summary;
  const attempts = [
    ...(item.link ? [{ source: { kind: 'url' as const, url: item.link } }] : []),
    ...(fallback && fallback.length > 200 ? [{ source: { kind: 'text' as const, text: fallback, ...(item.title ? { title: item.title } : {}) } }] : []),
  ];
  let reason = 'the item has neither a link nor content to read';
  for (const attempt of attempts) {
    try {
      const result = await ingestArticle({ ...common, input: { ...input, ...attempt } });
      if (result.duplicate === 'same-article') {
        await repo.markItem(db, { feed_id: feed.id, item_id: item.id, article_id: result.article.id, error: null, seen_at: new Date().toISOString() });
        return 'duplicate';
      }
      return 'ingested';
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      reason = error.message;
    }
  }
  await repo.markItem(db, { feed_id: feed.id, item_id: item.id, article_id: null, error: reason, seen_at: new Date().toISOString() });
  return { reason };
}

/** Polls every feed that is due, one after the other. */
export async function pollDueFeeds(props: Omit<PollProps, 'id' | 'force'>): Promise<PollReport[]> {
  const reports: PollReport[] = [];
  for (const id of await repo.dueIds(props.db, new Date().toISOString(), 50)) {
    const report = await pollFeed({ ...props, id });
    if (report) reports.push(report);
  }
  return reports;
}
