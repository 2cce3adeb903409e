/*
 * Attachments: the type is read from the content (magic bytes), never from
 * the name or the declared media type, and the metadata that can identify a
 * complainant — EXIF (GPS position, camera serial number, time), XMP, IPTC,
 * ICC profile descriptions, comments, PNG text chunks — is removed from
 * images by rewriting their container without those segments. The pixels are
 * not decoded or re-encoded, so nothing is lost and no image codec runs on
 * hostile input.
 */

export type MediaType = 'image/jpeg' | 'image/png' | 'application/pdf';

export class MediaError extends Error {}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The media type by magic bytes, or null for anything Konbit does not accept. */
export function sniffMediaType(bytes: Uint8Array): MediaType | null {
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return 'image/png';
  if (bytes.length >= 5 && String.fromCharCode(...bytes.subarray(0, 5)) === '%PDF-') return 'application/pdf';
  return null;
}

export interface Stripped {
  bytes: Uint8Array;
  /** What was removed, for the case file: e.g. "EXIF (APP1)", "PNG tEXt". */
  removed: string[];
}

/** Removes identifying metadata; throws MediaError if the file is not a well-formed image of its type. */
export function stripMetadata(type: MediaType, bytes: Uint8Array): Stripped {
  switch (type) {
    case 'image/jpeg':
      return stripJpeg(bytes);
    case 'image/png':
      return stripPng(bytes);
    case 'application/pdf':
      // PDF metadata cannot be removed without rewriting the document; see docs/accountability.md.
      return { bytes, removed: [] };
  }
}

const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;

/** Markers whose segments are needed to decode the image; every other segment goes. */
function keepJpegSegment(marker: number, payload: Uint8Array): boolean {
  if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc8) return true; // SOFn, DHT (C4), DAC (CC)
  if (marker === 0xdb || marker === 0xdd) return true; // DQT, DRI
  // Adobe APP14 holds only the colour transform flag that CMYK images need.
  if (marker === 0xee) return payload.length === 12 && String.fromCharCode(...payload.subarray(0, 5)) === 'Adobe';
  return false;
}

function jpegSegmentName(marker: number, payload: Uint8Array): string {
  if (marker === 0xfe) return 'comment (COM)';
  const app = marker - 0xe0;
  const id = String.fromCharCode(...payload.subarray(0, Math.min(payload.length, 40))).split('\0')[0] ?? '';
  if (app === 1 && id.startsWith('Exif')) return 'EXIF (APP1)';
  if (app === 1 && id.startsWith('http://ns.adobe.com/xap')) return 'XMP (APP1)';
  if (app === 13) return 'IPTC/Photoshop (APP13)';
  if (app === 2 && id.startsWith('ICC_PROFILE')) return 'ICC profile (APP2)';
  if (app === 0) return `${id || 'JFIF'} (APP0)`;
  if (app >= 0 && app <= 15) return `APP${app}`;
  return `marker 0x${marker.toString(16).toUpperCase()}`;
}

function stripJpeg(bytes: Uint8Array): Stripped {
  const out: Uint8Array[] = [bytes.subarray(0, 2)];
  const removed: string[] = [];
  let at = 2;
  let sawFrame = false;
  for (;;) {
    if (at + 2 > bytes.length) throw new MediaError('the JPEG ends before its end-of-image marker');
    if (bytes[at] !== 0xff) throw new MediaError(`the JPEG is damaged at byte ${at}`);
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (marker === EOI) {
      out.push(bytes.subarray(at, at + 2));
      if (at + 2 < bytes.length) removed.push(`${bytes.length - at - 2} bytes after the end of the image`);
      break;
    }
    if (marker === SOI || (marker >= 0xd0 && marker <= 0xd7)) throw new MediaError(`unexpected JPEG marker at byte ${at}`);
    if (at + 4 > bytes.length) throw new MediaError('the JPEG ends inside a segment header');
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
    const end = at + 2 + length;
    if (length < 2 || end > bytes.length) throw new MediaError(`a JPEG segment at byte ${at} runs past the end of the file`);
    const payload = bytes.subarray(at + 4, end);
    if (marker === SOS) {
      if (!sawFrame) throw new MediaError('the JPEG has image data before its frame header');
      const scanEnd = endOfEntropyData(bytes, end);
      out.push(bytes.subarray(at, scanEnd));
      at = scanEnd;
      continue;
    }
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) sawFrame = true;
    if (keepJpegSegment(marker, payload)) out.push(bytes.subarray(at, end));
    else removed.push(jpegSegmentName(marker, payload));
    at = end;
  }
  if (!sawFrame) throw new MediaError('the JPEG has no image frame');
  return { bytes: concat(out), removed };
}

/** Entropy-coded data runs until a marker other than a restart marker or a stuffed 0xFF00. */
function endOfEntropyData(bytes: Uint8Array, from: number): number {
  for (let i = from; i + 1 < bytes.length; i += 1) {
    if (bytes[i] !== 0xff) continue;
    const next = bytes[i + 1]!;
    if (next === 0x00 || (next >= 0xd0 && next <= 0xd7) || next === 0xff) continue;
    return i;
  }
  throw new MediaError('the JPEG image data has no end');
}

/** Chunks needed to display a PNG faithfully; ancillary text, time, EXIF and profiles go. */
const PNG_KEEP = new Set(['IHDR', 'PLTE', 'IDAT', 'IEND', 'tRNS', 'gAMA', 'cHRM', 'sRGB', 'sBIT', 'bKGD', 'pHYs']);

function stripPng(bytes: Uint8Array): Stripped {
  const out: Uint8Array[] = [bytes.subarray(0, 8)];
  const removed: string[] = [];
  let at = 8;
  let first = true;
  for (;;) {
    if (at + 12 > bytes.length) throw new MediaError('the PNG ends before its IEND chunk');
    const length = ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0;
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    if (!/^[A-Za-z]{4}$/.test(type)) throw new MediaError(`the PNG is damaged at byte ${at}`);
    const end = at + 12 + length;
    if (end > bytes.length) throw new MediaError(`the PNG chunk ${type} runs past the end of the file`);
    if (first && type !== 'IHDR') throw new MediaError('the PNG does not start with its header chunk');
    first = false;
    if (PNG_KEEP.has(type)) out.push(bytes.subarray(at, end));
    else removed.push(`PNG ${type}`);
    at = end;
    if (type === 'IEND') {
      if (at < bytes.length) removed.push(`${bytes.length - at} bytes after the end of the image`);
      break;
    }
  }
  return { bytes: concat(out), removed };
}

function concat(parts: Uint8Array[]): Uint8Array {
  const total = parts.reduce((sum, p) => sum + p.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** A file name as the sender gave it, safe to show: no folders, no control characters, at most 120 characters. */
export function displayName(given: string | undefined): string {
  let name = given ?? '';
  try {
    name = decodeURIComponent(name);
  } catch {
    // keep it as sent
  }
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const clean = base.normalize('NFC').replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '').replace(/^\.+/, '').trim();
  return clean.slice(0, 120) || 'attachment';
}
