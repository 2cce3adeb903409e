import * as chrono from 'chrono-node';
import type { NewsLanguage } from '../../../shared/osint.ts';

/*
 * Dates in news sentences, resolved against the article's date. chrono-node
 * reads the explicit ones ("September 21, 2023", "le 3 mars"); the relative
 * and vague ones news prefers ("last week", "in July", "late August",
 * "dimanche", "semèn pase") are read here, in the past unless the sentence
 * speaks of the future, because news reports what happened.
 */

export type DateKind = 'day' | 'week' | 'month' | 'year' | 'approximate';

export interface DateMention {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** First and last day the expression covers (YYYY-MM-DD). */
  readonly from: string;
  readonly to: string;
  readonly kind: DateKind;
}

const MONTHS: Record<Exclude<NewsLanguage, 'und'>, string[][]> = {
  en: [['january', 'jan'], ['february', 'feb'], ['march', 'mar'], ['april', 'apr'], ['may'], ['june', 'jun'], ['july', 'jul'], ['august', 'aug'], ['september', 'sept', 'sep'], ['october', 'oct'], ['november', 'nov'], ['december', 'dec']],
  fr: [['janvier', 'janv'], ['février', 'fevrier', 'févr'], ['mars'], ['avril', 'avr'], ['mai'], ['juin'], ['juillet', 'juil'], ['août', 'aout'], ['septembre', 'sept'], ['octobre', 'oct'], ['novembre', 'nov'], ['décembre', 'decembre', 'déc']],
  ht: [['janvye'], ['fevriye'], ['mas'], ['avril'], ['me'], ['jen'], ['jiyè', 'jiye'], ['out'], ['septanm'], ['oktòb', 'oktob'], ['novanm'], ['desanm']],
  es: [['enero'], ['febrero'], ['marzo'], ['abril'], ['mayo'], ['junio'], ['julio'], ['agosto'], ['septiembre', 'setiembre'], ['octubre'], ['noviembre'], ['diciembre']],
};

