import { findDates } from './extract/dates.ts';
import type { IngestSource, NewsLanguage } from '../../shared/osint.ts';
import { AppError } from '../../shared/errors.ts';
import { decodeText } from './intake/decode.ts';
import { fetchLimited, type FetchPolicy } from './intake/fetch.ts';
import { readHtml } from './intake/html.ts';
import { detectLanguage } from './intake/language.ts';
import { readPlainText } from './intake/plain-text.ts';

/*
 * One article from whatever the analyst gives: a URL (fetched within
 * limits), a pasted text, or an uploaded HTML or text file (decoded with its
 * own encoding). The result is the article's text without its furniture,
 * with its title, date, author, outlet and language.
 */

export interface ArticleDocument {
  readonly sourceKind: 'url' | 'feed' | 'file' | 'text';
  readonly url: string | null;
  readonly title: string;
  readonly byline: string | null;
  readonly publishedOn: string;
  readonly dateSource: 'given' | 'page' | 'feed' | 'text';
  readonly outletName: string;
  readonly domain: string | null;
  readonly language: NewsLanguage;
  readonly body: string;
  readonly notes: string[];
}

/** The shortest article text worth reading. */
const MIN_BODY = 80;

interface Read {
  title: string | null;
  byline: string | null;
  publishedOn: string | null;
  outlet: string | null;
  paragraphs: string[];
  dropped: string[];
  url: string | null;
  encoding: string | null;
}

const looksLikeHtml = (text: string) => /^\s*(?:<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(text) || /<(?:p|div|article|body)[\s>]/i.test(text.slice(0, 4000));
const looksLikeFeed = (text: string) => /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:rss|feed|rdf:RDF)[\s>]/i.test(text);

function readText(text: string, { contentType, filename, url }: { contentType?: string | null; filename?: string; url?: string | null }): Omit<Read, 'encoding'> {
  const declaredHtml = /html/i.test(contentType ?? '') || /\.x?html?$/i.test(filename ?? '');
  if (looksLikeFeed(text) || /(rss|atom)\+xml/i.test(contentType ?? '')) {
    throw new AppError('NEWS_UNREADABLE', 'this is an RSS or Atom feed, not an article: subscribe to it as a feed (konbit news feed add URL, or POST /api/v1/news/feeds)');
  }
  if (declaredHtml || looksLikeHtml(text)) {
    const page = readHtml(text, url ?? null);
    return { title: page.title, byline: page.byline, publishedOn: page.publishedOn, outlet: page.siteName ?? page.outletHint, paragraphs: page.paragraphs, dropped: page.dropped, url: page.canonicalUrl ?? url ?? null };
  }
  const plain = readPlainText(text);
  return { title: plain.title, byline: null, publishedOn: null, outlet: plain.outletHint, paragraphs: plain.paragraphs, dropped: plain.dropped, url: url ?? null };
}

async function acquire(source: IngestSource, options: { encoding?: string | undefined; fetchPolicy: FetchPolicy }): Promise<Read> {
  switch (source.kind) {
    case 'url': {
      const fetched = await fetchLimited(source.url, options.fetchPolicy);
      const { text, encoding } = decodeText(fetched.bytes, { encoding: options.encoding, contentType: fetched.contentType });
      return { ...readText(text, { contentType: fetched.contentType, url: fetched.url }), encoding };
    }
    case 'file': {
      const bytes = Buffer.from(source.contentBase64, 'base64');
      if (bytes.length === 0) throw new AppError('NEWS_UNREADABLE', `${source.filename} is empty`);
      const { text, encoding } = decodeText(bytes, { encoding: options.encoding, contentType: source.contentType });
      return { ...readText(text, { contentType: source.contentType ?? null, filename: source.filename }), encoding };
    }
    case 'text': {
      const read = readText(source.text, {});
      return { ...read, title: source.title ?? read.title, encoding: null };
    }
  }
}

/** A date written at the top of a plain text ("September 28, 2023", "Publié le 28 septembre 2023"). */
function dateInText(lines: readonly string[]): string | null {
  for (const line of lines.slice(0, 6)) {
    if (line.split(/\s+/).length > 14) continue;
    const date = findDates(line, { language: 'und', ref: null }).find((d) => d.kind === 'day');
    if (date) return date.from;
  }
  return null;
}

export interface ReadArticleOptions {
  readonly publishedOn?: string | undefined;
  readonly outlet?: string | undefined;
  readonly encoding?: string | undefined;
  readonly fetchPolicy: FetchPolicy;
  /** For feed items: the item's date and the feed's outlet. */
  readonly feedItem?: { publishedOn: string | null; title: string | null; link: string | null } | undefined;
}

/** Reads one article; refuses, with what to do, anything that is not one. */
export async function readArticle(source: IngestSource, options: ReadArticleOptions): Promise<ArticleDocument> {
  const read = await acquire(source, options);
  const body = read.paragraphs.join('\n\n');
  if (body.length < MIN_BODY) {
    throw new AppError('NEWS_UNREADABLE', `no article text found (${body.length} characters once page furniture is dropped): give the article's own text, page or file`);
  }
  const textDate = dateInText([...read.dropped.slice(0, 3), ...read.paragraphs.slice(0, 3)]);
  const [publishedOn, dateSource] = options.publishedOn ? [options.publishedOn, 'given' as const]
    : read.publishedOn ? [read.publishedOn, 'page' as const]
      : options.feedItem?.publishedOn ? [options.feedItem.publishedOn, 'feed' as const]
        : textDate ? [textDate, 'text' as const] : [null, null];
  if (!publishedOn || !dateSource) {
    throw new AppError('NEWS_UNDATED', 'the article carries no date, so "last week" or "in July" cannot be dated: give the date it was published (publishedOn, or --date YYYY-MM-DD)');
  }
  const url = read.url ?? options.feedItem?.link ?? null;
  const domain = url ? new URL(url).hostname.replace(/^www\./, '').toLowerCase() : null;
  const notes: string[] = [];
  if (read.encoding && read.encoding !== 'utf-8') notes.push(`decoded from ${read.encoding}`);
  if (read.dropped.length > 0) notes.push(`dropped as page furniture: ${read.dropped.map((d) => JSON.stringify(d.length > 80 ? `${d.slice(0, 77)}…` : d)).join(', ')}`);
  notes.push(`date from ${dateSource === 'given' ? 'the analyst' : dateSource === 'page' ? "the page's metadata" : dateSource === 'feed' ? 'the feed' : 'the text'}: ${publishedOn}`);
  const title = (read.title ?? options.feedItem?.title ?? read.paragraphs[0]!.slice(0, 120)).slice(0, 300);
  return {
    sourceKind: options.feedItem ? 'feed' : source.kind,
    url,
    title,
    byline: read.byline,
    publishedOn,
    dateSource,
    outletName: (options.outlet ?? read.outlet ?? domain ?? 'Unknown outlet').slice(0, 200),
    domain,
    language: detectLanguage(`${title}\n${body}`),
    body,
    notes,
  };
}
