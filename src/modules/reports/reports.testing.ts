import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { AdminAreas, IncidentInput } from '../../shared/incidents.ts';
import type { Db } from '../../db/index.ts';
import { buildOrganisation, buildUser, type TestUser } from '../auth/testing.ts';
import { reportIncident, type AdminAreaLookup } from '../incidents/index.ts';
import type { Actor } from '../auth/index.ts';

/*
 * Builders for the report's tests: a small mission, incidents placed in a
 * chosen commune (without needing the boundaries dataset), and the text of a
 * PDF.
 */

/** The datasets folder beside the project, when the machine has it. */
export const DATASETS: string | null = (() => {
  const dir = path.resolve(import.meta.dirname, '..', '..', '..', '..', 'shared', 'data');
  return existsSync(dir) ? dir : null;
})();

export interface ReportMission {
  ken: TestUser;
  jam: TestUser;
  hnp: TestUser;
  donor: TestUser;
}

export async function buildReportMission(db: Db): Promise<ReportMission> {
  await buildOrganisation(db, 'KEN');
  await buildOrganisation(db, 'JAM');
  await buildOrganisation(db, 'HNP', 'host_police');
  await buildOrganisation(db, 'USA', 'donor');
  return {
    ken: await buildUser(db, 'ken.commander', 'KEN', ['commander', 'reporter', 'analyst']),
    jam: await buildUser(db, 'jam.commander', 'JAM', ['commander', 'reporter', 'analyst']),
    hnp: await buildUser(db, 'hnp.liaison', 'HNP', ['reporter', 'analyst']),
    donor: await buildUser(db, 'usa.donor', 'USA', ['donor']),
  };
}

/** Every point west of -72.33 is in Carrefour, every other in Delmas. */
export const TWO_COMMUNES: AdminAreaLookup = {
  lookup(lon: number): AdminAreas {
    const carrefour = lon < -72.33;
    return {
      adm1Pcode: 'HT01', adm1Name: 'Ouest',
      adm2Pcode: carrefour ? 'HT0113' : 'HT0112', adm2Name: carrefour ? 'Carrefour' : 'Delmas',
      adm3Pcode: carrefour ? 'HT0113-01' : 'HT0112-01', adm3Name: carrefour ? '1ère Thor' : '1ère Section Saint Martin',
    };
  },
};

let counter = 0;

/** Reports an incident (public, in Delmas, no casualties unless told) and returns its id. */
export async function incident(db: Db, actor: Actor, input: Partial<IncidentInput> & { occurredAt: string }): Promise<string> {
  counter += 1;
  const { incident: created } = await reportIncident({
    db,
    actor,
    areas: TWO_COMMUNES,
    input: {
      type: 'armed_clash', title: `Clash ${counter}`, location: { lon: -72.3, lat: 18.555 }, classification: 'PUBLIC',
      counts: { killed: 0, injured: 0, abducted: 0, displaced: 0 }, ...input,
    },
  });
  return created.id;
}

/** The PDF's text (poppler's pdftotext), or null when poppler-utils is not installed. */
export function pdfText(file: string): string | null {
  try {
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  } catch {
    return null;
  }
}

/** The PDF's page count: pdfinfo's when installed, else the page objects counted in the file. */
export function pdfPages(file: string, bytes: Buffer): number {
  try {
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
  } catch {
    return (bytes.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;
  }
}

/** No script, no resource, no address: everything the page shows is in the page. */
export function assertSelfContained(html: string): void {
  assert.ok(!/https?:/i.test(html), 'an http(s) address');
  assert.ok(!/<(script|link|img|iframe|object|embed|base|audio|video|source)\b/i.test(html), 'an element that loads something');
  assert.ok(!/\b(src|srcset|href|xlink:href|action|poster)\s*=\s*["']?(?!#)/i.test(html), 'an attribute that points elsewhere');
  assert.ok(!/url\(\s*['"]?(?!#)/i.test(html), 'a CSS url() that points elsewhere');
  assert.ok(!/@import|@font-face/i.test(html), 'a style sheet or font from elsewhere');
  assert.ok(!/\/\/[a-z0-9-]+\.[a-z]/i.test(html), 'a protocol-relative address');
}
