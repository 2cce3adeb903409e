import { ArticleSummary, ProposalDraft, Reliability, type Article, type Proposal } from '../../shared/osint.ts';
import type { Db } from '../../db/index.ts';
import type { NewsProposalsTable } from '../../db/tables/osint.ts';
import * as articles from './articles.repo.ts';
import * as proposals from './proposals.repo.ts';

/** An article row as the API shows it in lists. */
export function presentSummary(row: articles.ArticleRow): ArticleSummary {
  return {
    id: row.id,
    storyId: row.story_id,
    title: row.title,
    byline: row.byline,
    url: row.url,
    outlet: { id: row.outlet_id, name: row.outlet_name, reliability: Reliability.parse(row.outlet_reliability) },
    publishedOn: row.published_on,
    dateSource: ArticleSummary.shape.dateSource.parse(row.date_source),
    language: ArticleSummary.shape.language.parse(row.language),
    sourceKind: ArticleSummary.shape.sourceKind.parse(row.source_kind),
    ingestedAt: row.ingested_at,
  };
}

export async function presentArticle(db: Db, row: articles.ArticleRow): Promise<Article> {
  const mentions = await articles.mentionsOf(db, row.id);
  return {
    ...presentSummary(row),
    body: row.body,
    mentions: mentions.map((m) => ({ kind: m.kind, code: m.code, surface: m.surface, start: m.start_offset, end: m.end_offset })),
    notes: JSON.parse(row.notes) as string[],
  };
}

type Spans = Proposal['sources'][number]['spans'];

/** The supporting sentences of a source, quoted from the article's body. */
function quoteOf(body: string, spans: Spans): string {
  return spans.filter((s) => s.field === 'sentence').map((s) => body.slice(s.start, s.end)).join(' … ');
}

/** Usernames of users by id (who decided, who graded). */
export async function usernames(db: Db, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  return new Map((await articles.usernamesOf(db, wanted)).map((u) => [u.id, u.username]));
}

/** Proposals with their sources (articles, outlets and grades, quotes). */
export async function presentProposals(db: Db, rows: readonly NewsProposalsTable[]): Promise<Proposal[]> {
  const sources = await proposals.sourcesOf(db, rows.map((r) => r.id));
  const byId = new Map((await articles.findMany(db, [...new Set(sources.map((s) => s.article_id))])).map((a) => [a.id, a]));
  const deciders = await usernames(db, rows.map((r) => r.decided_by));
  return rows.map((row) => {
    const draft = ProposalDraft.parse(JSON.parse(row.draft));
    const own = sources.filter((source) => source.proposal_id === row.id).flatMap((source) => {
      const article = byId.get(source.article_id);
      if (!article) return [];
      const spans = JSON.parse(source.spans) as Spans;
      return [{
        articleId: article.id, title: article.title, outlet: article.outlet_name, reliability: Reliability.parse(article.outlet_reliability), url: article.url,
        publishedOn: article.published_on, quote: quoteOf(article.body, spans), spans,
      }];
    });
    return {
      id: row.id,
      storyId: row.story_id,
      kind: draft.kind,
      status: row.status as Proposal['status'],
      draft,
      extracted: ProposalDraft.parse(JSON.parse(row.extracted)),
      version: Number(row.version),
      sources: own,
      record: row.record_type && row.record_id ? { type: row.record_type as 'pledge' | 'milestone' | 'incident', id: row.record_id } : null,
      decidedBy: row.decided_by ? (deciders.get(row.decided_by) ?? null) : null,
      decidedAt: row.decided_at,
      note: row.decision_note,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  });
}

