import { createHash, randomInt } from 'node:crypto';

/*
 * Receipt codes: 12 symbols of Crockford's base32 (60 random bits), written
 * in three groups of four, e.g. K7Q2-9XJD-M4TP. Short enough to copy onto
 * paper or send by SMS, long enough that guessing one is hopeless at the rate
 * the public endpoints allow. Only a hash is stored.
 */

/** Crockford's base32: digits and letters without I, L, O and U, which are easily misread. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const RECEIPT_SYMBOLS = 12;
export const RECEIPT_BITS = RECEIPT_SYMBOLS * 5;

/** A fresh receipt code from the system's cryptographic random source. */
export function newReceiptCode(): string {
  let code = '';
  for (let i = 0; i < RECEIPT_SYMBOLS; i += 1) code += ALPHABET[randomInt(ALPHABET.length)];
  return formatReceipt(code);
}

function formatReceipt(symbols: string): string {
  return `${symbols.slice(0, 4)}-${symbols.slice(4, 8)}-${symbols.slice(8, 12)}`;
}

/**
 * The code as typed, normalised: case, dashes and spaces do not matter, and
 * the letters Crockford maps to digits (O to 0, I and L to 1) are accepted.
 * Returns null for anything that cannot be a code.
 */
export function normaliseReceipt(typed: string): string | null {
  const symbols = typed
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (symbols.length !== RECEIPT_SYMBOLS) return null;
  for (const symbol of symbols) if (!ALPHABET.includes(symbol)) return null;
  return formatReceipt(symbols);
}

/** What the database keeps in place of the code. */
export function receiptHash(normalised: string): string {
  return createHash('sha256').update(`konbit-receipt:${normalised}`).digest('hex');
}

/** Finds a receipt code at the start of a message ("K7Q2-9XJD-M4TP more details…"), for SMS follow-ups. */
export function leadingReceipt(text: string): { code: string; rest: string } | null {
  const match = /^\s*([0-9A-Za-z]{4})[\s-]?([0-9A-Za-z]{4})[\s-]?([0-9A-Za-z]{4})(?=\s|$|[.,:;!])/.exec(text);
  if (!match) return null;
  const code = normaliseReceipt(`${match[1]}${match[2]}${match[3]}`);
  return code ? { code, rest: text.slice(match[0].length).replace(/^[\s.,:;!]+/, '') } : null;
}
