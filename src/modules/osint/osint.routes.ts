import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  Article, ArticleSummary, Feed, FeedInput, IngestInput, IngestResult, Outlet, OutletGrade, PollReport, Proposal, ProposalAccept, ProposalEdit, ProposalKind,
  ProposalReject, ProposalStatus, Story,
} from '../../shared/osint.ts';
import type { Db } from '../../db/index.ts';
import { actorOf } from '../auth/index.ts';
import { getArticle, getStory, listArticles, listStories } from './articles.service.ts';
import { addFeed, getFeed, listFeeds, pollFeed } from './feeds.service.ts';
import { ingestArticle } from './ingest.service.ts';
import { DEFAULT_FETCH_POLICY, type FetchPolicy } from './intake/fetch.ts';
import { NEWS_CURATORS, NEWS_DECIDERS, NEWS_READERS } from './osint.policy.ts';
import { gradeOutlet, listOutlets } from './outlets.service.ts';
import { startFeedPoller } from './poller.ts';
import { acceptProposal, editProposal, getProposal, listProposals, rejectProposal } from './review.service.ts';

/** News monitoring over HTTP: each route validates, makes one service call and answers. */

export interface OsintRoutesOptions {
  db: Db;
  datasetsDir: string | null;
  /** Limits on fetching pages and feeds (tests allow the loopback address). */
  fetchPolicy?: FetchPolicy;
}

const Id = z.object({ id: z.string().max(64) });
const Limit = z.coerce.number().int().min(1).max(1000).default(200);
const tags = ['news'];
const PollAnswer = PollReport.nullable();

export async function osintRoutes(app: FastifyInstance, { db, datasetsDir, fetchPolicy = DEFAULT_FETCH_POLICY }: OsintRoutesOptions): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const read = { access: NEWS_READERS };
  const curate = { access: NEWS_CURATORS };
  const decide = { access: NEWS_DECIDERS };

  // Feeds are polled by a server that listens, never by one built for tests.
  let poller: ReturnType<typeof startFeedPoller> | null = null;
  app.addHook('onListen', async () => {
    poller = startFeedPoller({ db, datasetsDir, fetchPolicy, onError: (error) => app.log.error({ err: error }, 'feed polling round failed') });
  });
  app.addHook('onClose', async () => poller?.stop());

  api.post('/api/v1/news/articles', {
    config: curate,
    schema: { tags, summary: 'Ingest an article: a URL, a pasted text or an uploaded HTML or text file (base64); proposals go to the review queue', body: IngestInput, response: { 201: IngestResult, 200: IngestResult } },
  }, async (request, reply) => {
    const result = await ingestArticle({ db, actor: actorOf(request), input: request.body, datasetsDir, fetchPolicy });
    return reply.code(result.duplicate === 'same-article' ? 200 : 201).send(result);
  });

  api.get('/api/v1/news/articles', { config: read, schema: { tags, summary: 'Articles, newest first', querystring: z.strictObject({ limit: Limit, story: z.string().max(64).optional() }), response: { 200: z.array(ArticleSummary) } } }, async (request) =>
    listArticles({ db, limit: request.query.limit, storyId: request.query.story }),
  );

  api.get('/api/v1/news/articles/:id', { config: read, schema: { tags, summary: 'One article: its text, the names found in it, notes from extraction', params: Id, response: { 200: Article } } }, async (request) =>
    getArticle({ db, id: request.params.id }),
  );

  api.get('/api/v1/news/stories', { config: read, schema: { tags, summary: 'Stories (an article and its copies from other outlets), newest first', querystring: z.strictObject({ limit: Limit }), response: { 200: z.array(Story) } } }, async (request) =>
    listStories({ db, limit: request.query.limit }),
  );

  api.get('/api/v1/news/stories/:id', { config: read, schema: { tags, summary: 'One story and its sources', params: Id, response: { 200: Story } } }, async (request) => getStory({ db, id: request.params.id }));

  api.get('/api/v1/news/outlets', { config: read, schema: { tags, summary: 'Outlets and their reliability grades', response: { 200: z.array(Outlet) } } }, async () => listOutlets({ db }));

  api.put('/api/v1/news/outlets/:id/grade', { config: curate, schema: { tags, summary: 'Set an outlet’s reliability grade (Admiralty A–F)', params: Id, body: OutletGrade, response: { 200: Outlet } } }, async (request) =>
    gradeOutlet({ db, actor: actorOf(request), id: request.params.id, input: request.body }),
  );

  api.get('/api/v1/news/feeds', { config: read, schema: { tags, summary: 'Followed feeds and their last poll', response: { 200: z.array(Feed) } } }, async () => listFeeds({ db }));

  api.post('/api/v1/news/feeds', { config: curate, schema: { tags, summary: 'Follow an RSS or Atom feed', body: FeedInput, response: { 201: Feed } } }, async (request, reply) =>
    reply.code(201).send(await addFeed({ db, actor: actorOf(request), input: request.body })),
  );

  api.get('/api/v1/news/feeds/:id', { config: read, schema: { tags, summary: 'One feed', params: Id, response: { 200: Feed } } }, async (request) => getFeed({ db, id: request.params.id }));

  api.post('/api/v1/news/feeds/:id/poll', { config: curate, schema: { tags, summary: 'Poll a feed now', params: Id, response: { 200: PollAnswer } } }, async (request) =>
    pollFeed({ db, id: request.params.id, force: true, fetchPolicy, datasetsDir }),
  );

  api.get('/api/v1/news/proposals', {
    config: read,
    schema: { tags, summary: 'The review queue (pending by default)', querystring: z.strictObject({ status: ProposalStatus.default('pending'), kind: ProposalKind.optional(), story: z.string().max(64).optional(), article: z.string().max(64).optional(), limit: Limit }), response: { 200: z.array(Proposal) } },
  }, async (request) => listProposals({ db, status: request.query.status, kind: request.query.kind, storyId: request.query.story, articleId: request.query.article, limit: request.query.limit }));

  api.get('/api/v1/news/proposals/:id', { config: read, schema: { tags, summary: 'One proposal with its sources and the text that supports it', params: Id, response: { 200: Proposal } } }, async (request) =>
    getProposal({ db, id: request.params.id }),
  );

  api.patch('/api/v1/news/proposals/:id', { config: decide, schema: { tags, summary: 'Edit a pending proposal’s draft', params: Id, body: ProposalEdit, response: { 200: Proposal } } }, async (request) =>
    editProposal({ db, actor: actorOf(request), id: request.params.id, input: request.body }),
  );

  api.post('/api/v1/news/proposals/:id/accept', {
    config: decide,
    schema: { tags, summary: 'Accept: creates the ledger or incident record, with the articles as its graded sources', params: Id, body: ProposalAccept, response: { 201: z.object({ proposal: Proposal, record: z.object({ type: z.enum(['pledge', 'milestone', 'incident']), id: z.string() }) }) } },
  }, async (request, reply) => reply.code(201).send(await acceptProposal({ db, actor: actorOf(request), id: request.params.id, input: request.body })));

  api.post('/api/v1/news/proposals/:id/reject', { config: decide, schema: { tags, summary: 'Reject a proposal (with a reason)', params: Id, body: ProposalReject, response: { 200: Proposal } } }, async (request) =>
    rejectProposal({ db, actor: actorOf(request), id: request.params.id, input: request.body }),
  );
}
