import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, test } from 'node:test';
import type { ExportableIncident, ImportRow } from '../../../shared/incidents.ts';
import { createTestDb, dbTest, TEST_DIALECTS } from '../../../db/testing.ts';
import type { DialectName } from '../../../db/dialect.ts';
import type { Db } from '../../../db/index.ts';
import { buildOrganisation, buildUser, type TestUser } from '../../auth/testing.ts';
import { PUBLIC_VIEWER, type Viewer } from '../../auth/index.ts';
import { buildTestApp } from '../../../server/testing.ts';
import { exportIncidents, importIncidents } from '../index.ts';
import { FORMAT_NAMES, type FormatName } from './common.ts';
import { FIXTURES, listOf, sampleIncidents, TEST_NOW } from './formats.testing.ts';
import { exportTo, importFile } from './orchestrate.ts';
import { readFileSync } from 'node:fs';
import path from 'node:path';

async function mission(db: Db): Promise<{ ken: TestUser; jam: TestUser; reporter: TestUser }> {
  for (const code of ['KEN', 'JAM', 'HNP']) await buildOrganisation(db, code, code === 'HNP' ? 'host_police' : 'contingent');
  return {
    ken: await buildUser(db, 'ken-analyst', 'KEN', ['analyst']),
    jam: await buildUser(db, 'jam-analyst', 'JAM', ['analyst']),
    reporter: await buildUser(db, 'ken-reporter', 'KEN', ['reporter']),
  };
}

async function exported(db: Db, viewer: Viewer): Promise<ExportableIncident[]> {
  const all: ExportableIncident[] = [];
  for await (const incident of exportIncidents({ db, viewer, filter: {} })) all.push(incident);
  return all;
}

/** Puts the sample incidents into a database as `actor`'s organisation's. */
async function seed(db: Db, user: TestUser): Promise<void> {
  const rows: ImportRow[] = sampleIncidents().map((incident, index) => {
    const { id: _id, owner: _owner, verification: _v, reportedAt: _r, admin: _a, ...input } = incident;
    return { line: index + 1, input };
  });
  const result = await importIncidents({ db, actor: user.actor, rows: listOf(rows), mode: 'all-or-nothing', areas: null });
  assert.deepEqual(result.rejected, []);
}

function collect(): { out: Writable; text: () => string } {
  const chunks: Buffer[] = [];
  const out = new Writable({ write: (chunk: Buffer, _encoding, done) => (chunks.push(Buffer.from(chunk)), done()) });
  return { out, text: () => Buffer.concat(chunks).toString('utf8') };
}

const fixturePath = (name: string) => path.join(FIXTURES, name);

async function withTestDb(dialect: DialectName, body: (db: Db) => Promise<void>): Promise<void> {
  const testDb = await createTestDb(dialect);
  try {
    await body(testDb.db);
  } finally {
    await testDb.drop();
  }
}

function assertSameCopy(copy: ExportableIncident, original: readonly ExportableIncident[], format: FormatName): void {
  const source = original.find((o) => o.title === copy.title);
  assert.ok(source, `${format}: ${copy.title}`);
  for (const field of ['type', 'title', 'description', 'occurredAt', 'occurredPrecision', 'actors', 'counts', 'sources', 'tags', 'classification', 'releasableTo', 'illustrative'] as const) {
    assert.deepEqual(copy[field], source[field], `${format} ${copy.title}: ${field}`);
  }
  assert.ok(Math.abs(copy.location.lat - source.location.lat) < 1e-6 && Math.abs(copy.location.lon - source.location.lon) < 1e-6, `${format} point`);
  assert.deepEqual([copy.location.precision, copy.location.placeName], [source.location.precision, source.location.placeName], `${format} location`);
  assert.deepEqual(copy.external, source.external ?? { system: format, id: source.id }, `${format} external`);
}

