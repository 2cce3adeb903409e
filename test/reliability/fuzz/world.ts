import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { createTestDb, type TestDb } from '../../../src/db/testing.ts';
import { recordDetention } from '../../../src/modules/accountability/index.ts';
import { buildOrganisation, buildUser, type TestUser } from '../../../src/modules/auth/testing.ts';
import { reportIncident } from '../../../src/modules/incidents/index.ts';
import { buildIncidentInput } from '../../../src/modules/incidents/incidents.testing.ts';
import { createMilestone, createPledge } from '../../../src/modules/ledger/index.ts';
import { milestone, personnelPledge } from '../../../src/modules/ledger/ledger.testing.ts';
import { createNotice } from '../../../src/modules/notices/index.ts';
import { createArea, createOverride, createRoadblock, importNetwork } from '../../../src/modules/roads/index.ts';
import { ladderCell, ladderFile } from '../../../src/modules/roads/roads.testing.ts';
import { buildTestApp } from '../../../src/server/testing.ts';

/*
 * What the fuzzers attack: the whole application over a fresh SQLite database, a user holding every
 * role but oversight and an oversight user, a small road network and one record of each kind (whose
 * ids the fuzzers put in paths). The fingerprint counts the rows of every table, so that a refused
 * request can be shown to have written nothing.
 */

export interface FuzzWorld {
  t: TestDb;
  app: FastifyInstance;
  user: TestUser;
  oversight: TestUser;
  /** Ids of existing records, to aim path parameters at. */
  ids: string[];
  fingerprint(): Promise<string>;
  close(): Promise<void>;
}

/** Tables a refused request may still write: failed sign-ins are counted on purpose. */
const MAY_CHANGE_ON_REFUSAL = new Set(['login_throttle']);

export async function buildFuzzWorld(): Promise<FuzzWorld> {
  const t = await createTestDb('sqlite');
  const app = await buildTestApp(t.db, { KONBIT_BODY_LIMIT_BYTES: String(256 * 1024) });
  await buildOrganisation(t.db, 'KEN');
  await buildOrganisation(t.db, 'HNP', 'host_police');
  await buildOrganisation(t.db, 'OVS', 'oversight');
  const user = await buildUser(t.db, 'fuzz.user', 'KEN', ['admin', 'analyst', 'commander', 'reporter', 'donor', 'viewer']);
  const oversight = await buildUser(t.db, 'fuzz.oversight', 'OVS', ['oversight']);
  const ids = await seedRecords(t, user);

  const tables = (await sql<{ name: string }>`select name from sqlite_master where type = 'table' order by name`.execute(t.db)).rows
    .map((r) => r.name)
    .filter((name) => !/^sqlite_|^kysely_|_fts|_rtree/.test(name) && !MAY_CHANGE_ON_REFUSAL.has(name));
  const counting = sql.raw(`select ${tables.map((name) => `(select count(*) from "${name}") as "${name}"`).join(', ')}`);
  return {
    t, app, user, oversight, ids,
    fingerprint: async () => JSON.stringify((await sql<Record<string, number>>`${counting}`.execute(t.db)).rows[0]),
    close: async () => {
      await app.close();
      await t.drop();
    },
  };
}

async function seedRecords({ db }: TestDb, { actor }: TestUser): Promise<string[]> {
  await importNetwork({ db, actor: null, filePath: ladderFile(2), name: 'fuzznet' });
  const { a, b, middle } = ladderCell(0);
  const ring = [[a.lon, a.lat - 0.001], [b.lon, b.lat - 0.001], [b.lon, b.lat + 0.001], [a.lon, a.lat + 0.001], [a.lon, a.lat - 0.001]];
  return [
    (await reportIncident({ db, actor, areas: null, input: buildIncidentInput({ actors: [{ name: 'Baz Fuzz', role: 'perpetrator', kind: 'gang' }] }) })).incident.id,
    (await createPledge({ db, actor, input: personnelPledge(40) })).id,
    (await createMilestone({ db, actor, input: milestone() })).id,
    (await createNotice({ db, actor, input: { title: 'Fuzz notice', classification: 'MISSION' } })).id,
    (await createRoadblock({ db, actor, input: { ...middle, classification: 'MISSION' } })).id,
    (await createOverride({ db, actor, input: { network: 'fuzznet', action: 'closed', reason: 'fuzz', edges: [0], classification: 'MISSION' } })).id,
    (await createArea({ db, actor, input: { name: 'Fuzz area', level: 'contested', geometry: { type: 'Polygon', coordinates: [ring] }, classification: 'MISSION' } })).id,
    (await recordDetention({
      db, actor, input: {
        unit: 'KEN FPU 1', detainedAt: new Date(Date.now() - 3_600_000).toISOString(), place: 'Delmas 33', point: { lat: 18.55, lon: -72.3 }, grounds: 'caught_in_act',
        legalBasis: 'held for handover', condition: 'unharmed', person: { name: 'Fuzz Person', sex: 'male', age: '30', description: '', identityDocument: '' }, identityReleasableTo: [],
        classification: 'MISSION',
      },
    })).id,
  ];
}
