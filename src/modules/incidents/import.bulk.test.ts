import assert from 'node:assert/strict';
import { describe } from 'node:test';
import type { ImportRow, IncidentInput } from '../../shared/incidents.ts';
import { dbTest } from '../../db/testing.ts';
import type { Db } from '../../db/index.ts';
import { INCIDENTS, insertRows, RELEASES, rowsPerStatement } from './bulk.repo.ts';
import { FORMATS } from './formats/index.ts';
import { IMPORT_BATCH_ROWS } from './import.service.ts';
import { getIncident, importIncidents, listIncidents } from './index.ts';
import { buildIncidentInput, buildMission } from './incidents.testing.ts';
import { wasParsed } from './parsed-inputs.ts';

/*
 * The bulk path of importIncidents: batches of 2,000 rows, statements as
 * large as each database's bound-parameter limit allows. Counts are taken
 * from every table an import writes, so that a chunk lost or written twice
 * at a boundary shows.
 */

const BATCH = IMPORT_BATCH_ROWS;

function acled(id: string, overrides: Partial<IncidentInput> = {}): IncidentInput {
  return buildIncidentInput({
    external: { system: 'acled', id },
    title: `ACLED event ${id}`,
    actors: [{ name: `Gang ${id.length % 3}`, role: 'perpetrator', kind: 'gang' }, { name: 'Civilians (Haiti)', role: 'target', kind: 'civilians' }],
    sources: [{ name: 'Radio Kiskeya', reliability: 'B', credibility: 2 }],
    tags: ['rn1', `t${id.length}`],
    ...overrides,
  });
}

const rowsOf = (count: number, prefix = 'B', first = 0): ImportRow[] => Array.from({ length: count }, (_, i) => ({ line: i + 2, input: acled(`${prefix}${first + i}`) }));

async function count(db: Db, table: 'incidents' | 'incident_sources' | 'incident_actors' | 'incident_tags' | 'incident_events' | 'incident_history' | 'record_releases'): Promise<number> {
  return Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
}

async function weeklyIncidents(db: Db): Promise<number> {
  return Number((await db.selectFrom('incident_weekly').select((eb) => eb.fn.sum<number>('incidents').as('n')).executeTakeFirstOrThrow()).n ?? 0);
}

