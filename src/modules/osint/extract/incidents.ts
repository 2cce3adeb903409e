import { findNumbers } from '../../../core/text/index.ts';
import { INCIDENT_TYPES } from '../../../shared/incidents.ts';
import type { EvidenceSpan, ProposalDraft } from '../../../shared/osint.ts';
import { COUNT_BEFORE, COUNT_CUES, INCIDENT_CUES, TREND } from './cues.ts';
import { findMoney } from './money.ts';
import type { Place } from './places.ts';
import { sentenceSpan, type Candidate, type SentenceContext } from './types.ts';

/*
 * Incidents: a sentence that reports one event — a trigger word of an
 * incident type, a place in Haiti more precise than the country, and a count
 * or a date that anchors it — and not a trend ("on the rise") or a list of
 * crimes in general ("crimes such as kidnapping, arson…"). One sentence
 * gives at most one incident, of its most severe type.
 */

type Counts = Extract<ProposalDraft, { kind: 'incident' }>['counts'];

/** Casualty counts: numbers followed (or preceded) by what they count. */
function countsIn(s: SentenceContext): { counts: Counts; spans: EvidenceSpan[] } {
  const counts: Counts = { killed: 0, injured: 0, abducted: 0, displaced: 0 };
  const spans: EvidenceSpan[] = [];
  const money = findMoney(s.text, s.start);
  for (const number of findNumbers(s.text, s.start)) {
    if (!Number.isInteger(number.value) || number.value > 10_000_000 || money.some((m) => m.start <= number.start && number.end <= m.end)) continue;
    if ([...s.dates, ...s.actors].some((d) => d.start <= number.start && number.end <= d.end)) continue;
    const after = s.text.slice(number.end - s.start);
    // Counts are of people: "200 families fled" is no number of displaced persons.
    if (/^\s+(?:families|households|homes|houses|familles|ménages|maisons|fanmi|kay|familias|casas)(?![\p{L}])/iu.test(after)) continue;
    const before = s.text.slice(0, number.start - s.start);
    // "killed at least seven": the verb just before the number says most; else the words after it ("seven people were killed").
    const what = COUNT_BEFORE.find(([pattern]) => pattern.test(before))?.[1] ?? COUNT_CUES.find(([pattern]) => pattern.test(after))?.[1];
    if (!what || counts[what] > 0) continue;
    counts[what] = number.value;
    spans.push({ start: number.start, end: number.end, field: 'number' });
  }
  return { counts, spans };
}

/** The incident a sentence reports, if it reports one; the next sentence may give its toll ("At least 12 people were killed in the assault"). */
export function incidentsIn(s: SentenceContext, next?: SentenceContext): Candidate[] {
  if (TREND.test(s.text)) return [];
  const trigger = INCIDENT_CUES.map(([pattern, type]) => ({ match: pattern.exec(s.text), type })).find((t) => t.match);
  if (!trigger) return [];
  // The most precise place: a neighbourhood, then the metro area's communes and the main towns, then any other commune
  // (whose names also hide in places elsewhere: "the Wharf Jérémie area of Cité Soleil").
  const rank = (p: Place) => (p.kind === 'neighbourhood' ? 0 : p.id.startsWith('adm2:') ? 2 : 1);
  const place = [...s.places].sort((a, b) => rank(a.place) - rank(b.place))[0];
  if (!place) return [];
  const { counts, spans: countSpans } = countsIn(s);
  if (next && next.places.length === 0 && !TREND.test(next.text)) {
    const follow = countsIn(next);
    for (const what of Object.keys(counts) as (keyof Counts)[]) if (counts[what] === 0 && follow.counts[what] > 0) counts[what] = follow.counts[what];
    if (follow.spans.length > 0) countSpans.push(sentenceSpan(next), ...follow.spans);
  }
  const date = s.dates[0];
  const anchored = countSpans.length > 0 || date !== undefined;
  if (!anchored) return [];
  const type = trigger.type;
  const occurredOn = date ? date.from : s.articleDate;
  const occurredPrecision = date ? (date.kind === 'day' ? 'day' : date.kind === 'month' ? 'month' : 'week') : 'week';
  const gangs = s.actors.filter((a) => a.entry.kind === 'gang');
  const draft: ProposalDraft = {
    kind: 'incident',
    type,
    title: `${INCIDENT_TYPES[type].labels.en} in ${place.place.name}`,
    occurredOn,
    occurredPrecision,
    place: { name: place.place.name, lon: place.place.lon, lat: place.place.lat, precision: place.place.kind === 'neighbourhood' ? 'near' : 'commune' },
    counts,
    actors: [...new Map(gangs.map((g) => [g.entry.id, { name: g.entry.label, kind: 'gang' as const }])).values()],
  };
  const match = trigger.match!;
  const spans: EvidenceSpan[] = [
    sentenceSpan(s),
    { start: s.start + match.index, end: s.start + match.index + match[0].length, field: 'type' },
    { start: place.start, end: place.end, field: 'place' },
    ...countSpans,
    ...(date ? [{ start: date.start, end: date.end, field: 'date' as const }] : []),
  ];
  return [{ draft, key: `incident:${type}:${place.place.id}:${occurredOn ?? ''}`, spans }];
}
