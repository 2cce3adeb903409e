import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ProposalDraft } from '../../../shared/osint.ts';
import { readPlainText } from '../intake/plain-text.ts';
import { FIXTURE_ARTICLE, newsFixture } from '../osint.testing.ts';
import { findDates } from './dates.ts';
import { extractArticle } from './extract.ts';
import { findMoney } from './money.ts';
import { PlaceIndex } from './places.ts';

const places = new PlaceIndex();

function fixtureBody(): string {
  return readPlainText(newsFixture(FIXTURE_ARTICLE)).paragraphs.join('\n\n');
}

/** A short, comparable form of a draft: what the issue lists. */
function summary(draft: ProposalDraft): string {
  switch (draft.kind) {
    case 'personnel': return `personnel ${draft.organisation} ${draft.officers ?? 'unspecified'}`;
    case 'funds': return `funds ${draft.organisation} ${draft.amount} ${draft.currency}`;
    case 'in_kind': return `in_kind ${draft.organisation} ${draft.category}`;
    case 'milestone': return `milestone ${draft.milestoneKind} ${draft.status}${draft.organisation ? ` ${draft.organisation}` : ''}${draft.location ? ` @${draft.location}` : ''}`;
    case 'incident': return `incident ${draft.type} @${draft.place?.name}`;
  }
}

describe('the fixture article', () => {
  test('yields exactly the expected proposals, nothing from its furniture', () => {
    const body = fixtureBody();
    const { proposals } = extractArticle({ body, publishedOn: '2023-09-29', language: 'en' }, places);
    assert.deepEqual(proposals.map((p) => summary(p.draft)).sort(), [
      'funds USA 100000000 USD',
      'in_kind USA airlift',
      'in_kind USA communications',
      'in_kind USA intelligence',
      'in_kind USA medical',
      'milestone assessment_mission completed KEN @Port-au-Prince, Haiti',
      'milestone authorisation pending',
      'milestone election planned @Haiti',
      'personnel ATG unspecified',
      'personnel BHS unspecified',
      'personnel JAM unspecified',
      'personnel KEN 1000',
    ]);
    assert.doesNotMatch(body, /Ecuador|Macron|Sudan|More from/);
  });

  test('dates are resolved against the article date; each proposal carries its supporting text', () => {
    const body = fixtureBody();
    const { proposals } = extractArticle({ body, publishedOn: '2023-09-29', language: 'en' }, places);
    const find = (text: string) => proposals.find((p) => summary(p.draft).startsWith(text))!;
    const kenya = find('personnel KEN').draft as Extract<ProposalDraft, { kind: 'personnel' }>;
    assert.deepEqual([kenya.pledgedOn, kenya.datePrecision, kenya.announcedBy], ['2023-07-01', 'month', 'Kenyan Foreign Minister Alfred Mutua']);
    const funds = find('funds USA').draft as Extract<ProposalDraft, { kind: 'funds' }>;
    assert.deepEqual([funds.pledgedOn, funds.datePrecision], ['2023-09-18', 'approximate'], '"last week" is the week before the article’s');
    const mission = find('milestone assessment_mission').draft as Extract<ProposalDraft, { kind: 'milestone' }>;
    assert.deepEqual([mission.actualStart, mission.datePrecision], ['2023-08-21', 'approximate'], '"late August" starts on the 21st');
    assert.deepEqual(mission.metWith, ['high-ranking officials from the de-facto government led by Ariel Henry', 'the local police force', 'diplomatic representatives from other countries']);
    for (const proposal of proposals) {
      const sentence = proposal.spans.find((s) => s.field === 'sentence')!;
      assert.ok(sentence, `${summary(proposal.draft)} has a supporting sentence`);
      for (const span of proposal.spans) assert.ok(span.start >= sentence.start - 2000 && span.end <= body.length && span.start < span.end);
    }
    const amount = find('funds USA').spans.find((s) => s.field === 'amount')!;
    assert.equal(body.slice(amount.start, amount.end), '$100 million');
    const officers = find('personnel KEN').spans.find((s) => s.field === 'number')!;
    assert.equal(body.slice(officers.start, officers.end), '1,000');
    // Kenya's two sentences (the offer, then the 1,000) are one proposal with both as evidence.
    assert.equal(find('personnel KEN').spans.filter((s) => s.field === 'sentence').length, 3);
  });

  test('the authorisation is one proposal from two sentences; Haiti never pledges to itself', () => {
    const { proposals } = extractArticle({ body: fixtureBody(), publishedOn: '2023-09-29', language: 'en' }, places);
    const authorisation = proposals.filter((p) => p.draft.kind === 'milestone' && p.draft.milestoneKind === 'authorisation');
    assert.equal(authorisation.length, 1);
    assert.equal(authorisation[0]!.spans.filter((s) => s.field === 'sentence').length, 2);
    assert.ok(!proposals.some((p) => 'organisation' in p.draft && p.draft.organisation === 'HTI'));
  });
});

