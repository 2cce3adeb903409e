// Splits a GeoJSON FeatureCollection into its features as the text streams in,
// so memory holds one feature at a time, and notes the line each starts on.
// It tracks only strings and brackets; JSON.parse checks each feature.

import { FormatError } from './errors.ts';

export interface FeatureText {
  line: number;
  text: string;
}

/** A document without a "features" array is parsed whole, up to this size. */
const MAX_WHOLE_DOCUMENT = 64 * 1024 * 1024;

export class FeatureSplitter {
  private depth = 0;
  private line = 1;
  private inString = false;
  private escaped = false;
  private stringStart = -1;
  private lastString = '';
  private inFeatures = false;
  sawFeatures = false;
  private capture: string[] | undefined;
  private captureFrom = 0;
  private captureLine = 0;
  private whole: string[] = [];
  private wholeLength = 0;
  private stringPiece = '';

  /** Feeds the next chunk; returns the features completed in it. */
  write(chunk: string): FeatureText[] {
    const done: FeatureText[] = [];
    this.captureFrom = 0;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (c === 10) this.line++;
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === 92) this.escaped = true;
        else if (c === 34) this.endString(chunk, i);
        continue;
      }
      if (c === 34) this.startString(i);
      else if (c === 123 || c === 91) this.openBracket(c, i);
      else if (c === 125 || c === 93) this.closeBracket(chunk, i, done);
    }
    if (this.capture) this.capture.push(chunk.slice(this.captureFrom));
    if (this.inString && this.depth === 1 && this.stringStart >= 0) this.stringPiece += chunk.slice(this.stringStart);
    this.stringStart = this.inString ? 0 : -1;
    if (!this.sawFeatures) this.keepWhole(chunk);
    return done;
  }

  /** Throws when the document stopped before its brackets were closed. */
  finish(): void {
    if (this.depth !== 0 || this.inString) throw new FormatError({ line: this.line, reason: 'the JSON ends before its brackets are closed: the file is truncated' });
  }

  /** The whole document, when it had no "features" array (a single Feature, say). */
  wholeText(): string {
    return this.whole.join('');
  }

  private startString(i: number): void {
    this.inString = true;
    this.stringStart = this.depth === 1 ? i + 1 : -1;
    this.stringPiece = '';
  }

  private endString(chunk: string, i: number): void {
    this.inString = false;
    if (this.depth === 1 && this.stringStart >= 0) this.lastString = (this.stringPiece + chunk.slice(this.stringStart, i)).slice(0, 64);
    this.stringStart = -1;
  }

  private openBracket(c: number, i: number): void {
    if (c === 91 && this.depth === 1 && this.lastString === 'features') {
      this.inFeatures = true;
      this.sawFeatures = true;
      this.whole = [];
    } else if (c === 123 && this.depth === 2 && this.inFeatures) {
      this.capture = [];
      this.captureFrom = i;
      this.captureLine = this.line;
    }
    this.depth++;
  }

  private closeBracket(chunk: string, i: number, done: FeatureText[]): void {
    this.depth--;
    if (this.depth === 2 && this.capture) {
      this.capture.push(chunk.slice(this.captureFrom, i + 1));
      done.push({ line: this.captureLine, text: this.capture.join('') });
      this.capture = undefined;
    } else if (this.depth === 1 && this.inFeatures) {
      this.inFeatures = false;
    }
  }

  private keepWhole(chunk: string): void {
    this.wholeLength += chunk.length;
    if (this.wholeLength > MAX_WHOLE_DOCUMENT) throw new FormatError({ line: this.line, reason: 'no "features" array found in the first 64 MB: is this a GeoJSON FeatureCollection?' });
    this.whole.push(chunk);
  }
}
