import { createHash, randomUUID } from 'node:crypto';
import { bandKeys, estimatedSimilarity, fold, minhashSignature, shingleHashes, signatureFromHex, signatureToHex } from '../../core/text/index.ts';
import { IngestInput, type IngestResult } from '../../shared/osint.ts';
import { lockForSerialWrite, type Db } from '../../db/index.ts';
import { isUniqueViolation } from '../../db/dialect.ts';
import { appendAudit, type Actor } from '../auth/index.ts';
import { extractArticle } from './extract/extract.ts';
import type { PlaceIndex } from './extract/places.ts';
import type { Candidate } from './extract/types.ts';
import { readArticle, type ArticleDocument } from './read-article.ts';
import { DEFAULT_FETCH_POLICY, type FetchPolicy } from './intake/fetch.ts';
import { placeIndexFor } from './extract/admin-places.ts';
import * as articles from './articles.repo.ts';
import * as feeds from './feeds.repo.ts';
import * as outlets from './outlets.repo.ts';
import * as proposals from './proposals.repo.ts';
import { assertMayCurate } from './osint.policy.ts';
import { presentProposals, presentSummary } from './present.ts';

/*
 * Ingest: read the article (fetch, decode, drop the furniture, date it),
 * extract what it reports, then store it all in one transaction — the
 * outlet if new, the article in its story (a near-duplicate of an article
 * already held joins that story as another source), the names found, and the
 * proposals, where a fact the story already has gains this article as a
 * source instead of appearing twice. A refused article writes nothing.
 */

/** Estimated Jaccard similarity from which two articles tell the same story. */
export const SAME_STORY = 0.6;
/** From one outlet, this similar is the same article again (a re-publication, an update of a comma). */
const SAME_ARTICLE = 0.9;
const INGEST_LOCK = 0x6e657773; // "news": serialises story assignment on PostgreSQL

export interface IngestProps {
  db: Db;
  /** null for the system (command line, feed poller). */
  actor: Actor | null;
  input: IngestInput;
  /** Places to match (by default the built-in list plus the communes of `datasetsDir`). */
  places?: PlaceIndex;
  datasetsDir?: string | null;
  fetchPolicy?: FetchPolicy;
  /** Set by the feed poller: the item's date, title and link, and the feed. */
  feed?: { feedId: string; itemId: string; publishedOn: string | null; title: string | null; link: string | null };
}

export async function ingestArticle(props: IngestProps): Promise<IngestResult> {
  const { db, actor } = props;
  assertMayCurate(actor);
  const input = IngestInput.parse(props.input);
  const document = await readArticle(input.source, {
    publishedOn: input.publishedOn, outlet: input.outlet, encoding: input.encoding, fetchPolicy: props.fetchPolicy ?? DEFAULT_FETCH_POLICY,
    feedItem: props.feed ? { publishedOn: props.feed.publishedOn, title: props.feed.title, link: props.feed.link } : undefined,
  });
  const places = props.places ?? (await placeIndexFor(props.datasetsDir ?? null));
  const extraction = extractArticle({ body: document.body, publishedOn: document.publishedOn, language: document.language }, places);
  try {
    return await store(db, actor, document, extraction.proposals, extraction.mentions, props.feed);
  } catch (error) {
    // Two ingests of one URL racing: the loser answers with the winner's article.
    if (isUniqueViolation(error) && document.url) {
      const existing = await articles.findByUrl(db, document.url);
      if (existing) return sameArticle(db, existing);
    }
    throw error;
  }
}

async function sameArticle(db: Db, existing: articles.ArticleRow): Promise<IngestResult> {
  return {
    article: presentSummary(existing),
    duplicate: 'same-article',
    storySources: await articles.countInStory(db, existing.story_id),
    proposals: await presentProposals(db, await proposals.list(db, { articleId: existing.id, limit: 500 })),
    notes: ['already ingested: nothing new was stored'],
  };
}

const contentHash = (body: string) => createHash('sha256').update(fold(body).replace(/\s+/g, ' ').trim()).digest('hex');

async function outletFor(trx: Db, document: ArticleDocument, now: string): Promise<string> {
  const nameKey = fold(document.outletName).replace(/\s+/g, ' ').trim();
  const found = await outlets.findByDomainOrName(trx, document.domain, nameKey);
  if (found) {
    if (document.domain && !found.domain) await outlets.setDomain(trx, found.id, document.domain);
    return found.id;
  }
  const id = randomUUID();
  await outlets.insert(trx, { id, name: document.outletName, name_key: nameKey, domain: document.domain, reliability: 'F', note: '', graded_by: null, graded_at: null, created_at: now });
  return id;
}