describe('French, Creole and Spanish', () => {
  test('a French article: pledge with a French number, euros, an incident with its neighbourhood and counts', () => {
    const body = [
      "Le Canada s'est engagé mardi à verser 80,5 millions de dollars canadiens à la mission, a annoncé le ministre.",
      'Le Bénin enverra 1 500 militaires en Haïti, selon son gouvernement.',
      "Dimanche, des membres du gang de Grand Ravine ont tué au moins 12 personnes à Carrefour-Feuilles et incendié plusieurs maisons.",
      'Le Conseil de sécurité a autorisé la mission le 2 octobre 2023 par la résolution 2699.',
    ].join('\n\n');
    const { proposals } = extractArticle({ body, publishedOn: '2023-10-10', language: 'fr' }, places);
    const byKind = (kind: string) => proposals.filter((p) => p.draft.kind === kind).map((p) => p.draft);
    assert.deepEqual(byKind('funds').map((d) => d.kind === 'funds' && [d.organisation, d.amount, d.currency, d.pledgedOn]), [['CAN', '80500000', 'CAD', '2023-10-03']]);
    assert.deepEqual(byKind('personnel').map((d) => d.kind === 'personnel' && [d.organisation, d.officers]), [['BEN', 1500]]);
    const [incident] = byKind('incident');
    assert.ok(incident?.kind === 'incident');
    assert.deepEqual([incident.type, incident.place?.name, incident.counts.killed, incident.occurredOn, incident.actors.map((a) => a.name)], ['killing', 'Carrefour-Feuilles', 12, '2023-10-08', ['Grand Ravine gang']]);
    const [authorisation] = byKind('milestone');
    assert.ok(authorisation?.kind === 'milestone');
    assert.deepEqual([authorisation.status, authorisation.actualStart, authorisation.resolution], ['adopted', '2023-10-02', 'Resolution 2699']);
  });

  test('Creole and Spanish names of nations and numbers', () => {
    const creole = extractArticle({ body: 'Etazini pwomèt pou li bay 50 milyon dola pou misyon an semèn pase.', publishedOn: '2024-03-14', language: 'ht' }, places);
    assert.deepEqual(creole.proposals.map((p) => p.draft.kind === 'funds' && [p.draft.organisation, p.draft.amount, p.draft.currency]), [['USA', '50000000', 'USD']]);
    const spanish = extractArticle({ body: 'Guatemala enviará 150 policías a Haití, anunció el gobierno.', publishedOn: '2024-03-14', language: 'es' }, places);
    assert.deepEqual(spanish.proposals.map((p) => p.draft.kind === 'personnel' && [p.draft.organisation, p.draft.officers]), [['GTM', 150]]);
  });

  test('no incident from lists of crimes or trends, or without a place', () => {
    const body = [
      'He highlighted the grave crimes committed by gangs, including kidnapping, pillaging, arson, sexual violence, organ trafficking, and more.',
      'Kidnappings are on the rise in Delmas, with 30 cases last month.',
      'Twelve people were killed on Sunday, the police said.',
    ].join('\n\n');
    assert.deepEqual(extractArticle({ body, publishedOn: '2024-03-14', language: 'en' }, places).proposals, []);
  });
});

describe('dates and money', () => {
  const dates = (text: string, ref: string, language: 'en' | 'fr' | 'ht' = 'en') => findDates(text, { language, ref }).map((d) => [d.text, d.from, d.to, d.kind]);
  test('relative and vague dates read in the past of the article', () => {
    assert.deepEqual(dates('In July, Kenya said', '2023-09-29'), [['In July', '2023-07-01', '2023-07-31', 'month']]);
    assert.deepEqual(dates('In December, Kenya said', '2023-09-29'), [['In December', '2022-12-01', '2022-12-31', 'month']]);
    assert.deepEqual(dates('In late August, a mission', '2023-09-29'), [['late August', '2023-08-21', '2023-08-31', 'approximate']]);
    assert.deepEqual(dates('committed last week', '2023-09-29'), [['last week', '2023-09-18', '2023-09-24', 'week']]);
    assert.deepEqual(dates('On Sunday gangs attacked', '2023-09-29'), [['On Sunday', '2023-09-24', '2023-09-24', 'day']]);
    assert.deepEqual(dates('fin août, la mission', '2023-09-29', 'fr'), [['fin août', '2023-08-21', '2023-08-31', 'approximate']]);
    assert.deepEqual(dates('la semaine dernière', '2023-09-29', 'fr'), [['la semaine dernière', '2023-09-18', '2023-09-24', 'week']]);
    assert.deepEqual(dates('semèn pase', '2023-09-29', 'ht'), [['semèn pase', '2023-09-18', '2023-09-24', 'week']]);
    assert.deepEqual(dates('on September 21, 2023', '2023-09-29'), [['September 21, 2023', '2023-09-21', '2023-09-21', 'day']]);
    assert.deepEqual(dates('elections will be held in February', '2023-09-29'), [['in February', '2024-02-01', '2024-02-29', 'month']]);
  });

  test('without the article date only dated expressions are found', () => {
    assert.deepEqual(findDates('last week and on 3 March 2024', { language: 'en', ref: null }).map((d) => d.from), ['2024-03-03']);
  });

  test('money: symbols, codes and words', () => {
    const money = (text: string) => findMoney(text).map((m) => [m.amount, m.currency, text.slice(m.start, m.end)]);
    assert.deepEqual(money('committed $100 million'), [[100_000_000, 'USD', '$100 million']]);
    assert.deepEqual(money('US$2.5bn and C$80.5 million'), [[2_500_000_000, 'USD', 'US$2.5bn'], [80_500_000, 'CAD', 'C$80.5 million']]);
    assert.deepEqual(money('5 millions d’euros'), [[5_000_000, 'EUR', '5 millions d’euros']]);
    assert.deepEqual(money('1,000 police officers'), []);
  });
});
