import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { fold } from '../../../core/text/index.ts';
import { AppError } from '../../../shared/errors.ts';
import { dropFurniture } from './furniture.ts';

/*
 * The article in an HTML page: Readability (over a linkedom DOM, in which no
 * script ever runs) finds the article's body; scripts, styles, forms,
 * navigation, figures and their captions, share bars and "related" blocks
 * are removed before it reads, and the paragraphs it keeps go through the
 * same furniture filter as plain text. Title, date, author and site name
 * come from the page's metadata (Open Graph, article:published_time,
 * JSON-LD, <time>).
 */

export interface HtmlArticle {
  readonly title: string | null;
  readonly byline: string | null;
  /** The publication date the page gives (YYYY-MM-DD), if any. */
  readonly publishedOn: string | null;
  readonly siteName: string | null;
  readonly canonicalUrl: string | null;
  readonly paragraphs: string[];
  readonly dropped: string[];
  readonly outletHint: string | null;
}

const REMOVED = [
  'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'form', 'button', 'input', 'select', 'textarea', 'svg', 'canvas', 'video', 'audio',
  'nav', 'header nav', 'footer', 'aside', 'figure', 'figcaption', 'picture', '[role="navigation"]', '[role="complementary"]', '[aria-hidden="true"]',
  '[class*="share"]', '[class*="social"]', '[class*="related"]', '[class*="newsletter"]', '[class*="caption"]', '[class*="credit"]', '[class*="promo"]', '[class*="advert"]',
  '[id*="share"]', '[id*="related"]', '[class*="more-from"]', '[class*="read-more"]', '[class*="comments"]',
].join(',');

const BLOCKS = 'p, h2, h3, h4, h5, h6, li, blockquote, pre';

type Doc = ReturnType<typeof parseHTML>['document'];

function meta(document: Doc, ...names: string[]): string | null {
  for (const name of names) {
    const element = document.querySelector(`meta[property="${name}"], meta[name="${name}"], meta[itemprop="${name}"]`);
    const content = element?.getAttribute('content')?.trim();
    if (content) return content;
  }
  return null;
}

/** datePublished, headline and author from JSON-LD blocks (read before scripts are removed). */
function jsonLd(document: Doc): { datePublished?: string; headline?: string; author?: string } {
  for (const element of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      const parsed = JSON.parse(element.textContent ?? '') as unknown;
      const nodes = (Array.isArray(parsed) ? parsed : [parsed, ...((parsed as { '@graph'?: unknown[] })?.['@graph'] ?? [])]) as Record<string, unknown>[];
      for (const node of nodes) {
        if (node && typeof node === 'object' && typeof node.datePublished === 'string') {
          const author = node.author as { name?: string } | { name?: string }[] | undefined;
          const authorName = Array.isArray(author) ? author[0]?.name : author?.name;
          return { datePublished: node.datePublished, ...(typeof node.headline === 'string' ? { headline: node.headline } : {}), ...(authorName ? { author: authorName } : {}) };
        }
      }
    } catch {
      // A broken JSON-LD block says nothing; the other metadata still may.
    }
  }
  return {};
}

/** YYYY-MM-DD of an ISO-like date string, or null. */
export function dayOf(value: string | null | undefined): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value?.trim() ?? '');
  if (!match) return null;
  const date = new Date(`${match[1]}-${match[2]}-${match[3]}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? null : `${match[1]}-${match[2]}-${match[3]}`;
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** "Kenya to lead force | Caribbean Times" -> "Kenya to lead force". */
function withoutSiteName(title: string, siteName: string | null): string {
  const parts = title.split(/\s+[|–—-]\s+/);
  if (parts.length < 2) return title;
  const last = parts.at(-1)!;
  return siteName && fold(last) === fold(siteName) ? parts.slice(0, -1).join(' - ') : parts.length === 2 && last.split(' ').length <= 4 ? parts[0]! : title;
}

function removeFurnitureElements(document: Doc): void {
  for (const element of [...document.querySelectorAll(REMOVED)] as { remove(): void }[]) element.remove();
}

/** Paragraph texts of an HTML fragment, in document order, nested blocks read once. */
function paragraphsOf(html: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  removeFurnitureElements(document);
  const blocks = [...document.querySelectorAll(BLOCKS)].filter((element) => !element.parentElement?.closest(BLOCKS));
  const texts = blocks.map((element) => squash(element.textContent ?? '')).filter(Boolean);
  return texts.length > 0 ? texts : squash(document.body?.textContent ?? '').split(/(?<=[.!?])\s{2,}/).filter(Boolean);
}

/** Reads the article in a page; refuses a page with no article text. */
export function readHtml(html: string, url: string | null): HtmlArticle {
  const { document } = parseHTML(html);
  const ld = jsonLd(document);
  const published = dayOf(meta(document, 'article:published_time', 'og:article:published_time', 'datePublished', 'date', 'pubdate', 'dc.date', 'DC.date.issued', 'parsely-pub-date', 'sailthru.date'))
    ?? dayOf(ld.datePublished)
    ?? dayOf(document.querySelector('time[datetime]')?.getAttribute('datetime'));
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta(document, 'og:url');
  const metaTitle = meta(document, 'og:title', 'twitter:title') ?? ld.headline ?? null;
  const siteName = meta(document, 'og:site_name', 'application-name');
  const author = meta(document, 'author', 'article:author') ?? ld.author ?? null;
  removeFurnitureElements(document);
  const article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], { charThreshold: 200, keepClasses: false }).parse();
  const paragraphs = article?.content ? paragraphsOf(article.content) : [];
  const { paragraphs: kept, dropped, outletHint } = dropFurniture(paragraphs);
  if (kept.join(' ').length < 80) {
    throw new AppError('NEWS_UNREADABLE', `no article text found in the page${url ? ` ${url}` : ''}: it may be an index page, need scripts to show its text, or be behind a paywall; paste the article's text instead`);
  }
  const title = withoutSiteName(squash(metaTitle ?? article?.title ?? document.querySelector('title')?.textContent ?? ''), siteName) || null;
  // The headline repeated as the body's first block is not a paragraph of the article.
  if (title && kept[0] && fold(kept[0]) === fold(title)) kept.shift();
  return {
    title,
    byline: author ?? (article?.byline ? squash(article.byline) : null),
    publishedOn: published ?? dayOf(article?.publishedTime),
    siteName: siteName ?? article?.siteName ?? null,
    canonicalUrl: canonical && url ? new URL(canonical, url).toString() : canonical ?? null,
    paragraphs: kept,
    dropped,
    outletHint,
  };
}
