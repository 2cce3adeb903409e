import { findNumbers } from '../../../core/text/index.ts';
import type { CurrencyCode } from '../../../shared/ledger.ts';

/*
 * Sums of money as news writes them: "$100 million", "US$2.5bn",
 * "100 millions de dollars américains", "5 millions d'euros", "CAD 80.5
 * million", "KSh 2 billion", "20 milyon dola". A bare "$" is the US dollar.
 */

export interface MoneyMention {
  readonly amount: number;
  readonly currency: CurrencyCode;
  readonly start: number;
  readonly end: number;
}

/** Symbols and codes written before the number. */
const PREFIXES: [RegExp, CurrencyCode][] = [
  [/(?:US\s?\$|USD\s?|U\.S\.\s?\$)$/i, 'USD'],
  [/(?:EC\$|XCD\s?)$/i, 'XCD'],
  [/(?:C\$|CA\$|CAD\s?|Can\$)$/i, 'CAD'],
  [/(?:J\$|JMD\s?)$/i, 'JMD'],
  [/(?:B\$|BSD\s?)$/i, 'BSD'],
  [/(?:€|EUR\s?)$/i, 'EUR'],
  [/(?:£|GBP\s?)$/i, 'GBP'],
  [/(?:KSh\.?\s?|KES\s?|Ksh\.?\s?)$/, 'KES'],
  [/(?:HTG\s?)$/, 'HTG'],
  [/(?:¥|JPY\s?)$/, 'JPY'],
  [/\$$/, 'USD'],
];

/** Currency words written after the number. */
const SUFFIXES: [RegExp, CurrencyCode][] = [
  [/^\s*(?:de\s+|d'|d’)?(?:(?:US|U\.S\.|American|américains?|ameriken|estadounidenses)\s+dollars|dollars?\s+(?:US|américains?|des États-Unis|ameriken|estadounidenses)|dollars?\s+US|dólares\s+(?:estadounidenses|americanos))/i, 'USD'],
  [/^\s*(?:de\s+|d'|d’)?(?:canadian\s+dollars|dollars?\s+canadiens?|dólares\s+canadienses)/i, 'CAD'],
  [/^\s*(?:de\s+|d'|d’)?(?:jamaican\s+dollars|dollars?\s+jamaïcains?)/i, 'JMD'],
  [/^\s*(?:de\s+|d'|d’)?(?:euros?)\b/i, 'EUR'],
  [/^\s*(?:de\s+|d'|d’)?(?:pounds?(?:\s+sterling)?|livres?\s+sterling)\b/i, 'GBP'],
  [/^\s*(?:de\s+|d'|d’)?(?:kenyan\s+shillings|shillings?\s+kényans?|shillings?)\b/i, 'KES'],
  [/^\s*(?:de\s+|d'|d’)?(?:gourdes?|goud)\b/i, 'HTG'],
  [/^\s*(?:de\s+|d'|d’)?(?:yen)\b/i, 'JPY'],
  [/^\s*(?:de\s+|d'|d’)?(?:dollars?|dola|dólares)\b/i, 'USD'],
];

/** Every sum of money in a sentence with its currency and span. */
export function findMoney(sentence: string, offset = 0): MoneyMention[] {
  const found: MoneyMention[] = [];
  for (const number of findNumbers(sentence)) {
    const before = sentence.slice(Math.max(0, number.start - 8), number.start);
    const after = sentence.slice(number.end, number.end + 45);
    const prefix = PREFIXES.find(([pattern]) => pattern.test(before));
    if (prefix) {
      const symbol = before.match(prefix[0])![0];
      found.push({ amount: number.value, currency: prefix[1], start: offset + number.start - symbol.length, end: offset + number.end });
      continue;
    }
    const suffix = SUFFIXES.map(([pattern, currency]) => ({ match: after.match(pattern), currency })).find((s) => s.match);
    if (suffix) found.push({ amount: number.value, currency: suffix.currency, start: offset + number.start, end: offset + number.end + suffix.match![0].length });
  }
  return found;
}

/** A decimal amount string for the ledger ("100000000", "80500000.5"), at most two decimals. */
export function decimalAmount(amount: number): string {
  return Number.isInteger(amount) ? String(amount) : amount.toFixed(2).replace(/\.?0+$/, '');
}
