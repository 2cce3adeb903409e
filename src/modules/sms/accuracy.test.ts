import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { measureAccuracy, readCorpus } from './accuracy.ts';
import { smsPlacesIn } from './places.ts';

/*
 * The parser against the corpus written for Konbit (corpus.json). The floors
 * sit a little under the figures measured (docs/sms.md), so that a change
 * that makes reading worse fails here; raise them when reading gets better.
 */

const DATASETS = new URL('../../../../shared/data', import.meta.url).pathname;

describe('SMS parse accuracy on the corpus', () => {
  test('the corpus has at least 150 messages, at least 45 per language', () => {
    const corpus = readCorpus();
    assert.ok(corpus.length >= 150, `${corpus.length} messages`);
    for (const language of ['ht', 'fr', 'en']) assert.ok(corpus.filter((m) => m.language === language).length >= 45, language);
  });

  test('each field is read right at least as often as measured', async () => {
    const report = measureAccuracy(await smsPlacesIn(DATASETS));
    const floors = { type: 0.97, place: 0.96, counts: 0.94, language: 0.95, all: 0.92 };
    for (const [field, floor] of Object.entries(floors)) {
      assert.ok(report.rates.all[field as keyof typeof floors] >= floor, `${field}: ${report.rates.all[field as keyof typeof floors]} < ${floor}; misses: ${JSON.stringify(report.misses.slice(0, 5))}`);
    }
    for (const language of ['ht', 'fr', 'en'] as const) assert.ok(report.rates[language].all >= 0.9, `${language}: ${report.rates[language].all}`);
  });

  test('messages written after the tuning are read about as well', async () => {
    const report = measureAccuracy(await smsPlacesIn(DATASETS), readCorpus('heldout'));
    assert.ok(report.messages >= 40);
    assert.ok(report.rates.all.all >= 0.9, `all fields right: ${report.rates.all.all}; misses: ${JSON.stringify(report.misses)}`);
    for (const language of ['ht', 'fr', 'en'] as const) assert.ok(report.rates[language].all >= 0.8, `${language}: ${report.rates[language].all}`);
  });
});
