import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { CsvSyntaxError, CsvTokenizer, type CsvRecord } from './csv-tokenizer.ts';

/** All records of a text fed in chunks of the given sizes (cycled), or the fault that stopped it. */
function tokenize(text: string, chunkSizes: readonly number[] = [text.length || 1]): { records: CsvRecord[]; fault?: CsvSyntaxError } {
  const tokenizer = new CsvTokenizer();
  const records: CsvRecord[] = [];
  try {
    let at = 0;
    for (let i = 0; at < text.length; i++) {
      const size = chunkSizes[i % chunkSizes.length]!;
      records.push(...tokenizer.push(text.slice(at, at + size)));
      at += size;
    }
    records.push(...tokenizer.end());
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    return { records, fault: error };
  }
  return { records };
}

test('fields, quotes, doubled quotes and line breaks inside quotes, with the line each record starts on', () => {
  const text = '\uFEFFid,notes,count\r\n1,"a, b",3\r\n2,"she said ""stop""",\r\n3,"two\r\nlines\nthree",5\n\n4,,\r\n';
  assert.deepEqual(tokenize(text).records, [
    { line: 1, fields: ['id', 'notes', 'count'] },
    { line: 2, fields: ['1', 'a, b', '3'] },
    { line: 3, fields: ['2', 'she said "stop"', ''] },
    { line: 4, fields: ['3', 'two\r\nlines\nthree', '5'] },
    { line: 8, fields: ['4', '', ''] },
  ]);
});

test('a lone CR ends a line, and the last record needs no line break', () => {
  assert.deepEqual(tokenize('a,b\rc,"d"').records, [
    { line: 1, fields: ['a', 'b'] },
    { line: 2, fields: ['c', 'd'] },
  ]);
});

test('chunks cut anywhere (inside quotes, between CR and LF, between two quotes of a pair) give the same records', () => {
  const text = 'h1,h2\r\n"x ""y"" z","multi\r\nline"\r\nplain,""\r\n"""",end\r\n';
  const whole = tokenize(text).records;
  for (let size = 1; size <= text.length; size++) assert.deepEqual(tokenize(text, [size]).records, whole, `chunks of ${size}`);
  assert.deepEqual(tokenize(text, [3, 1, 7, 2]).records, whole);
});

test('broken quotes are faults with the line they are on, after the records before them', () => {
  const after = tokenize('a,b\n1,2\n3,"x"y\n4,5\n');
  assert.deepEqual(after.records, [{ line: 1, fields: ['a', 'b'] }, { line: 2, fields: ['1', '2'] }]);
  assert.equal(after.fault?.fault, 'text-after-closing-quote');
  assert.equal(after.fault?.line, 3);

  const inside = tokenize('a,b\n1,x"y\n');
  assert.equal(inside.fault?.fault, 'quote-inside-unquoted-field');
  assert.equal(inside.fault?.line, 2);

  const open = tokenize('a,b\n1,2\n3,"never\nclosed\n', [4]);
  assert.deepEqual(open.records.map((r) => r.line), [1, 2]);
  assert.equal(open.fault?.fault, 'quote-not-closed');
  assert.equal(open.fault?.line, 3, 'the line the quote opened on');
});

test('a long quoted field cut into many chunks is read whole', () => {
  const long = 'w'.repeat(200_000);
  const { records } = tokenize(`a,b\n1,"${long}\n${long}"\n2,3\n`, [1000]);
  assert.equal(records.length, 3);
  assert.equal(records[1]!.fields[1]!.length, 400_001);
  assert.deepEqual(records[2], { line: 4, fields: ['2', '3'] });
});

test('the same records as csv-parse on generated files', () => {
  const pieces = ['a', 'Gang: 5 Segond', '', ' ', 'x,y', 'say ""hi""', 'two\nlines', 'crlf\r\nin', 'é ü', '1.5'];
  let seed = 7;
  const next = (n: number) => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed % n;
  };
  for (let file = 0; file < 200; file++) {
    const lines: string[] = [];
    for (let row = 0; row < 1 + next(6); row++) {
      const fields: string[] = [];
      for (let field = 0; field < 1 + next(5); field++) {
        const piece = pieces[next(pieces.length)]!;
        const needsQuotes = /[",\r\n]/.test(piece) || next(3) === 0;
        fields.push(needsQuotes ? `"${piece.replace(/"/g, '""')}"` : piece.replace(/"/g, ''));
      }
      lines.push(fields.join(','));
    }
    const text = lines.join(next(2) === 0 ? '\n' : '\r\n') + (next(2) === 0 ? '\n' : '');
    const expected = parse(text, { relax_column_count: true, skip_empty_lines: true, bom: true }) as string[][];
    assert.deepEqual(tokenize(text, [1 + next(40)]).records.map((r) => r.fields), expected, JSON.stringify(text));
  }
});
