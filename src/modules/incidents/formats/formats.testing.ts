// Helpers for the format tests: fixtures as byte streams, readers run to the end.

import { createReadStream } from 'node:fs';
import path from 'node:path';
import type { ExportableIncident, ImportRow, ImportRowError, IncidentInputParsed } from '../../../shared/incidents.ts';
import type { FormatReader, ReaderOptions } from './common.ts';

export const FIXTURES = path.join(import.meta.dirname, 'fixtures');
/** Tests run as if on this day, so fixture dates are never "in the future" nor drift. */
export const TEST_NOW = new Date('2024-06-01T00:00:00Z');

export function fixture(name: string): AsyncIterable<Uint8Array> {
  return createReadStream(path.join(FIXTURES, name));
}

export async function* bytesOf(...texts: (string | Uint8Array)[]): AsyncGenerator<Uint8Array> {
  for (const text of texts) yield typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
}

export interface ReadOutcome {
  inputs: (IncidentInputParsed & { line: number })[];
  errors: ImportRowError[];
  /** The error that stopped the read, if one did. */
  fatal?: ImportRowError & { message: string };
}

export async function readAll(reader: FormatReader, bytes: AsyncIterable<Uint8Array>, options: ReaderOptions = {}): Promise<ReadOutcome> {
  const outcome: ReadOutcome = { inputs: [], errors: [] };
  try {
    for await (const row of reader(bytes, { now: TEST_NOW, ...options })) collect(outcome, row);
  } catch (error) {
    const where = (error as { where?: ImportRowError }).where;
    if (!where) throw error;
    outcome.fatal = { ...where, message: (error as Error).message };
  }
  return outcome;
}

function collect(outcome: ReadOutcome, row: ImportRow): void {
  if ('errors' in row) outcome.errors.push(...row.errors);
  else outcome.inputs.push({ ...(row.input as IncidentInputParsed), line: row.line });
}

export async function* listOf<T>(items: readonly T[]): AsyncGenerator<T> {
  yield* items;
}

export async function textOfWriter(chunks: AsyncIterable<string>): Promise<string> {
  let text = '';
  for await (const chunk of chunks) text += chunk;
  return text;
}

/** A varied set of incidents as an export gives them, covering every field. */
export function sampleIncidents(): ExportableIncident[] {
  const base = {
    owner: 'KEN',
    verification: 'verified' as const,
    reportedAt: '2024-03-15T18:00:00.000Z',
    admin: { adm1Pcode: 'HT01', adm1Name: 'Ouest', adm2Pcode: 'HT0111', adm2Name: 'Port-au-Prince', adm3Pcode: 'HT0111-01', adm3Name: 'Turgeau' },
    illustrative: false,
  };
  return [
    {
      ...base,
      id: '0b6f4a8e-1d2c-4c57-9a51-6c1f5e0a0001',
      type: 'attack_on_police',
      title: 'Gang attack on the Delmas 33 police station',
      description: 'Armed men fired on the station for two hours.\nTwo officers injured; "heavy" fire, reported by HNP.',
      occurredAt: '2024-03-14T02:35:17.000Z',
      occurredPrecision: 'exact',
      location: { lon: -72.3051234, lat: 18.5481234, precision: 'exact', placeName: 'Delmas 33, Delmas' },
      actors: [
        { name: 'Gang: G9 an Fanmi e Alye', role: 'perpetrator', kind: 'coalition' },
        { name: 'Gang: Baz Pilat', role: 'perpetrator', kind: 'gang' },
        { name: 'Police Forces of Haiti (2021-)', role: 'target', kind: 'state_force' },
        { name: 'Residents of Delmas 33', role: 'associated' },
      ],
      counts: { killed: 1, injured: 2, abducted: 0, displaced: 40 },
      sources: [
        { name: 'HNP liaison officer', reliability: 'A', credibility: 1, reportedAt: '2024-03-14T04:00:00.000Z' },
        { name: 'Le Nouvelliste', url: 'https://lenouvelliste.com/article/1', reliability: 'B', credibility: 2 },
      ],
      tags: ['night attack', 'station'],
      external: { system: 'cot', id: 'ANDROID-5f2c9a71e3b04d1a' },
      classification: 'RESTRICTED',
      releasableTo: ['HNP', 'JAM'],
    },
    {
      ...base,
      id: '0b6f4a8e-1d2c-4c57-9a51-6c1f5e0a0002',
      verification: 'unverified',
      type: 'kidnapping',
      title: '=Kidnapping, Route de Kenscoff',
      description: '',
      occurredAt: '2024-03-10T12:00:00.000Z',
      occurredPrecision: 'day',
      location: { lon: -72.299, lat: 18.487, precision: 'near' },
      actors: [],
      counts: { killed: 0, injured: 0, abducted: 3, displaced: 0 },
      sources: [],
      tags: [],
      classification: 'PUBLIC',
      releasableTo: [],
      admin: null,
    },
    {
      ...base,
      id: '0b6f4a8e-1d2c-4c57-9a51-6c1f5e0a0003',
      type: 'arson',
      title: 'Houses burned in Carrefour Feuilles',
      description: 'Maisons incendiées; familles déplacées vers Delmas.',
      occurredAt: '2024-02-05T12:00:00.000Z',
      occurredPrecision: 'week',
      location: { lon: -72.351, lat: 18.5336, precision: 'commune', placeName: 'Carrefour Feuilles' },
      actors: [{ name: 'Gang: Grand Ravine', role: 'perpetrator', kind: 'gang' }],
      counts: { killed: 0, injured: 0, abducted: 0, displaced: 1200 },
      sources: [{ name: 'ACLED', reliability: 'B', credibility: 2 }],
      tags: ['acled:Looting/property destruction'],
      external: { system: 'acled', id: 'HTI21915' },
      classification: 'MISSION',
      releasableTo: [],
      illustrative: true,
    },
    {
      ...base,
      id: '0b6f4a8e-1d2c-4c57-9a51-6c1f5e0a0004',
      type: 'roadblock',
      title: 'Péage illégal sur la RN2 à Mariani',
      description: 'Baraj sou wout Nasyonal 2; chofè yo peye.',
      occurredAt: '2024-01-01T12:00:00.000Z',
      occurredPrecision: 'month',
      location: { lon: -72.419, lat: 18.513, precision: 'department' },
      actors: [{ name: 'Gang: Village de Dieu', role: 'perpetrator' }],
      counts: { killed: 0, injured: 0, abducted: 0, displaced: 0 },
      sources: [{ name: 'OCHA Haïti', reliability: 'C', credibility: 3 }],
      tags: ['RN2', 'extortion'],
      external: { system: 'hxl', id: 'HXL-0004' },
      classification: 'RESTRICTED',
      releasableTo: [],
    },
  ];
}
