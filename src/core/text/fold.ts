// Folding: the form words are compared in. Lower case, no diacritics, one kind
// of apostrophe and dash, so "Haïti", "HAITI" and "haiti" meet, and so do
// "Grand’Anse" and "Grand'Anse".

const COMBINING_MARKS = /\p{M}+/gu;

/**
 * The folded form of a word or a phrase: NFD-decomposed, combining marks
 * dropped, lower-cased; typographic apostrophes and dashes become ASCII.
 * Tokens keep the offsets of their source text, whatever folding does to
 * their length.
 */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc\u2032`´]/g, "'")
    .replace(/[\u2010-\u2015\u2212]/g, '-');
}

/** Text with typographic apostrophes, dashes, quotes and spaces made plain, length unchanged. */
export function plainPunctuation(text: string): string {
  return text
    .replace(/[\u2018\u2019\u02bc\u2032]/g, "'")
    .replace(/[\u201c\u201d\u00ab\u00bb\u201e]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u00a0\u2007\u202f\u2009]/g, ' ');
}
