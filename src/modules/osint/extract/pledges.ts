import { findNumbers } from '../../../core/text/index.ts';
import { IN_KIND_CATEGORIES, type CurrencyCode, type InKindCategory } from '../../../shared/ledger.ts';
import type { EvidenceSpan, ProposalDraft } from '../../../shared/osint.ts';
import { HOST_NATION, type ActorEntry } from './actors.ts';
import { ALREADY_SENT, CLAUSE_BREAK, COMMITMENT, FUNDING_WITHOUT_AMOUNT, IN_KIND_CUES, NEGATION, PERSONNEL, PERSONNEL_WORDS, PLEDGE_CUE, SAYING, UNIT_KIND_CUES } from './cues.ts';
import type { DateMention } from './dates.ts';
import { decimalAmount, findMoney, type MoneyMention } from './money.ts';
import { indexOf, sentenceSpan, type ActorMention, type Candidate, type SentenceContext } from './types.ts';

/*
 * Pledges: a sentence where an actor that can pledge is named before a verb of
 * commitment ("committed", "pledged", "prepared to deploy", "s'est engagé",
 * "pral voye"), with what it commits: officers (and how many, if the article
 * says), money (amount and currency), or in-kind support by category. The
 * host nation pledges nothing to itself.
 */

/** A word for personnel within three words after a number: "1,000 police officers", "200 additional troops". */
const PERSONNEL_AFTER = new RegExp(String.raw`^\s+(?:[\p{L}'’-]+\s+){0,3}?(?:${PERSONNEL_WORDS.join('|')})(?![\p{L}\p{N}])`, 'iu');

/**
 * The number of officers pledged: a number of personnel the verb of
 * commitment governs — after it ("pledged 1,000 police officers", "will send
 * 150 more officers") or just before it ("the 1,000 pledged"). A number
 * elsewhere in the sentence counts something else ("400 officers landed").
 */
