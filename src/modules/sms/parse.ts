import { COUNT_KEYWORDS, LANGUAGE_HINTS, NUMBER_WORDS, AMBIGUOUS_NUMBER_WORDS, TYPE_KEYWORDS, type CountField, type Keyword } from './vocabulary.ts';
import { findPhrase, nearMatch, smsWords } from './fuzzy.ts';
import type { SmsPlaces } from './places.ts';
import { SMS_LANGUAGES, type ParsedSms, type SmsCounts, type SmsLanguage } from './types.ts';

/*
 * Reads the short form reporters send — what happened, where, how many —
 * in any order and any of the three languages: "kidnapin Matisan 3 moun",
 * "3 morts fusillade Bel Air", "roadblock at Canape vert". Numbers come in
 * digits or words and say whom they count through the word after them
 * ("2 blese", "deux blessés"); a bare "3 moun" counts what the type says
 * (the abducted of a kidnapping). Everything the form does not hold stays in
 * the message text, which becomes the incident's description.
 */

interface Compiled<T> {
  phrase: string[];
  keyword: Keyword<T>;
}

const compile = <T>(list: readonly Keyword<T>[]): Compiled<T>[] => list.map((keyword) => ({ phrase: smsWords(keyword.words), keyword }));
const TYPES = compile(TYPE_KEYWORDS);
const COUNTS = compile(COUNT_KEYWORDS);
const HINTS = new Map<string, SmsLanguage[]>();
for (const language of SMS_LANGUAGES) for (const word of LANGUAGE_HINTS[language]) HINTS.set(word, [...(HINTS.get(word) ?? []), language]);
const HINT_WORDS: ReadonlySet<string> = new Set(HINTS.keys());

/** Words that deny the count after them. */
const NEGATIONS = new Set(['pas', 'pa', 'sans', 'san', 'no', 'aucun', 'aucune', 'okenn', 'zero']);

/** Which counted field a bare number of people goes to, by type. */
const PEOPLE_FIELD: Partial<Record<string, keyof SmsCounts>> = { kidnapping: 'abducted', killing: 'killed', displacement: 'displaced' };

function numberAt(word: string): { value: number; ambiguous: boolean } | null {
  if (/^\d{1,6}$/.test(word)) return { value: Number(word), ambiguous: false };
  const value = NUMBER_WORDS[word];
  return value === undefined ? null : { value, ambiguous: AMBIGUOUS_NUMBER_WORDS.has(word) };
}

/** The count word starting exactly at `start`, if any. */
function countWordAt(words: readonly string[], start: number, used: ReadonlySet<number>): { compiled: Compiled<CountField>; length: number } | null {
  let best: { compiled: Compiled<CountField>; length: number; distance: number } | null = null;
  for (const compiled of COUNTS) {
    const length = compiled.phrase.length;
    if (start + length > words.length) continue;
    let free = true;
    for (let k = start; k < start + length; k += 1) if (used.has(k)) free = false;
    if (!free) continue;
    const distance = nearMatch(words.slice(start, start + length).join(' '), compiled.phrase.join(' '));
    if (distance === null) continue;
    const specific = compiled.keyword.value !== 'people';
    const bestSpecific = best?.compiled.keyword.value !== 'people';
    if (!best || distance < best.distance || (distance === best.distance && (length > best.length || (specific && !bestSpecific)))) best = { compiled, length, distance };
  }
  return best;
}

class Votes {
  readonly scores: Record<SmsLanguage, number> = { ht: 0, fr: 0, en: 0 };
  add(languages: readonly SmsLanguage[], weight: number): void {
    for (const language of languages) this.scores[language] += weight / languages.length;
  }
  /** The language with the most votes; Kreyòl on a tie or none. */
  winner(): SmsLanguage {
    return SMS_LANGUAGES.reduce((best, language) => (this.scores[language] > this.scores[best] ? language : best), 'ht' as SmsLanguage);
  }
}

