import type { EvidenceSpan, ProposalDraft } from '../../../shared/osint.ts';
import { HOST_NATION } from './actors.ts';
import {
  ADOPTED, ARRIVAL, ASSESSMENT, AUTHORISATION_TOPIC, ELECTION_HELD, ELECTION_PROMISE, ELECTIONS, FIRST_DEPLOYMENT, MET_WITH, PAST_EVENT, PENDING, REJECTED, RENEWAL,
} from './cues.ts';
import { speaksOfFuture, type DateMention } from './dates.ts';
import { sentenceSpan, type Candidate, type SentenceContext } from './types.ts';

/*
 * Mandate milestones: the Security Council's authorisation (pending,
 * adopted, rejected) and mandate renewals, assessment missions (who, where,
 * when, whom they met), the first deployment, and promised elections.
 */

type MilestoneDraft = Extract<ProposalDraft, { kind: 'milestone' }>;

const blank = (milestoneKind: MilestoneDraft['milestoneKind'], status: MilestoneDraft['status'], title: string): MilestoneDraft => ({
  kind: 'milestone', milestoneKind, status, title, organisation: null, location: null, metWith: [], resolution: null, plannedStart: null, actualStart: null, datePrecision: 'approximate',
});

const precisionOf = (date: DateMention): 'day' | 'month' | 'approximate' => (date.kind === 'day' ? 'day' : date.kind === 'month' ? 'month' : 'approximate');
const dateSpan = (date: DateMention | undefined): EvidenceSpan[] => (date ? [{ start: date.start, end: date.end, field: 'date' }] : []);

/** A happened-on date: the sentence's, else the article's (approximate). */
function happened(s: SentenceContext): { actualStart: string | null; datePrecision: MilestoneDraft['datePrecision'] } {
  const date = s.dates[0];
  return date ? { actualStart: date.from, datePrecision: precisionOf(date) } : { actualStart: s.articleDate, datePrecision: 'approximate' };
}

function authorisation(s: SentenceContext): Candidate[] {
  const council = s.actors.find((a) => a.entry.id === 'UNSC');
  if (!council || !AUTHORISATION_TOPIC.test(s.text)) return [];
  const renewal = RENEWAL.test(s.text);
  const resolution = /\bresolution\s+(\d{4})\b|\brésolution\s+(\d{4})\b|\brezolisyon\s+(\d{4})\b/iu.exec(s.text);
  const rejected = REJECTED.test(s.text);
  const pending = PENDING.test(s.text);
  const adopted = !pending && ADOPTED.test(s.text);
  const status = rejected ? 'rejected' : adopted ? 'adopted' : 'pending';
  const draft = blank(renewal ? 'mandate_renewal' : 'authorisation', status, renewal ? 'UN Security Council renewal of the mandate' : 'UN Security Council authorisation of the mission');
  if (resolution) draft.resolution = `Resolution ${resolution[1] ?? resolution[2] ?? resolution[3]}`;
  if (status !== 'pending') Object.assign(draft, happened(s));
  const spans: EvidenceSpan[] = [sentenceSpan(s), { start: council.start, end: council.end, field: 'organisation' }, ...(status !== 'pending' ? dateSpan(s.dates[0]) : [])];
  return [{ draft, key: `milestone:${draft.milestoneKind}`, spans }];
}

/** Whom a delegation met, from "met with …, engaged with …, held discussions with …". */
export function metWith(text: string): string[] {
  return [...text.matchAll(MET_WITH)].map((m) => m[1]!.trim()).filter((who) => who.length > 2);
}

