/*
 * Konbit speaks English, French and Haitian Creole. Every user-facing string
 * comes from en.json / fr.json / ht.json; vocabulary terms come from the
 * labels in src/shared; dates and numbers are formatted with Intl for the
 * language (Creole uses French-in-Haiti formats, 'fr-HT').
 */
import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { LOCALES, type Labels, type Locale } from '../../../src/shared/i18n.ts';
import en from './en.json';
import fr from './fr.json';
import ht from './ht.json';

const STORAGE_KEY = 'konbit.locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

function initialLocale(): Locale {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (isLocale(stored)) return stored;
  const browser = navigator.language.slice(0, 2);
  return isLocale(browser) ? browser : 'en';
}

void i18next.use(initReactI18next).init({
  resources: { en: { translation: en }, fr: { translation: fr }, ht: { translation: ht } },
  lng: initialLocale(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = i18next.language;

/** Switches the language and remembers the choice on this device. */
export function setLocale(locale: Locale): void {
  localStorage.setItem(STORAGE_KEY, locale);
  document.documentElement.lang = locale;
  void i18next.changeLanguage(locale);
}

/** The Intl locale for formatting dates and numbers in a Konbit language. */
export function intlLocale(locale: Locale): string {
  return locale === 'ht' ? 'fr-HT' : locale === 'fr' ? 'fr-FR' : 'en-GB';
}

export interface Formatters {
  locale: Locale;
  number: (value: number) => string;
  compact: (value: number) => string;
  usd: (value: number) => string;
  date: (iso: string | Date) => string;
  dateTime: (iso: string | Date) => string;
  /** A vocabulary term in the current language. */
  term: (labels: Labels | undefined, fallback?: string) => string;
}

const cache = new Map<Locale, Formatters>();

export function formattersFor(locale: Locale): Formatters {
  const hit = cache.get(locale);
  if (hit) return hit;
  const tag = intlLocale(locale);
  const number = new Intl.NumberFormat(tag);
  const compact = new Intl.NumberFormat(tag, { notation: 'compact', maximumFractionDigits: 1 });
  const usd = new Intl.NumberFormat(tag, { style: 'currency', currency: 'USD', notation: 'compact', maximumFractionDigits: 1 });
  const date = new Intl.DateTimeFormat(tag, { dateStyle: 'medium' });
  const dateTime = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' });
  const formatters: Formatters = {
    locale,
    number: (v) => number.format(v),
    compact: (v) => compact.format(v),
    usd: (v) => usd.format(v),
    date: (iso) => date.format(typeof iso === 'string' ? new Date(iso) : iso),
    dateTime: (iso) => dateTime.format(typeof iso === 'string' ? new Date(iso) : iso),
    term: (labels, fallback = '') => labels?.[locale] ?? fallback,
  };
  cache.set(locale, formatters);
  return formatters;
}

/** t() plus the formatters of the current language. */
export function useI18n(): { t: ReturnType<typeof useTranslation>['t']; f: Formatters } {
  const { t, i18n } = useTranslation();
  const locale = isLocale(i18n.language) ? i18n.language : 'en';
  return { t, f: formattersFor(locale) };
}

export { i18next };
