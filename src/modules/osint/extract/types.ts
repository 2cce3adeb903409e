import type { EvidenceSpan, NewsLanguage, ProposalDraft } from '../../../shared/osint.ts';
import type { ActorEntry } from './actors.ts';
import type { DateMention } from './dates.ts';
import type { Place } from './places.ts';

/** A name from the actor gazetteer found in the article, with absolute offsets. */
export interface ActorMention {
  readonly entry: ActorEntry;
  readonly start: number;
  readonly end: number;
  readonly surface: string;
}

export interface PlaceMention {
  readonly place: Place;
  readonly start: number;
  readonly end: number;
  readonly surface: string;
}

/** One sentence with what was found in it; offsets are into the article body. */
export interface SentenceContext {
  readonly index: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly actors: readonly ActorMention[];
  readonly places: readonly PlaceMention[];
  readonly dates: readonly DateMention[];
  /** The article's date (YYYY-MM-DD), against which relative dates were resolved. */
  readonly articleDate: string | null;
  readonly language: NewsLanguage;
}

/** A proposal before storage: the draft, the key that merges repeats of it, and its evidence. */
export interface Candidate {
  readonly draft: ProposalDraft;
  /** Equal keys are the same fact (within an article, and across the sources of a story). */
  readonly key: string;
  readonly spans: EvidenceSpan[];
}

/** Offset of a regular expression's first match in a sentence, or -1. */
export function indexOf(pattern: RegExp, text: string): number {
  const match = pattern.exec(text);
  return match ? match.index : -1;
}

export const sentenceSpan = (s: SentenceContext): EvidenceSpan => ({ start: s.start, end: s.end, field: 'sentence' });
