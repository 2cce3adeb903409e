import type { Db } from '../../db/index.ts';
import type { NewsArticlesTable, NewsMentionsTable, NewsStoriesTable } from '../../db/tables/osint.ts';

export type ArticleRow = NewsArticlesTable & { outlet_name: string; outlet_reliability: string };

function selectArticles(db: Db) {
  return db
    .selectFrom('news_articles')
    .innerJoin('news_outlets', 'news_outlets.id', 'news_articles.outlet_id')
    .selectAll('news_articles')
    .select(['news_outlets.name as outlet_name', 'news_outlets.reliability as outlet_reliability']);
}

export async function list(db: Db, { limit, storyId }: { limit: number; storyId?: string | undefined }): Promise<ArticleRow[]> {
  let query = selectArticles(db);
  if (storyId) query = query.where('news_articles.story_id', '=', storyId);
  return query.orderBy('news_articles.ingested_at', 'desc').orderBy('news_articles.id').limit(limit).execute();
}

export async function find(db: Db, id: string): Promise<ArticleRow | undefined> {
  return selectArticles(db).where('news_articles.id', '=', id).executeTakeFirst();
}

export async function findMany(db: Db, ids: readonly string[]): Promise<ArticleRow[]> {
  if (ids.length === 0) return [];
  return selectArticles(db).where('news_articles.id', 'in', [...ids]).execute();
}

export async function findByUrl(db: Db, url: string): Promise<ArticleRow | undefined> {
  return selectArticles(db).where('news_articles.url', '=', url).executeTakeFirst();
}

export async function findByContent(db: Db, outletId: string, contentHash: string): Promise<ArticleRow | undefined> {
  return selectArticles(db).where('news_articles.outlet_id', '=', outletId).where('news_articles.content_hash', '=', contentHash).executeTakeFirst();
}

/** Articles sharing at least one LSH band key, with their signatures and stories. */
export async function candidatesByBands(db: Db, keys: readonly string[]): Promise<Pick<NewsArticlesTable, 'id' | 'story_id' | 'outlet_id' | 'signature'>[]> {
  if (keys.length === 0) return [];
  return db
    .selectFrom('news_articles')
    .select(['id', 'story_id', 'outlet_id', 'signature'])
    .where('id', 'in', db.selectFrom('news_article_bands').select('article_id').where('band_key', 'in', [...keys]))
    .execute();
}

export async function insertStory(db: Db, row: NewsStoriesTable): Promise<void> {
  await db.insertInto('news_stories').values(row).execute();
}

export async function findStory(db: Db, id: string): Promise<NewsStoriesTable | undefined> {
  return db.selectFrom('news_stories').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listStories(db: Db, limit: number): Promise<NewsStoriesTable[]> {
  return db.selectFrom('news_stories').selectAll().orderBy('first_seen_at', 'desc').orderBy('id').limit(limit).execute();
}

export async function countInStory(db: Db, storyId: string): Promise<number> {
  const row = await db.selectFrom('news_articles').select((eb) => eb.fn.countAll().as('n')).where('story_id', '=', storyId).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertArticle(db: Db, row: NewsArticlesTable, bandKeys: readonly string[], mentions: readonly Omit<NewsMentionsTable, 'article_id'>[]): Promise<void> {
  await db.insertInto('news_articles').values(row).execute();
  if (bandKeys.length > 0) await db.insertInto('news_article_bands').values(bandKeys.map((band_key) => ({ band_key, article_id: row.id }))).execute();
  if (mentions.length > 0) await db.insertInto('news_mentions').values(mentions.map((m) => ({ ...m, article_id: row.id }))).execute();
}

export async function mentionsOf(db: Db, articleId: string): Promise<NewsMentionsTable[]> {
  return db.selectFrom('news_mentions').selectAll().where('article_id', '=', articleId).orderBy('start_offset').execute();
}

export async function usernamesOf(db: Db, ids: readonly string[]): Promise<{ id: string; username: string }[]> {
  return db.selectFrom('users').select(['id', 'username']).where('id', 'in', [...ids]).execute();
}
