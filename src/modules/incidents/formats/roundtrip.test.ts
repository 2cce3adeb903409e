import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ExportableIncident, IncidentInputParsed } from '../../../shared/incidents.ts';
import { FORMAT_NAMES, type FormatName } from './common.ts';
import { bytesOf, listOf, readAll, sampleIncidents, textOfWriter } from './formats.testing.ts';
import { FORMATS } from './registry.ts';

/** What must survive export then import, whatever the format. */
export function assertSameIncident(actual: IncidentInputParsed, expected: ExportableIncident, format: FormatName): void {
  const where = `${format} ${expected.id}`;
  assert.equal(actual.type, expected.type, `${where} type`);
  assert.equal(actual.title, expected.title, `${where} title`);
  assert.equal(actual.description, expected.description, `${where} description`);
  assert.equal(actual.occurredAt, expected.occurredAt, `${where} occurredAt`);
  assert.equal(actual.occurredPrecision, expected.occurredPrecision, `${where} occurredPrecision`);
  assert.ok(Math.abs(actual.location.lat - expected.location.lat) < 1e-6, `${where} latitude`);
  assert.ok(Math.abs(actual.location.lon - expected.location.lon) < 1e-6, `${where} longitude`);
  assert.equal(actual.location.precision, expected.location.precision, `${where} location precision`);
  assert.equal(actual.location.placeName, expected.location.placeName, `${where} place name`);
  assert.deepEqual(actual.actors, expected.actors, `${where} actors`);
  assert.deepEqual(actual.counts, expected.counts, `${where} counts`);
  assert.deepEqual(actual.sources, expected.sources, `${where} sources`);
  assert.deepEqual(actual.tags, expected.tags, `${where} tags`);
  assert.equal(actual.classification, expected.classification, `${where} classification`);
  assert.deepEqual(actual.releasableTo, expected.releasableTo, `${where} releasableTo`);
  assert.deepEqual(actual.external, expected.external ?? { system: format, id: expected.id }, `${where} external id`);
  assert.equal(actual.illustrative, expected.illustrative, `${where} illustrative`);
}

describe('export then import gives the same incidents', () => {
  for (const format of FORMAT_NAMES) {
    test(format, async () => {
      const incidents = sampleIncidents();
      const text = await textOfWriter(FORMATS[format].write(listOf(incidents)));
      const { inputs, errors, fatal } = await readAll(FORMATS[format].read, bytesOf(text));
      assert.deepEqual(errors, []);
      assert.equal(fatal, undefined);
      assert.equal(inputs.length, incidents.length);
      inputs.forEach((input, index) => assertSameIncident(input, incidents[index]!, format));
    });
  }

  test('an export of nothing imports as nothing', async () => {
    for (const format of FORMAT_NAMES) {
      const text = await textOfWriter(FORMATS[format].write(listOf([])));
      const { inputs, errors, fatal } = await readAll(FORMATS[format].read, bytesOf(text));
      assert.equal(inputs.length + errors.length, 0, format);
      if (format === 'cot') assert.match(fatal?.reason ?? '', /no <event>/);
      else assert.equal(fatal, undefined, format);
    }
  });
});
