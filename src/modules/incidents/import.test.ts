import assert from 'node:assert/strict';
import { describe } from 'node:test';
import type { ImportRow, IncidentInput } from '../../shared/incidents.ts';
import { dbTest } from '../../db/testing.ts';
import type { Db } from '../../db/index.ts';
import { buildUser } from '../auth/testing.ts';
import { exportIncidents, getIncident, importIncidents, incidentHistory, listIncidents } from './index.ts';
import { buildIncidentInput, buildMission } from './incidents.testing.ts';

function acled(id: string, overrides: Partial<IncidentInput> = {}): IncidentInput {
  return buildIncidentInput({ external: { system: 'acled', id }, title: `ACLED event ${id}`, ...overrides });
}

async function* stream(rows: ImportRow[]): AsyncGenerator<ImportRow> {
  for (const row of rows) yield row;
}

async function countIncidents(db: Db): Promise<number> {
  return Number((await db.selectFrom('incidents').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
}

describe('importing incidents', () => {
  dbTest('commit-valid commits the good rows and returns each rejected one with its line, column and reason', async ({ db }) => {
    const { reporter } = await buildMission(db);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
    const result = await importIncidents({
      db,
      actor: reporter.actor,
      areas: null,
      mode: 'commit-valid',
      rows: stream([
        { line: 2, input: acled('HTI1') },
        { line: 3, errors: [{ line: 3, column: 'latitude', value: 'abc', reason: 'not a number' }] },
        { line: 4, input: acled('HTI2', { location: { lon: 18.54, lat: -72.33 } }) },
        { line: 5, input: acled('HTI3', { occurredAt: tomorrow }) },
        { line: 6, input: acled('HTI4', { classification: 'RESTRICTED', releasableTo: ['ZZZ'] }) },
        { line: 7, input: acled('HTI5') },
      ]),
    });
    assert.equal(result.created, 2);
    assert.equal(result.updated, 0);
    assert.deepEqual(
      result.rejected.map((r) => [r.line, r.column, r.value]),
      [[3, 'latitude', 'abc'], [4, 'location', '18.54,-72.33'], [5, 'occurredAt', tomorrow], [6, 'releasableTo', 'ZZZ']],
    );
    assert.match(result.rejected[1]!.reason, /latitude and longitude look swapped/);
    assert.match(result.rejected[2]!.reason, /in the future/);
    assert.equal(await countIncidents(db), 2);
  });

  dbTest('all-or-nothing writes nothing when a row is rejected, and everything when none is', async ({ db }) => {
    const { reporter } = await buildMission(db);
    const bad = await importIncidents({
      db,
      actor: reporter.actor,
      areas: null,
      mode: 'all-or-nothing',
      rows: [{ line: 2, input: acled('A1') }, { line: 3, input: acled('A2', { location: { lon: 0, lat: 0 } }) }, { line: 4, input: acled('A3', { title: '' }) }],
    });
    assert.deepEqual(bad.rejected.map((r) => [r.line, r.column]), [[3, 'location'], [4, 'title']]);
    assert.equal(bad.created, 0);
    assert.equal(await countIncidents(db), 0);
    assert.equal(Number((await db.selectFrom('incident_events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n), 0);
    const good = await importIncidents({ db, actor: reporter.actor, areas: null, mode: 'all-or-nothing', rows: [{ line: 2, input: acled('A1') }, { line: 3, input: acled('A2') }] });
    assert.deepEqual(good, { created: 2, updated: 0, rejected: [] });
  });

  dbTest('importing the same external ids again updates, never duplicates, and keeps the history', async ({ db }) => {
    const { reporter } = await buildMission(db);
    const rows = Array.from({ length: 1203 }, (_, i) => ({ line: i + 2, input: acled(`HTI${i}`, { counts: { killed: i % 5 } }) }));
    const first = await importIncidents({ db, actor: reporter.actor, areas: null, mode: 'all-or-nothing', rows });
    assert.deepEqual(first, { created: 1203, updated: 0, rejected: [] });
    const again = await importIncidents({
      db,
      actor: reporter.actor,
      areas: null,
      mode: 'all-or-nothing',
      rows: rows.map((row) => (row.line === 2 ? { line: 2, input: acled('HTI0', { title: 'ACLED event HTI0, corrected', counts: { killed: 9 } }) } : row)),
    });
    assert.deepEqual(again, { created: 0, updated: 1203, rejected: [] });
    assert.equal(await countIncidents(db), 1203);
    const corrected = (await listIncidents({ db, viewer: reporter.actor, filter: { q: 'corrected' } })).items;
    assert.equal(corrected.length, 1);
    assert.equal(corrected[0]!.counts.killed, 9);
    assert.equal(corrected[0]!.version, 2);
    const history = await incidentHistory({ db, viewer: reporter.actor, id: corrected[0]!.id });
    assert.deepEqual(history.map((h) => [h.version, h.action]), [[1, 'create'], [2, 'import']]);
    assert.equal(history[1]!.before!.title, 'ACLED event HTI0');
    const audit = await db.selectFrom('audit_log').select(['action', 'details']).where('entity_type', '=', 'incident').orderBy('seq').execute();
    assert.deepEqual(audit.map((a) => [a.action, JSON.parse(a.details).created, JSON.parse(a.details).updated, JSON.parse(a.details).changed]), [['import', 1203, 0, 0], ['import', 0, 1203, 1]]);
    const untouched = (await listIncidents({ db, viewer: reporter.actor, filter: { q: 'HTI7' } })).items[0]!;
    assert.equal(untouched.version, 1, 'a row imported again unchanged makes no new version');
    assert.equal(Number((await db.selectFrom('incident_history').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n), 1);
  });

  dbTest('the stream events of an import carry each incident as a read would give it', async ({ db }) => {
    const { reporter } = await buildMission(db);
    const input = acled('EV1', {
      classification: 'RESTRICTED',
      releasableTo: ['JAM', 'HNP'],
      actors: [{ name: 'Viv Ansanm', role: 'associated', kind: 'coalition' }, { name: 'Grand Ravine', role: 'perpetrator' }, { name: 'Civilians (Haiti)', role: 'target', kind: 'civilians' }],
      sources: [{ name: 'Radio', reliability: 'C', credibility: 3 }, { name: 'HNP', reliability: 'B', credibility: 2, url: 'https://example.org/hnp' }],
      tags: ['rn2', 'port'],
    });
    await importIncidents({ db, actor: reporter.actor, areas: null, mode: 'all-or-nothing', rows: [{ line: 2, input }] });
    const [event] = await db.selectFrom('incident_events').selectAll().execute();
    const payload = JSON.parse(event!.payload);
    assert.equal(event!.type, 'incident.created');
    assert.deepEqual(payload, await getIncident({ db, viewer: reporter.actor, id: payload.id }));
    assert.deepEqual(JSON.parse(event!.labels).releasableTo.length, 2);
  });

  dbTest('the same external id twice in one import creates it once and then updates it', async ({ db }) => {
    const { reporter } = await buildMission(db);
    const result = await importIncidents({
      db,
      actor: reporter.actor,
      areas: null,
      mode: 'commit-valid',
      rows: [{ line: 2, input: acled('COT-1', { title: 'first sighting' }) }, { line: 3, input: acled('COT-1', { title: 'second sighting' }) }],
    });
    assert.deepEqual(result, { created: 1, updated: 1, rejected: [] });
    const [only] = (await listIncidents({ db, viewer: reporter.actor })).items;
    assert.equal(only!.title, 'second sighting');
  });

  dbTest('an external id owned by another organisation is not overwritten', async ({ db }) => {
    const { reporter } = await buildMission(db);
    const jamReporter = await buildUser(db, 'jam.reporter', 'JAM', ['reporter']);
    await importIncidents({ db, actor: reporter.actor, areas: null, mode: 'commit-valid', rows: [{ line: 2, input: acled('X1', { title: 'Kenyan copy' }) }] });
    const result = await importIncidents({ db, actor: jamReporter.actor, areas: null, mode: 'commit-valid', rows: [{ line: 2, input: acled('X1', { title: 'Jamaican copy' }) }] });
    assert.deepEqual(result.rejected.map((r) => [r.line, r.column, r.value]), [[2, 'external', 'X1']]);
    assert.equal((await listIncidents({ db, viewer: reporter.actor })).items[0]!.title, 'Kenyan copy');
  });

  dbTest('an export imports back into the same incidents', async ({ db }) => {
    const { reporter } = await buildMission(db);
    const rows = [
      acled('R1', { actors: [{ name: 'Village de Dieu', role: 'perpetrator', kind: 'gang' }], sources: [{ name: 'Radio', reliability: 'C', credibility: 3, url: 'https://example.org/r1' }], tags: ['port'] }),
      acled('R2', { classification: 'RESTRICTED', releasableTo: ['JAM', 'HNP'], location: { lon: -72.34, lat: 18.54, precision: 'near', placeName: 'Bel Air' } }),
    ].map((input, i) => ({ line: i + 2, input }));
    await importIncidents({ db, actor: reporter.actor, areas: null, mode: 'all-or-nothing', rows });
    const exported = [];
    for await (const incident of exportIncidents({ db, viewer: reporter.actor })) exported.push(incident);
    const back = exported.map(({ id: _id, owner: _owner, verification: _v, reportedAt: _r, admin: _a, ...input }, i) => ({ line: i + 2, input }));
    const result = await importIncidents({ db, actor: reporter.actor, areas: null, mode: 'all-or-nothing', rows: back });
    assert.deepEqual(result, { created: 0, updated: 2, rejected: [] });
    const again = [];
    for await (const incident of exportIncidents({ db, viewer: reporter.actor })) again.push(incident);
    assert.deepEqual(again, exported);
  });

  dbTest('importing needs a reporting role', async ({ db }) => {
    const { donor } = await buildMission(db);
    await assert.rejects(importIncidents({ db, actor: donor.actor, areas: null, mode: 'commit-valid', rows: [] }), /reporter, analyst, commander/);
  });
});
