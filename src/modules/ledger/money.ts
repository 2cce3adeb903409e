import { CURRENCIES, type CurrencyCode } from '../../shared/ledger.ts';
import { AppError } from '../../shared/errors.ts';

/*
 * Exact money: amounts are integer minor units of their currency, exchange
 * rates decimal strings, and conversion to US cents is done in BigInt and
 * rounded half up once, so no binary fraction ever enters a total.
 */

function invalid(path: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', `invalid input: ${path}: ${message}`, [{ path, message }]);
}

/** A JSON number or a decimal string as a plain decimal string ("0.0075", not "7.5e-3"). */
export function decimalString(value: string | number): string {
  if (typeof value === 'string') return value;
  const plain = String(value);
  return plain.includes('e') ? value.toFixed(12).replace(/\.?0+$/, '') : plain;
}

function splitDecimal(value: string): { whole: string; fraction: string } {
  const [whole = '0', fraction = ''] = value.split('.');
  return { whole, fraction };
}

/** "1250000.50" KES -> 125000050; refuses more decimals than the currency has. */
export function toMinorUnits(amount: string | number, currency: CurrencyCode, path = 'amount'): number {
  const digits = CURRENCIES[currency];
  const { whole, fraction } = splitDecimal(decimalString(amount));
  const trimmed = fraction.replace(/0+$/, '');
  if (trimmed.length > digits) throw invalid(path, `${currency} amounts have at most ${digits} decimals`);
  const minor = BigInt(whole) * 10n ** BigInt(digits) + BigInt(trimmed.padEnd(digits, '0') || '0');
  if (minor <= 0n) throw invalid(path, 'must be more than 0');
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) throw invalid(path, 'is too large');
  return Number(minor);
}

/** 125000050 KES -> "1250000.50". */
export function fromMinorUnits(minor: number, currency: CurrencyCode): string {
  const digits = CURRENCIES[currency];
  const negative = minor < 0;
  const text = String(Math.abs(minor)).padStart(digits + 1, '0');
  const body = digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`;
  return negative ? `-${body}` : body;
}

/** The rate as a canonical decimal string; USD per one unit of the currency. */
export function normaliseRate(rate: string | number | undefined, currency: CurrencyCode, path = 'usdRate'): string {
  if (currency === 'USD') return '1';
  if (rate === undefined) throw invalid(path, `give the exchange rate on the pledge date: US dollars for 1 ${currency}`);
  const { whole, fraction } = splitDecimal(decimalString(rate));
  const canonical = `${BigInt(whole)}${fraction.replace(/0+$/, '') ? `.${fraction.replace(/0+$/, '')}` : ''}`;
  if (!/[1-9]/.test(canonical)) throw invalid(path, 'must be more than 0');
  return canonical;
}

/** Minor units of a currency converted to US cents at the rate, rounded half up. */
export function usdCents(minor: number, currency: CurrencyCode, rate: string): number {
  const { whole, fraction } = splitDecimal(rate);
  const rateScaled = BigInt(whole + fraction);
  const numerator = BigInt(minor) * rateScaled * 100n;
  const denominator = 10n ** BigInt(CURRENCIES[currency] + fraction.length);
  const quotient = numerator / denominator;
  return Number(2n * (numerator % denominator) >= denominator ? quotient + 1n : quotient);
}

/** US cents as dollars, for display and sums (exact to the cent for any total below 90 trillion). */
export function centsToUsd(cents: number): number {
  return Math.round(cents) / 100;
}
