import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseSms } from './parse.ts';
import type { SmsPlaces } from './places.ts';
import { SMS_LANGUAGES, type SmsCounts, type SmsLanguage } from './types.ts';

/*
 * How well the parser reads the corpus of messages written for Konbit, each
 * with the reading a person would give it, per language and per field:
 * corpus.json (the messages the vocabulary was tuned on) and
 * corpus.heldout.json (written afterwards and measured once, untuned: the
 * fairer estimate). `konbit sms accuracy` prints both; docs/sms.md quotes
 * them; accuracy.test.ts holds them above their floors.
 */

export interface CorpusMessage {
  text: string;
  language: SmsLanguage;
  type: string | null;
  /** The place's canonical name: a neighbourhood, a communal section (ADM3_FR) or a commune (ADM2_FR). */
  place: string | null;
  counts: SmsCounts;
}

export const FIELDS = ['type', 'place', 'counts', 'language', 'all'] as const;
export type Field = (typeof FIELDS)[number];

export interface AccuracyReport {
  messages: number;
  /** Share of messages read right, per language (and 'all') and field. */
  rates: Record<SmsLanguage | 'all', Record<Field, number> & { messages: number }>;
  misses: { text: string; fields: Field[]; got: { type: string | null; place: string | null; counts: SmsCounts; language: SmsLanguage } }[];
}

export type CorpusName = 'tuning' | 'heldout';

export function readCorpus(name: CorpusName = 'tuning'): CorpusMessage[] {
  const file = name === 'tuning' ? 'corpus.json' : 'corpus.heldout.json';
  return JSON.parse(readFileSync(path.join(import.meta.dirname, file), 'utf8')) as CorpusMessage[];
}

export function measureAccuracy(places: SmsPlaces, corpus: readonly CorpusMessage[] = readCorpus()): AccuracyReport {
  const groups = [...SMS_LANGUAGES, 'all'] as const;
  const right = Object.fromEntries(groups.map((g) => [g, { messages: 0, type: 0, place: 0, counts: 0, language: 0, all: 0 }])) as AccuracyReport['rates'];
  const misses: AccuracyReport['misses'] = [];
  for (const message of corpus) {
    const parsed = parseSms(message.text, places);
    const got = { type: parsed.type, place: parsed.place?.name ?? null, counts: parsed.counts, language: parsed.language };
    const ok: Record<Exclude<Field, 'all'>, boolean> = {
      type: got.type === message.type,
      place: got.place === message.place,
      counts: (['killed', 'injured', 'abducted', 'displaced'] as const).every((field) => got.counts[field] === message.counts[field]),
      language: got.language === message.language,
    };
    const wrong = (Object.keys(ok) as (keyof typeof ok)[]).filter((field) => !ok[field]);
    for (const group of [message.language, 'all'] as const) {
      const tally = right[group];
      tally.messages += 1;
      for (const field of Object.keys(ok) as (keyof typeof ok)[]) if (ok[field]) tally[field] += 1;
      if (wrong.length === 0) tally.all += 1;
    }
    if (wrong.length > 0) misses.push({ text: message.text, fields: wrong, got });
  }
  for (const group of groups) for (const field of FIELDS) right[group][field] = right[group].messages ? right[group][field] / right[group].messages : 0;
  return { messages: corpus.length, rates: right, misses };
}

/** The report as the table docs/sms.md shows. */
export function accuracyTable(report: AccuracyReport): string {
  const percent = (rate: number) => `${(rate * 100).toFixed(1)} %`;
  const rows = ([...SMS_LANGUAGES, 'all'] as const).map((group) => `| ${group} | ${report.rates[group].messages} | ${FIELDS.map((field) => percent(report.rates[group][field])).join(' | ')} |`);
  return [`| language | messages | ${FIELDS.join(' | ')} |`, `|---|---|${FIELDS.map(() => '---').join('|')}|`, ...rows].join('\n');
}