function readCounts(words: readonly string[], used: Set<number>, votes: Votes): { counts: SmsCounts; people: number | null } {
  const counts: SmsCounts = { killed: 0, injured: 0, abducted: 0, displaced: 0 };
  let people: number | null = null;
  const record = (field: CountField, value: number) => {
    if (field === 'people') people = Math.max(people ?? 0, value);
    else counts[field] = Math.max(counts[field], value);
  };
  for (let i = 0; i < words.length; i += 1) {
    const number = numberAt(words[i]!);
    if (!number || used.has(i)) continue;
    // "3 mò", "3 moun mouri" (a specific word one further on wins over "moun"), "deux blessés".
    const next = countWordAt(words, i + 1, used);
    const further = next?.compiled.keyword.value === 'people' ? countWordAt(words, i + 1 + next.length, used) : null;
    const chosen = further && further.compiled.keyword.value !== 'people' ? { ...further, skip: next!.length } : next ? { ...next, skip: 0 } : null;
    if (chosen) {
      // "pas de blessés", "san mò", "no one killed": a number denied counts nothing.
      const denied = i > 0 && NEGATIONS.has(words[i - 1]!);
      record(chosen.compiled.keyword.value, denied ? 0 : number.value);
      votes.add(chosen.compiled.keyword.languages, 2);
      for (let k = i; k <= i + chosen.skip + chosen.length; k += 1) used.add(k);
      continue;
    }
    // "morts: 3", "blese 2": a specific count word just before the number.
    if (number.ambiguous) continue;
    for (let length = 1; length <= 2 && i - length >= 0; length += 1) {
      const before = countWordAt(words, i - length, used);
      if (before && before.length === length && before.compiled.keyword.value !== 'people') {
        record(before.compiled.keyword.value, number.value);
        votes.add(before.compiled.keyword.languages, 2);
        for (let k = i - length; k <= i; k += 1) used.add(k);
        break;
      }
    }
  }
  return { counts, people };
}

/** Reads one message. */
export function parseSms(text: string, places: SmsPlaces): ParsedSms {
  const words = smsWords(text);
  const used = new Set<number>();
  const votes = new Votes();
  const { counts, people } = readCounts(words, used, votes);

  // The first type word in the message is the type: the form puts it first.
  let type: ParsedSms['type'] = null;
  let typeAt = Infinity;
  // Per word, only the nearest keywords vote for a language: "kidnapping" is English, though near the Kreyòl "kidnaping".
  const nearest = new Map<number, { distance: number; languages: Set<SmsLanguage> }>();
  for (const compiled of TYPES) {
    const found = findPhrase(words, compiled.phrase, used, HINT_WORDS);
    if (!found) continue;
    if (found.start < typeAt || (found.start === typeAt && found.distance === 0)) {
      type = compiled.keyword.value;
      typeAt = found.start;
    }
    const seen = nearest.get(found.start);
    if (!seen || found.distance < seen.distance) nearest.set(found.start, { distance: found.distance, languages: new Set(compiled.keyword.languages) });
    else if (found.distance === seen.distance) for (const language of compiled.keyword.languages) seen.languages.add(language);
  }
  for (const { languages } of nearest.values()) votes.add([...languages], 1);
  if (type !== null) {
    const found = TYPES.filter((c) => c.keyword.value === type).map((c) => findPhrase(words, c.phrase, used, HINT_WORDS)).find((f) => f?.start === typeAt);
    if (found) for (let k = found.start; k < found.start + found.length; k += 1) used.add(k);
  } else if (counts.abducted > 0) type = 'kidnapping';
  else if (counts.killed > 0) type = 'killing';
  else if (counts.displaced > 0) type = 'displacement';

  const place = places.match(words, used, HINT_WORDS);
  if (place) for (let k = place.start; k < place.start + place.length; k += 1) used.add(k);

  words.forEach((word, index) => {
    const languages = used.has(index) ? undefined : HINTS.get(word);
    if (languages) votes.add(languages, 0.5);
  });

  const field = type ? PEOPLE_FIELD[type] : undefined;
  if (people !== null && field && counts[field] === 0) {
    counts[field] = people;
    return { type, place: place?.place ?? null, counts, people: null, language: votes.winner() };
  }
  return { type, place: place?.place ?? null, counts, people, language: votes.winner() };
}

/** The language of a message that is not a report (from an unregistered number): its small words decide. */
export function languageOf(text: string): SmsLanguage {
  const votes = new Votes();
  for (const word of smsWords(text)) {
    const languages = HINTS.get(word);
    if (languages) votes.add(languages, 1);
  }
  return votes.winner();
}
