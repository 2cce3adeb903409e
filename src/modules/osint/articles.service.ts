import { notFound } from '../../shared/errors.ts';
import type { Article, ArticleSummary, Story } from '../../shared/osint.ts';
import type { Db } from '../../db/index.ts';
import * as repo from './articles.repo.ts';
import { presentArticle, presentSummary } from './present.ts';

/** Reading articles and stories. */

export async function listArticles({ db, limit = 200, storyId }: { db: Db; limit?: number; storyId?: string | undefined }): Promise<ArticleSummary[]> {
  return (await repo.list(db, { limit, storyId })).map(presentSummary);
}

export async function getArticle({ db, id }: { db: Db; id: string }): Promise<Article> {
  const row = await repo.find(db, id);
  if (!row) throw notFound('article');
  return presentArticle(db, row);
}

async function presentStory(db: Db, story: { id: string; title: string; first_seen_at: string }): Promise<Story> {
  const rows = await repo.list(db, { limit: 1000, storyId: story.id });
  return { id: story.id, title: story.title, firstSeenAt: story.first_seen_at, articles: rows.reverse().map(presentSummary) };
}

export async function getStory({ db, id }: { db: Db; id: string }): Promise<Story> {
  const story = await repo.findStory(db, id);
  if (!story) throw notFound('story');
  return presentStory(db, story);
}

export async function listStories({ db, limit = 200 }: { db: Db; limit?: number }): Promise<Story[]> {
  return Promise.all((await repo.listStories(db, limit)).map((story) => presentStory(db, story)));
}
