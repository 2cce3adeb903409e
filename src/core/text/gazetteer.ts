// Gazetteer matching: finds the names of known things (nations, organisations,
// gangs, places) in a text, longest name first, with the span of each match.
// Names are compared as sequences of folded words, so "les Bahamas",
// "the Bahamas" and "Bahamas" are three names of one entry, and
// "Antigua and Barbuda" wins over "Antigua" where both could match.

import { tokenize, type Token } from './tokens.ts';

/** One thing a gazetteer knows, under all its names. */
export interface GazetteerEntry<K extends string = string> {
  /** Stable identifier (an ISO 3166 code, an organisation code, a place id…). */
  readonly id: string;
  readonly kind: K;
  /**
   * Its names in any language. A name starting with "=" matches only as
   * written (case and accents), for names that are also common words
   * ("=US", "=UN", "=Nord").
   */
  readonly names: readonly string[];
}

/** A name found in a text. */
export interface GazetteerMatch<K extends string = string> {
  readonly id: string;
  readonly kind: K;
  /** Offsets of the matched words in the text. */
  readonly start: number;
  readonly end: number;
  /** The text as written between start and end. */
  readonly surface: string;
}

interface TrieNode {
  readonly next: Map<string, TrieNode>;
  /** Entries whose name ends here, with the exact words a case-sensitive name needs. */
  ends: { entry: number; exact: string[] | null }[];
}

const newNode = (): TrieNode => ({ next: new Map(), ends: [] });

/** A compiled gazetteer: build once, match many texts. */
export class Gazetteer<K extends string = string> {
  readonly #entries: GazetteerEntry<K>[];
  readonly #root = newNode();

  constructor(entries: Iterable<GazetteerEntry<K>>) {
    this.#entries = [...entries];
    this.#entries.forEach((entry, index) => {
      for (const name of entry.names) this.#add(name, index);
    });
  }

  #add(name: string, entry: number): void {
    const exact = name.startsWith('=');
    const words = tokenize(exact ? name.slice(1) : name);
    if (words.length === 0) return;
    let node = this.#root;
    for (const word of words) {
      let child = node.next.get(word.folded);
      if (!child) node.next.set(word.folded, (child = newNode()));
      node = child;
    }
    node.ends.push({ entry, exact: exact ? words.map((w) => w.text) : null });
  }

  /** How many entries it holds. */
  get size(): number {
    return this.#entries.length;
  }

  /** Every non-overlapping match in `text`, left to right, the longest name winning at each position. */
  find(text: string): GazetteerMatch<K>[] {
    return this.findInTokens(text, tokenize(text));
  }

  /** As find(), over tokens already cut from `text`. */
  findInTokens(text: string, tokens: readonly Token[]): GazetteerMatch<K>[] {
    const matches: GazetteerMatch<K>[] = [];
    let i = 0;
    while (i < tokens.length) {
      const found = this.#longestAt(tokens, i);
      if (!found) {
        i += 1;
        continue;
      }
      const entry = this.#entries[found.entry]!;
      const start = tokens[i]!.start;
      const end = tokens[found.last]!.end;
      matches.push({ id: entry.id, kind: entry.kind, start, end, surface: text.slice(start, end) });
      i = found.last + 1;
    }
    return matches;
  }

  #longestAt(tokens: readonly Token[], first: number): { entry: number; last: number } | null {
    let node: TrieNode | undefined = this.#root;
    let best: { entry: number; last: number } | null = null;
    for (let i = first; i < tokens.length && node; i += 1) {
      node = node.next.get(tokens[i]!.folded);
      if (!node) break;
      for (const end of node.ends) {
        if (end.exact && !end.exact.every((word, k) => tokens[first + k]!.text === word)) continue;
        best = { entry: end.entry, last: i };
        break;
      }
    }
    return best;
  }
}
