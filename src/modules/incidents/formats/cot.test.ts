import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readCot } from './cot.ts';
import { bytesOf, fixture, readAll } from './formats.testing.ts';

const event = (attributes: string, inner = '<point lat="18.54" lon="-72.33" ce="10"/>') =>
  `<event version="2.0" uid="U-1" type="a-h-G" time="2024-03-14T12:00:00Z" start="2024-03-14T12:00:00Z" stale="2024-03-15T12:00:00Z" how="h-e" ${attributes}>${inner}</event>`;

describe('Cursor-on-Target reader', () => {
  test('reads TAK events: types, points, remarks, caveat and releaseableTo', async () => {
    const { inputs, errors } = await readAll(readCot, fixture('tak-events.xml'));
    assert.deepEqual(errors, []);
    assert.deepEqual(inputs.map((i) => [i.line, i.type]), [[3, 'roadblock'], [12, 'attack_on_police'], [20, 'other'], [27, 'roadblock']]);
    const [roadblock, clash, other, update] = inputs;
    assert.deepEqual(roadblock!.external, { system: 'cot', id: 'ANDROID-5f2c9a71e3b04d1a' });
    assert.equal(roadblock!.occurredAt, '2024-03-14T12:15:00.000Z');
    assert.deepEqual(roadblock!.sources, [{ name: 'TAK KEN-ALPHA-2', reliability: 'B', credibility: 3 }]);
    assert.equal(roadblock!.classification, 'MISSION');
    assert.equal(roadblock!.location.precision, 'exact');
    assert.equal(clash!.counts.injured, 1);
    assert.equal(clash!.classification, 'RESTRICTED');
    assert.deepEqual(clash!.releasableTo, ['KEN', 'JAM']);
    assert.equal(clash!.location.precision, 'near');
    // The "releasableTo" spelling is accepted too.
    assert.deepEqual([other!.classification, other!.releasableTo], ['RESTRICTED', ['KEN']]);
    assert.deepEqual(other!.tags, ['cot:b-m-p-s-m']);
    // The same uid later: an update of the first event.
    assert.deepEqual(update!.external, roadblock!.external);
    assert.match(update!.description, /barricade cleared by HNP/);
  });

  test('one bare <event> is a file too', async () => {
    const { inputs } = await readAll(readCot, bytesOf(event('')));
    assert.equal(inputs.length, 1);
    assert.equal(inputs[0]!.title, 'Other reported by U-1');
  });

  test('refuses an XML bomb without expanding it', async () => {
    const started = Date.now();
    const { inputs, fatal } = await readAll(readCot, fixture('cot-bomb.xml'));
    assert.equal(inputs.length, 0);
    assert.match(fatal!.reason, /DOCTYPE declarations are refused/);
    assert.ok(Date.now() - started < 1000);
  });

  test('refuses an external entity', async () => {
    const { fatal } = await readAll(readCot, fixture('cot-external-entity.xml'));
    assert.match(fatal!.reason, /DOCTYPE declarations are refused/);
  });

  test('an undeclared entity is malformed XML, not an expansion', async () => {
    const { fatal } = await readAll(readCot, bytesOf(event('', '<point lat="18.54" lon="-72.33"/><detail><remarks>&lol;</remarks></detail>')));
    assert.match(fatal!.reason, /malformed XML/);
  });

  test('a truncated file keeps the events before the cut and says where it stopped', async () => {
    const { inputs, fatal } = await readAll(readCot, fixture('cot-truncated.xml'));
    assert.equal(inputs.length, 2);
    assert.match(fatal!.reason, /the file is truncated/);
  });

  test('bad events are reported with the attribute at fault', async () => {
    const xml = `<events>
${event('caveat="SECRET"')}
${event('', '<point lat="0" lon="0"/>')}
${event('').replace('start="2024-03-14T12:00:00Z"', 'start="yesterday"')}
${event('').replace(/<point[^>]*\/>/, '')}
${event('releaseableTo="KEN 12"')}
</events>`;
    const { inputs, errors } = await readAll(readCot, bytesOf(xml));
    assert.equal(inputs.length, 0);
    assert.deepEqual(errors.map((e) => [e.line, e.column, e.value]), [
      [2, 'caveat', 'SECRET'],
      [3, 'point@lat,point@lon', '0,0'],
      [4, 'start', 'yesterday'],
      [5, 'point', undefined],
      [6, 'releaseableTo', '12'],
    ]);
  });

  test('a file with no events says so', async () => {
    const { fatal } = await readAll(readCot, bytesOf('<events></events>'));
    assert.match(fatal!.reason, /no <event> element/);
  });
});
