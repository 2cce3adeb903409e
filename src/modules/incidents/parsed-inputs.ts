import type { IncidentInputParsed } from '../../shared/incidents.ts';

/*
 * Inputs the shared IncidentInput schema has already parsed. A format reader
 * parses every row itself (so that a complaint names the file's column), and
 * importIncidents would parse it again; the reader marks what it parsed and
 * the import skips the second parse. The mark is membership of a WeakSet
 * private to this module: a caller cannot forge it by building an object, and
 * an object built or copied anywhere else is parsed as before.
 */

const parsedInputs = new WeakSet<object>();

/** Marks an input the schema has just produced; returns it. Do not change it afterwards. */
export function markParsed<T extends IncidentInputParsed>(input: T): T {
  parsedInputs.add(input);
  return input;
}

/** Whether this very object came out of the schema (then it needs no second parse). */
export function wasParsed(input: unknown): input is IncidentInputParsed {
  return typeof input === 'object' && input !== null && parsedInputs.has(input);
}
