import type { TFunction } from 'i18next';
import { ApiError } from '../api/client.ts';

/**
 * A failure in the user's language where Konbit knows the code; the server's
 * own message (in English, it says what to do) otherwise.
 */
export function errorMessage(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) {
    const key = `errors.${error.code}`;
    const known = t(key, { defaultValue: '' });
    if (known && error.code !== 'VALIDATION_FAILED' && error.code !== 'NOT_FOUND') return known;
    return error.message || t('errors.INTERNAL');
  }
  return error instanceof Error ? error.message : String(error);
}
