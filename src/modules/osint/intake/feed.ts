import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { AppError } from '../../../shared/errors.ts';
import { dayOf } from './html.ts';

/*
 * RSS 2.0, RSS 1.0 (RDF) and Atom feeds, read with a streaming XML parser
 * that expands no entity: a DOCTYPE is refused outright (that is where an
 * XML bomb or an external entity would be declared), and an entity other than
 * XML's five is an error. Anything that is not one of the three feed formats
 * is refused with what it looked like.
 */

export interface FeedItem {
  /** The item's id: guid, Atom id, else its link. */
  readonly id: string;
  readonly link: string | null;
  readonly title: string | null;
  readonly publishedOn: string | null;
  /** Full content (content:encoded, Atom content), HTML. */
  readonly content: string | null;
  /** Summary or description, HTML or text. */
  readonly summary: string | null;
}

export interface ParsedFeed {
  readonly format: 'rss' | 'atom' | 'rdf';
  readonly title: string | null;
  readonly items: FeedItem[];
}

/** At most this many items are read from one feed. */
export const MAX_FEED_ITEMS = 500;

const ITEM_TAGS = new Set(['item', 'entry']);

/** RFC 822 (RSS) or ISO 8601 (Atom) dates as YYYY-MM-DD. */
function feedDay(value: string | undefined): string | null {
  if (!value) return null;
  const iso = dayOf(value);
  if (iso) return iso;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? null : parsed.toISOString().slice(0, 10);
}

class ItemCollector {
  readonly items: FeedItem[] = [];
  feedTitle: string | null = null;
  private fields: Record<string, string> | null = null;
  private path: string[] = [];
  private link: string | null = null;

  open(tag: SaxesTagPlain): void {
    this.path.push(tag.name);
    if (ITEM_TAGS.has(localName(tag.name))) {
      this.fields = {};
      this.link = null;
      return;
    }
    // Atom links are attributes: the alternate (or first) one is the article.
    if (this.fields && localName(tag.name) === 'link' && typeof tag.attributes.href === 'string') {
      const rel = tag.attributes.rel ?? 'alternate';
      if (rel === 'alternate' || this.link === null) this.link = tag.attributes.href;
    }
  }

  text(text: string): void {
    const name = this.path.at(-1);
    if (!name) return;
    if (this.fields) {
      if (this.path.length >= 2 && ITEM_TAGS.has(localName(this.path.at(-2)!))) this.fields[name] = (this.fields[name] ?? '') + text;
    } else if (localName(name) === 'title' && this.path.length <= 3 && this.feedTitle === null) this.feedTitle = text.trim() || null;
  }

  close(tag: SaxesTagPlain): void {
    this.path.pop();
    if (!this.fields || !ITEM_TAGS.has(localName(tag.name))) return;
    const f = this.fields;
    this.fields = null;
    if (this.items.length >= MAX_FEED_ITEMS) return;
    const link = (f.link ?? this.link ?? '').trim() || null;
    const id = (f.guid ?? f.id ?? link ?? '').trim();
    if (!id) return;
    this.items.push({
      id,
      link,
      title: f.title?.trim() || null,
      publishedOn: feedDay(f.pubDate ?? f.published ?? f.updated ?? f['dc:date']),
      content: f['content:encoded'] ?? f.content ?? null,
      summary: f.description ?? f.summary ?? null,
    });
  }
}

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

/** Parses a feed's text; throws NEWS_UNREADABLE with the reason for anything else. */
export function parseFeed(xml: string): ParsedFeed {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const collector = new ItemCollector();
  let root: string | null = null;
  parser.on('doctype', () => {
    throw new AppError('NEWS_UNREADABLE', 'the feed declares a DOCTYPE, which Konbit refuses: feeds need none, and entities are never expanded (an XML bomb or external entity stops here)');
  });
  parser.on('opentag', (tag) => {
    root ??= tag.name;
    collector.open(tag);
  });
  parser.on('closetag', (tag) => collector.close(tag));
  parser.on('text', (text) => collector.text(text));
  parser.on('cdata', (text) => collector.text(text));
  try {
    parser.write(xml).close();
  } catch (error) {
    if (error instanceof AppError) throw error;
    const reason = (error instanceof Error ? error.message : String(error)).replace(/^[^:]*:\d+:\d+: /, '');
    const looksHtml = /^\s*(<!doctype html|<html)/i.test(xml);
    throw new AppError('NEWS_UNREADABLE', looksHtml ? 'this is an HTML page, not an RSS or Atom feed: ingest it as an article, or give the feed\'s own URL' : `the feed is not well-formed XML (line ${parser.line}: ${reason})`);
  }
  const format = root === 'rss' ? 'rss' : root === 'feed' ? 'atom' : root === 'rdf:RDF' ? 'rdf' : null;
  if (!format) throw new AppError('NEWS_UNREADABLE', `this XML is not an RSS or Atom feed (its root element is <${root ?? 'none'}>)`);
  return { format, title: collector.feedTitle, items: collector.items };
}
