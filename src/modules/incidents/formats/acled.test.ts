import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { ACLED_COLUMNS, readAcled } from './acled.ts';
import { bytesOf, fixture, FIXTURES, readAll } from './formats.testing.ts';

describe('ACLED CSV reader', () => {
  test('reads the Haiti excerpt into mission incidents', async () => {
    const { inputs, errors, fatal } = await readAll(readAcled, fixture('acled-haiti.csv'));
    assert.deepEqual(errors, []);
    assert.equal(fatal, undefined);
    assert.deepEqual(inputs.map((i) => i.type), ['attack_on_police', 'kidnapping', 'killing', 'arson', 'roadblock', 'protest', 'sexual_violence', 'armed_clash']);
    const [clash, kidnapping, , arson] = inputs;
    assert.deepEqual(clash!.external, { system: 'acled', id: 'HTI21874' });
    assert.equal(clash!.line, 2);
    assert.equal(clash!.occurredAt, '2024-03-02T12:00:00.000Z');
    assert.equal(clash!.occurredPrecision, 'day');
    assert.deepEqual(clash!.actors, [
      { name: 'Gang: G9 an Fanmi e Alye', role: 'perpetrator', kind: 'coalition' },
      { name: 'Gang: 5 Segond', role: 'associated', kind: 'gang' },
      { name: 'Police Forces of Haiti (2021-)', role: 'target', kind: 'state_force' },
    ]);
    assert.equal(clash!.counts.killed, 1);
    assert.deepEqual(clash!.sources, [
      { name: 'Le Nouvelliste', reliability: 'B', credibility: 2 },
      { name: 'Radio Kiskeya', reliability: 'B', credibility: 2 },
    ]);
    assert.deepEqual(clash!.location, { lat: 18.5437, lon: -72.3386, precision: 'exact', placeName: 'Port-au-Prince - Champ de Mars' });
    assert.equal(kidnapping!.location.precision, 'near');
    assert.equal(arson!.occurredPrecision, 'week');
    assert.match(clash!.description, /One police officer was killed/);
    assert.equal(clash!.classification, 'MISSION');
    assert.deepEqual(inputs[5]!.tags, ['crowd size=around 200']);
  });

  test('takes the columns in any order and ignores extra ones', async () => {
    const lines = readFileSync(path.join(FIXTURES, 'acled-haiti.csv'), 'utf8').trim().split('\n').slice(0, 2);
    const header = lines[0]!.split(',');
    const order = header.map((_, i) => i).reverse();
    const shuffle = (line: string) => {
      const fields = parseLine(line);
      return [...order.map((i) => quote(fields[i]!)), 'extra'].join(',');
    };
    const text = `${shuffle(lines[0]!).replace(/extra$/, 'my_note')}\n${shuffle(lines[1]!)}\n`;
    const { inputs, errors } = await readAll(readAcled, bytesOf(text));
    assert.deepEqual(errors, []);
    assert.equal(inputs[0]!.type, 'attack_on_police');
    assert.equal(inputs[0]!.location.lat, 18.5437);
  });

  test('keeps what a type says beyond the mission vocabulary as a tag', async () => {
    const row = { ...baseRow(), event_type: 'Battles', sub_event_type: 'Non-state actor overtakes territory' };
    const { inputs } = await readAll(readAcled, bytesOf(csvOf([row])));
    assert.equal(inputs[0]!.type, 'armed_clash');
    assert.deepEqual(inputs[0]!.tags, ['acled:Non-state actor overtakes territory']);
  });

  test('names the missing required columns', async () => {
    const { fatal } = await readAll(readAcled, bytesOf('event_id_cnty,event_date,actor1\nHTI1,2024-01-01,x\n'));
    assert.equal(fatal?.line, 1);
    assert.match(fatal!.reason, /lacks required ACLED columns event_type, sub_event_type, latitude, longitude/);
  });

  test('reports each bad row with its line, column, value and reason', async () => {
    const { inputs, errors } = await readAll(readAcled, fixture('acled-bad-rows.csv'));
    assert.deepEqual(inputs.map((i) => i.external?.id), ['HTI40001', 'HTI40010']);
    const byLine = new Map(errors.map((e) => [e.line, e]));
    assert.deepEqual([...byLine.keys()], [3, 4, 5, 6, 7, 8, 9, 10]);
    assert.match(byLine.get(3)!.reason, /0,0 is in the Gulf of Guinea/);
    assert.equal(byLine.get(3)!.column, 'latitude,longitude');
    assert.match(byLine.get(4)!.reason, /look swapped/);
    assert.equal(byLine.get(4)!.value, '-72.3605,18.5205');
    assert.match(byLine.get(5)!.reason, /outside Haiti/);
    assert.deepEqual(byLine.get(6), { line: 6, column: 'event_date', value: '2031-01-01', reason: 'the date is in the future' });
    assert.equal(byLine.get(7)!.value, '2nd of April');
    assert.match(byLine.get(7)!.reason, /not a date/);
    assert.deepEqual(byLine.get(8), { line: 8, column: 'konbit_classification', value: 'TOP SECRET', reason: 'unknown classification: use PUBLIC, MISSION, RESTRICTED' });
    assert.equal(byLine.get(9)!.column, 'fatalities');
    assert.match(byLine.get(10)!.reason, /the row has 28 fields where the header has 32/);
  });

  test('a broken quote stops the read at its line, after the rows before it', async () => {
    const { inputs, fatal } = await readAll(readAcled, fixture('acled-malformed.csv'));
    assert.equal(inputs.length, 1);
    assert.equal(fatal?.line, 3);
    assert.match(fatal!.reason, /malformed CSV: .*quote.*the rest of the file from this line on was not read/);
  });

  test('an empty file, and one with only a header, say so', async () => {
    assert.match((await readAll(readAcled, bytesOf(''))).fatal?.reason ?? 'no fatal', /no header row/);
    const headerOnly = await readAll(readAcled, bytesOf(`${ACLED_COLUMNS.join(',')}\n`));
    assert.equal(headerOnly.inputs.length + headerOnly.errors.length, 0);
  });
});

function baseRow(): Record<string, string> {
  return Object.fromEntries(ACLED_COLUMNS.map((c) => [c, ''])) as Record<string, string>;
}

function csvOf(rows: Record<string, string>[]): string {
  const filled = rows.map((row) => ({ event_id_cnty: 'HTI1', event_date: '2024-03-01', latitude: '18.54', longitude: '-72.33', ...Object.fromEntries(Object.entries(row).filter(([, v]) => v !== '')) }));
  return [ACLED_COLUMNS.join(','), ...filled.map((row) => ACLED_COLUMNS.map((c) => quote((row as Record<string, string>)[c] ?? '')).join(','))].join('\n');
}

function quote(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Enough CSV for the fixture's first lines (no newlines inside fields). */
function parseLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else field += c;
  }
  fields.push(field);
  return fields;
}
