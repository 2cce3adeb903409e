import type { Db } from '../../db/index.ts';
import type { NewsFeedItemsTable, NewsFeedsTable } from '../../db/tables/osint.ts';

export type FeedRow = NewsFeedsTable & { outlet_name: string | null };

function selectFeeds(db: Db) {
  return db.selectFrom('news_feeds').leftJoin('news_outlets', 'news_outlets.id', 'news_feeds.outlet_id').selectAll('news_feeds').select('news_outlets.name as outlet_name');
}

export async function list(db: Db): Promise<FeedRow[]> {
  return selectFeeds(db).orderBy('news_feeds.created_at').orderBy('news_feeds.id').execute();
}

export async function find(db: Db, id: string): Promise<FeedRow | undefined> {
  return selectFeeds(db).where('news_feeds.id', '=', id).executeTakeFirst();
}

export async function findByUrl(db: Db, url: string): Promise<FeedRow | undefined> {
  return selectFeeds(db).where('news_feeds.url', '=', url).executeTakeFirst();
}

export async function insert(db: Db, row: NewsFeedsTable): Promise<void> {
  await db.insertInto('news_feeds').values(row).execute();
}

export async function dueIds(db: Db, now: string, limit: number): Promise<string[]> {
  const rows = await db.selectFrom('news_feeds').select('id').where('active', '=', 1).where('next_poll_at', '<=', now).orderBy('next_poll_at').limit(limit).execute();
  return rows.map((r) => r.id);
}

/**
 * Takes the feed's next poll for this instance: moves next_poll_at forward if
 * it is still what was read, so two instances never poll one feed at once.
 */
export async function claim(db: Db, id: string, expectedNext: string, next: string): Promise<boolean> {
  const result = await db.updateTable('news_feeds').set({ next_poll_at: next }).where('id', '=', id).where('next_poll_at', '=', expectedNext).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function recordPoll(db: Db, id: string, values: Pick<NewsFeedsTable, 'last_polled_at' | 'last_status' | 'last_error'> & Partial<Pick<NewsFeedsTable, 'etag' | 'last_modified' | 'title'>>): Promise<void> {
  await db.updateTable('news_feeds').set(values).where('id', '=', id).execute();
}

export async function seenItems(db: Db, feedId: string, itemIds: readonly string[]): Promise<Set<string>> {
  if (itemIds.length === 0) return new Set();
  const rows = await db.selectFrom('news_feed_items').select('item_id').where('feed_id', '=', feedId).where('item_id', 'in', [...itemIds]).execute();
  return new Set(rows.map((r) => r.item_id));
}

export async function insertItem(db: Db, row: NewsFeedItemsTable): Promise<void> {
  await db.insertInto('news_feed_items').values(row).execute();
}

/** Records an item as seen, unless it already is. */
export async function markItem(db: Db, row: NewsFeedItemsTable): Promise<void> {
  await db.insertInto('news_feed_items').values(row).onConflict((oc) => oc.columns(['feed_id', 'item_id']).doNothing()).execute();
}
