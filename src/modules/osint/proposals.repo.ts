import type { Db } from '../../db/index.ts';
import type { NewsProposalSourcesTable, NewsProposalsTable } from '../../db/tables/osint.ts';

export interface ListFilter {
  status?: string | undefined;
  kind?: string | undefined;
  storyId?: string | undefined;
  articleId?: string | undefined;
  limit: number;
}

export async function list(db: Db, filter: ListFilter): Promise<NewsProposalsTable[]> {
  let query = db.selectFrom('news_proposals').selectAll();
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (filter.storyId) query = query.where('story_id', '=', filter.storyId);
  if (filter.articleId) query = query.where('id', 'in', db.selectFrom('news_proposal_sources').select('proposal_id').where('article_id', '=', filter.articleId!));
  return query.orderBy('created_at', 'desc').orderBy('id').limit(filter.limit).execute();
}

export async function find(db: Db, id: string): Promise<NewsProposalsTable | undefined> {
  return db.selectFrom('news_proposals').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findByKey(db: Db, storyId: string, matchKey: string): Promise<NewsProposalsTable | undefined> {
  return db.selectFrom('news_proposals').selectAll().where('story_id', '=', storyId).where('match_key', '=', matchKey).executeTakeFirst();
}

export async function insert(db: Db, row: NewsProposalsTable): Promise<void> {
  await db.insertInto('news_proposals').values(row).execute();
}

/** Applies a change if the proposal is still pending at the version the analyst read; false otherwise. */
export async function updateIfCurrent(db: Db, id: string, version: number, values: Partial<NewsProposalsTable>): Promise<boolean> {
  const result = await db.updateTable('news_proposals').set({ ...values, version: version + 1 }).where('id', '=', id).where('version', '=', version).where('status', '=', 'pending').executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertSource(db: Db, row: NewsProposalSourcesTable): Promise<void> {
  await db.insertInto('news_proposal_sources').values(row).execute();
}

export async function hasSource(db: Db, proposalId: string, articleId: string): Promise<boolean> {
  return (await db.selectFrom('news_proposal_sources').select('article_id').where('proposal_id', '=', proposalId).where('article_id', '=', articleId).executeTakeFirst()) !== undefined;
}

export async function sourcesOf(db: Db, proposalIds: readonly string[]): Promise<NewsProposalSourcesTable[]> {
  if (proposalIds.length === 0) return [];
  return db.selectFrom('news_proposal_sources').selectAll().where('proposal_id', 'in', [...proposalIds]).orderBy('created_at').execute();
}
