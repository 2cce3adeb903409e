// Konbit's CSV tokenizer (RFC 4180): records from text that arrives in chunks,
// each with the line it starts on. Fields are cut from the text with slice,
// so an unquoted field costs one scan and one string; only a field with a
// doubled quote is pieced together. An import spends most of its reading
// time here and in the row checks, so this is written for speed: one loop
// over char codes, no regular expressions, no object per field.

/** One record: the line it starts on (1-based) and its fields. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/** Why a text is not CSV, by the kinds of mistakes people and exporters make. */
export type CsvSyntaxFault = 'quote-not-closed' | 'text-after-closing-quote' | 'quote-inside-unquoted-field';

/** A text that is not valid CSV, with the line the fault was found on. */
export class CsvSyntaxError extends Error {
  constructor(readonly fault: CsvSyntaxFault, readonly line: number) {
    super(`${fault} at line ${line}`);
  }
}

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/** Outcome of scanning one record from a position: its end, or that the text ran out first. */
const INCOMPLETE = -1;

/**
 * Splits CSV text into records. Feed chunks with push() and the rest with
 * end(); each returns the records completed so far. Line breaks are LF, CRLF
 * or a lone CR, inside quotes as well; empty lines are skipped; a leading byte
 * order mark is dropped. A record cut by the end of a chunk is scanned again
 * when enough text has arrived after it (at least as much as it holds), so a
 * very long quoted field costs linear time, not quadratic.
 */
export class CsvTokenizer {
  #pending = '';
  /** Characters of #pending already known not to complete its first record. */
  #scannedUpTo = 0;
  #line = 1;
  #started = false;
  // The scan's outputs for the record being read (kept on the instance: no object per record).
  #fields: string[] = [];
  #linesInRecord = 0;
  /** A fault found after some records of the same chunk: those are returned first, the fault on the next call. */
  #failure: CsvSyntaxError | undefined;

  push(chunk: string): CsvRecord[] {
    if (this.#failure) throw this.#failure;
    let text = chunk;
    if (!this.#started && text.length > 0) {
      this.#started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    this.#pending = this.#pending === '' ? text : this.#pending + text;
    // An incomplete record is tried again only once the text after it is as long as what was scanned.
    if (this.#scannedUpTo > 0 && this.#pending.length < 2 * this.#scannedUpTo) return [];
    return this.#drain(false);
  }

  end(): CsvRecord[] {
    if (this.#failure) throw this.#failure;
    return this.#drain(true);
  }

  #drain(final: boolean): CsvRecord[] {
    const text = this.#pending;
    const records: CsvRecord[] = [];
    let at = 0;
    while (at < text.length) {
      const code = text.charCodeAt(at);
      // Empty lines between records.
      if (code === LF || code === CR) {
        at = this.#afterBreak(text, at);
        this.#line++;
        continue;
      }
      let end: number;
      try {
        end = this.#record(text, at, final);
      } catch (error) {
        if (!(error instanceof CsvSyntaxError) || records.length === 0) throw error;
        this.#failure = error;
        return records;
      }
      if (end === INCOMPLETE) break;
      records.push({ line: this.#line, fields: this.#fields });
      this.#line += this.#linesInRecord;
      at = end;
    }
    this.#pending = at === 0 ? text : text.slice(at);
    this.#scannedUpTo = this.#pending.length;
    return records;
  }

  /** Position after the line break at `at` (CRLF is one break). */
  #afterBreak(text: string, at: number): number {
    return text.charCodeAt(at) === CR && text.charCodeAt(at + 1) === LF ? at + 2 : at + 1;
  }

  /**
   * Scans the record starting at `start` into #fields, counting the line
   * breaks it holds and its own terminator in #linesInRecord. Returns the
   * position after it, or INCOMPLETE when the text ends first and more may come.
   */
  #record(text: string, start: number, final: boolean): number {
    const fields: string[] = [];
    const length = text.length;
    let lines = 0;
    let at = start;
    for (;;) {
      if (at < length && text.charCodeAt(at) === QUOTE) {
        // A quoted field: up to the quote that is not doubled.
        const openedOnLine = this.#line + lines;
        let value = '';
        let from = at + 1;
        let scan = from;
        for (;;) {
          const quote = text.indexOf('"', scan);
          if (quote < 0) {
            if (!final) return INCOMPLETE;
            throw new CsvSyntaxError('quote-not-closed', openedOnLine);
          }
          lines += breaksIn(text, scan, quote);
          if (quote + 1 >= length && !final) return INCOMPLETE; // is it doubled? the next chunk says
          if (text.charCodeAt(quote + 1) === QUOTE) {
            value += text.slice(from, quote + 1);
            from = scan = quote + 2;
            continue;
          }
          value += text.slice(from, quote);
          at = quote + 1;
          break;
        }
        fields.push(value);
        if (at < length) {
          const next = text.charCodeAt(at);
          if (next !== COMMA && next !== LF && next !== CR) throw new CsvSyntaxError('text-after-closing-quote', this.#line + lines);
        }
      } else {
        // An unquoted field: up to the next comma or line break; a quote in it is a mistake.
        let end = at;
        while (end < length) {
          const code = text.charCodeAt(end);
          if (code === COMMA || code === LF || code === CR) break;
          if (code === QUOTE) throw new CsvSyntaxError('quote-inside-unquoted-field', this.#line + lines);
          end++;
        }
        if (end >= length && !final) return INCOMPLETE;
        fields.push(at === end ? '' : text.slice(at, end));
        at = end;
      }
      // After a field: a comma (another field follows), a line break or the end of the text.
      if (at >= length) {
        if (!final) return INCOMPLETE;
        break;
      }
      const code = text.charCodeAt(at);
      if (code === COMMA) {
        at++;
        continue;
      }
      if (code === CR && at + 1 >= length && !final) return INCOMPLETE; // CR, or CRLF cut in two?
      at = this.#afterBreak(text, at);
      lines++;
      break;
    }
    this.#fields = fields;
    this.#linesInRecord = lines;
    return at;
  }
}

/** How many line breaks (LF, CRLF, lone CR) the text holds between two positions. */
function breaksIn(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === LF) count++;
    else if (code === CR && text.charCodeAt(i + 1) !== LF) count++;
  }
  return count;
}