async function store(db: Db, actor: Actor | null, document: ArticleDocument, candidates: Candidate[], mentions: ReturnType<typeof extractArticle>['mentions'], feed: IngestProps['feed']): Promise<IngestResult> {
  const signature = minhashSignature(shingleHashes(`${document.title}\n${document.body}`));
  const bands = bandKeys(signature);
  const hash = contentHash(document.body);
  type Outcome = { existing: articles.ArticleRow } | { articleId: string; joined: boolean; touched: string[] };
  const outcome = await db.transaction().execute(async (trx): Promise<Outcome> => {
    await lockForSerialWrite(trx, INGEST_LOCK);
    const now = new Date().toISOString();
    if (document.url) {
      const byUrl = await articles.findByUrl(trx, document.url);
      if (byUrl) return { existing: byUrl };
    }
    const outletId = await outletFor(trx, document, now);
    const byContent = await articles.findByContent(trx, outletId, hash);
    if (byContent) return { existing: byContent };
    let storyId: string | null = null;
    let best = 0;
    for (const candidate of await articles.candidatesByBands(trx, bands)) {
      const similarity = estimatedSimilarity(signature, signatureFromHex(candidate.signature));
      const again = candidate.outlet_id === outletId && similarity >= SAME_ARTICLE ? await articles.find(trx, candidate.id) : undefined;
      if (again) return { existing: again };
      if (similarity >= SAME_STORY && similarity > best) [storyId, best] = [candidate.story_id, similarity];
    }
    const joined = storyId !== null;
    if (!storyId) {
      storyId = randomUUID();
      await articles.insertStory(trx, { id: storyId, title: document.title, first_seen_at: now });
    }
    const articleId = randomUUID();
    await articles.insertArticle(trx, {
      id: articleId, story_id: storyId, outlet_id: outletId, feed_id: feed?.feedId ?? null, source_kind: document.sourceKind, url: document.url, title: document.title,
      byline: document.byline, published_on: document.publishedOn, date_source: document.dateSource, language: document.language, body: document.body,
      content_hash: hash, signature: signatureToHex(signature), notes: JSON.stringify(document.notes), ingested_by: actor?.userId ?? null, ingested_at: now,
    }, bands, mentions.map((m) => ({ kind: m.kind, code: m.code, surface: m.surface, start_offset: m.start, end_offset: m.end })));
    const touched: string[] = [];
    for (const candidate of candidates) {
      const existing = await proposals.findByKey(trx, storyId, candidate.key);
      const proposalId = existing?.id ?? randomUUID();
      if (!existing) {
        const draft = JSON.stringify(candidate.draft);
        await proposals.insert(trx, {
          id: proposalId, story_id: storyId, kind: candidate.draft.kind, match_key: candidate.key, status: 'pending', draft, extracted: draft, version: 1,
          record_type: null, record_id: null, credibility: null, decided_by: null, decided_at: null, decision_note: null, created_at: now, updated_at: now,
        });
      }
      if (!(await proposals.hasSource(trx, proposalId, articleId))) {
        await proposals.insertSource(trx, { proposal_id: proposalId, article_id: articleId, spans: JSON.stringify(candidate.spans), created_at: now });
      }
      touched.push(proposalId);
    }
    if (feed) await feeds.insertItem(trx, { feed_id: feed.feedId, item_id: feed.itemId, article_id: articleId, error: null, seen_at: now });
    await appendAudit(trx, {
      actor, action: 'ingest', entityType: 'news_article', entityId: articleId,
      details: { title: document.title, url: document.url, outlet: document.outletName, story: storyId, joinedStory: joined, proposals: touched.length },
    });
    return { articleId, joined, touched };
  });
  if ('existing' in outcome) return sameArticle(db, outcome.existing);
  const row = (await articles.find(db, outcome.articleId))!;
  const touchedRows = await Promise.all(outcome.touched.map((id) => proposals.find(db, id)));
  return {
    article: presentSummary(row),
    duplicate: outcome.joined ? 'same-story' : 'new',
    storySources: await articles.countInStory(db, row.story_id),
    proposals: await presentProposals(db, touchedRows.filter((p) => p !== undefined)),
    notes: document.notes,
  };
}