const WEEKDAYS: Record<Exclude<NewsLanguage, 'und'>, string[]> = {
  en: ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'],
  fr: ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'],
  ht: ['dimanch', 'lendi', 'madi', 'mèkredi', 'jedi', 'vandredi', 'samdi'],
  es: ['domingo', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado'],
};

/** Languages whose words to read in a text of this language: its own, and English, which news quotes everywhere. */
function languagesFor(language: NewsLanguage): Exclude<NewsLanguage, 'und'>[] {
  return language === 'und' || language === 'en' ? ['en', 'fr'] : [language, 'en'];
}

/** A word boundary that knows letters beyond ASCII: JavaScript's \b does not ("yè", "será"). */
export function unicodeBoundaries(pattern: RegExp): RegExp {
  const boundary = String.raw`(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))`;
  return new RegExp(pattern.source.replaceAll('\\b', boundary), pattern.flags.includes('u') ? pattern.flags : `${pattern.flags}u`);
}

const FUTURE = unicodeBoundaries(/\b(will|would|plans? to|planned|is (?:set|expected|due|scheduled) to|are (?:set|expected|due|scheduled) to|to be held|next|upcoming|coming|va|vont|sera|seront|prévue?s?|devrait|devraient|doit|doivent|prochaine?|pral|prale|prevwa|va a|será|serán|próxim[oa])\b/i);

/** Whether a sentence speaks of what is to come (dates then resolve forward). */
export function speaksOfFuture(sentence: string): boolean {
  return FUTURE.test(sentence);
}

// ---- Calendar arithmetic on UTC days --------------------------------------------

const DAY_MS = 86_400_000;
const toDate = (day: string) => new Date(`${day}T00:00:00Z`);
const iso = (date: Date) => date.toISOString().slice(0, 10);
const addDays = (day: string, days: number) => iso(new Date(toDate(day).getTime() + days * DAY_MS));
const ymd = (year: number, month: number, day: number) => iso(new Date(Date.UTC(year, month, day)));
const lastDayOf = (year: number, month: number) => new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
/** Monday of the ISO week of a day. */
const mondayOf = (day: string) => addDays(day, -((toDate(day).getUTCDay() + 6) % 7));

/** The year of a month named without one: the last such month not after the article (the next one, for the future). */
function yearOfMonth(month: number, ref: string, future: boolean): number {
  const refDate = toDate(ref);
  const year = refDate.getUTCFullYear();
  const refMonth = refDate.getUTCMonth();
  if (future) return month < refMonth ? year + 1 : year;
  return month > refMonth ? year - 1 : year;
}

interface Rule {
  pattern: RegExp;
  resolve(match: RegExpExecArray, ref: string, future: boolean): Omit<DateMention, 'start' | 'end' | 'text'> | null;
}

const monthAlternation = (languages: Exclude<NewsLanguage, 'und'>[]) => {
  const words: [string, number][] = [];
  for (const language of languages) MONTHS[language].forEach((names, month) => names.forEach((name) => words.push([name, month])));
  words.sort((a, b) => b[0].length - a[0].length);
  return { source: words.map(([w]) => w.replace('.', '\\.')).join('|'), monthOf: new Map(words) };
};

function rulesFor(languages: Exclude<NewsLanguage, 'und'>[]): Rule[] {
  const { source: M, monthOf } = monthAlternation(languages);
  const month = (word: string) => monthOf.get(word.toLowerCase())!;
  const Y = String.raw`(?:,?\s+(?:de\s+|del\s+)?((?:19|20)\d\d))?`;
  const weekdays = languages.flatMap((l) => WEEKDAYS[l]);
  const W = weekdays.join('|');
  const rangeOf = (year: number, m: number, part: 'early' | 'mid' | 'late' | 'all') => {
    const last = lastDayOf(year, m);
    const [a, b] = part === 'early' ? [1, 10] : part === 'mid' ? [11, 20] : part === 'late' ? [21, last] : [1, last];
    return { from: ymd(year, m, a), to: ymd(year, m, b) };
  };
  const part = (word: string): 'early' | 'mid' | 'late' => {
    const w = word.toLowerCase();
    if (/early|start|beginning|début|debut|kòmansman|komansman|principios|comienzos/.test(w)) return 'early';
    if (/^(mid|mi|mitan|mediados)/.test(w)) return 'mid';
    return 'late';
  };
  const rules: Rule[] = [
    {
      // "late August", "early July 2024", "fin août", "début juillet", "mi-août", "fen mwa out", "finales de agosto"
      pattern: new RegExp(String.raw`\b(early|mid|late|at the (?:start|beginning|end) of|début|debut|mi|fin|à la fin de|au début de|kòmansman|komansman|mitan|fen|a principios de|a finales de|finales de|principios de|mediados de)[\s-]+(?:(?:d'|de\s+|du mois d'|du mois de\s+|mwa\s+))?(${M})\b${Y}`, 'iu'),
      resolve: (m, ref, future) => {
        const mo = month(m[2]!);
        const year = m[3] ? Number(m[3]) : yearOfMonth(mo, ref, future);
        return { ...rangeOf(year, mo, part(m[1]!)), kind: 'approximate' };
      },
    },
    {
      // "in July", "en juillet", "an jiyè", "nan mwa jiyè", "en julio", "July 2023", "since March"
      pattern: new RegExp(String.raw`\b(?:in|since|by|during|en|depuis|d'ici|an|nan(?: mwa)?|nan mwa|desde|durante|el mes de|au mois de)\s+(${M})\b${Y}|\b(${M})\s+((?:19|20)\d\d)\b`, 'iu'),
      resolve: (m, ref, future) => {
        const mo = month((m[1] ?? m[3])!);
        const year = m[2] ? Number(m[2]) : m[4] ? Number(m[4]) : yearOfMonth(mo, ref, future);
        return { ...rangeOf(year, mo, 'all'), kind: 'month' };
      },
    },
    {
      pattern: /\b(last week|the previous week|la semaine dernière|la semaine passée|semèn pase|semèn ki sot pase|la semana pasada)\b/iu,
      resolve: (_m, ref) => ({ from: addDays(mondayOf(ref), -7), to: addDays(mondayOf(ref), -1), kind: 'week' }),
    },
    {
      pattern: /\b(this week|earlier this week|cette semaine|en début de semaine|semèn sa|esta semana)\b/iu,
      resolve: (_m, ref) => ({ from: mondayOf(ref), to: ref, kind: 'week' }),
    },
    {
      pattern: /\b(next week|la semaine prochaine|semèn pwochèn|la próxima semana)\b/iu,
      resolve: (_m, ref) => ({ from: addDays(mondayOf(ref), 7), to: addDays(mondayOf(ref), 13), kind: 'week' }),
    },
    {
      pattern: /\b(last month|le mois dernier|le mois passé|mwa pase|el mes pasado)\b/iu,
      resolve: (_m, ref) => {
        const d = toDate(ref);
        const y = d.getUTCMonth() === 0 ? d.getUTCFullYear() - 1 : d.getUTCFullYear();
        const mo = (d.getUTCMonth() + 11) % 12;
        return { ...rangeOf(y, mo, 'all'), kind: 'month' };
      },
    },
    {
      pattern: /\b(yesterday|hier|yè|ayer)\b/iu,
      resolve: (_m, ref) => ({ from: addDays(ref, -1), to: addDays(ref, -1), kind: 'day' }),
    },
    {
      pattern: /\b(today|aujourd'hui|aujourd’hui|jodi a|hoy)\b/iu,
      resolve: (_m, ref) => ({ from: ref, to: ref, kind: 'day' }),
    },
    {
      // "on Sunday", "dimanche", "dimanch pase": the last such day before the article (the next one for the future)
      pattern: new RegExp(String.raw`\b(?:on\s+|last\s+|ce\s+|le\s+|el\s+)?(${W})\b(?!\s+\d)`, 'iu'),
      resolve: (m, ref, future) => {
        const target = weekdays.indexOf(m[1]!.toLowerCase()) % 7;
        const today = toDate(ref).getUTCDay();
        const back = (today - target + 7) % 7 || 7;
        const day = future ? addDays(ref, ((target - today + 7) % 7) || 7) : addDays(ref, -back);
        return { from: day, to: day, kind: 'day' };
      },
    },
    {
      pattern: /\b(?:in|en|an|nan|since|depuis|by|d'ici)\s+((?:19|20)\d\d)\b/iu,
      resolve: (m) => ({ from: `${m[1]}-01-01`, to: `${m[1]}-12-31`, kind: 'year' }),
    },
    {
      // "over the weekend", "ce week-end": the last Saturday and Sunday before the article
      pattern: /\b(over the weekend|at the weekend|last weekend|this weekend|le week-end dernier|ce week-end|pendant le week-end|wikenn nan|wikenn pase|el fin de semana)\b/iu,
      resolve: (_m, ref) => {
        const back = (toDate(ref).getUTCDay() + 1) % 7 || 7;
        const saturday = addDays(ref, -back);
        return { from: saturday, to: addDays(saturday, 1), kind: 'approximate' };
      },
    },
  ];
  return rules.map((rule) => ({ ...rule, pattern: unicodeBoundaries(rule.pattern) }));
}

const CHRONO: Partial<Record<NewsLanguage, chrono.Chrono>> = { en: chrono.en.casual, fr: chrono.fr.casual, es: chrono.es.casual };

/** Explicit day-level dates by chrono-node ("21 September 2023", "le 3 mars"), year inferred when absent. */
function explicitDates(sentence: string, offset: number, languages: NewsLanguage[], ref: string | null, future: boolean): DateMention[] {
  const found: DateMention[] = [];
  const refDate = ref ? new Date(`${ref}T12:00:00Z`) : new Date(Date.UTC(2000, 0, 1));
  for (const language of languages) {
    const parser = CHRONO[language];
    if (!parser) continue;
    for (const result of parser.parse(sentence, refDate)) {
      const { start } = result;
      if (!start.isCertain('day') || !start.isCertain('month') || !/\d/.test(result.text)) continue;
      const month = start.get('month')! - 1;
      const year = start.isCertain('year') ? start.get('year')! : ref ? yearOfMonth(month, ref, future) : null;
      if (year === null) continue;
      const day = ymd(year, month, start.get('day')!);
      found.push({ start: offset + result.index, end: offset + result.index + result.text.length, text: result.text, from: day, to: day, kind: 'day' });
    }
  }
  return found;
}

/**
 * The dates of a sentence, left to right, without overlaps. Relative
 * expressions need the article's date (`ref`); without it only dates that
 * carry their year are found.
 */
export function findDates(sentence: string, { offset = 0, language, ref }: { offset?: number; language: NewsLanguage; ref: string | null }): DateMention[] {
  const languages = languagesFor(language);
  const future = speaksOfFuture(sentence);
  const found = explicitDates(sentence, offset, languages, ref, future);
  for (const rule of rulesFor(languages)) {
    const global = new RegExp(rule.pattern.source, `${rule.pattern.flags}g`);
    for (const match of sentence.matchAll(global)) {
      const start = offset + match.index;
      const end = start + match[0].length;
      if (found.some((d) => d.start < end && start < d.end)) continue;
      const needsRef = !/(19|20)\d\d/.test(match[0]);
      if (needsRef && !ref) continue;
      const resolved = rule.resolve(match as unknown as RegExpExecArray, ref ?? '2000-01-01', future);
      if (resolved) found.push({ start, end, text: match[0], ...resolved });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
