// Turns one record of any format into an import row: field by field checks
// that name the column and the value at fault, then the shared IncidentInput
// schema, whose complaints are mapped back to the columns they came from.

import { CLASSIFICATIONS, type Classification } from '../../../shared/access.ts';
import { HAITI_BOUNDS, IncidentInput, type ImportRow, type ImportRowError } from '../../../shared/incidents.ts';
import { markParsed } from '../parsed-inputs.ts';
import { REPLACEMENT_CHARACTER } from './text.ts';

/** Field of IncidentInput (dotted for nested ones) → the column of the file it came from. */
export type ColumnMap = Readonly<Record<string, string>>;

export interface RowContext {
  /** Classification when the file says none. */
  defaultClassification: Classification;
  /** "Now" for the future-date check (tests fix it). */
  now: Date;
}

/** An exact time more than this far in the future is refused; a date-only one, a day. */
const FUTURE_SLACK_MS = { exact: 10 * 60_000, coarse: 36 * 3_600_000 } as const;

export class RowBuilder {
  readonly errors: ImportRowError[] = [];

  constructor(readonly line: number, private readonly columns: ColumnMap, readonly context: RowContext) {}

  fail(column: string | undefined, value: string | undefined, reason: string): undefined {
    this.errors.push({ line: this.line, ...(column === undefined ? {} : { column }), ...(value === undefined ? {} : { value }), reason });
    return undefined;
  }

  /** Trimmed text, or undefined when blank; flags bytes that were not valid in the file's encoding. */
  text(value: string | undefined, column: string): string | undefined {
    if (value === undefined) return undefined;
    const trimmed = unguardFormula(value.trim());
    if (trimmed === '') return undefined;
    if (trimmed.includes(REPLACEMENT_CHARACTER)) return this.fail(column, trimmed, 'the text has bytes that are not valid UTF-8: save the file as UTF-8, or import it with the encoding it has (e.g. latin1)');
    return trimmed;
  }

  required(value: string | undefined, column: string, what: string): string | undefined {
    const text = this.text(value, column);
    if (text === undefined && !this.errors.some((e) => e.column === column)) this.fail(column, value ?? '', `${what} is missing`);
    return text;
  }

  /** A whole number ≥ 0; blank is 0. */
  count(value: string | undefined, column: string): number {
    const text = this.text(value, column);
    if (text === undefined) return 0;
    const number = Number(text);
    if (!Number.isInteger(number) || number < 0) {
      this.fail(column, text, 'not a whole number of people (0 or more)');
      return 0;
    }
    return number;
  }

  /** A latitude/longitude pair in Haiti, with the usual mistakes named. */
  point(latText: string | undefined, lonText: string | undefined, latColumn: string, lonColumn: string): { lat: number; lon: number } | undefined {
    const latRaw = this.required(latText, latColumn, 'the latitude');
    const lonRaw = this.required(lonText, lonColumn, 'the longitude');
    if (latRaw === undefined || lonRaw === undefined) return undefined;
    const lat = Number(latRaw.replace(',', '.'));
    const lon = Number(lonRaw.replace(',', '.'));
    if (!Number.isFinite(lat)) return this.fail(latColumn, latRaw, 'the latitude is not a number');
    if (!Number.isFinite(lon)) return this.fail(lonColumn, lonRaw, 'the longitude is not a number');
    const reason = impossiblePoint(lat, lon);
    if (reason) return this.fail(`${latColumn},${lonColumn}`, `${latRaw},${lonRaw}`, reason);
    return { lat, lon };
  }

  /** Refuses a time in the future (with a little slack for clocks and for dates without a time). */
  notFuture(iso: string | undefined, precise: boolean, column: string, shown: string): string | undefined {
    if (iso === undefined) return undefined;
    const slack = precise ? FUTURE_SLACK_MS.exact : FUTURE_SLACK_MS.coarse;
    if (new Date(iso).getTime() - slack > this.context.now.getTime()) return this.fail(column, shown, 'the date is in the future');
    return iso;
  }

