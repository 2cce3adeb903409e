// Incident import bench: N synthetic ACLED rows (fixed seed, Port-au-Prince area)
// imported with full validation through Konbit (importFile → importIncidents:
// parse, check, admin areas, actors, sources, audit, stream events), against
// PostgreSQL's COPY of the same file into a plain 31-column text table, the raw
// ceiling. Goal: Konbit at least half of COPY's rate.
//   node bin/run-ts.js bench/incidents-import.bench.ts [--rows N] [--pg URL] [--write]
// --pg defaults to KONBIT_BENCH_PG_URL or postgres://postgres@127.0.0.1:5432/konbit_bench
// (created if missing); --write puts the figures in docs/benchmarks.md under "Incident import".
import { execFileSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { createDb, migrateToLatest, type Db } from '../src/db/index.ts';
import { createOrganisation, createUser } from '../src/modules/auth/index.ts';
import { useDatasets } from '../src/modules/incidents/index.ts';
import { actorForUsername, FORMATS, importFile, syntheticAcledCsv } from '../src/modules/incidents/formats/index.ts';
import { createReadStream } from 'node:fs';
import { ACLED_COLUMNS } from '../src/modules/incidents/formats/acled.ts';
import { ensureDatabase } from './postgres.ts';

const argv = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const at = argv.indexOf(name);
  return at >= 0 ? argv[at + 1] : undefined;
};
const ROWS = Number(option('--rows') ?? 200_000);
const PG_URL = option('--pg') ?? process.env.KONBIT_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/konbit_bench';
const DATASETS = ['../shared/data', '/work/shared/data'].map((dir) => path.resolve(dir)).find((dir) => existsSync(path.join(dir, 'haiti', 'admin')));

const report: string[] = [];
const say = (text: string): void => {
  console.log(text);
  report.push(text);
};

