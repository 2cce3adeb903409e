/*
 * CSV as RFC 4180 writes it: CRLF between records, fields quoted when they
 * hold a comma, a quote or a line break, quotes doubled. Free text that a
 * spreadsheet would run as a formula (=, +, -, @ first) is prefixed with an
 * apostrophe; numbers are written as they are.
 */

export type Cell = string | number | null;

/** Free text for a cell: neutralises spreadsheet formulas. */
export function text(value: string | null): string {
  if (value === null) return '';
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function field(value: Cell): string {
  if (value === null) return '';
  const plain = String(value);
  return /[",\r\n]/.test(plain) ? `"${plain.replaceAll('"', '""')}"` : plain;
}

export function toCsv(rows: readonly (readonly Cell[])[]): string {
  return rows.map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}
