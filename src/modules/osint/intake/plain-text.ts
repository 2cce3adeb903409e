import { dropFurniture } from './furniture.ts';

/*
 * A pasted or uploaded text: its first line is the headline when it reads
 * like one (short, no final stop), the rest are paragraphs, one a line.
 */

export interface PlainArticle {
  readonly title: string | null;
  readonly paragraphs: string[];
  readonly dropped: string[];
  readonly outletHint: string | null;
}

const HEADLINE = /^[^\n]{8,200}$/;

/** Control characters other than tab and line feed, which no article text has. */
// eslint-disable-next-line no-control-regex -- these are exactly the characters to remove
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** The article in a plain text, without its furniture. */
export function readPlainText(raw: string, givenTitle?: string): PlainArticle {
  const lines = raw.normalize('NFC').replace(/\r\n?/g, '\n').replace(CONTROL, '').split('\n').map((l) => l.trim()).filter(Boolean);
  let title = givenTitle ?? null;
  let rest = lines;
  if (!title && lines[0] && HEADLINE.test(lines[0]) && !/[.!?]$/.test(lines[0]) && lines.length > 1) {
    title = lines[0];
    rest = lines.slice(1);
  }
  const { paragraphs, dropped, outletHint } = dropFurniture(rest);
  return { title, paragraphs, dropped, outletHint };
}