async function writeSynthetic(file: string): Promise<void> {
  const out = createWriteStream(file);
  for await (const chunk of syntheticAcledCsv(ROWS)) if (!out.write(chunk)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

async function prepare(db: Db): Promise<void> {
  await migrateToLatest(db);
  await createOrganisation({ db, actor: null, input: { code: 'KEN', name: 'Kenya contingent', kind: 'contingent', iso3: 'KEN', isLeadNation: true } });
  await createUser({ db, actor: null, input: { username: 'bench-analyst', displayName: 'Bench analyst', organisationCode: 'KEN', roles: ['analyst'], password: 'bench-password-1', locale: 'en' } });
}

interface Timing {
  seconds: number;
  /** CPU time of this process (the database server's is not in it). */
  cpuSeconds: number;
}

async function timed(run: () => Promise<void>): Promise<Timing> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  await run();
  const used = process.cpuUsage(cpu);
  return { seconds: (performance.now() - started) / 1000, cpuSeconds: (used.user + used.system) / 1e6 };
}

async function konbitImport(db: Db, file: string): Promise<Timing> {
  const actor = await actorForUsername(db, 'bench-analyst');
  return timed(async () => {
    const result = await importFile({ db, actor, format: 'acled', source: file, mode: 'all-or-nothing' });
    if (result.created !== ROWS) throw new Error(`imported ${result.created} of ${ROWS}: ${JSON.stringify(result.rejected.slice(0, 3))}`);
  });
}

/** COPY of the same file into a plain table of 31 text columns, through psql's \copy. */
function copyImport(url: string, schema: string, file: string): number {
  const table = `${schema}.acled_plain`;
  execFileSync('psql', [url, '-qc', `create table ${table} (${ACLED_COLUMNS.map((c) => `${c} text`).join(', ')})`]);
  const started = performance.now();
  execFileSync('psql', [url, '-qc', `\\copy ${table} from '${file}' with (format csv, header true)`]);
  const seconds = (performance.now() - started) / 1000;
  const count = Number(execFileSync('psql', [url, '-Atc', `select count(*) from ${table}`]).toString().trim());
  if (count !== ROWS) throw new Error(`COPY loaded ${count} of ${ROWS} rows`);
  return seconds;
}

/** The ACLED reader alone (decode, parse, map, validate with the shared schema), no database. */
async function readerOnly(file: string): Promise<Timing> {
  return timed(async () => {
    let rows = 0;
    for await (const row of FORMATS.acled.read(createReadStream(file))) if ('input' in row) rows++;
    if (rows !== ROWS) throw new Error(`the reader gave ${rows} of ${ROWS} rows`);
  });
}

const rate = (seconds: number): string => `${Math.round(ROWS / seconds).toLocaleString('en')} rows/s`;

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'konbit-import-bench-'));
  const file = path.join(dir, 'acled-synthetic.csv');
  try {
    useDatasets(DATASETS ?? null);
    await writeSynthetic(file);
    say(`## Incident import`);
    say('');
    const load = os.loadavg().map((l) => l.toFixed(1)).join(' / ');
    say(`${ROWS.toLocaleString('en')} synthetic ACLED rows (${(statSync(file).size / 1_048_576).toFixed(1)} MB, seed 4, Port-au-Prince area), ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, Node ${process.version}, load average at start ${load} (a shared machine: compare the rows of one run).`);
    say(`Konbit: \`importFile\` (ACLED reader, full validation, admin areas ${DATASETS ? 'from the COD-AB boundaries' : 'absent (no datasets)'}, actor registry, sources, audit, stream events), one all-or-nothing transaction.`);
    say('COPY: `\\copy` of the same file into a plain table of 31 text columns (no validation, no indexes), the raw ceiling.');
    say('');
    say('| path | time | rate | vs COPY | Node CPU | rate per Node CPU second |');
    say('|---|---:|---:|---:|---:|---:|');

    const reader = await readerOnly(file);
    const sqlite = createDb({ url: `sqlite:${path.join(dir, 'bench.db')}` });
    await prepare(sqlite);
    const onSqlite = await konbitImport(sqlite, file);
    await sqlite.destroy();

    ensureDatabase(PG_URL);
    const schema = `bench_${randomBytes(4).toString('hex')}`;
    const admin = createDb({ url: PG_URL, poolSize: 1 });
    await sql`create schema ${sql.id(schema)}`.execute(admin);
    try {
      const copySeconds = copyImport(PG_URL, schema, file);
      const pg = createDb({ url: PG_URL, searchPath: `${schema},public`, poolSize: 4 });
      await prepare(pg);
      const onPg = await konbitImport(pg, file);
      await pg.destroy();
      const versus = (seconds: number) => `${((copySeconds / seconds) * 100).toFixed(0)} %`;
      const row = (name: string, t: Timing) => say(`| ${name} | ${t.seconds.toFixed(2)} s | ${rate(t.seconds)} | ${versus(t.seconds)} | ${t.cpuSeconds.toFixed(2)} s | ${rate(t.cpuSeconds)} |`);
      say(`| PostgreSQL COPY (plain table) | ${copySeconds.toFixed(2)} s | ${rate(copySeconds)} | 100 % | (psql) | |`);
      row('Konbit import, PostgreSQL', onPg);
      row('Konbit import, SQLite', onSqlite);
      row('ACLED reader alone (no database)', reader);
      say('');
      say(`Goal: Konbit at least half of COPY's rate. ${onPg.seconds <= copySeconds * 2 ? 'Met' : 'Not met'} on PostgreSQL, ${onSqlite.seconds <= copySeconds * 2 ? 'met' : 'not met'} on SQLite.`);
    } finally {
      await sql`drop schema ${sql.id(schema)} cascade`.execute(admin);
      await admin.destroy();
    }
    if (argv.includes('--write')) writeSection(report.join('\n'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Replaces (or appends) the "Incident import" section of docs/benchmarks.md. */
function writeSection(section: string): void {
  const file = path.resolve(import.meta.dirname, '..', 'docs', 'benchmarks.md');
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const start = current.indexOf('## Incident import');
  const next = start < 0 ? -1 : current.indexOf('\n## ', start + 1);
  const updated = start < 0 ? `${current.trimEnd()}\n\n${section}\n` : `${current.slice(0, start)}${section}\n${next < 0 ? '' : current.slice(next)}`;
  writeFileSync(file, updated);
}

await main();
