/*
 * The news-monitoring module's tables. Ids are UUID text, timestamps ISO-8601
 * UTC text, days YYYY-MM-DD text, flags 0/1, JSON as text. Offsets are
 * UTF-16 code units into the article's stored body.
 */

/** A publisher, with the reliability grade analysts give it (Admiralty A–F; F until graded). */
export interface NewsOutletsTable {
  id: string;
  name: string;
  /** The folded name, unique: "Le Nouvelliste" and "le nouvelliste" are one outlet. */
  name_key: string;
  /** The web domain its articles come from (www. dropped), unique when known. */
  domain: string | null;
  reliability: string;
  note: string;
  graded_by: string | null;
  graded_at: string | null;
  created_at: string;
}

/** An RSS or Atom feed polled on a schedule, with the validators of its last answer. */
export interface NewsFeedsTable {
  id: string;
  url: string;
  outlet_id: string | null;
  title: string | null;
  poll_minutes: number;
  active: number;
  etag: string | null;
  last_modified: string | null;
  next_poll_at: string;
  last_polled_at: string | null;
  /** not-modified | fetched | failed */
  last_status: string | null;
  last_error: string | null;
  created_by: string | null;
  created_at: string;
}

/** The items of a feed already seen, so a poll ingests only new ones. */
export interface NewsFeedItemsTable {
  feed_id: string;
  item_id: string;
  article_id: string | null;
  /** Why the item could not be ingested, when it could not. */
  error: string | null;
  seen_at: string;
}

/** One story: the same report from one or more outlets. */
export interface NewsStoriesTable {
  id: string;
  title: string;
  first_seen_at: string;
}

export interface NewsArticlesTable {
  id: string;
  story_id: string;
  outlet_id: string;
  feed_id: string | null;
  /** url | feed | file | text */
  source_kind: string;
  url: string | null;
  title: string;
  byline: string | null;
  published_on: string;
  /** given | page | feed | text: where the date came from. */
  date_source: string;
  /** en | fr | ht | es | und */
  language: string;
  body: string;
  /** sha256 of the folded body: the same text twice from one outlet is one article. */
  content_hash: string;
  /** MinHash signature, hex. */
  signature: string;
  /** JSON array of notes: furniture dropped, encoding, date source. */
  notes: string;
  ingested_by: string | null;
  ingested_at: string;
}

/** LSH band keys of each article's signature: articles sharing a key are compared. */
export interface NewsArticleBandsTable {
  band_key: string;
  article_id: string;
}

/** Actors and places named in an article. */
export interface NewsMentionsTable {
  article_id: string;
  kind: string;
  code: string;
  surface: string;
  start_offset: number;
  end_offset: number;
}

/** A record Konbit proposes from a story, waiting for an analyst (or decided). */
export interface NewsProposalsTable {
  id: string;
  story_id: string;
  /** personnel | funds | in_kind | milestone | incident */
  kind: string;
  /** The same fact from another source of the story merges here (unique per story). */
  match_key: string;
  /** pending | accepted | rejected */
  status: string;
  /** JSON: the draft as it stands (edited or not). */
  draft: string;
  /** JSON: the draft as extraction proposed it. */
  extracted: string;
  version: number;
  /** pledge | milestone | incident, once accepted. */
  record_type: string | null;
  record_id: string | null;
  credibility: number | null;
  decided_by: string | null;
  decided_at: string | null;
  decision_note: string | null;
  created_at: string;
  updated_at: string;
}

/** The articles that support a proposal and the spans in each. */
export interface NewsProposalSourcesTable {
  proposal_id: string;
  article_id: string;
  /** JSON array of { start, end, field }. */
  spans: string;
  created_at: string;
}

export interface OsintTables {
  news_outlets: NewsOutletsTable;
  news_feeds: NewsFeedsTable;
  news_feed_items: NewsFeedItemsTable;
  news_stories: NewsStoriesTable;
  news_articles: NewsArticlesTable;
  news_article_bands: NewsArticleBandsTable;
  news_mentions: NewsMentionsTable;
  news_proposals: NewsProposalsTable;
  news_proposal_sources: NewsProposalSourcesTable;
}
