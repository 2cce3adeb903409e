/**
 * News monitoring: ingest articles and feeds, extract who pledged what, the
 * mandate's milestones and incidents, and propose records that an analyst
 * accepts (into the ledger or the incidents), edits or rejects.
 */
export { ingestArticle, type IngestProps } from './ingest.service.ts';
export { listArticles, getArticle, listStories, getStory } from './articles.service.ts';
export { listProposals, getProposal, editProposal, acceptProposal, rejectProposal, type AcceptResult } from './review.service.ts';
export { listOutlets, getOutlet, gradeOutlet } from './outlets.service.ts';
export { listFeeds, getFeed, addFeed, pollFeed, pollDueFeeds } from './feeds.service.ts';
export { startFeedPoller, type FeedPoller } from './poller.ts';
export { DEFAULT_FETCH_POLICY, type FetchPolicy } from './intake/fetch.ts';
export { extractArticle } from './extract/extract.ts';
export { PlaceIndex } from './extract/places.ts';
export { placeIndexFor } from './extract/admin-places.ts';
export { osintRoutes, type OsintRoutesOptions } from './osint.routes.ts';