describe('incident import and export through the database', () => {
  dbTest('imports the ACLED excerpt; importing it again creates no duplicates', async ({ db }) => {
    const { ken } = await mission(db);
    const first = await importFile({ db, actor: ken.actor, format: 'acled', source: fixturePath('acled-haiti.csv'), mode: 'all-or-nothing', areas: null });
    assert.deepEqual(first, { created: 8, updated: 0, rejected: [], encoding: 'utf-8' });
    const again = await importFile({ db, actor: ken.actor, format: 'acled', source: fixturePath('acled-haiti.csv'), mode: 'all-or-nothing', areas: null });
    assert.deepEqual(again, { created: 0, updated: 8, rejected: [], encoding: 'utf-8' });
    const incidents = await exported(db, ken.actor);
    assert.equal(incidents.length, 8);
    assert.equal(new Set(incidents.map((i) => i.external?.id)).size, 8);
  });

  dbTest('every fixture imports', async ({ db }) => {
    const { ken } = await mission(db);
    const expected = { ushahidi: ['ushahidi-haiti.csv', 5], cot: ['tak-events.xml', 3], geojson: ['incidents.geojson', 2], hxl: ['hxl-haiti.csv', 4] } as const;
    for (const [format, [file, count]] of Object.entries(expected)) {
      const result = await importFile({ db, actor: ken.actor, format: format as keyof typeof expected, source: fixturePath(file), mode: 'commit-valid', areas: null, now: TEST_NOW });
      assert.equal(result.created, count, `${format}: ${JSON.stringify(result.rejected)}`);
    }
    // The CoT file sends one uid twice: the later event updated the earlier.
    const cot = (await exported(db, ken.actor)).filter((i) => i.external?.system === 'cot');
    assert.equal(cot.length, 3);
    assert.match(cot.find((i) => i.external?.id === 'ANDROID-5f2c9a71e3b04d1a')!.description, /cleared by HNP/);
    const latin = await importFile({ db, actor: ken.actor, format: 'ushahidi', source: fixturePath('ushahidi-latin1.csv'), mode: 'all-or-nothing', areas: null });
    assert.equal(latin.encoding, 'windows-1252');
    assert.equal(latin.created, 2);
  });

  dbTest('all-or-nothing leaves the database untouched when one row is bad', async ({ db }) => {
    const { ken } = await mission(db);
    const result = await importFile({ db, actor: ken.actor, format: 'acled', source: fixturePath('acled-bad-rows.csv'), mode: 'all-or-nothing', areas: null });
    assert.equal(result.created + result.updated, 0);
    assert.ok(result.rejected.length >= 1);
    assert.equal((await exported(db, ken.actor)).length, 0);
    const malformed = await importFile({ db, actor: ken.actor, format: 'acled', source: fixturePath('acled-malformed.csv'), mode: 'all-or-nothing', areas: null });
    assert.equal(malformed.created, 0);
    assert.match(malformed.rejected.at(-1)!.reason, /malformed CSV/);
    assert.equal((await exported(db, ken.actor)).length, 0);
  });

  dbTest('commit-valid commits the good rows and returns exactly the bad ones', async ({ db }) => {
    const { ken } = await mission(db);
    const result = await importFile({ db, actor: ken.actor, format: 'acled', source: fixturePath('acled-bad-rows.csv'), mode: 'commit-valid', areas: null });
    assert.equal(result.created, 2);
    assert.deepEqual([...new Set(result.rejected.map((r) => r.line))], [3, 4, 5, 6, 7, 8, 9, 10]);
    assert.deepEqual((await exported(db, ken.actor)).map((i) => i.external?.id).sort(), ['HTI40001', 'HTI40010']);
    // A broken quote: the rows before it are kept, and the rejection says where reading stopped.
    const malformed = await importFile({ db, actor: ken.actor, format: 'acled', source: fixturePath('acled-malformed.csv'), mode: 'commit-valid', areas: null });
    assert.equal(malformed.created, 1);
    assert.deepEqual(malformed.rejected.map((r) => r.line), [3]);
  });

  // One database at a time: Kysely's migrator on PostgreSQL looks for its lock table in every schema.
  for (const dialect of TEST_DIALECTS) {
    test(`export then import through the database keeps every incident, in every format [${dialect}]`, async () => {
      const texts = new Map<FormatName, string>();
      let original: ExportableIncident[] = [];
      await withTestDb(dialect, async (db) => {
        const { ken } = await mission(db);
        await seed(db, ken);
        original = await exported(db, ken.actor);
        assert.equal(original.length, 4);
        for (const format of FORMAT_NAMES) {
          const { out, text } = collect();
          assert.deepEqual(await exportTo({ db, viewer: ken.actor, format, out }), { count: 4 });
          texts.set(format, text());
        }
      });
      for (const format of FORMAT_NAMES) {
        await withTestDb(dialect, async (db) => {
          const { ken } = await mission(db);
          const result = await importFile({ db, actor: ken.actor, format, source: listOf([Buffer.from(texts.get(format)!)]), mode: 'all-or-nothing', areas: null });
          assert.deepEqual(result.rejected, [], format);
          const copies = await exported(db, ken.actor);
          assert.equal(copies.length, 4, format);
          for (const copy of copies) assertSameCopy(copy, original, format);
        });
      }
    });
  }

  dbTest('exports respect releasability in every format, over the API too', async ({ db }) => {
    const { ken, jam } = await mission(db);
    await seed(db, ken);
    const jamSecret = { line: 1, input: { ...sampleIncidents()[1]!, title: 'Jamaican eyes only', classification: 'RESTRICTED' as const, releasableTo: [], external: { system: 'hxl' as const, id: 'JAM-1' } } };
    const { id: _i, owner: _o, verification: _v, reportedAt: _r, admin: _a, ...input } = jamSecret.input;
    await importIncidents({ db, actor: jam.actor, rows: listOf([{ line: 1, input }]), mode: 'all-or-nothing', areas: null });
    const app = await buildTestApp(db);
    try {
      for (const format of FORMAT_NAMES) {
        const asJam = await app.inject({ method: 'GET', url: `/api/v1/incidents/export.${format}`, headers: jam.headers });
        assert.equal(asJam.statusCode, 200, asJam.body);
        assert.match(asJam.body, /Jamaican eyes only/);
        // KEN's first sample is RESTRICTED to HNP and JAM: JAM sees it. The fourth is RESTRICTED to KEN alone.
        assert.match(asJam.body, /police station/);
        assert.doesNotMatch(asJam.body, /Péage illégal/, `${format}: JAM got KEN's restricted incident`);
        const asKen = await app.inject({ method: 'GET', url: `/api/v1/incidents/export.${format}`, headers: ken.headers });
        assert.match(asKen.body, /Péage illégal/);
        assert.doesNotMatch(asKen.body, /Jamaican eyes only/, `${format}: KEN got JAM's restricted incident`);
        const asPublic = await app.inject({ method: 'GET', url: `/api/v1/incidents/export.${format}` });
        assert.match(asPublic.body, /Route de Kenscoff/);
        assert.doesNotMatch(asPublic.body, /police station|Péage|Jamaican|Carrefour Feuilles/, `${format}: the public got a non-public incident`);
      }
      const { out, text } = collect();
      await exportTo({ db, viewer: PUBLIC_VIEWER, format: 'geojson', out });
      assert.equal(JSON.parse(text()).features.length, 1);
    } finally {
      await app.close();
    }
  });

  dbTest('the import endpoint: roles, modes, rejected rows as CSV, refused files', async ({ db }) => {
    const { ken, reporter } = await mission(db);
    const app = await buildTestApp(db);
    const csv = readFileSync(fixturePath('acled-bad-rows.csv'));
    const post = (url: string, user: TestUser, payload: Buffer | string, type = 'text/csv') =>
      app.inject({ method: 'POST', url, headers: { ...user.headers, 'content-type': type }, payload });
    try {
      const refused = await post('/api/v1/incidents/import/acled', reporter, csv);
      assert.equal(refused.statusCode, 403);
      const strict = await post('/api/v1/incidents/import/acled', ken, csv);
      assert.equal(strict.statusCode, 400);
      assert.match(strict.json().error.message, /rows were rejected, so nothing was imported/);
      assert.equal(strict.json().error.details.rejected.length >= 8, true);
      assert.equal((await exported(db, ken.actor)).length, 0);
      const lenient = await post('/api/v1/incidents/import/acled?mode=commit-valid', ken, csv);
      assert.equal(lenient.statusCode, 200, lenient.body);
      const body = lenient.json<{ created: number; rejected: { line: number }[]; rejectsCsv: string }>();
      assert.equal(body.created, 2);
      assert.match(body.rejectsCsv, /^line,column,value,reason\r\n3,"latitude,longitude","0,0",/);
      const bomb = await post('/api/v1/incidents/import/cot', ken, readFileSync(fixturePath('cot-bomb.xml')), 'application/xml');
      assert.equal(bomb.statusCode, 400);
      assert.match(bomb.json().error.message, /DOCTYPE declarations are refused/);
      const empty = await post('/api/v1/incidents/import/geojson', ken, '', 'application/geo+json');
      assert.equal(empty.statusCode, 400);
      assert.match(empty.json().error.message, /empty/);
      const geojson = await post('/api/v1/incidents/import/geojson?mode=commit-valid', ken, readFileSync(fixturePath('incidents.geojson')), 'application/geo+json');
      assert.equal(geojson.json().created, 2);
      const unknown = await post('/api/v1/incidents/import/kml', ken, 'x');
      assert.equal(unknown.statusCode, 400);
      // JSON routes elsewhere still parse JSON.
      const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'nobody', password: 'wrong-password' } });
      assert.notEqual(login.statusCode, 415);
    } finally {
      await app.close();
    }
  });
});