function assessment(s: SentenceContext, next: SentenceContext | undefined): Candidate[] {
  const match = ASSESSMENT.exec(s.text);
  if (!match) return [];
  const nation = s.actors.find((a) => a.entry.kind === 'nation' && a.entry.id !== HOST_NATION);
  const place = s.places[0];
  const date = s.dates[0];
  const past = PAST_EVENT.test(s.text) && !speaksOfFuture(s.text);
  const draft = blank('assessment_mission', past ? 'completed' : 'planned', `${nation ? `${nation.entry.label.replace(/^the /, '')} assessment mission` : 'Assessment mission'}${place ? ` to ${place.place.name}` : ''}`);
  draft.title = draft.title.charAt(0).toUpperCase() + draft.title.slice(1);
  draft.organisation = nation?.entry.id ?? null;
  draft.location = place ? `${place.place.name}, Haiti` : null;
  if (past) Object.assign(draft, happened(s));
  else if (date) Object.assign(draft, { plannedStart: date.from, datePrecision: precisionOf(date) });
  const spans: EvidenceSpan[] = [sentenceSpan(s), { start: s.start + match.index, end: s.start + match.index + match[0].length, field: 'type' }];
  if (nation) spans.push({ start: nation.start, end: nation.end, field: 'organisation' });
  if (place) spans.push({ start: place.start, end: place.end, field: 'place' });
  spans.push(...dateSpan(date));
  // The next sentence often says whom the delegation met.
  const met = [...metWith(s.text), ...(next && /\b(delegation|mission|team|they|délégation|équipe|delegasyon|ekip|delegación)\b/i.test(next.text) ? metWith(next.text) : [])];
  if (met.length > 0) {
    draft.metWith = met.slice(0, 50).map((who) => who.slice(0, 200));
    if (next && metWith(next.text).length > 0) spans.push(sentenceSpan(next));
  }
  return [{ draft, key: `milestone:assessment_mission:${draft.organisation ?? ''}`, spans }];
}

function elections(s: SentenceContext): Candidate[] {
  const match = ELECTIONS.exec(s.text);
  if (!match) return [];
  const foreign = s.actors.some((a) => a.entry.kind === 'nation' && a.entry.id !== HOST_NATION);
  const haitian = s.actors.some((a) => a.entry.id === HOST_NATION) || /\b(prime minister|premier ministre|government|gouvernement|transitional|de transition|gouvènman|gobierno)\b/i.test(s.text);
  if (foreign && !haitian) return [];
  const held = ELECTION_HELD.test(s.text);
  if (!held && !ELECTION_PROMISE.test(s.text)) return [];
  const draft = blank('election', held ? 'completed' : 'planned', 'Elections in Haiti');
  draft.location = 'Haiti';
  const date = s.dates[0];
  if (held) Object.assign(draft, happened(s));
  else if (date && date.from >= (s.articleDate ?? '')) Object.assign(draft, { plannedStart: date.from, datePrecision: precisionOf(date) });
  const spans: EvidenceSpan[] = [sentenceSpan(s), { start: s.start + match.index, end: s.start + match.index + match[0].length, field: 'type' }, ...(draft.plannedStart || held ? dateSpan(date) : [])];
  return [{ draft, key: 'milestone:election', spans }];
}

function firstDeployment(s: SentenceContext): Candidate[] {
  const match = FIRST_DEPLOYMENT.exec(s.text);
  if (!match || !ARRIVAL.test(s.text) || speaksOfFuture(s.text)) return [];
  const nation = s.actors.find((a) => a.entry.kind === 'nation' && a.entry.id !== HOST_NATION);
  const draft = blank('deployment_start', 'completed', `First ${nation ? `${nation.entry.label.replace(/^the /, '')} ` : ''}contingent deployed`);
  draft.organisation = nation?.entry.id ?? null;
  Object.assign(draft, happened(s));
  const spans: EvidenceSpan[] = [sentenceSpan(s), { start: s.start + match.index, end: s.start + match.index + match[0].length, field: 'type' }, ...dateSpan(s.dates[0])];
  return [{ draft, key: 'milestone:deployment_start', spans }];
}

/** The milestones a sentence reports (the next sentence helps say whom a mission met). */
export function milestonesIn(s: SentenceContext, next: SentenceContext | undefined): Candidate[] {
  return [...authorisation(s), ...assessment(s, next), ...elections(s), ...firstDeployment(s)];
}
