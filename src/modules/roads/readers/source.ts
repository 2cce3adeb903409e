// Where the readers get their bytes: a file path or any byte stream, read chunk
// by chunk with progress reports, so a country extract never sits whole in memory.

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { messageOf, RoadImportError } from './errors.ts';

/** How far a read has got, for a progress bar. */
export interface ReadProgress {
  bytesRead: number;
  /** Undefined when reading a stream of unknown length. */
  totalBytes: number | undefined;
}

/** Options shared by every reader. */
export interface ReadOptions {
  /** Called once at the start (0 bytes) and after each chunk or block read. */
  onProgress?: (progress: ReadProgress) => void;
  /** Name used in error messages when the input is a stream, e.g. an upload's file name. */
  name?: string;
  /** Size of a stream input, when known, for progress. */
  totalBytes?: number;
}

/** A file path, or a stream of bytes (or text) such as `process.stdin` or an HTTP upload. */
export type ByteSource = string | AsyncIterable<Uint8Array | string>;

/** The name to show in messages: the file's base name, or options.name for a stream. */
export function sourceName(input: ByteSource, options: ReadOptions): string {
  if (options.name !== undefined) return options.name;
  return typeof input === 'string' ? path.basename(input) : 'input stream';
}

/** Size of a file, refusing what cannot be read and what is empty, with messages that say so. */
export async function fileSize(filePath: string): Promise<number> {
  const name = path.basename(filePath);
  let size: number;
  try {
    const info = await stat(filePath);
    if (info.isDirectory()) throw new RoadImportError('ROADS_UNREADABLE', `${filePath} is a directory, not a road file`, { file: name });
    size = info.size;
  } catch (error) {
    if (error instanceof RoadImportError) throw error;
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    const message = missing ? `${filePath} does not exist` : `cannot read ${filePath}: ${messageOf(error)}`;
    throw new RoadImportError('ROADS_UNREADABLE', message, { file: name }, { cause: error });
  }
  if (size === 0) throw emptyInput(name);
  return size;
}

/** The error for an input with no bytes at all. */
export function emptyInput(name: string): RoadImportError {
  return new RoadImportError('ROADS_EMPTY', `${name} is empty (0 bytes): there are no roads to import`, { file: name });
}

/** Yields the input's bytes chunk by chunk, reporting progress; refuses an empty input. */
export async function* readChunks(input: ByteSource, options: ReadOptions): AsyncGenerator<Uint8Array> {
  const name = sourceName(input, options);
  const totalBytes = typeof input === 'string' ? await fileSize(input) : options.totalBytes;
  const chunks = typeof input === 'string' ? createReadStream(input, { highWaterMark: 1 << 16 }) : input;
  let bytesRead = 0;
  options.onProgress?.({ bytesRead, totalBytes });
  try {
    for await (const chunk of chunks) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      bytesRead += bytes.length;
      yield bytes;
      options.onProgress?.({ bytesRead, totalBytes });
    }
  } catch (error) {
    if (error instanceof RoadImportError) throw error;
    throw new RoadImportError('ROADS_UNREADABLE', `reading ${name} failed after ${bytesRead} bytes: ${messageOf(error)}`, { file: name, offset: bytesRead }, { cause: error });
  }
  if (bytesRead === 0) throw emptyInput(name);
}
