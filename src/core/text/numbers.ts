// Numbers as news texts write them: "1,000", "1 000", "1.000" (French
// thousands), "2.5", "100 million", "$100m", "mille", "deux mille",
// "cinq cents", "twelve". Pure parsing; the callers decide what a number counts.

/** A number found in a text, with its span. */
export interface NumberMatch {
  readonly value: number;
  readonly start: number;
  readonly end: number;
}

const SMALL: Record<string, number> = {
  // English
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, dozen: 12,
  // French
  un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, sept: 7, huit: 8, neuf: 9, dix: 10, onze: 11, douze: 12, mille: 1000,
  treize: 13, quatorze: 14, quinze: 15, seize: 16, vingt: 20, trente: 30, quarante: 40, cinquante: 50, soixante: 60, douzaine: 12,
  // Haitian Creole
  youn: 1, de: 2, twa: 3, kat: 4, senk: 5, sis: 6, set: 7, uit: 8, nèf: 9, diz: 10, douz: 12, ven: 20, trant: 30, karant: 40, senkant: 50,
  // Spanish
  uno: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9, diez: 10, doce: 12, veinte: 20, treinta: 30, cincuenta: 50,
};
// "de" (Creole two) is also the French and Spanish "of": only as a count before a noun, decided by callers' patterns.
const AMBIGUOUS_SMALL = new Set(['de', 'un', 'une', 'set', 'sis', 'kat', 'ven']);

/** Scale words written apart from their number: "100 million", "cinq cents", "deux mille". */
const SCALES: Record<string, number> = {
  hundred: 100, cent: 100, cents: 100, san: 100, cien: 100, cientos: 100,
  thousand: 1e3, mille: 1e3, mil: 1e3, milye: 1e3,
  million: 1e6, millions: 1e6, milyon: 1e6, millones: 1e6, millon: 1e6, 'millón': 1e6,
  billion: 1e9, billions: 1e9, milliard: 1e9, milliards: 1e9, milya: 1e9,
};
/** Scales glued to digits: "$100m", "2.5bn", "10k". */
const GLUED_SCALES: Record<string, number> = { k: 1e3, m: 1e6, mn: 1e6, mio: 1e6, million: 1e6, b: 1e9, bn: 1e9, billion: 1e9 };

const DIGITS = String.raw`\d{1,3}(?:[,\u00a0\u202f ]\d{3})+(?:\.\d+)?|\d{1,3}(?:\.\d{3})+(?![\d,])|\d+(?:[.,]\d+)?`;
const alternatives = (words: string[]) => words.sort((a, b) => b.length - a.length).join('|');
const WORDS = alternatives(Object.keys(SMALL).filter((w) => !AMBIGUOUS_SMALL.has(w)));
const NUMBER = new RegExp(
  String.raw`(?<![\p{L}\p{N}.,])(?:(${DIGITS})(${alternatives(Object.keys(GLUED_SCALES))})(?![\p{L}\p{N}])|(?:(${DIGITS})|(${WORDS}))(?:[\s-]+(${alternatives(Object.keys(SCALES))}))?(?![\p{L}\p{N}]))`,
  'giu',
);

/** Reads a digit string: "1,000" and "1 000" and "1.000" are a thousand; "2.5" and "2,5" are two and a half. */
export function parseDigits(text: string): number {
  const compact = text.replace(/[\u00a0\u202f ]/g, '');
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(compact)) return Number(compact.replace(/,/g, ''));
  if (/^\d{1,3}(\.\d{3})+$/.test(compact)) return Number(compact.replace(/\./g, ''));
  return Number(compact.replace(',', '.'));
}

/** Every number written in `text` (digits or words, with a scale such as "million"), with its span. */
export function findNumbers(text: string, offset = 0): NumberMatch[] {
  const found: NumberMatch[] = [];
  for (const match of text.matchAll(NUMBER)) {
    const [whole, gluedDigits, gluedScale, digits, word, scale] = match;
    const value = gluedDigits !== undefined
      ? parseDigits(gluedDigits) * GLUED_SCALES[gluedScale!.toLowerCase()]!
      : (digits !== undefined ? parseDigits(digits) : SMALL[word!.toLowerCase()]!) * (scale ? SCALES[scale.toLowerCase()]! : 1);
    if (Number.isFinite(value)) found.push({ value, start: offset + match.index, end: offset + match.index + whole.length });
  }
  return found;
}
