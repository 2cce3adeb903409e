// The CSV plumbing of the ACLED, Ushahidi and HXL formats: a streaming parse
// (csv-parse) that knows each record's first line, a header that finds columns
// by name whatever their order, and a writer that quotes what must be quoted.

import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { FormatError } from './errors.ts';
import { guardFormula } from './row.ts';

export interface CsvRecord {
  /** The line the record starts on (1-based). */
  line: number;
  fields: string[];
}

/**
 * Yields the records of a CSV text stream. A quoting error stops the read with
 * a FormatError that names its line: csv-parse cannot reliably find the next
 * record after a broken quote, and guessing would shift every later row.
 */
export async function* readCsvRecords(text: AsyncIterable<string>): AsyncGenerator<CsvRecord> {
  // Errors are taken as "skips" so that the records before a broken one still
  // arrive (a stream error would drop the records buffered ahead of it).
  const parser = parse({ relax_column_count: true, skip_empty_lines: true, info: true, bom: true, skip_records_with_error: true });
  let broken: CsvFailure | undefined;
  parser.on('skip', (error: unknown) => {
    if (isCsvError(error)) broken ??= error;
  });
  const input = Readable.from(text, { objectMode: false });
  // A failure to read the input (unreadable file, empty upload) reaches the consumer through the parser.
  input.on('error', (error) => parser.destroy(error));
  input.pipe(parser);
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (broken && info.lines >= broken.lines) break;
      yield { line: info.lines - newlinesIn(record), fields: record };
    }
  } catch (error) {
    if (!isCsvError(error)) throw error;
    broken = error;
  } finally {
    input.destroy();
    parser.destroy();
  }
  if (broken) throw new FormatError({ line: broken.lines, reason: `malformed CSV: ${csvReason(broken)}; the rest of the file from this line on was not read` });
}

/** What Konbit needs of csv-parse's CsvError: its code and the line it was on. */
interface CsvFailure {
  code: string;
  lines: number;
  message: string;
}

function isCsvError(error: unknown): error is CsvFailure {
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof Error && typeof code === 'string' && code.startsWith('CSV_');
}

const CSV_REASONS: Readonly<Record<string, string>> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted field opened here is never closed',
  CSV_INVALID_CLOSING_QUOTE: 'text follows a closing quote (a quote inside a field must be doubled: "")',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'text follows a closing quote (a quote inside a field must be doubled: "")',
  INVALID_OPENING_QUOTE: 'a quote in the middle of an unquoted field (quote the whole field and double the quote)',
  CSV_MAX_RECORD_SIZE: 'a record is too large (a quote is probably never closed)',
};

function csvReason(error: CsvFailure): string {
  return CSV_REASONS[error.code] ?? error.message.replace(/ at line \d+/, '');
}

function newlinesIn(fields: string[]): number {
  let count = 0;
  for (const field of fields) {
    if (!field.includes('\n')) continue;
    for (let i = 0; i < field.length; i++) if (field.charCodeAt(i) === 10) count++;
  }
  return count;
}

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
