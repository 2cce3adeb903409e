import type { Kysely } from 'kysely';

/*
 * News monitoring: outlets and their grades, feeds and the items seen,
 * stories and their articles (with LSH bands for near-duplicates and the
 * names found in them), and the proposals waiting for an analyst with the
 * articles that support them.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('news_outlets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull().unique())
    .addColumn('domain', 'text', (c) => c.unique())
    .addColumn('reliability', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('graded_by', 'text', (c) => c.references('users.id'))
    .addColumn('graded_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('news_feeds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('url', 'text', (c) => c.notNull().unique())
    .addColumn('outlet_id', 'text', (c) => c.references('news_outlets.id'))
    .addColumn('title', 'text')
    .addColumn('poll_minutes', 'integer', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('etag', 'text')
    .addColumn('last_modified', 'text')
    .addColumn('next_poll_at', 'text', (c) => c.notNull())
    .addColumn('last_polled_at', 'text')
    .addColumn('last_status', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('news_feeds_due').on('news_feeds').columns(['active', 'next_poll_at']).execute();

  await db.schema
    .createTable('news_stories')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('first_seen_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('news_articles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('story_id', 'text', (c) => c.notNull().references('news_stories.id'))
    .addColumn('outlet_id', 'text', (c) => c.notNull().references('news_outlets.id'))
    .addColumn('feed_id', 'text', (c) => c.references('news_feeds.id'))
    .addColumn('source_kind', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('byline', 'text')
    .addColumn('published_on', 'text', (c) => c.notNull())
    .addColumn('date_source', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('signature', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('ingested_by', 'text', (c) => c.references('users.id'))
    .addColumn('ingested_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('news_articles_outlet_content', ['outlet_id', 'content_hash'])
    .execute();
  await db.schema.createIndex('news_articles_story').on('news_articles').column('story_id').execute();
  await db.schema.createIndex('news_articles_ingested').on('news_articles').column('ingested_at').execute();

  await db.schema
    .createTable('news_feed_items')
    .addColumn('feed_id', 'text', (c) => c.notNull().references('news_feeds.id'))
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('article_id', 'text', (c) => c.references('news_articles.id'))
    .addColumn('error', 'text')
    .addColumn('seen_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('news_feed_items_pk', ['feed_id', 'item_id'])
    .execute();

  await db.schema
    .createTable('news_article_bands')
    .addColumn('band_key', 'text', (c) => c.notNull())
    .addColumn('article_id', 'text', (c) => c.notNull().references('news_articles.id'))
    .execute();
  await db.schema.createIndex('news_article_bands_key').on('news_article_bands').column('band_key').execute();

  await db.schema
    .createTable('news_mentions')
    .addColumn('article_id', 'text', (c) => c.notNull().references('news_articles.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('surface', 'text', (c) => c.notNull())
    .addColumn('start_offset', 'integer', (c) => c.notNull())
    .addColumn('end_offset', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('news_mentions_article').on('news_mentions').column('article_id').execute();
  await db.schema.createIndex('news_mentions_code').on('news_mentions').columns(['code', 'article_id']).execute();

  await db.schema
    .createTable('news_proposals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('story_id', 'text', (c) => c.notNull().references('news_stories.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('match_key', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('draft', 'text', (c) => c.notNull())
    .addColumn('extracted', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('record_type', 'text')
    .addColumn('record_id', 'text')
    .addColumn('credibility', 'integer')
    .addColumn('decided_by', 'text', (c) => c.references('users.id'))
    .addColumn('decided_at', 'text')
    .addColumn('decision_note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('news_proposals_story_key', ['story_id', 'match_key'])
    .execute();
  await db.schema.createIndex('news_proposals_queue').on('news_proposals').columns(['status', 'created_at']).execute();

  await db.schema
    .createTable('news_proposal_sources')
    .addColumn('proposal_id', 'text', (c) => c.notNull().references('news_proposals.id'))
    .addColumn('article_id', 'text', (c) => c.notNull().references('news_articles.id'))
    .addColumn('spans', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('news_proposal_sources_pk', ['proposal_id', 'article_id'])
    .execute();
  await db.schema.createIndex('news_proposal_sources_article').on('news_proposal_sources').column('article_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['news_proposal_sources', 'news_proposals', 'news_mentions', 'news_article_bands', 'news_feed_items', 'news_articles', 'news_stories', 'news_feeds', 'news_outlets']) {
    await db.schema.dropTable(table).execute();
  }
}
