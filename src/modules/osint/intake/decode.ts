import iconv from 'iconv-lite';
import { AppError } from '../../../shared/errors.ts';

/*
 * Bytes to text. The encoding comes from, in order: the caller (an analyst
 * who knows the file), a byte-order mark, the HTTP Content-Type, the
 * document's own declaration (<meta charset>, <?xml encoding?>), else the
 * bytes must be valid UTF-8. A text that is none of these is refused with
 * what to do, never guessed into mojibake.
 */

export interface Decoded {
  readonly text: string;
  readonly encoding: string;
}

const BOMS: [number[], string][] = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xff, 0xfe], 'utf-16le'],
  [[0xfe, 0xff], 'utf-16be'],
];

/** The charset of a Content-Type header value, if any. */
export function charsetOf(contentType: string | null | undefined): string | null {
  const match = /charset\s*=\s*"?([\w.:-]+)"?/i.exec(contentType ?? '');
  return match ? match[1]!.toLowerCase() : null;
}

/** The encoding a document declares in its first bytes: <meta charset>, http-equiv, or the XML declaration. */
function declaredInDocument(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const xml = /^\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  if (xml) return xml[1]!.toLowerCase();
  const meta = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head);
  return meta ? meta[1]!.toLowerCase() : null;
}

function decodeAs(bytes: Uint8Array, encoding: string, origin: string): Decoded {
  if (!iconv.encodingExists(encoding)) {
    throw new AppError('NEWS_UNREADABLE', `the ${origin} names the encoding "${encoding}", which Konbit does not know: convert the text to UTF-8 or give a known encoding such as windows-1252 or iso-8859-1`);
  }
  const text = iconv.decode(Buffer.from(bytes), encoding, { stripBOM: true });
  return { text, encoding: encoding.toLowerCase() };
}

/** The first offset where bytes are not UTF-8, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return -1;
  } catch {
    // Find the offset for the message: decode growing prefixes is too slow, so scan sequences.
    for (let i = 0; i < bytes.length; ) {
      const b = bytes[i]!;
      const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
      if (length === 0 || i + length > bytes.length) return i;
      for (let k = 1; k < length; k += 1) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
      i += length;
    }
    return 0;
  }
}

/** Decodes the bytes of an article, a page or a feed; refuses binary files and undeclared non-UTF-8 text. */
export function decodeText(bytes: Uint8Array, { encoding, contentType }: { encoding?: string | null | undefined; contentType?: string | null | undefined } = {}): Decoded {
  if (encoding) return decodeAs(bytes, encoding, 'request');
  for (const [signature, name] of BOMS) {
    if (signature.every((byte, i) => bytes[i] === byte)) return decodeAs(bytes, name, 'byte-order mark');
  }
  if (bytes.subarray(0, 8192).includes(0)) {
    throw new AppError('NEWS_UNREADABLE', 'this is a binary file, not text, HTML or a feed: give the article as text, HTML, RSS or Atom');
  }
  const fromHeader = charsetOf(contentType);
  if (fromHeader) return decodeAs(bytes, fromHeader, 'server\'s Content-Type');
  const fromDocument = declaredInDocument(bytes);
  if (fromDocument) return decodeAs(bytes, fromDocument, 'document');
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    throw new AppError(
      'NEWS_UNREADABLE',
      `the text is not UTF-8 (byte 0x${bytes[bad]!.toString(16).padStart(2, '0')} at offset ${bad}) and declares no encoding: give its encoding (for example windows-1252 or iso-8859-1) or convert it to UTF-8`,
    );
  }
  return { text: Buffer.from(bytes).toString('utf8'), encoding: 'utf-8' };
}
