// Splits a GeoJSON FeatureCollection into its features while the bytes stream
// in, so that a file larger than V8's largest string (~512 MiB) can still be
// read and memory holds one feature's text at a time. It only tracks strings
// and brackets; JSON.parse then checks each feature's text.
// It works on bytes, not text: every JSON structural character is ASCII and
// never occurs inside a multi-byte UTF-8 sequence, so offsets are byte offsets.

import { RoadImportError } from './errors.ts';

const QUOTE = 0x22, BACKSLASH = 0x5c, COMMA = 0x2c;
const OPEN_OBJECT = 0x7b, CLOSE_OBJECT = 0x7d, OPEN_ARRAY = 0x5b, CLOSE_ARRAY = 0x5d;
const FEATURES_KEY = 'features';
/** A document that is not a FeatureCollection is parsed whole; past this size that is refused. */
const MAX_WHOLE_DOCUMENT_BYTES = 256 * 1024 * 1024;

function isWhitespace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

/** Receives each feature's bytes and the byte offset where it starts in the file. */
export type FeatureSink = (featureBytes: Buffer, offset: number) => void;

/** Streaming splitter: write() the chunks in order, then end(). */
export class FeatureSplitter {
  private offset = 0;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private started = false;
  /** The string being read at depth 1 (a key, possibly "features"), while short enough to matter. */
  private keyBytes: number[] | undefined;
  private lastKey = '';
  private inFeatures = false;
  /** True once a top-level "features" array was found: features are streamed, nothing else kept. */
  private sawFeatureArray = false;
  private featureOffset = -1;
  private captureFrom = 0;
  private featurePieces: Buffer[] = [];
  /** The document's bytes while no "features" array has been seen. */
  private wholePieces: Buffer[] = [];
  private wholeBytes = 0;

  constructor(private readonly name: string, private readonly sink: FeatureSink) {}

  /** Feeds the next chunk of the document. */
  write(chunk: Uint8Array): void {
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const skipBom = this.offset === 0 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    for (let i = skipBom; i < bytes.length; i++) {
      const byte = bytes[i] ?? 0;
      if (this.inString) this.stringByte(byte);
      else if (!isWhitespace(byte)) this.structural(byte, bytes, i);
    }
    if (this.featureOffset >= 0) {
      this.featurePieces.push(Buffer.from(bytes.subarray(this.captureFrom)));
      this.captureFrom = 0;
    }
    if (!this.sawFeatureArray) this.keepWhole(bytes.subarray(skipBom));
    this.offset += bytes.length;
  }

  /**
   * Checks that the document is complete. Returns the whole document when it had
   * no top-level "features" array (a single Feature, a bare geometry…) for the
   * caller to parse, or undefined when its features were all streamed.
   */
  end(): Buffer | undefined {
    if (!this.started) throw this.error(this.offset, 'the file holds no JSON value');
    if (this.inString || this.depth > 0) throw this.error(this.offset, 'the file ends in the middle of the JSON (truncated?)');
    return this.sawFeatureArray ? undefined : Buffer.concat(this.wholePieces);
  }

  private stringByte(byte: number): void {
    if (this.escaped) {
      this.escaped = false;
    } else if (byte === BACKSLASH) {
      this.escaped = true;
    } else if (byte === QUOTE) {
      this.inString = false;
      if (this.keyBytes) this.lastKey = String.fromCharCode(...this.keyBytes);
      return;
    }
    if (this.keyBytes) {
      this.keyBytes.push(byte);
      if (this.keyBytes.length > FEATURES_KEY.length) this.keyBytes = undefined;
    }
  }

  private structural(byte: number, bytes: Buffer, i: number): void {
    const at = this.offset + i;
    if (!this.started) {
      if (byte !== OPEN_OBJECT && byte !== OPEN_ARRAY) throw this.error(at, 'not a JSON object (is this really a GeoJSON file?)');
      this.started = true;
    }
    if (this.inFeatures && this.depth === 2 && byte !== OPEN_OBJECT && byte !== COMMA && byte !== CLOSE_ARRAY) {
      throw this.error(at, 'the "features" array must hold only objects');
    }
    if (byte === QUOTE) {
      this.inString = true;
      this.lastKey = '';
      this.keyBytes = this.depth === 1 ? [] : undefined;
    } else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
      this.open(byte, i, at);
    } else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) {
      this.close(bytes, i, at);
    }
  }

  private open(byte: number, i: number, at: number): void {
    if (byte === OPEN_ARRAY && this.depth === 1 && !this.sawFeatureArray && this.lastKey === FEATURES_KEY) {
      this.inFeatures = true;
      this.sawFeatureArray = true;
      this.wholePieces = [];
    } else if (this.inFeatures && this.depth === 2) {
      this.featureOffset = at;
      this.captureFrom = i;
      this.featurePieces = [];
    }
    this.depth += 1;
  }

  private close(bytes: Buffer, i: number, at: number): void {
    if (this.depth === 0) throw this.error(at, 'a closing bracket matches nothing');
    this.depth -= 1;
    if (this.inFeatures && this.depth === 2) {
      this.featurePieces.push(bytes.subarray(this.captureFrom, i + 1));
      this.sink(Buffer.concat(this.featurePieces), this.featureOffset);
      this.featurePieces = [];
      this.featureOffset = -1;
    } else if (this.inFeatures && this.depth === 1) {
      this.inFeatures = false;
    }
  }

  private keepWhole(piece: Buffer): void {
    this.wholeBytes += piece.length;
    if (this.wholeBytes > MAX_WHOLE_DOCUMENT_BYTES) {
      throw new RoadImportError('ROADS_UNSUPPORTED_FORMAT',
        `${this.name}: a GeoJSON file over 256 MiB must be a FeatureCollection to be read`, { file: this.name });
    }
    this.wholePieces.push(Buffer.from(piece));
  }

  private error(offset: number, detail: string): RoadImportError {
    return new RoadImportError('ROADS_MALFORMED', `${this.name} at byte ${offset}: malformed GeoJSON: ${detail}`, { file: this.name, offset });
  }
}
