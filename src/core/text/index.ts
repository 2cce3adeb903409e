// core/text: folding, word tokens, sentences, numbers, gazetteer matching and
// near-duplicate signatures. Pure functions over strings; no I/O.

export { fold, plainPunctuation } from './fold.ts';
export { tokenize, foldedWords } from './tokens.ts';
export type { Token } from './tokens.ts';
export { splitSentences, splitParagraphs } from './sentences.ts';
export type { Span } from './sentences.ts';
export { findNumbers, parseDigits } from './numbers.ts';
export type { NumberMatch } from './numbers.ts';
export { Gazetteer } from './gazetteer.ts';
export type { GazetteerEntry, GazetteerMatch } from './gazetteer.ts';
export {
  BANDS, ROWS_PER_BAND, SHINGLE_WORDS, SIGNATURE_SIZE, bandKeys, estimatedSimilarity, minhashSignature, shingleHashes, signatureFromHex, signatureToHex,
} from './minhash.ts';
