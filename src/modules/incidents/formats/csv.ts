// The CSV plumbing of the ACLED, Ushahidi and HXL formats: a streaming parse
// (Konbit's own tokenizer, csv-tokenizer.ts) that knows each record's first
// line, a header that finds columns by name whatever their order, and a writer
// that quotes what must be quoted.

import { CsvSyntaxError, CsvTokenizer, type CsvRecord, type CsvSyntaxFault } from './csv-tokenizer.ts';
import { FormatError } from './errors.ts';
import { guardFormula } from './row.ts';

export type { CsvRecord } from './csv-tokenizer.ts';

/**
 * Yields the records of a CSV text stream. A quoting error stops the read with
 * a FormatError that names its line, after the records before it: the next
 * record cannot be found reliably after a broken quote, and guessing would
 * shift every later row.
 */
export async function* readCsvRecords(text: AsyncIterable<string>): AsyncGenerator<CsvRecord> {
  const tokenizer = new CsvTokenizer();
  try {
    for await (const chunk of text) yield* tokenizer.push(chunk);
    yield* tokenizer.end();
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    throw new FormatError({ line: error.line, reason: `malformed CSV: ${CSV_REASONS[error.fault]}; the rest of the file from this line on was not read` });
  }
}

const CSV_REASONS: Readonly<Record<CsvSyntaxFault, string>> = {
  'quote-not-closed': 'a quoted field opened here is never closed',
  'text-after-closing-quote': 'text follows a closing quote (a quote inside a field must be doubled: "")',
  'quote-inside-unquoted-field': 'a quote in the middle of an unquoted field (quote the whole field and double the quote)',
};

/** A header row: finds columns by name, case and surrounding space ignored. */
export class CsvHeader {
  private readonly positions = new Map<string, number>();

  constructor(readonly line: number, readonly names: readonly string[]) {
    names.forEach((name, index) => {
      const key = normaliseName(name);
      if (key !== '' && !this.positions.has(key)) this.positions.set(key, index);
    });
  }

  has(name: string): boolean {
    return this.positions.has(normaliseName(name));
  }

  /** Column names as readers ask for them → position (-1: absent), so each row skips the normalising. */
  private readonly asked = new Map<string, number>();

  /** The value of a column in a record, undefined when the file has no such column. */
  value(fields: readonly string[], name: string): string | undefined {
    let index = this.asked.get(name);
    if (index === undefined) {
      index = this.positions.get(normaliseName(name)) ?? -1;
      this.asked.set(name, index);
    }
    return index < 0 ? undefined : (fields[index] ?? '');
  }

  /** Refuses a header that lacks required columns, naming them. */
  requireColumns(required: readonly string[], format: string): void {
    const missing = required.filter((name) => !this.has(name));
    if (missing.length === 0) return;
    throw new FormatError({
      line: this.line,
      column: missing.join(', '),
      reason: `the header lacks required ${format} column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (found: ${this.names.filter((n) => n.trim() !== '').join(', ') || 'none'})`,
    });
  }
}

function normaliseName(name: string): string {
  return name.replace(/^\uFEFF/, '').trim().toLowerCase();
}

/** The error for a record whose field count differs from the header's (a stray separator or quote). */
export function fieldCountError(record: CsvRecord, expected: number): { line: number; reason: string } | undefined {
  const count = record.fields.length;
  if (count === expected) return undefined;
  // Some exporters end every line with a separator.
  if (count === expected + 1 && record.fields[count - 1] === '') return undefined;
  return { line: record.line, reason: `the row has ${count} fields where the header has ${expected}: a separator or quote is probably out of place` };
}

export type CsvValue = string | number | undefined | null;

/** One CSV line (CRLF ended, as RFC 4180 says); text is guarded against spreadsheet formulas. */
export function csvLine(values: readonly CsvValue[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

function csvField(value: CsvValue): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = guardFormula(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
