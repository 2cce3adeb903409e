// Word tokens with their offsets in the source text. A token is a run of
// letters, marks and digits; everything else separates tokens, so "U.N." is
// two tokens (u, n) and "Port-au-Prince" three. Gazetteer names are cut the
// same way, which is what lets them meet.

import { fold } from './fold.ts';

/** One word of a text: where it is and how it compares. */
export interface Token {
  /** Offset of the first character in the source text (UTF-16 units). */
  readonly start: number;
  /** Offset just past the last character. */
  readonly end: number;
  /** The word as written. */
  readonly text: string;
  /** The word folded (see fold()). */
  readonly folded: string;
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** The words of `text`, in order, with offsets; `offset` shifts them (for a slice of a larger text). */
export function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const start = offset + match.index;
    tokens.push({ start, end: start + match[0].length, text: match[0], folded: fold(match[0]) });
  }
  return tokens;
}

/** The folded words of a phrase, as a gazetteer key. */
export function foldedWords(phrase: string): string[] {
  return tokenize(phrase).map((token) => token.folded);
}
