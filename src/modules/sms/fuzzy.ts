import { fold } from '../../core/text/index.ts';

/*
 * Matching words as people type them on a phone keypad: accents dropped,
 * any case, and a slip or two — a letter missed, doubled, swapped with its
 * neighbour or mistyped. The allowance grows with the word's length, so that
 * short words must be exact ("mò" is not "mé") and long ones may be off by two
 * ("kidnapin", "kinaping" and "kidnaping" meet).
 */

/** Words of a message, folded (no accents, lower case), digits kept apart from letters: "3mo" is "3", "mo". */
export function smsWords(text: string): string[] {
  return fold(text)
    .replace(/(\d)(\p{L})/gu, '$1 $2')
    .replace(/(\p{L})(\d)/gu, '$1 $2')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

/**
 * Optimal-string-alignment distance (Damerau–Levenshtein without repeated
 * edits of one substring): insertions, deletions, substitutions and swaps of
 * neighbours each cost one. Stops early, returning max + 1, once the distance
 * must exceed max.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let beforePrevious = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i += 1) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, beforePrevious[j - 2]! + 1);
      current[j] = best;
      if (best < rowMin) rowMin = best;
    }
    if (rowMin > max) return max + 1;
    [beforePrevious, previous, current] = [previous, current, beforePrevious];
  }
  return previous[b.length]!;
}

/** Edits allowed for a keyword of this length (spaces not counted). */
export function allowance(length: number): number {
  if (length <= 4) return 0;
  if (length <= 7) return 1;
  return 2;
}

/** The distance between what was typed and a keyword when within the keyword's allowance, else null. */
export function nearMatch(typed: string, keyword: string): number | null {
  if (typed === keyword) return 0;
  const allowed = allowance(keyword.replace(/ /g, '').length);
  if (allowed === 0) return null;
  // The first letter is rarely mistyped, and holding it fixed keeps "mort" from meeting "port".
  if (typed[0] !== keyword[0]) return null;
  const distance = editDistance(typed, keyword, allowed);
  return distance <= allowed ? distance : null;
}

/** A keyword of several words matched by a run of the message's words, with or without the spaces between them. */
export interface PhraseMatch {
  start: number;
  /** Words covered. */
  length: number;
  distance: number;
}

/**
 * Where a phrase (folded words) occurs in the words: the nearest match, the
 * earliest among equals; used words are skipped. Words in `exactOnly` (the
 * everyday words of the three languages) match only exactly, so that
 * "merci" does not become a place called Mercy.
 */
export function findPhrase(words: readonly string[], phrase: readonly string[], used: ReadonlySet<number>, exactOnly?: ReadonlySet<string>): PhraseMatch | null {
  const joined = phrase.join(' ');
  const glued = phrase.join('');
  let best: PhraseMatch | null = null;
  // Typed with its spaces (1..n+1 words, an extra word for a split one) or glued into one word.
  for (let span = 1; span <= phrase.length + 1; span += 1) {
    for (let start = 0; start + span <= words.length; start += 1) {
      let free = true;
      for (let k = start; k < start + span; k += 1) if (used.has(k)) free = false;
      if (!free) continue;
      const typed = words.slice(start, start + span);
      const spaced = nearMatch(typed.join(' '), joined);
      const gluedDistance = nearMatch(typed.join(''), glued);
      const distance = Math.min(spaced ?? Infinity, gluedDistance ?? Infinity);
      if (distance === Infinity) continue;
      // A word split in two ("Kanape Ve" for "Kanapeve") is fine; two words glued into one name only when exact ("nan zon" is not Nazon).
      if (span > phrase.length && distance > 0) continue;
      if (distance > 0 && exactOnly && typed.some((word) => exactOnly.has(word))) continue;
      if (!best || distance < best.distance) best = { start, length: span, distance };
    }
  }
  return best;
}
