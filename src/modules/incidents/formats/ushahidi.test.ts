import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import iconv from 'iconv-lite';
import { bytesOf, fixture, FIXTURES, readAll } from './formats.testing.ts';
import { readUshahidi, categoriesOf } from './ushahidi.ts';

const HEADER = 'Serial,INCIDENT TITLE,INCIDENT DATE,LOCATION,DESCRIPTION,CATEGORY,LATITUDE,LONGITUDE,APPROVED,VERIFIED';

describe('Ushahidi CSV reader', () => {
  test('reads the classic export: dates in Haiti time, categories to types and tags', async () => {
    const { inputs, errors } = await readAll(readUshahidi, fixture('ushahidi-haiti.csv'));
    assert.deepEqual(errors, []);
    assert.deepEqual(inputs.map((i) => i.type), ['kidnapping', 'roadblock', 'arson', 'armed_clash', 'other']);
    const [kidnapping, roadblock, , shooting, needs] = inputs;
    // 14 March 2024 08:15 in Port-au-Prince is daylight time (UTC−4).
    assert.equal(kidnapping!.occurredAt, '2024-03-14T12:15:00.000Z');
    assert.deepEqual(kidnapping!.tags, ['Transport | Transport']);
    assert.deepEqual(kidnapping!.external, { system: 'ushahidi', id: '1041' });
    assert.deepEqual(kidnapping!.sources, [{ name: 'Ushahidi report 1041', reliability: 'C', credibility: 3 }]);
    assert.deepEqual(roadblock!.sources, [{ name: 'Ushahidi report 1042', reliability: 'F', credibility: 6 }]);
    assert.equal(kidnapping!.location.placeName, 'Delmas 33, Delmas');
    assert.deepEqual(shooting!.tags, ['ushahidi:unapproved']);
    assert.deepEqual(needs!.tags, ['Needs | Besoins']);
  });

  test('matches categories in English, French and Kreyòl', () => {
    assert.equal(categoriesOf('3. Kadejak').type, 'sexual_violence');
    assert.equal(categoriesOf('Piyaj, Lòt').type, 'looting');
    assert.equal(categoriesOf('5. Déplacement | Deplasman').type, 'displacement');
    assert.equal(categoriesOf('Manifestation').type, 'protest');
    assert.deepEqual(categoriesOf('1. Kidnapping | Enlèvement, 4. Roadblock | Barrage'), { type: 'kidnapping', tags: ['Roadblock | Barrage'] });
    assert.deepEqual(categoriesOf('Food distribution'), { type: undefined, tags: ['Food distribution'] });
  });

  test('decodes a Latin-1 (Windows-1252) file', async () => {
    let encoding: string | undefined;
    const { inputs, errors } = await readAll(readUshahidi, fixture('ushahidi-latin1.csv'), { onEncoding: (e) => (encoding = e) });
    assert.equal(encoding, 'windows-1252');
    assert.deepEqual(errors, []);
    assert.equal(inputs[0]!.title, 'Enlèvement à Pétion-Ville');
    assert.equal(inputs[0]!.description, 'Un médecin enlevé près de l’église; rançon demandée — 50 000 $ US.');
    assert.equal(inputs[1]!.description, 'Pneus enflammés, véhicules arrêtés; « péage » exigé.');
    assert.equal(inputs[1]!.type, 'roadblock');
  });

  test('the same file in UTF-8, with or without a byte-order mark, reads the same', async () => {
    const latin1 = readFileSync(path.join(FIXTURES, 'ushahidi-latin1.csv'));
    const utf8 = Buffer.from(iconv.decode(latin1, 'win1252'), 'utf8');
    const plain = await readAll(readUshahidi, bytesOf(utf8));
    const withBom = await readAll(readUshahidi, bytesOf(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8])));
    // Split inside a multi-byte character: the decoder must carry it over.
    const split = utf8.indexOf(Buffer.from('è'));
    const chunked = await readAll(readUshahidi, bytesOf(utf8.subarray(0, split + 1), utf8.subarray(split + 1)));
    const utf16 = await readAll(readUshahidi, bytesOf(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(utf8.toString('utf8'), 'utf16le')])));
    const latin = await readAll(readUshahidi, bytesOf(latin1));
    for (const outcome of [plain, withBom, chunked, utf16]) assert.deepEqual(outcome.inputs, latin.inputs);
  });

  test('a stray invalid byte in a UTF-8 file is reported on its row', async () => {
    const good = Buffer.from(`${HEADER}\n7,Enlèvement,01/03/2024 10:00,Delmas,ok,Kidnapping,18.55,-72.31,YES,NO\n`, 'utf8');
    const bad = Buffer.concat([Buffer.from('8,Vol '), Buffer.from([0xe9]), Buffer.from(' à Delmas,01/03/2024 10:00,Delmas,ok,Looting,18.55,-72.31,YES,NO\n')]);
    const { inputs, errors } = await readAll(readUshahidi, bytesOf(good, bad));
    assert.equal(inputs.length, 1);
    assert.equal(errors[0]!.line, 3);
    assert.equal(errors[0]!.column, 'INCIDENT TITLE');
    assert.match(errors[0]!.reason, /not valid UTF-8/);
  });

  test('bad dates, flags and missing columns', async () => {
    const rows = [
      '1,A,31/02/2024 10:00,,,,18.55,-72.31,YES,NO',
      '2,B,2024/03/01,,,,18.55,-72.31,YES,NO',
      '3,C,01/03/2024 10:00,,,,18.55,-72.31,YES,maybe',
      '4,D,01/03/2029 10:00,,,,18.55,-72.31,YES,NO',
    ];
    const { errors } = await readAll(readUshahidi, bytesOf([HEADER, ...rows].join('\n')));
    assert.deepEqual(errors.map((e) => [e.line, e.column, e.value]), [
      [2, 'INCIDENT DATE', '31/02/2024 10:00'],
      [3, 'INCIDENT DATE', '2024/03/01'],
      [4, 'VERIFIED', 'maybe'],
      [5, 'INCIDENT DATE', '01/03/2029 10:00'],
    ]);
    const missing = await readAll(readUshahidi, bytesOf('Serial,INCIDENT TITLE,LOCATION\n1,x,y\n'));
    assert.match(missing.fatal!.reason, /lacks required Ushahidi columns INCIDENT DATE, LATITUDE, LONGITUDE/);
  });
});
