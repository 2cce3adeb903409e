import { franc } from 'franc';
import type { NewsLanguage } from '../../../shared/osint.ts';

/*
 * The language of an article among those the mission reads: English,
 * French, Haitian Creole and Spanish (franc's trigram model, limited to
 * these four, so that Creole is not mistaken for a language nobody here
 * reads). Too short a text is `und`.
 */

const CODES: Record<string, NewsLanguage> = { eng: 'en', fra: 'fr', hat: 'ht', spa: 'es' };

export function detectLanguage(text: string): NewsLanguage {
  const code = franc(text.slice(0, 20_000), { only: Object.keys(CODES), minLength: 20 });
  return CODES[code] ?? 'und';
}