describe('bulk import', () => {
  dbTest('rows across batch and statement boundaries are each written once, with details, events and summary', async ({ db }) => {
    const { reporter } = await buildMission(db);
    const total = BATCH + rowsPerStatement(db, INCIDENTS) + 1;
    const result = await importIncidents({ db, actor: reporter.actor, areas: null, mode: 'all-or-nothing', rows: rowsOf(total) });
    assert.deepEqual(result, { created: total, updated: 0, rejected: [] });
    assert.equal(await count(db, 'incidents'), total);
    assert.equal(await count(db, 'incident_sources'), total);
    assert.equal(await count(db, 'incident_actors'), 2 * total);
    assert.equal(await count(db, 'incident_tags'), 2 * total);
    assert.equal(await count(db, 'incident_events'), total);
    assert.equal(await weeklyIncidents(db), total);
    const audit = await db.selectFrom('audit_log').select(['action', 'details']).where('entity_type', '=', 'incident').execute();
    assert.deepEqual(audit.map((a) => [a.action, JSON.parse(a.details).created]), [['import', total]], 'one audit row for the whole import');
    const last = (await listIncidents({ db, viewer: reporter.actor, filter: { q: `B${total - 1}` } })).items[0]!;
    assert.equal(last.title, `ACLED event B${total - 1}`);
    assert.deepEqual(last.actors.map((a) => a.role), ['perpetrator', 'target']);
    assert.equal(last.sources[0]!.name, 'Radio Kiskeya');
  });

  for (const mode of ['all-or-nothing', 'commit-valid'] as const) {
    dbTest(`a bad row in the middle of a large batch: ${mode}`, async ({ db }) => {
      const { reporter } = await buildMission(db);
      const rows = rowsOf(BATCH + 500);
      rows[1300] = { line: rows[1300]!.line, input: acled('BAD', { location: { lon: 18.5, lat: -72.3 } }) };
      const result = await importIncidents({ db, actor: reporter.actor, areas: null, mode, rows });
      assert.deepEqual(result.rejected.map((r) => [r.line, r.column]), [[1302, 'location']]);
      assert.match(result.rejected[0]!.reason, /latitude and longitude look swapped/);
      const written = mode === 'all-or-nothing' ? 0 : rows.length - 1;
      assert.equal(result.created, written);
      assert.equal(await count(db, 'incidents'), written);
      assert.equal(await count(db, 'incident_sources'), written);
      assert.equal(await count(db, 'incident_events'), written);
      assert.equal(await weeklyIncidents(db), written);
    });
  }

  dbTest('importing the same rows again across batches changes nothing; one changed row makes one version', async ({ db }) => {
    const { reporter } = await buildMission(db);
    const rows = rowsOf(BATCH + 300);
    await importIncidents({ db, actor: reporter.actor, areas: null, mode: 'all-or-nothing', rows });
    const events = await count(db, 'incident_events');
    const again = await importIncidents({ db, actor: reporter.actor, areas: null, mode: 'all-or-nothing', rows });
    assert.deepEqual(again, { created: 0, updated: rows.length, rejected: [] });
    assert.equal(await count(db, 'incidents'), rows.length);
    assert.equal(await count(db, 'incident_history'), 0);
    assert.equal(await count(db, 'incident_events'), events, 'an unchanged row is no news');
    const changed = rows.map((row, i) => (i === BATCH + 10 ? { line: row.line, input: acled(`B${i}`, { counts: { killed: 4, injured: 0, abducted: 0, displaced: 0 } }) } : row));
    const third = await importIncidents({ db, actor: reporter.actor, areas: null, mode: 'commit-valid', rows: [...changed, { line: 9999, input: acled('NEW1') }] });
    assert.deepEqual(third, { created: 1, updated: rows.length, rejected: [] });
    assert.equal(await count(db, 'incident_history'), 1);
    assert.equal(await count(db, 'incident_events'), events + 2);
    assert.equal(await weeklyIncidents(db), rows.length + 1);
    const [updated] = (await listIncidents({ db, viewer: reporter.actor, filter: { q: `B${BATCH + 10}` } })).items;
    assert.equal(updated!.counts.killed, 4);
    assert.equal(updated!.version, 2);
  });

  dbTest('the events and releasability rows of new incidents match what a read gives', async ({ db }) => {
    const { reporter } = await buildMission(db);
    const rows = rowsOf(BATCH + 1).map((row, i) => (i % 2 === 0 && 'input' in row ? { line: row.line, input: { ...row.input, classification: 'RESTRICTED' as const, releasableTo: ['JAM', 'HNP', 'JAM'] } } : row));
    await importIncidents({ db, actor: reporter.actor, areas: null, mode: 'all-or-nothing', rows });
    const releases = await db.selectFrom('record_releases').select((eb) => eb.fn.countAll<number>().as('n')).where('entity_type', '=', 'incidents').executeTakeFirstOrThrow();
    assert.equal(Number(releases.n), 2 * Math.ceil((BATCH + 1) / 2));
    const events = await db.selectFrom('incident_events').select(['payload', 'labels']).orderBy('seq').execute();
    assert.equal(events.length, BATCH + 1);
    // Both sides of the batch boundary, restricted (even) and not (odd).
    for (const event of [events[0]!, events[1]!, events[BATCH - 1]!, events[BATCH]!]) {
      const payload = JSON.parse(event.payload) as { id: string; classification: string };
      assert.deepEqual(payload, await getIncident({ db, viewer: reporter.actor, id: payload.id }));
      assert.equal(JSON.parse(event.labels).releasableTo.length, payload.classification === 'RESTRICTED' ? 2 : 0);
    }
  });

  dbTest('insertRows writes exactly the rows given at the parameter-limit edges', async ({ db }) => {
    const { reporter } = await buildMission(db);
    const perStatement = rowsPerStatement(db, RELEASES);
    let written = 0;
    for (const size of [0, 1, perStatement - 1, perStatement, perStatement + 1, 2 * perStatement + 1]) {
      await insertRows(db, RELEASES, Array.from({ length: size }, (_, i) => ['bulk-test', `r${size}-${i}`, reporter.actor.organisationId]));
      written += size;
      assert.equal(await count(db, 'record_releases'), written, `${size} rows`);
    }
    await assert.rejects(insertRows(db, RELEASES, [['bulk-test', 'short row']]), /has 2 values where the table has 3 columns/);
  });

  dbTest('a reader marks the rows its schema parsed; a copy is parsed again', async () => {
    const csv = 'event_id_cnty,event_date,event_type,sub_event_type,latitude,longitude\nHTI1,2024-03-05,Riots,Violent demonstration,18.54,-72.33\n';
    const rows: ImportRow[] = [];
    for await (const row of FORMATS.acled.read((async function* () { yield Buffer.from(csv); })())) rows.push(row);
    const [row] = rows;
    assert.ok(row && 'input' in row);
    assert.equal(wasParsed(row.input), true);
    assert.equal(wasParsed({ ...row.input }), false);
  });

  dbTest('a word too long to index is left out of the text index, and the rest of the incident is found by its words', async ({ db }) => {
    const { reporter } = await buildMission(db);
    // 3,000 characters of four bytes each: over any index's limit for one word.
    const huge = '\u{1D400}'.repeat(3000);
    const rows: ImportRow[] = [{ line: 2, input: acled('LONG1', { description: `Barricade ${huge} near Kafou` }) }];
    const result = await importIncidents({ db, actor: reporter.actor, areas: null, mode: 'all-or-nothing', rows });
    assert.equal(result.created, 1);
    const found = await listIncidents({ db, viewer: reporter.actor, filter: { q: 'barricade kafou' } });
    assert.deepEqual(found.items.map((i) => i.external?.id), ['LONG1']);
    assert.ok(found.items[0]!.description.includes(huge), 'the description itself is kept whole');
  });
});
