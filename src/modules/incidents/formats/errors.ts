// A file that cannot be read at all (empty, no header, refused XML, a broken
// quote that stops the parse) is a FormatError: a VALIDATION_FAILED AppError
// whose details name the line, column, value and reason, like a rejected row.

import { AppError } from '../../../shared/errors.ts';
import type { ImportRowError } from '../../../shared/incidents.ts';

export class FormatError extends AppError {
  readonly where: ImportRowError;

  constructor(where: ImportRowError, options?: { status?: 'VALIDATION_FAILED' | 'UNSUPPORTED_MEDIA_TYPE' }) {
    super(options?.status ?? 'VALIDATION_FAILED', describe(where), { rejected: [where] });
    this.name = 'FormatError';
    this.where = where;
  }
}

/** "line 4, column latitude (value "x"): reason" */
export function describe(where: ImportRowError): string {
  const column = where.column === undefined ? '' : `, column ${where.column}`;
  const value = where.value === undefined ? '' : ` (value "${clip(where.value)}")`;
  return `line ${where.line}${column}${value}: ${where.reason}`;
}

export function clip(text: string, max = 80): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