  classification(value: string | undefined, column: string): Classification | undefined {
    const text = this.text(value, column);
    if (text === undefined) return undefined;
    const found = parseClassification(text);
    if (!found) return this.fail(column, text, `unknown classification: use ${Object.keys(CLASSIFICATIONS).join(', ')}`);
    return found;
  }

  /** Organisation codes separated by commas, semicolons or spaces. */
  codes(value: string | undefined, column: string): string[] {
    const text = this.text(value, column);
    return text === undefined ? [] : splitCodes(text);
  }

  /** Validates the assembled input with the shared schema; the row's errors if any. */
  finish(draft: Record<string, unknown>): ImportRow {
    if (this.errors.length > 0) return { line: this.line, errors: this.errors };
    const parsed = IncidentInput.safeParse(draft);
    // Marked, so that importIncidents does not parse the row a second time.
    if (parsed.success) return { line: this.line, input: markParsed(parsed.data) };
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String);
      const column = this.columnOf(path);
      const value = valueAt(draft, path);
      this.fail(column, value === undefined ? undefined : typeof value === 'string' ? value : JSON.stringify(value), `${path.join('.') || 'input'}: ${issue.message}`);
    }
    return { line: this.line, errors: this.errors };
  }

  private columnOf(path: string[]): string | undefined {
    for (let length = path.length; length > 0; length--) {
      const column = this.columns[path.slice(0, length).join('.')];
      if (column !== undefined) return column;
    }
    return undefined;
  }
}

function valueAt(draft: unknown, path: string[]): unknown {
  let value = draft;
  for (const key of path) value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return value;
}

function inHaiti(lat: number, lon: number): boolean {
  return lon >= HAITI_BOUNDS.west && lon <= HAITI_BOUNDS.east && lat >= HAITI_BOUNDS.south && lat <= HAITI_BOUNDS.north;
}

/** Why a point cannot be an incident in Haiti, or undefined when it can. */
export function impossiblePoint(lat: number, lon: number): string | undefined {
  if (lat === 0 && lon === 0) return '0,0 is in the Gulf of Guinea, not Haiti: the coordinates are probably missing';
  if (inHaiti(lat, lon)) return undefined;
  if (inHaiti(lon, lat)) return `latitude and longitude look swapped: ${lon},${lat} would be in Haiti`;
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return 'not a coordinate: latitude is within ±90 and longitude within ±180';
  if (inHaiti(lat, -lon)) return `outside Haiti: is the minus sign of the longitude missing (${-lon})?`;
  const box = `${HAITI_BOUNDS.south}–${HAITI_BOUNDS.north} N, ${HAITI_BOUNDS.west}–${HAITI_BOUNDS.east} E`;
  return `outside Haiti (latitude, longitude must fall within ${box})`;
}

/** PUBLIC / MISSION / RESTRICTED, in any case, or their French and Creole labels. */
export function parseClassification(text: string): Classification | undefined {
  const wanted = fold(text);
  for (const [code, labels] of Object.entries(CLASSIFICATIONS)) {
    if (fold(code) === wanted || Object.values(labels).some((label) => fold(label) === wanted)) return code as Classification;
  }
  return undefined;
}

export function splitCodes(text: string): string[] {
  return text.split(/[\s,;]+/).map((code) => code.trim().toUpperCase()).filter((code) => code !== '');
}

/** Lower case without accents, for matching labels typed by people. */
export function fold(text: string): string {
  let folded = foldedCache.get(text);
  if (folded === undefined) {
    folded = text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, ' ').trim();
    // Imports repeat the same few labels (event types, categories) on every row.
    if (foldedCache.size > 10_000) foldedCache.clear();
    foldedCache.set(text, folded);
  }
  return folded;
}
const foldedCache = new Map<string, string>();

/*
 * Spreadsheets run a cell that starts with = + or @ as a formula. Writers put
 * a quote before such text and readers take it off again, so text survives.
 */
export function guardFormula(text: string): string {
  return /^'*[=+@]/.test(text) ? `'${text}` : text;
}

export function unguardFormula(text: string): string {
  return /^'+[=+@]/.test(text) ? text.slice(1) : text;
}
