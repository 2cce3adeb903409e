import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { editDistance, nearMatch, smsWords } from './fuzzy.ts';
import { parseSms } from './parse.ts';
import { normalisePhone } from './phone.ts';
import { SmsPlaces, sectionCoreName } from './places.ts';
import { reportReplies } from './reply.ts';

const places = new SmsPlaces();

describe('SMS parsing', () => {
  test('edit distance counts insertions, deletions, substitutions and swaps of neighbours as one each', () => {
    assert.equal(editDistance('kidnapin', 'kidnaping'), 1);
    assert.equal(editDistance('kindapping', 'kidnapping'), 1);
    assert.equal(editDistance('barikad', 'barricade'), 3);
    assert.equal(editDistance('abc', 'xyz', 1), 2, 'stops past the maximum');
    assert.equal(nearMatch('mo', 'mo'), 0);
    assert.equal(nearMatch('me', 'mo'), null, 'short words must be exact');
    assert.equal(nearMatch('martisan', 'martissant'), 2);
    assert.equal(nearMatch('matisan', 'martissant'), null, 'too far: the Kreyòl spelling is listed instead');
    assert.deepEqual(smsWords('3MÒ, 2blesé à Cité-Soleil'), ['3', 'mo', '2', 'blese', 'a', 'cite', 'soleil']);
  });

  test('type, place and counts in any order, language and accents', () => {
    const cases: [string, string | null, string | null, Partial<Record<'killed' | 'injured' | 'abducted' | 'displaced', number>>, string][] = [
      ['kidnapin Matisan 3 moun', 'kidnapping', 'Martissant', { abducted: 3 }, 'ht'],
      ['Bel Air: 2 mò, 4 blese, fiziyad', 'armed_clash', 'Bel Air', { killed: 2, injured: 4 }, 'ht'],
      ['DEUX BLESSÉS incendie Solino', 'arson', 'Solino', { injured: 2 }, 'fr'],
      ['Pillage Delmas, pas de blessés', 'looting', 'Delmas', {}, 'fr'],
      ['twenty families displaced Torcelle', 'displacement', 'Torcelle', { displaced: 20 }, 'en'],
      ['yo touye yon polisye', 'killing', null, { killed: 1 }, 'ht'],
      ['merci', null, null, {}, 'fr'],
    ];
    for (const [text, type, place, counts, language] of cases) {
      const parsed = parseSms(text, places);
      assert.equal(parsed.type, type, text);
      assert.equal(parsed.place?.name ?? null, place, text);
      assert.deepEqual(parsed.counts, { killed: 0, injured: 0, abducted: 0, displaced: 0, ...counts }, text);
      assert.equal(parsed.language, language, text);
    }
  });

  test('communal sections are named by their core name', () => {
    assert.equal(sectionCoreName('3e Section Martissant'), 'Martissant');
    assert.equal(sectionCoreName('1re Section des Varreux'), 'Varreux');
    assert.equal(sectionCoreName("2e Section Morne l'Hopital"), "Morne l'Hopital");
  });

  test('replies say what was understood in one SMS', () => {
    const long = parseSms('kidnapin Matisan 3 mo 4 blese 5 kidnape 600 deplase', places);
    for (const reply of Object.values(reportReplies(long, 'K-7Q2M9X'))) assert.ok(reply.length <= 160, reply);
    assert.equal(reportReplies(parseSms('kidnapin Matisan 3 moun', places), 'K-7Q2M9X').ht, 'Mèsi. Nou resevwa: kidnapin, Martissant, 3 kidnape. Nimewo: K-7Q2M9X');
  });

  test('phone numbers: E.164, Haitian numbers with 8 digits after +509', () => {
    assert.deepEqual(normalisePhone('3700-1234'), { ok: true, phone: '+50937001234' });
    assert.deepEqual(normalisePhone('(509) 37 00 12 34'), { ok: true, phone: '+50937001234' });
    assert.deepEqual(normalisePhone('00254712345678'), { ok: true, phone: '+254712345678' });
    assert.match((normalisePhone('+509 3700 123') as { problem: string }).problem, /exactly 8 digits/);
    assert.match((normalisePhone('phone') as { problem: string }).problem, /not a phone number/);
  });
});
