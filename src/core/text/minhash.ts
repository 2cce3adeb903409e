// Near-duplicate texts by MinHash over word shingles, with locality-sensitive
// hashing bands to find candidates without comparing every pair. The same
// story syndicated by several outlets shares most of its 5-word shingles even
// when each outlet adds its own headline, captions and links.

import { tokenize } from './tokens.ts';

/** Words per shingle. */
export const SHINGLE_WORDS = 5;
/** Hash functions per signature: BANDS × ROWS_PER_BAND. */
export const SIGNATURE_SIZE = 120;
/** LSH bands; with 6 rows each, texts of similarity ~0.6 and above share a band with high probability. */
export const BANDS = 20;
export const ROWS_PER_BAND = SIGNATURE_SIZE / BANDS;

/** 32-bit FNV-1a of a string. */
function fnv1a(text: string, seed = 0x811c9dc5): number {
  let hash = seed;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** A 32-bit finaliser (murmur3's) that spreads FNV's low-entropy high bits. */
function mix(value: number): number {
  let h = value;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Hashes of the distinct word shingles of a text (folded words, so case and accents do not matter). */
export function shingleHashes(text: string, size = SHINGLE_WORDS): Uint32Array {
  const words = tokenize(text).map((t) => t.folded);
  const hashes = new Set<number>();
  if (words.length > 0 && words.length < size) hashes.add(fnv1a(words.join(' ')));
  for (let i = 0; i + size <= words.length; i += 1) hashes.add(fnv1a(words.slice(i, i + size).join(' ')));
  return Uint32Array.from(hashes);
}

/**
 * The MinHash signature of a set of shingle hashes: for each of the
 * SIGNATURE_SIZE hash functions h_i(x) = mix(x) + i·mix2(x) (double hashing),
 * the smallest value over the set. Two signatures agree at a position with
 * probability equal to the sets' Jaccard similarity.
 */
export function minhashSignature(shingles: Uint32Array): Uint32Array {
  const signature = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  for (const shingle of shingles) {
    const a = mix(shingle);
    const b = mix(shingle ^ 0x9e3779b9) | 1;
    for (let i = 0; i < SIGNATURE_SIZE; i += 1) {
      const value = (a + Math.imul(i, b)) >>> 0;
      if (value < signature[i]!) signature[i] = value;
    }
  }
  return signature;
}

/** The estimated Jaccard similarity of two signatures: the share of positions where they agree. */
export function estimatedSimilarity(a: Uint32Array, b: Uint32Array): number {
  if (a.length !== b.length) throw new RangeError('estimatedSimilarity: signatures of different sizes; compute both with minhashSignature');
  let same = 0;
  for (let i = 0; i < a.length; i += 1) if (a[i] === b[i]) same += 1;
  return same / a.length;
}

/** One key per LSH band ("band:hash"): texts sharing any key are candidates for comparison. */
export function bandKeys(signature: Uint32Array): string[] {
  const keys: string[] = [];
  for (let band = 0; band < BANDS; band += 1) {
    let hash = 0x811c9dc5;
    for (let row = band * ROWS_PER_BAND; row < (band + 1) * ROWS_PER_BAND; row += 1) hash = Math.imul(hash ^ signature[row]!, 0x01000193);
    keys.push(`${band}:${(hash >>> 0).toString(16)}`);
  }
  return keys;
}

/** A signature as hex text for storage, and back. */
export function signatureToHex(signature: Uint32Array): string {
  return Array.from(signature, (v) => v.toString(16).padStart(8, '0')).join('');
}

export function signatureFromHex(hex: string): Uint32Array {
  if (hex.length !== SIGNATURE_SIZE * 8 || !/^[0-9a-f]+$/.test(hex)) throw new RangeError(`signatureFromHex: expected ${SIGNATURE_SIZE * 8} hex digits`);
  const signature = new Uint32Array(SIGNATURE_SIZE);
  for (let i = 0; i < SIGNATURE_SIZE; i += 1) signature[i] = parseInt(hex.slice(i * 8, i * 8 + 8), 16);
  return signature;
}
