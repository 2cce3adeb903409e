import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { bytesOf, fixture, readAll } from './formats.testing.ts';
import { normaliseHashtag, readHxl } from './hxl.ts';

describe('HXL reader', () => {
  test('reads an HXL file by its hashtags, whatever the header text', async () => {
    const { inputs, errors } = await readAll(readHxl, fixture('hxl-haiti.csv'));
    assert.deepEqual(errors, []);
    assert.deepEqual(inputs.map((i) => i.type), ['kidnapping', 'killing', 'displacement', 'roadblock']);
    const [kidnapping, killing] = inputs;
    assert.equal(kidnapping!.line, 4);
    assert.deepEqual(kidnapping!.external, { system: 'hxl', id: 'HXL-0001' });
    assert.equal(kidnapping!.counts.abducted, 2);
    assert.equal(kidnapping!.occurredPrecision, 'day');
    assert.deepEqual(kidnapping!.actors, [{ name: 'Gang: Baz Pilat', role: 'perpetrator' }]);
    assert.equal(killing!.occurredAt, '2024-03-13T20:20:00.000Z');
    assert.deepEqual(killing!.counts, { killed: 3, injured: 1, abducted: 0, displaced: 0 });
    assert.deepEqual(killing!.sources.map((s) => s.name), ['OCHA Haïti', 'RNDDH']);
  });

  test('attributes match in any order and case; the hashtag row may come first', async () => {
    assert.equal(normaliseHashtag(' #Affected +Killed '), '#affected+killed');
    assert.equal(normaliseHashtag('#group+perpetrator+name'), '#group+name+perpetrator');
    assert.equal(normaliseHashtag('Killed'), undefined);
    const text = '#geo +lon,#GEO+lat,#date+occurred,#event+name,#group+perpetrator+name\n-72.33,18.54,2024-03-01T10:00:00Z,Tirs,Gang: Baz Pilat\n';
    const { inputs, errors } = await readAll(readHxl, bytesOf(text));
    assert.deepEqual(errors, []);
    assert.deepEqual([inputs[0]!.location.lat, inputs[0]!.location.lon], [18.54, -72.33]);
    assert.equal(inputs[0]!.actors[0]!.role, 'perpetrator');
  });

  test('names the missing hashtags; refuses a file without a hashtag row', async () => {
    const missing = await readAll(readHxl, bytesOf('ID,Date\n#event+id,#date+occurred\n1,2024-01-01\n'));
    assert.equal(missing.fatal!.line, 2);
    assert.match(missing.fatal!.reason, /lacks #geo\+lat, #geo\+lon/);
    const plain = await readAll(readHxl, bytesOf('a,b\n1,2\n'));
    assert.match(plain.fatal!.reason, /no HXL hashtag row/);
  });

  test('bad counts and dates are reported per row', async () => {
    const text = '#event+id,#date+occurred,#geo+lat,#geo+lon,#affected+killed\nA,2024-13-01,18.54,-72.33,0\nB,2024-03-01,18.54,-72.33,many\n';
    const { errors } = await readAll(readHxl, bytesOf(text));
    assert.deepEqual(errors.map((e) => [e.line, e.column, e.value]), [[2, '#date+occurred', '2024-13-01'], [3, '#affected+killed', 'many']]);
  });
});
