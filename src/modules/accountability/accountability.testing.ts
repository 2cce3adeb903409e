import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/index.ts';
import { buildOrganisation, buildUser, type TestUser } from '../auth/testing.ts';
import { buildTestApp } from '../../server/testing.ts';

/*
 * Test factories: the organisations a complaint touches (the oversight body,
 * the accused contingent, another contingent, mission HQ, the HNP) with a
 * user for every way in, and small but real image files.
 */

export interface AccountabilityWorld {
  investigator: TestUser;
  otherInvestigator: TestUser;
  kenCommander: TestUser;
  kenAdmin: TestUser;
  kenReporter: TestUser;
  /** The oversight role, but in the accused contingent: must be refused. */
  kenOversightRole: TestUser;
  hqAdmin: TestUser;
  jamCommander: TestUser;
  hnpOfficer: TestUser;
}

export async function buildAccountabilityWorld(db: Db): Promise<AccountabilityWorld> {
  await buildOrganisation(db, 'OVERSIGHT', 'oversight');
  await buildOrganisation(db, 'KEN', 'contingent');
  await buildOrganisation(db, 'JAM', 'contingent');
  await buildOrganisation(db, 'MSS-HQ', 'mission_hq');
  await buildOrganisation(db, 'HNP', 'host_police');
  return {
    investigator: await buildUser(db, 'investigator', 'OVERSIGHT', ['oversight']),
    otherInvestigator: await buildUser(db, 'investigator.two', 'OVERSIGHT', ['oversight']),
    kenCommander: await buildUser(db, 'ken.commander', 'KEN', ['commander', 'reporter']),
    kenAdmin: await buildUser(db, 'ken.admin', 'KEN', ['admin', 'analyst', 'viewer']),
    kenReporter: await buildUser(db, 'ken.reporter', 'KEN', ['reporter']),
    kenOversightRole: await buildUser(db, 'ken.oversight', 'KEN', ['oversight', 'admin']),
    hqAdmin: await buildUser(db, 'hq.admin', 'MSS-HQ', ['admin', 'analyst', 'commander']),
    jamCommander: await buildUser(db, 'jam.commander', 'JAM', ['commander']),
    hnpOfficer: await buildUser(db, 'hnp.officer', 'HNP', ['reporter', 'analyst']),
  };
}

/** The whole app with its own data folder (for attachments), removed by close(). */
export async function buildAccountabilityApp(db: Db): Promise<{ app: FastifyInstance; dataDir: string; close(): Promise<void> }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'konbit-accountability-'));
  const app = await buildTestApp(db, { KONBIT_DATA_DIR: dataDir });
  return {
    app,
    dataDir,
    close: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function segment(marker: number, payload: Uint8Array): Uint8Array {
  const length = payload.length + 2;
  return Uint8Array.from([0xff, marker, length >> 8, length & 0xff, ...payload]);
}

/** Big-endian TIFF: an IFD0 pointing at a GPS IFD with latitude 18°33'N, longitude 72°18'W. */
function exifWithGps(): Uint8Array {
  const bytes: number[] = [];
  const u16 = (v: number) => bytes.push(v >> 8, v & 0xff);
  const u32 = (v: number) => bytes.push((v >>> 24) & 0xff, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff);
  bytes.push(0x4d, 0x4d); // "MM"
  u16(42);
  u32(8); // IFD0 at 8
  // IFD0: 2 entries (Make, GPSInfo)
  u16(2);
  u16(0x010f); u16(2); u32(6); u32(38); // Make: ASCII, 6 bytes at 38
  u16(0x8825); u16(4); u32(1); u32(44); // GPSInfo IFD at 44
  u32(0);
  bytes.push(...Buffer.from('KBCAM\0')); // 38..43
  // GPS IFD at 44: 4 entries
  u16(4);
  u16(0x0001); u16(2); u32(2); bytes.push(0x4e, 0, 0, 0); // LatitudeRef "N"
  u16(0x0002); u16(5); u32(3); u32(98); // Latitude at 98
  u16(0x0003); u16(2); u32(2); bytes.push(0x57, 0, 0, 0); // LongitudeRef "W"
  u16(0x0004); u16(5); u32(3); u32(122); // Longitude at 122
  u32(0);
  for (const [num, den] of [[18, 1], [33, 1], [1234, 100], [72, 1], [18, 1], [4321, 100]] as const) {
    u32(num);
    u32(den);
  }
  return Uint8Array.from([...Buffer.from('Exif\0\0'), ...bytes]);
}

/**
 * A real 8×8 grey baseline JPEG, with an EXIF segment holding a GPS position
 * and a camera make, an XMP segment and a comment when `withMetadata`.
 */
export function jpegWithGps({ withMetadata = true }: { withMetadata?: boolean } = {}): Buffer {
  const parts: Uint8Array[] = [Uint8Array.from([0xff, 0xd8])];
  parts.push(segment(0xe0, Uint8Array.from([...Buffer.from('JFIF\0'), 1, 1, 0, 0, 1, 0, 1, 0, 0])));
  if (withMetadata) {
    parts.push(segment(0xe1, exifWithGps()));
    parts.push(segment(0xe1, Buffer.from('http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>Owner: complainant</x:xmpmeta>')));
    parts.push(segment(0xfe, Buffer.from('taken by Jean at home')));
  }
  parts.push(segment(0xdb, Uint8Array.from([0x00, ...new Array<number>(64).fill(1)])));
  parts.push(segment(0xc0, Uint8Array.from([8, 0, 8, 0, 8, 1, 1, 0x11, 0])));
  // One DC code (category 0) and one AC code (end of block), each one bit long.
  parts.push(segment(0xc4, Uint8Array.from([0x00, 1, ...new Array<number>(15).fill(0), 0x00])));
  parts.push(segment(0xc4, Uint8Array.from([0x10, 1, ...new Array<number>(15).fill(0), 0x00])));
  parts.push(segment(0xda, Uint8Array.from([1, 1, 0x00, 0, 63, 0])));
  parts.push(Uint8Array.from([0x3f])); // bits 0 (DC 0) 0 (EOB), padded with ones
  parts.push(Uint8Array.from([0xff, 0xd9]));
  return Buffer.concat(parts);
}

/** A 1×1 PNG with tEXt (author, GPS comment) and tIME chunks. */
export function pngWithText(): Buffer {
  const chunk = (type: string, data: Uint8Array) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]);
  // zlib stream of one scanline: filter 0, one grey byte.
  const idat = Buffer.from([0x78, 0x9c, 0x63, 0x60, 0x00, 0x00, 0x00, 0x02, 0x00, 0x01]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('tEXt', Buffer.from('Author\0Marie, Cite Soleil, GPS 18.57 -72.33', 'latin1')),
    chunk('tIME', Buffer.from([0x07, 0xe9, 3, 1, 12, 0, 0])),
    chunk('IDAT', idat),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k += 1) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
