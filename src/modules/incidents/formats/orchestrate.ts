// Reading a file into importIncidents and writing exportIncidents out: the two
// orchestrations the API and the CLI share.

import type { Writable } from 'node:stream';
import { once } from 'node:events';
import type { Classification } from '../../../shared/access.ts';
import type { ExportableIncident, ImportMode, ImportResult, ImportRow, ImportRowError } from '../../../shared/incidents.ts';
import type { Db } from '../../../db/index.ts';
import type { Actor, Viewer } from '../../auth/index.ts';
import { exportIncidents, importIncidents, type ImportIncidentsProps } from '../index.ts';
import type { FormatName } from './common.ts';
import { csvLine } from './csv.ts';
import { FormatError } from './errors.ts';
import { FORMATS } from './registry.ts';
import { readBytes, type ByteProgress, type ImportSource } from './source.ts';
import type { EncodingChoice, TextEncodingName } from './text.ts';

/** The filter exportIncidents takes. */
export type ExportFilter = Parameters<typeof exportIncidents>[0]['filter'];

export interface ImportProgress extends ByteProgress {
  /** Records read so far (good and bad). */
  rows: number;
}

export interface ImportFileProps {
  db: Db;
  actor: Actor;
  format: FormatName;
  /** A file path or a byte stream (an upload, standard input). */
  source: ImportSource;
  mode: ImportMode;
  onProgress?: (progress: ImportProgress) => void;
  /** Classification of records whose file says none (default MISSION). */
  classification?: Classification;
  /** Text encoding; detected by default (UTF-8, UTF-16 with a mark, or Windows-1252/Latin-1). */
  encoding?: EncodingChoice;
  /** Size of a stream source, for progress. */
  totalBytes?: number;
  /** "Now" for the future-date check; tests fix it. */
  now?: Date;
  /** Admin-area index for importIncidents (default: the datasets folder's). */
  areas?: ImportIncidentsProps['areas'];
}

export interface ImportFileResult extends ImportResult {
  /** The encoding the text was read in (absent for pure ASCII). */
  encoding?: TextEncodingName;
}

/**
 * Reads a file in one of the formats and imports its incidents through
 * importIncidents, all-or-nothing or committing the valid rows. A file that
 * cannot be read at all (empty, missing columns, refused XML) throws a
 * FormatError before anything is written; one that breaks off part-way (a
 * broken quote, truncated XML) ends with a rejected row saying so.
 */
export async function importFile(props: ImportFileProps): Promise<ImportFileResult> {
  const { db, actor, format, source, mode, onProgress } = props;
  let encoding: TextEncodingName | undefined;
  let rows = 0;
  let bytes: ByteProgress = { bytesRead: 0, totalBytes: props.totalBytes };
  const report = () => onProgress?.({ ...bytes, rows });
  const byteStream = readBytes(source, {
    ...(props.totalBytes === undefined ? {} : { totalBytes: props.totalBytes }),
    onProgress: (progress) => {
      bytes = progress;
      report();
    },
  });
  const read = FORMATS[format].read(byteStream, {
    classification: props.classification ?? 'MISSION',
    encoding: props.encoding ?? 'auto',
    onEncoding: (found) => (encoding = found),
    ...(props.now ? { now: props.now } : {}),
  });
  const counted = async function* (): AsyncGenerator<ImportRow> {
    for await (const row of stopCleanly(read)) {
      rows++;
      if (rows % 500 === 0) report();
      yield row;
    }
    report();
  };
  const result = await importIncidents({ db, actor, rows: counted(), mode, ...(props.areas === undefined ? {} : { areas: props.areas }) });
  return { ...result, ...(encoding ? { encoding } : {}) };
}

/**
 * A reader that fails after it has given rows ends with one rejected row
 * carrying the failure, so that all-or-nothing writes nothing and
 * commit-valid keeps what came before and says where reading stopped.
 */
export async function* stopCleanly(rows: AsyncIterable<ImportRow>): AsyncGenerator<ImportRow> {
  let given = 0;
  try {
    for await (const row of rows) {
      given++;
      yield row;
    }
  } catch (error) {
    if (!(error instanceof FormatError) || given === 0) throw error;
    yield { line: error.where.line, errors: [error.where] };
  }
}

export interface ExportToProps {
  db: Db;
  viewer: Viewer;
  format: FormatName;
  filter?: ExportFilter;
  /** Written to and left open: the caller ends it (it may be standard output). */
  out: Writable;
}

/** Writes the incidents the viewer may see in a format; returns how many. */
export async function exportTo({ db, viewer, format, filter, out }: ExportToProps): Promise<{ count: number }> {
  let count = 0;
  const counting = async function* (): AsyncGenerator<ExportableIncident> {
    for await (const incident of exportIncidents({ db, viewer, filter })) {
      count++;
      yield incident;
    }
  };
  for await (const chunk of FORMATS[format].write(counting())) {
    if (!out.write(chunk)) await once(out, 'drain');
  }
  return { count };
}

/** The text of an export, streamed: what the HTTP route sends. */
export function exportStream({ db, viewer, format, filter }: Omit<ExportToProps, 'out'>): AsyncGenerator<string> {
  return FORMATS[format].write(exportIncidents({ db, viewer, filter }));
}

/** The rejected rows of an import as CSV (line, column, value, reason), to fix and import again. */
export function rejectsCsv(rejected: readonly ImportRowError[]): string {
  return [csvLine(['line', 'column', 'value', 'reason']), ...rejected.map((r) => csvLine([r.line, r.column, r.value, r.reason]))].join('');
}