function officerCount(s: SentenceContext, money: readonly MoneyMention[]): { value: number; span: EvidenceSpan } | null {
  const cues = [...s.text.matchAll(new RegExp(PLEDGE_CUE.source, 'giu'))].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const firstCue = cues[0];
  if (!firstCue) return null;
  for (const number of findNumbers(s.text)) {
    if (money.some((m) => m.start - s.start <= number.start && number.end <= m.end - s.start)) continue;
    if (!Number.isInteger(number.value) || number.value < 1 || number.value > 1_000_000) continue;
    if (/^(19|20)\d\d$/.test(s.text.slice(number.start, number.end))) continue;
    const rest = s.text.slice(number.end);
    const afterCue = number.start >= firstCue.end && PERSONNEL_AFTER.test(rest);
    const beforeCue = cues.some((cue) => cue.start >= number.end && /^\s+(?:[\p{L}'’-]+\s+){0,2}?$/u.test(s.text.slice(number.end, cue.start)));
    if (afterCue || beforeCue) return { value: number.value, span: { start: s.start + number.start, end: s.start + number.end, field: 'number' } };
  }
  return null;
}

/** Who announced, when the sentence says "<someone> announced/said…". */
export function announcer(s: SentenceContext): { name: string; span: EvidenceSpan } | null {
  const saying = SAYING.exec(s.text);
  if (!saying) return null;
  const before = s.text.slice(0, saying.index);
  const clause = before.slice(before.lastIndexOf(',') + 1);
  const name = clause.trim();
  const words = name.split(/\s+/);
  if (words.length < 2 || words.length > 10 || !/^\p{Lu}/u.test(name) || /^(The|This|It|He|She|They|Il|Elle|Li|Yo)$/i.test(words[0]!)) return null;
  const start = s.start + before.length - clause.length + clause.indexOf(name);
  return { name, span: { start, end: start + name.length, field: 'announcer' } };
}

/** The pledge's date: the first date in the sentence, else the article's (approximate: on or before it). */
function pledgeDate(dates: readonly DateMention[], articleDate: string | null): { pledgedOn: string | null; datePrecision: 'day' | 'month' | 'approximate'; span: EvidenceSpan | null } {
  const date = dates[0];
  if (!date) return { pledgedOn: articleDate, datePrecision: 'approximate', span: null };
  const datePrecision = date.kind === 'day' ? 'day' : date.kind === 'month' ? 'month' : 'approximate';
  return { pledgedOn: date.from, datePrecision, span: { start: date.start, end: date.end, field: 'date' } };
}

/** Actors named before the first verb of commitment that can pledge, each once. */
function pledgersOf(s: SentenceContext, cueAt: number): ActorMention[] {
  const seen = new Set<string>();
  return s.actors.filter((a) => {
    if (a.start - s.start >= cueAt || a.entry.pledges === 'none' || a.entry.id === HOST_NATION || seen.has(a.entry.id)) return false;
    seen.add(a.entry.id);
    return true;
  });
}

function categoriesIn(text: string, hasPersonnel: boolean, start: number): { category: InKindCategory; span: EvidenceSpan }[] {
  const found = IN_KIND_CUES.flatMap(([pattern, category]) => {
    const match = pattern.exec(text);
    return match ? [{ category, span: { start: start + match.index, end: start + match.index + match[0].length, field: 'category' as const } }] : [];
  });
  // Officers sent "to provide training" are the pledge itself; generic logistics gives way to named kinds of it.
  const specific = found.filter((f) => f.category !== 'logistics' && !(hasPersonnel && f.category === 'training'));
  return specific.length > 0 ? specific : found.filter((f) => f.category === 'logistics');
}

const formatAmount = (amount: number, currency: CurrencyCode) => `${currency} ${amount.toLocaleString('en-US')}`;

/** A sentence cut into clauses that have subjects of their own, each a context with its own names and dates. */
function clausesOf(s: SentenceContext): SentenceContext[] {
  const cuts = [0, ...[...s.text.matchAll(CLAUSE_BREAK)].map((m) => m.index + m[0].length), s.text.length];
  if (cuts.length === 2) return [s];
  return cuts.slice(0, -1).map((from, i) => {
    const start = s.start + from;
    const end = s.start + cuts[i + 1]!;
    const inside = <T extends { start: number; end: number }>(list: readonly T[]) => list.filter((m) => m.start >= start && m.end <= end);
    return { ...s, start, end, text: s.text.slice(from, cuts[i + 1]), actors: inside(s.actors), places: inside(s.places), dates: inside(s.dates) };
  });
}

/** The pledges a sentence reports, clause by clause. */
export function pledgesIn(s: SentenceContext): Candidate[] {
  return clausesOf(s).flatMap(pledgesInClause);
}

function pledgesInClause(s: SentenceContext): Candidate[] {
  const cueAt = indexOf(PLEDGE_CUE, s.text);
  if (cueAt < 0) return [];
  // "would not deploy", "n'enverra pas": a refusal is no pledge.
  if (NEGATION.test(s.text.slice(Math.max(0, cueAt - 30), cueAt + 40))) return [];
  const pledgers = pledgersOf(s, cueAt);
  if (pledgers.length === 0) return [];
  const money = findMoney(s.text, s.start);
  // Officers already sent are a deployment, unless the clause also commits to more.
  const hasPersonnel = PERSONNEL.test(s.text) && money.length === 0 && !(ALREADY_SENT.test(s.text) && !COMMITMENT.test(s.text));
  const count = hasPersonnel && pledgers.length === 1 ? officerCount(s, money) : null;
  const categories = categoriesIn(s.text, hasPersonnel, s.start);
  const date = pledgeDate(s.dates, s.articleDate);
  const said = announcer(s);
  const common = (actor: ActorEntry) => ({ organisation: actor.id, announcedBy: said?.name ?? null, pledgedOn: date.pledgedOn, datePrecision: date.datePrecision });
  const evidence = (actor: ActorMention, ...extra: (EvidenceSpan | null | undefined)[]): EvidenceSpan[] => [
    sentenceSpan(s), { start: actor.start, end: actor.end, field: 'organisation' }, ...extra.filter((e): e is EvidenceSpan => !!e), ...(date.span ? [date.span] : []), ...(said ? [said.span] : []),
  ];
  const candidates: Candidate[] = [];
  for (const [i, pledger] of pledgers.entries()) {
    const actor = pledger.entry;
    const own = pledgers.length === 1 ? money : money.length === pledgers.length ? [money[i]!] : [];
    for (const sum of own) {
      const draft: ProposalDraft = { kind: 'funds', ...common(actor), title: `${actor.label}: ${formatAmount(sum.amount, sum.currency)}`, amount: decimalAmount(sum.amount), currency: sum.currency, usdRate: null, channel: 'unspecified' };
      candidates.push({ draft, key: `funds:${actor.id}:${sum.currency}:${sum.amount}`, spans: evidence(pledger, { start: sum.start, end: sum.end, field: 'amount' }) });
    }
    if (own.length === 0 && money.length === 0 && FUNDING_WITHOUT_AMOUNT.test(s.text)) {
      const draft: ProposalDraft = { kind: 'funds', ...common(actor), title: `${actor.label}: funding (amount not given)`, amount: null, currency: null, usdRate: null, channel: 'unspecified' };
      candidates.push({ draft, key: `funds:${actor.id}:none`, spans: evidence(pledger) });
    }
    if (hasPersonnel && actor.kind === 'nation') {
      const unitKind = UNIT_KIND_CUES.find(([pattern]) => pattern.test(s.text))?.[1] ?? 'unspecified';
      const officers = count?.value ?? null;
      const draft: ProposalDraft = { kind: 'personnel', ...common(actor), title: `${actor.label}: ${officers ? `${officers.toLocaleString('en-US')} officers` : 'police personnel (number not given)'}`, officers, unitKind };
      candidates.push({ draft, key: `personnel:${actor.id}`, spans: evidence(pledger, count?.span) });
    }
    for (const { category, span } of categories) {
      const draft: ProposalDraft = { kind: 'in_kind', ...common(actor), title: `${actor.label}: ${IN_KIND_CATEGORIES[category].en.toLowerCase()} support`, category, quantity: null, unit: null };
      candidates.push({ draft, key: `in_kind:${actor.id}:${category}`, spans: evidence(pledger, span) });
    }
  }
  return candidates;
}
