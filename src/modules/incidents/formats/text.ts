// Bytes to text for every reader. Files from the field come as UTF-8 (with or
// without a byte-order mark), UTF-16 with a mark, or Windows-1252/Latin-1 from
// spreadsheet programs. The encoding is decided at the first non-ASCII byte:
// everything before it reads the same in all of them.

import iconv from 'iconv-lite';

export type TextEncodingName = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';
/** 'auto' detects; the others force an encoding. 'latin1' is read as Windows-1252, its superset. */
export type EncodingChoice = 'auto' | 'utf-8' | 'latin1' | 'windows-1252';

export interface DecodeOptions {
  encoding?: EncodingChoice;
  /** Told once which encoding was used, when it is known. */
  onEncoding?: (encoding: TextEncodingName) => void;
}

interface Decoder {
  write(bytes: Uint8Array): string;
  end(): string;
}

/** How many bytes after the first non-ASCII one are checked for UTF-8 validity. */
const SNIFF_BYTES = 64 * 1024;

/** Decodes a byte stream into text chunks, detecting the encoding unless told. */
export async function* decodeText(chunks: AsyncIterable<Uint8Array>, options: DecodeOptions = {}): AsyncGenerator<string> {
  const choice = options.encoding ?? 'auto';
  let decoder: Decoder | undefined = choice === 'auto' ? undefined : decoderFor(choice === 'latin1' ? 'windows-1252' : choice, options);
  let first = true;
  for await (const raw of chunks) {
    let bytes = raw;
    if (first && bytes.length > 0) {
      first = false;
      const bom = byteOrderMark(bytes);
      if (bom) {
        bytes = bytes.subarray(bom.length);
        decoder = decoderFor(bom.encoding, options);
      }
    }
    if (!decoder) {
      const firstHigh = bytes.findIndex((byte) => byte >= 0x80);
      if (firstHigh < 0) {
        yield Buffer.from(bytes).toString('latin1');
        continue;
      }
      decoder = decoderFor(looksLikeUtf8(bytes, firstHigh) ? 'utf-8' : 'windows-1252', options);
    }
    const text = decoder.write(bytes);
    if (text) yield text;
  }
  const rest = decoder?.end();
  if (rest) yield rest;
}

function byteOrderMark(bytes: Uint8Array): { encoding: TextEncodingName; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

function decoderFor(encoding: TextEncodingName, options: DecodeOptions): Decoder {
  options.onEncoding?.(encoding);
  if (encoding === 'windows-1252') {
    const decoder = iconv.getDecoder('win1252');
    return { write: (bytes) => decoder.write(Buffer.from(bytes)), end: () => decoder.end() ?? '' };
  }
  // Not fatal: a stray invalid byte becomes U+FFFD, which the readers report on its row.
  const decoder = new TextDecoder(encoding, { fatal: false, ignoreBOM: true });
  return { write: (bytes) => decoder.decode(bytes, { stream: true }), end: () => decoder.decode() };
}

/**
 * True when the bytes from `from` on (up to SNIFF_BYTES) are well-formed UTF-8;
 * a sequence cut by the end of the chunk counts as well-formed.
 */
export function looksLikeUtf8(bytes: Uint8Array, from = 0): boolean {
  const end = Math.min(bytes.length, from + SNIFF_BYTES);
  let i = from;
  while (i < end) {
    const byte = bytes[i]!;
    const length = byte < 0x80 ? 1 : byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0;
    if (length === 0) return false;
    for (let k = 1; k < length; k++) {
      if (i + k >= bytes.length) return true;
      if ((bytes[i + k]! & 0xc0) !== 0x80) return false;
    }
    i += length;
  }
  return true;
}

/** The replacement character a non-fatal UTF-8 decoder puts where bytes were invalid. */
export const REPLACEMENT_CHARACTER = '\uFFFD';
