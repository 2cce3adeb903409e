import { AppError } from '../../shared/errors.ts';

/*
 * Phone numbers in E.164 ("+50937001234"): the form gateways send and the
 * registry keys on. People write Haitian numbers as "3700-1234", "509 37 00
 * 12 34" or "(509) 3700 1234", and an international prefix as 00 or +.
 */

const E164 = /^\+[1-9]\d{6,14}$/;

/** The E.164 form of a number, or why it is not one (a sentence a user can act on). */
export function normalisePhone(raw: string): { ok: true; phone: string } | { ok: false; problem: string } {
  const compact = raw.trim().replace(/[\s().\-\u00a0]/g, '');
  let phone = compact.startsWith('00') ? `+${compact.slice(2)}` : compact;
  if (/^\d{8}$/.test(phone)) phone = `+509${phone}`; // a Haitian number written without its country code
  else if (/^509\d{8}$/.test(phone)) phone = `+${phone}`;
  if (!E164.test(phone)) {
    return { ok: false, problem: `"${raw}" is not a phone number: write it in international form, e.g. +509 3700 1234 (country code, then the number)` };
  }
  if (phone.startsWith('+509') && phone.length !== 12) {
    return { ok: false, problem: `"${raw}" is not a Haitian number: after +509 come exactly 8 digits (e.g. +509 3700 1234), not ${phone.length - 4}` };
  }
  return { ok: true, phone };
}

/** The E.164 form of a number; a 400 naming the field when it is not one. */
export function validPhone(raw: string, field = 'phone'): string {
  const result = normalisePhone(raw);
  if (result.ok) return result.phone;
  throw new AppError('VALIDATION_FAILED', `${field}: ${result.problem}`, [{ path: field, message: result.problem }]);
}
