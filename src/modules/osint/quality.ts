import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { ProposalDraft } from '../../shared/osint.ts';
import { extractArticle } from './extract/extract.ts';
import type { PlaceIndex } from './extract/places.ts';
import { detectLanguage } from './intake/language.ts';
import { readPlainText } from './intake/plain-text.ts';

/*
 * Extraction quality against the gold set (gold/): articles written or
 * annotated by the project, each with the facts a careful analyst would
 * record from it. A fact is compared as a short canonical line ("personnel
 * KEN 1000", "funds USA 100000000 USD", "milestone authorisation pending",
 * "incident killing @Solino killed=7"); dates are scored apart, on the facts
 * found. Precision and recall are per group: pledges, milestones, incidents.
 */

export const GOLD_DIR = path.join(import.meta.dirname, 'gold');

const GoldFact = z.strictObject({ fact: z.string().min(1), date: z.string().optional() });
const GoldArticle = z.strictObject({
  /** dev: rules were tuned on it; held-out: written and annotated after, never tuned on. */
  split: z.enum(['dev', 'held-out']),
  language: z.enum(['en', 'fr', 'ht', 'es']),
  publishedOn: z.string(),
  note: z.string().optional(),
  facts: z.array(GoldFact),
});
type GoldArticle = z.infer<typeof GoldArticle>;

/** The canonical line of a draft. */
export function factOf(draft: ProposalDraft): string {
  switch (draft.kind) {
    case 'personnel': return `personnel ${draft.organisation} ${draft.officers ?? 'unspecified'}`;
    case 'funds': return `funds ${draft.organisation} ${draft.amount ?? 'unspecified'} ${draft.currency ?? ''}`.trim();
    case 'in_kind': return `in_kind ${draft.organisation} ${draft.category}`;
    case 'milestone': return `milestone ${draft.milestoneKind} ${draft.status}${draft.organisation ? ` ${draft.organisation}` : ''}`;
    case 'incident': {
      const counts = Object.entries(draft.counts).filter(([, n]) => n > 0).map(([what, n]) => ` ${what}=${n}`).join('');
      return `incident ${draft.type} @${draft.place?.name ?? '?'}${counts}`;
    }
  }
}

/** The date a draft gives its fact. */
export function dateOf(draft: ProposalDraft): string | null {
  switch (draft.kind) {
    case 'personnel': case 'funds': case 'in_kind': return draft.pledgedOn;
    case 'milestone': return draft.actualStart ?? draft.plannedStart;
    case 'incident': return draft.occurredOn;
  }
}

export type Group = 'pledges' | 'milestones' | 'incidents';
const groupOf = (fact: string): Group => (fact.startsWith('milestone') ? 'milestones' : fact.startsWith('incident') ? 'incidents' : 'pledges');

export interface Score {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
}

export interface ArticleResult {
  name: string;
  split: GoldArticle['split'];
  language: string;
  detectedLanguage: string;
  missed: string[];
  invented: string[];
  wrongDates: string[];
}

export interface QualityReport {
  articles: ArticleResult[];
  bySplit: Record<GoldArticle['split'], Record<Group | 'all', Score> & { datesRight: number; datesChecked: number }>;
}

const score = (tp: number, fp: number, fn: number): Score => ({
  truePositives: tp, falsePositives: fp, falseNegatives: fn,
  precision: tp + fp === 0 ? 1 : tp / (tp + fp),
  recall: tp + fn === 0 ? 1 : tp / (tp + fn),
});

/** Runs extraction over every gold article and scores it. */
export function scoreGoldSet(places: PlaceIndex, dir = GOLD_DIR): QualityReport {
  const names = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();
  const articles: ArticleResult[] = [];
  const tallies = new Map<string, { tp: number; fp: number; fn: number }>();
  const dates = new Map<string, { right: number; checked: number }>();
  const tally = (split: string, group: string) => {
    const key = `${split}:${group}`;
    if (!tallies.has(key)) tallies.set(key, { tp: 0, fp: 0, fn: 0 });
    return tallies.get(key)!;
  };
  for (const name of names) {
    const gold = GoldArticle.parse(JSON.parse(readFileSync(path.join(dir, `${name}.json`), 'utf8')));
    const text = readPlainText(readFileSync(path.join(dir, `${name}.txt`), 'utf8'));
    const body = text.paragraphs.join('\n\n');
    const detectedLanguage = detectLanguage(`${text.title ?? ''}\n${body}`);
    const { proposals } = extractArticle({ body, publishedOn: gold.publishedOn, language: detectedLanguage }, places);
    const predicted = proposals.map((p) => ({ fact: factOf(p.draft), date: dateOf(p.draft) }));
    const expected = [...gold.facts];
    const result: ArticleResult = { name, split: gold.split, language: gold.language, detectedLanguage, missed: [], invented: [], wrongDates: [] };
    const d = dates.get(gold.split) ?? { right: 0, checked: 0 };
    for (const p of predicted) {
      const at = expected.findIndex((e) => e.fact === p.fact);
      if (at < 0) {
        result.invented.push(p.fact);
        tally(gold.split, groupOf(p.fact)).fp += 1;
        continue;
      }
      const [match] = expected.splice(at, 1);
      tally(gold.split, groupOf(p.fact)).tp += 1;
      if (match!.date) {
        d.checked += 1;
        if (match!.date === p.date) d.right += 1;
        else result.wrongDates.push(`${p.fact}: ${p.date ?? 'none'} instead of ${match!.date}`);
      }
    }
    dates.set(gold.split, d);
    for (const e of expected) {
      result.missed.push(e.fact);
      tally(gold.split, groupOf(e.fact)).fn += 1;
    }
    articles.push(result);
  }
  const bySplit = {} as QualityReport['bySplit'];
  for (const split of ['dev', 'held-out'] as const) {
    const groups = (['pledges', 'milestones', 'incidents'] as const).map((g) => [g, tally(split, g)] as const);
    const all = groups.reduce((sum, [, t]) => ({ tp: sum.tp + t.tp, fp: sum.fp + t.fp, fn: sum.fn + t.fn }), { tp: 0, fp: 0, fn: 0 });
    const d = dates.get(split) ?? { right: 0, checked: 0 };
    bySplit[split] = {
      ...Object.fromEntries(groups.map(([g, t]) => [g, score(t.tp, t.fp, t.fn)])) as Record<Group, Score>,
      all: score(all.tp, all.fp, all.fn),
      datesRight: d.right,
      datesChecked: d.checked,
    };
  }
  return { articles, bySplit };
}
