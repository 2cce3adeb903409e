import { FULL_TEXT_MAX_WORD } from '../../db/dialect.ts';

/*
 * Folding for full-text search: accents and case removed, words of letters
 * and digits kept, so "Kreyòl", "KREYOL" and "kreyol" are one word on both
 * databases, and "G-Pep" is the two words "g pep".
 */

/** The folded words of a text. */
export function foldWords(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
}

/** The text the full-text index reads: every searchable field, folded, space-separated (words too long to index left out). */
export function searchTextOf(parts: readonly (string | null | undefined)[]): string {
  return foldWords(parts.filter((part) => part).join(' '))
    .filter((word) => word.length <= FULL_TEXT_MAX_WORD)
    .join(' ');
}

/** The registry key of an actor's name: "G-Pep" and "g pep" are the same actor. */
export function actorNameKey(name: string): string {
  return foldWords(name).join(' ');
}
