import { splitSentences } from '../../../core/text/index.ts';
import type { EvidenceSpan, NewsLanguage, ProposalDraft } from '../../../shared/osint.ts';
import { actorById, actorGazetteer } from './actors.ts';
import { findDates } from './dates.ts';
import { incidentsIn } from './incidents.ts';
import { milestonesIn } from './milestones.ts';
import type { PlaceIndex } from './places.ts';
import { pledgesIn } from './pledges.ts';
import type { ActorMention, Candidate, PlaceMention, SentenceContext } from './types.ts';

/*
 * From an article's text to proposals: sentences, the names of actors and
 * places in them, their dates resolved against the article's date, then the
 * pledges, milestones and incidents each sentence reports. Repeats of one
 * fact in the article (Kenya "offered to lead" and Kenya "was prepared to
 * deploy 1,000") merge into one proposal with every supporting span.
 */

export interface ArticleText {
  readonly body: string;
  /** YYYY-MM-DD, or null when unknown (relative dates then stay unresolved). */
  readonly publishedOn: string | null;
  readonly language: NewsLanguage;
}

export interface Extraction {
  readonly proposals: Candidate[];
  readonly mentions: { kind: string; code: string; surface: string; start: number; end: number }[];
}

function contextsOf(article: ArticleText, places: PlaceIndex): SentenceContext[] {
  const actors = actorGazetteer().find(article.body).map((m): ActorMention => ({ entry: actorById(m.id)!, start: m.start, end: m.end, surface: m.surface }));
  // "the Grand Ravine gang" names a gang, not where something happened.
  const gangs = actors.filter((a) => a.entry.kind === 'gang');
  const placeMatches = places.find(article.body)
    .filter((m) => !gangs.some((g) => g.start < m.end && m.start < g.end))
    .map((m): PlaceMention => ({ place: m.place, start: m.start, end: m.end, surface: m.surface }));
  return splitSentences(article.body).map((span, index) => {
    const inside = <T extends { start: number; end: number }>(list: T[]) => list.filter((m) => m.start >= span.start && m.end <= span.end);
    return {
      index,
      start: span.start,
      end: span.end,
      text: span.text,
      actors: inside(actors),
      places: inside(placeMatches),
      dates: findDates(span.text, { offset: span.start, language: article.language, ref: article.publishedOn }),
      articleDate: article.publishedOn,
      language: article.language,
    };
  });
}

/** Merges a repeat into the proposal it repeats: evidence adds up, a number fills a gap, a firmer status wins. */
function mergeInto(target: Candidate, repeat: Candidate): Candidate {
  const spans: EvidenceSpan[] = [...target.spans];
  for (const span of repeat.spans) if (!spans.some((s) => s.start === span.start && s.end === span.end && s.field === span.field)) spans.push(span);
  const a = target.draft;
  const b = repeat.draft;
  let draft: ProposalDraft = a;
  if (a.kind === 'personnel' && b.kind === 'personnel' && a.officers === null && b.officers !== null) {
    draft = { ...b, announcedBy: b.announcedBy ?? a.announcedBy };
  } else if (a.kind === 'milestone' && b.kind === 'milestone') {
    const rank = { pending: 0, planned: 0, in_progress: 1, postponed: 1, cancelled: 2, completed: 2, rejected: 3, adopted: 3 } as const;
    draft = rank[b.status] > rank[a.status] ? { ...b, metWith: [...new Set([...a.metWith, ...b.metWith])] } : { ...a, metWith: [...new Set([...a.metWith, ...b.metWith])], resolution: a.resolution ?? b.resolution };
  } else if ('pledgedOn' in a && 'pledgedOn' in b && a.datePrecision === 'approximate' && b.datePrecision !== 'approximate' && b.pledgedOn) {
    draft = { ...a, pledgedOn: b.pledgedOn, datePrecision: b.datePrecision } as ProposalDraft;
  }
  return { draft, key: target.key, spans: spans.sort((x, y) => x.start - y.start) };
}

/** Adds candidates to a list, merging those whose key is already there. */
export function mergeCandidates(into: Candidate[], more: readonly Candidate[]): Candidate[] {
  const byKey = new Map(into.map((c, i) => [c.key, i]));
  const merged = [...into];
  for (const candidate of more) {
    const at = byKey.get(candidate.key);
    if (at === undefined) {
      byKey.set(candidate.key, merged.length);
      merged.push(candidate);
    } else merged[at] = mergeInto(merged[at]!, candidate);
  }
  return merged;
}

/** Everything Konbit proposes from one article, with the mentions of actors and places it found. */
export function extractArticle(article: ArticleText, places: PlaceIndex): Extraction {
  const contexts = contextsOf(article, places);
  let proposals: Candidate[] = [];
  contexts.forEach((s, i) => {
    proposals = mergeCandidates(proposals, [...pledgesIn(s), ...milestonesIn(s, contexts[i + 1]), ...incidentsIn(s, contexts[i + 1])]);
  });
  const mentions = [
    ...contexts.flatMap((s) => s.actors.map((a) => ({ kind: a.entry.kind, code: a.entry.id, surface: a.surface, start: a.start, end: a.end }))),
    ...contexts.flatMap((s) => s.places.map((p) => ({ kind: 'place', code: p.place.id, surface: p.surface, start: p.start, end: p.end }))),
  ].sort((a, b) => a.start - b.start);
  return { proposals, mentions };
}
