import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  Gazetteer, bandKeys, estimatedSimilarity, findNumbers, fold, minhashSignature, shingleHashes, signatureFromHex, signatureToHex, splitSentences, tokenize,
} from './index.ts';

describe('folding and tokens', () => {
  test('folds case, accents and typographic apostrophes', () => {
    assert.equal(fold('HAÏTI’s Grand’Anse — Pétion-Ville'), "haiti's grand'anse - petion-ville");
  });

  test('tokens keep their offsets in the source', () => {
    const text = 'Les États-Unis et le Kenya.';
    const tokens = tokenize(text);
    assert.deepEqual(tokens.map((t) => t.folded), ['les', 'etats', 'unis', 'et', 'le', 'kenya']);
    for (const token of tokens) assert.equal(text.slice(token.start, token.end), token.text);
  });
});

describe('sentences', () => {
  test('abbreviations and initials do not end a sentence; paragraphs always do', () => {
    const text = 'This mission is pending approval by the U.N. Security Council. Mr. Henry spoke in St. Marc.\nA new paragraph without a stop\nThe end!';
    assert.deepEqual(splitSentences(text).map((s) => s.text), [
      'This mission is pending approval by the U.N. Security Council.',
      'Mr. Henry spoke in St. Marc.',
      'A new paragraph without a stop',
      'The end!',
    ]);
  });

  test('spans point into the text', () => {
    const text = '  First one.   Second one? "Third," he said.';
    for (const span of splitSentences(text)) assert.equal(text.slice(span.start, span.end), span.text);
    assert.equal(splitSentences(text).length, 3);
  });
});

describe('numbers', () => {
  const values = (text: string) => findNumbers(text).map((n) => n.value);
  test('digits with thousands separators, scales and words', () => {
    assert.deepEqual(values('deploy 1,000 police officers'), [1000]);
    assert.deepEqual(values('committed $100 million last week'), [100_000_000]);
    assert.deepEqual(values('US$2.5bn and 10k'), [2_500_000_000, 10_000]);
    assert.deepEqual(values('envoyer 1 000 policiers et 5 millions de dollars'), [1000, 5_000_000]);
    assert.deepEqual(values('twelve people and cinq cents soldats, deux mille'), [12, 500, 2000]);
    assert.deepEqual(values('Resolution 2699 in 2023'), [2699, 2023]);
  });

  test('spans cover what was read', () => {
    const text = 'about 80.5 million dollars';
    const [match] = findNumbers(text);
    assert.equal(text.slice(match!.start, match!.end), '80.5 million');
  });
});

describe('gazetteer', () => {
  const gazetteer = new Gazetteer([
    { id: 'ATG', kind: 'nation', names: ['Antigua and Barbuda', 'Antigua-et-Barbuda', 'Antigua'] },
    { id: 'BHS', kind: 'nation', names: ['Bahamas', 'the Bahamas', 'les Bahamas'] },
    { id: 'USA', kind: 'nation', names: ['United States', '=US', '=U.S.', 'Etazini', 'États-Unis'] },
    { id: 'KEN', kind: 'nation', names: ['Kenya', 'Kenyan', 'Kenyans'] },
  ]);

  test('longest name wins and spans are exact', () => {
    const text = 'Jamaica, les Bahamas, and Antigua and Barbuda; also Antigua.';
    const found = gazetteer.find(text);
    assert.deepEqual(found.map((m) => [m.id, m.surface]), [['BHS', 'les Bahamas'], ['ATG', 'Antigua and Barbuda'], ['ATG', 'Antigua']]);
    for (const m of found) assert.equal(text.slice(m.start, m.end), m.surface);
  });

  test('names in several languages; case-sensitive names only as written', () => {
    const found = gazetteer.find('Etazini ak Kenyan yo. Let us see what the U.S. and the US and les États-Unis said.');
    assert.deepEqual(found.map((m) => m.id), ['USA', 'KEN', 'USA', 'USA', 'USA']);
  });
});

describe('near-duplicates', () => {
  const story = 'Kenya extended an offer to lead a multinational police force in Haiti, with the goal of enhancing security and addressing the issue of gang violence. Countries like Jamaica, the Bahamas, and Antigua and Barbuda have also committed to sending personnel. The United States committed $100 million last week to support the initiative.';
  const syndicated = `Kenya to lead force — Caribbean Times. ${story} Share this article. Read more: Ecuador power cuts.`;
  const other = 'Gangs blocked the road to the airport on Monday, and the national police said three officers were wounded in an exchange of fire near the port. Schools in the area stayed closed for a week.';

  test('a syndicated copy is similar, another story is not', () => {
    const a = minhashSignature(shingleHashes(story));
    const b = minhashSignature(shingleHashes(syndicated));
    const c = minhashSignature(shingleHashes(other));
    assert.ok(estimatedSimilarity(a, b) > 0.6, `copy: ${estimatedSimilarity(a, b)}`);
    assert.ok(estimatedSimilarity(a, c) < 0.1, `other: ${estimatedSimilarity(a, c)}`);
    assert.ok(bandKeys(a).some((key) => bandKeys(b).includes(key)));
    assert.ok(!bandKeys(a).some((key) => bandKeys(c).includes(key)));
  });

  test('signatures survive storage as hex', () => {
    const signature = minhashSignature(shingleHashes(story));
    assert.deepEqual(signatureFromHex(signatureToHex(signature)), signature);
    assert.throws(() => signatureFromHex('zz'), /expected 960 hex digits/);
  });
});
