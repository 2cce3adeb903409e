// Sentence spans. A sentence ends at ., ! or ? followed by a space and a
// capital, a digit or an opening quote — except after an abbreviation or an
// initial ("U.N. Security Council", "Mr. Henry", "St. Marc") — and always at
// a paragraph break.

/** A sentence of a text: its offsets and its text. */
export interface Span {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

// Folded, without the final dot. Single letters (initials, U.S., U.N.) are handled apart.
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'st', 'ste', 'mt', 'gen', 'lt', 'col', 'capt', 'sgt', 'gov', 'pres', 'sen', 'rep', 'rev', 'prof', 'jr', 'sr',
  'no', 'nos', 'vol', 'fig', 'approx', 'est', 'dept', 'inc', 'ltd', 'co', 'corp', 'vs', 'etc', 'al',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'mme', 'mmes', 'mlle', 'me', 'mgr', 'cf', 'janv', 'fevr', 'avr', 'juil', 'sr', 'sra', 'lic',
]);

const BOUNDARY = /[.!?]+["'”’»)]*(?=\s+["'“‘«(]?[\p{Lu}\p{N}])/gu;

/** The word just before `index` in `text` (letters and dots), lower-cased, without the final dot. */
function wordBefore(text: string, index: number): string {
  let start = index;
  while (start > 0 && /[\p{L}.]/u.test(text[start - 1]!)) start -= 1;
  return text.slice(start, index).toLowerCase().replace(/\.$/, '');
}

/** Whether the stop at `index` closes an abbreviation or an initial rather than a sentence. */
function isAbbreviation(text: string, index: number): boolean {
  if (text[index] !== '.') return false;
  const word = wordBefore(text, index);
  const last = word.split('.').at(-1) ?? '';
  // "U.N", "U.S", "A" (an initial): a dotted run of single letters.
  if (/^(\p{L}\.)*\p{L}$/u.test(word) && last.length === 1) return true;
  return ABBREVIATIONS.has(word.normalize('NFD').replace(/\p{M}/gu, ''));
}

/** Splits one paragraph (no line breaks inside) into sentence spans. */
function splitParagraph(text: string, offset: number, into: Span[]): void {
  let start = 0;
  for (const match of text.matchAll(BOUNDARY)) {
    const stop = match.index;
    if (isAbbreviation(text, stop)) continue;
    const end = stop + match[0].length;
    pushTrimmed(text, offset, start, end, into);
    start = end;
  }
  pushTrimmed(text, offset, start, text.length, into);
}

function pushTrimmed(text: string, offset: number, from: number, to: number, into: Span[]): void {
  let start = from;
  let end = to;
  while (start < end && /\s/.test(text[start]!)) start += 1;
  while (end > start && /\s/.test(text[end - 1]!)) end -= 1;
  if (end > start) into.push({ start: offset + start, end: offset + end, text: text.slice(start, end) });
}

/** The sentences of a text, with offsets into it. Line breaks end sentences too. */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    splitParagraph(line, offset, spans);
    offset += line.length + 1;
  }
  return spans;
}

/** The paragraphs of a text (blank-line or line separated), with offsets. */
export function splitParagraphs(text: string): Span[] {
  const spans: Span[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    pushTrimmed(line, offset, 0, line.length, spans);
    offset += line.length + 1;
  }
  return spans;
}
