// Where an import gets its bytes: a file path or any byte stream (an upload,
// standard input), read chunk by chunk with progress reports.

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { AppError } from '../../../shared/errors.ts';
import { FormatError, messageOf } from './errors.ts';

/** A file path, or a stream of bytes such as `process.stdin`, a Readable or a Buffer list. */
export type ImportSource = string | AsyncIterable<Uint8Array | string>;

export interface ByteProgress {
  bytesRead: number;
  /** Undefined for a stream of unknown length. */
  totalBytes: number | undefined;
}

export interface ReadBytesOptions {
  onProgress?: (progress: ByteProgress) => void;
  totalBytes?: number;
}

/** Yields the source's bytes; refuses a missing, unreadable or empty input with a message that says so. */
export async function* readBytes(source: ImportSource, options: ReadBytesOptions = {}): AsyncGenerator<Uint8Array> {
  const totalBytes = typeof source === 'string' ? await fileSize(source) : options.totalBytes;
  const chunks = typeof source === 'string' ? createReadStream(source, { highWaterMark: 1 << 16 }) : source;
  let bytesRead = 0;
  options.onProgress?.({ bytesRead, totalBytes });
  try {
    for await (const chunk of chunks) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      if (bytes.length === 0) continue;
      bytesRead += bytes.length;
      yield bytes;
      options.onProgress?.({ bytesRead, totalBytes });
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('BAD_REQUEST', `reading the input failed after ${bytesRead} bytes: ${messageOf(error)}`);
  }
  if (bytesRead === 0) throw new FormatError({ line: 1, reason: 'the file is empty: there is nothing to import' });
}

async function fileSize(filePath: string): Promise<number> {
  try {
    const info = await stat(filePath);
    if (info.isDirectory()) throw new AppError('BAD_REQUEST', `${filePath} is a directory, not a file to import`);
    return info.size;
  } catch (error) {
    if (error instanceof AppError) throw error;
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new AppError('BAD_REQUEST', missing ? `${filePath} does not exist` : `cannot read ${filePath}: ${messageOf(error)}`);
  }
}
