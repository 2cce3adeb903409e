import type { Labels, Locale } from '../../../shared/i18n.ts';
import { MONTH_NAMES, REPORT_TEXT, type Change, type ReportTextKey } from '../../../shared/reports.ts';

/*
 * Words, numbers and dates in the report's language. Intl has no Haitian
 * Creole, so Kreyòl numbers follow Haitian French usage and month names come
 * from the shared vocabulary.
 */

export type Lang = Locale;

const numberLocale = (lang: Lang) => (lang === 'ht' ? 'fr-HT' : lang === 'fr' ? 'fr-FR' : 'en-GB');

/** Escapes text for HTML content and attribute values. */
export function esc(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** The report's own words, with {placeholders} filled in. */
export function t(key: ReportTextKey, lang: Lang, values: Record<string, string | number> = {}): string {
  return (REPORT_TEXT[key][lang] as string).replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** A code's label from a module's vocabulary, or the code itself when the vocabulary has none. */
export function label(vocabulary: Readonly<Record<string, Labels | { labels: Labels }>>, code: string, lang: Lang): string {
  const entry = vocabulary[code];
  if (!entry) return code;
  return 'labels' in entry ? entry.labels[lang] : (entry as Labels)[lang];
}

export function num(value: number, lang: Lang, fractionDigits = 0): string {
  return new Intl.NumberFormat(numberLocale(lang), { maximumFractionDigits: fractionDigits, minimumFractionDigits: 0 }).format(value);
}

export function usd(value: number, lang: Lang): string {
  return new Intl.NumberFormat(numberLocale(lang), { style: 'currency', currency: 'USD', currencyDisplay: 'symbol', maximumFractionDigits: 0 }).format(value);
}

/** 1 October 2026, 1 octobre 2026, 1 oktòb 2026. */
export function dayText(day: string, lang: Lang): string {
  const [year, month, date] = day.slice(0, 10).split('-').map(Number) as [number, number, number];
  return `${date} ${MONTH_NAMES[month - 1]![lang]} ${year}`;
}

/** 1–31 October 2026; 28 September – 4 October 2026; … */
export function periodText(from: string, to: string, lang: Lang): string {
  if (from === to) return dayText(from, lang);
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  if (fy === ty && fm === tm) return `${fd}–${dayText(to, lang)}`;
  if (fy === ty) return `${fd} ${MONTH_NAMES[fm - 1]![lang]} – ${dayText(to, lang)}`;
  return `${dayText(from, lang)} – ${dayText(to, lang)}`;
}

/** The time an ISO instant names, in UTC: 2026-10-31 14:05 UTC. */
export function instantText(at: string): string {
  return `${at.slice(0, 10)} ${at.slice(11, 16)} UTC`;
}

/** +7 (+17.9 %), −3, no change, new. */
export function changeText(change: Change, lang: Lang, money = false): string {
  if (change.change === null || change.previous === null) return '';
  if (change.change === 0) return t('noChange', lang);
  const sign = change.change > 0 ? '+' : '−';
  const amount = money ? usd(Math.abs(change.change), lang) : num(Math.abs(change.change), lang);
  if (change.changePercent === null) return `${sign}${amount} (${t('newFigure', lang)})`;
  return `${sign}${amount} (${sign}${num(Math.abs(change.changePercent), lang, 1)} %)`;
}

/** A CSS class for a change: up, down or flat. */
export function changeClass(change: Change): string {
  if (!change.change) return 'flat';
  return change.change > 0 ? 'up' : 'down';
}
