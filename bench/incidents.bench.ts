// Incident queries bench: N synthetic incidents (fixed seed) over the Port-au-Prince area across
// five years, then, on the same machine in one run:
//  - 1,000 random commune-sized boxes (~5 km) × 30-day window × two types: p50 and p99 on SQLite
//    (Konbit's schema and its 4-D R*Tree over lon, lat, time and type) and on PostgreSQL/PostGIS,
//    both with the usual indexes (GiST on the point, B-tree on time) and in Konbit's own mode (an
//    n-D GiST over POINT ZM(lon, lat, time, type));
//  - the aggregate (counts and casualties by type × ISO week × commune) over one year.
// Goals: SQLite p50 ≤ 2 ms and at most a third of PostGIS's with the usual indexes; aggregate ≤ 200 ms.
//   node bin/run-ts.js bench/incidents.bench.ts [--rows N] [--boxes N] [--pg URL | --no-pg] [--write]
// --pg defaults to KONBIT_BENCH_PG_URL or postgres://postgres@127.0.0.1:5432/konbit_bench (created
// if missing); --write puts the figures in docs/benchmarks.md under "Incidents".
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import pg from 'pg';
import { AdminAreaIndex, type AdminBoundaries } from '../src/core/geo/index.ts';
import { mulberry32 } from '../src/core/graph/index.ts';
import { createDb, migrateToLatest, type Db } from '../src/db/index.ts';
import { reindexAllRows } from '../src/db/dialect.ts';
import { INCIDENT_TYPE_CODES, INCIDENT_TYPES, type IncidentType } from '../src/shared/incidents.ts';
import { createOrganisation, createUser, type Actor } from '../src/modules/auth/index.ts';
import { actorForUsername, aggregateIncidents, incidentsGeoJson, rebuildSummary } from '../src/modules/incidents/index.ts';
import { searchTextOf } from '../src/modules/incidents/text.ts';
import { isoWeekMonday } from '../src/modules/incidents/time.ts';
import { benchReport } from './lib/report.ts';
import { ensureDatabase } from './postgres.ts';

const argv = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const at = argv.indexOf(name);
  return at >= 0 ? argv[at + 1] : undefined;
};
const ROWS = Number(option('--rows') ?? 1_000_000);
const BOXES = Number(option('--boxes') ?? 1000);
const PG_URL = argv.includes('--no-pg') ? null : (option('--pg') ?? process.env.KONBIT_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/konbit_bench');
const DATASETS = ['../shared/data', '/work/shared/data'].map((dir) => path.resolve(dir)).find((dir) => existsSync(path.join(dir, 'haiti', 'admin')));
const SEED = 20_240_301;
const START_MS = Date.UTC(2020, 0, 1);
const END_MS = Date.UTC(2025, 0, 1);
const DAY_MS = 86_400_000;
/** The space-time indexes' time unit (db/dialect.ts): 667 days, so that 30 days weigh about as much as 0.045°. */
const TIME_UNIT_MS = 667 * DAY_MS;
/** A commune-sized box: 0.045° of longitude and latitude is about 4.7 × 5 km here. */
const BOX_DEGREES = 0.045;

const { lines: report, say, progress } = benchReport();

const CENTRES = [
  [-72.332, 18.5805], [-72.3365, 18.5475], [-72.355, 18.53], [-72.3445, 18.5395], [-72.344, 18.5275], [-72.4, 18.534], [-72.303, 18.547],
  [-72.323, 18.556], [-72.27, 18.58], [-72.227, 18.577], [-72.28, 18.598], [-72.34, 18.544], [-72.33, 18.535], [-72.2853, 18.5125],
] as const;
const AREA = { west: -72.45, south: 18.45, east: -72.18, north: 18.65 };
const TYPES = Object.keys(INCIDENT_TYPES) as IncidentType[];
const TYPE_WEIGHTS = [14, 18, 14, 7, 8, 8, 5, 1, 12, 4, 6, 3, 2];

/** The synthetic incidents, column by column. */
interface Synthetic {
  lon: Float64Array;
  lat: Float64Array;
  ms: Float64Array;
  type: Uint8Array;
  /** 0 PUBLIC, 1 MISSION, 2 RESTRICTED to the owner, 3 RESTRICTED released to the other organisation. */
  label: Uint8Array;
  /** 0 KEN, 1 HNP. */
  owner: Uint8Array;
  killed: Uint16Array;
  abducted: Uint16Array;
  admin: Int32Array;
  areas: { adm1Pcode: string; adm1Name: string; adm2Pcode: string; adm2Name: string; adm3Pcode: string; adm3Name: string }[];
}

function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(random() || 1e-12)) * Math.cos(2 * Math.PI * random());
}

function generate(index: AdminAreaIndex | null): Synthetic {
  const random = mulberry32(SEED);
  const data: Synthetic = {
    lon: new Float64Array(ROWS), lat: new Float64Array(ROWS), ms: new Float64Array(ROWS), type: new Uint8Array(ROWS), label: new Uint8Array(ROWS),
    owner: new Uint8Array(ROWS), killed: new Uint16Array(ROWS), abducted: new Uint16Array(ROWS), admin: new Int32Array(ROWS).fill(-1), areas: [],
  };
  const areaIds = new Map<string, number>();
  const totalWeight = TYPE_WEIGHTS.reduce((a, b) => a + b, 0);
  for (let i = 0; i < ROWS; i += 1) {
    let lon: number;
    let lat: number;
    if (random() < 0.8) {
      const [x, y] = CENTRES[Math.floor(random() * CENTRES.length)]!;
      lon = x + gaussian(random) * 0.012;
      lat = y + gaussian(random) * 0.012;
    } else {
      lon = AREA.west + random() * (AREA.east - AREA.west);
      lat = AREA.south + random() * (AREA.north - AREA.south);
    }
    data.lon[i] = lon;
    data.lat[i] = lat;
    data.ms[i] = START_MS + Math.floor(random() * (END_MS - START_MS) / 60_000) * 60_000;
    let roll = random() * totalWeight;
    let type = 0;
    while (roll >= TYPE_WEIGHTS[type]!) roll -= TYPE_WEIGHTS[type++]!;
    data.type[i] = type;
    const label = random();
    data.label[i] = label < 0.7 ? 0 : label < 0.9 ? 1 : label < 0.95 ? 2 : 3;
    data.owner[i] = random() < 0.5 ? 0 : 1;
    data.killed[i] = TYPES[type] === 'killing' || TYPES[type] === 'armed_clash' ? Math.floor(random() * 6) : 0;
    data.abducted[i] = TYPES[type] === 'kidnapping' ? 1 + Math.floor(random() * 8) : 0;
    const area = index?.lookup(lon, lat);
    if (area) {
      let id = areaIds.get(area.adm3Pcode);
      if (id === undefined) {
        id = data.areas.length;
        areaIds.set(area.adm3Pcode, id);
        data.areas.push(area);
      }
      data.admin[i] = id;
    }
  }
  return byTime(data);
}

/** The incidents in the order they occurred, as a reporting system receives them (and as ACLED exports them). */
function byTime(data: Synthetic): Synthetic {
  const order = Array.from({ length: ROWS }, (_, i) => i).sort((a, b) => data.ms[a]! - data.ms[b]!);
  const permute = <T extends Float64Array | Uint8Array | Uint16Array | Int32Array>(column: T): T => {
    const out = new (column.constructor as new (n: number) => T)(ROWS);
    for (let i = 0; i < ROWS; i += 1) out[i] = column[order[i]!]!;
    return out;
  };
  return {
    lon: permute(data.lon), lat: permute(data.lat), ms: permute(data.ms), type: permute(data.type), label: permute(data.label), owner: permute(data.owner),
    killed: permute(data.killed), abducted: permute(data.abducted), admin: permute(data.admin), areas: data.areas,
  };
}

/** Everything the incidents table needs for row i, in Konbit's column order. */
function columns(data: Synthetic, i: number, ids: { reporter: string[]; owner: string[] }) {
  const type = TYPES[data.type[i]!]!;
  const area = data.admin[i]! >= 0 ? data.areas[data.admin[i]!]! : null;
  const title = `${INCIDENT_TYPES[type].labels.en} near ${area?.adm3Name ?? 'the coast'}`;
  const ms = data.ms[i]!;
  return {
    id: `bench-${String(i).padStart(7, '0')}`,
    type,
    type_code: INCIDENT_TYPE_CODES[type],
    title,
    description: 'Synthetic incident for the Konbit benchmark.',
    occurred_at: new Date(ms).toISOString(),
    occurred_ms: ms,
    occurred_week: isoWeekMonday(ms),
    occurred_precision: 'exact',
    reported_at: new Date(ms + 3_600_000).toISOString(),
    lon: data.lon[i]!,
    lat: data.lat[i]!,
    location_precision: 'exact',
    place_name: null,
    adm1_pcode: area?.adm1Pcode ?? null,
    adm1_name: area?.adm1Name ?? null,
    adm2_pcode: area?.adm2Pcode ?? null,
    adm2_name: area?.adm2Name ?? null,
    adm3_pcode: area?.adm3Pcode ?? null,
    adm3_name: area?.adm3Name ?? null,
    killed: data.killed[i]!,
    injured: 0,
    abducted: data.abducted[i]!,
    displaced: 0,
    verification: i % 3 === 0 ? 'verified' : 'unverified',
    reporter_id: ids.reporter[data.owner[i]!]!,
    classification: ['PUBLIC', 'MISSION', 'RESTRICTED', 'RESTRICTED'][data.label[i]!]!,
    owner_org_id: ids.owner[data.owner[i]!]!,
    illustrative: 0,
    version: 1,
    search_text: searchTextOf([title, area?.adm2Name]),
    created_at: new Date(ms + 3_600_000).toISOString(),
    updated_at: new Date(ms + 3_600_000).toISOString(),
  };
}

/** Two organisations (KEN, HNP), a reporter in each, and a reader from a third contingent (JAM). */
async function prepare(db: Db): Promise<{ reporter: string[]; owner: string[]; reader: Actor }> {
  await migrateToLatest(db);
  const ids = { reporter: [] as string[], owner: [] as string[] };
  for (const [code, kind] of [['KEN', 'contingent'], ['HNP', 'host_police'], ['JAM', 'contingent']] as const) {
    const organisation = await createOrganisation({ db, actor: null, input: { code, name: code, kind } });
    await createUser({ db, actor: null, input: { username: `bench.${code.toLowerCase()}`, displayName: code, organisationCode: code, roles: ['reporter', 'analyst'], password: 'bench-password-1', locale: 'en' } });
    if (code !== 'JAM') {
      ids.owner.push(organisation.id);
      ids.reporter.push((await actorForUsername(db, `bench.${code.toLowerCase()}`)).userId);
    }
  }
  return { ...ids, reader: await actorForUsername(db, 'bench.jam') };
}

async function loadSqlite(file: string, data: Synthetic): Promise<{ db: Db; reader: Actor }> {
  const db = createDb({ url: `sqlite:${file}` });
  const prepared = await prepare(db);
  await db.destroy();
  const raw = new SQLite(file);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = OFF');
  const sample = columns(data, 0, prepared);
  const names = Object.keys(sample);
  const insert = raw.prepare(`insert into incidents (${names.join(', ')}) values (${names.map(() => '?').join(', ')})`);
  const release = raw.prepare("insert into record_releases (entity_type, record_id, organisation_id) values ('incidents', ?, ?)");
  raw.transaction(() => {
    for (let i = 0; i < ROWS; i += 1) {
      const row = columns(data, i, prepared);
      insert.run(...Object.values(row));
      if (data.label[i] === 3) release.run(row.id, prepared.owner[1 - data.owner[i]!]);
      if (i % 200_000 === 0 && i > 0) progress(`SQLite: ${i.toLocaleString('en')} rows`);
    }
  })();
  raw.close();
  const db2 = createDb({ url: `sqlite:${file}` });
  // What indexNewRows does after each insert, done once for the lot.
  await reindexAllRows(db2, { table: 'incidents', lon: 'lon', lat: 'lat', time: 'occurred_ms', category: 'type_code', text: 'search_text' });
  await rebuildSummary(db2);
  await sql`analyze`.execute(db2);
  return { db: db2, reader: prepared.reader };
}

async function loadPostgres(url: string, schema: string, data: Synthetic): Promise<{ db: Db; reader: Actor }> {
  const db = createDb({ url, searchPath: `${schema},public`, poolSize: 2 });
  const prepared = await prepare(db);
  // Secondary indexes are dropped for the load and built again after it, as a bulk load would.
  const indexes = await sql<{ indexname: string; indexdef: string }>`select indexname, indexdef from pg_indexes where schemaname = ${schema} and tablename = 'incidents' and indexdef not like '%UNIQUE%'`.execute(db);
  for (const index of indexes.rows) await sql`drop index ${sql.id(schema, index.indexname)}`.execute(db);
  const names = Object.keys(columns(data, 0, prepared));
  const types: Record<string, string> = { type_code: 'int4', occurred_ms: 'int8', lon: 'float8', lat: 'float8', killed: 'int4', injured: 'int4', abducted: 'int4', displaced: 'int4', illustrative: 'int4', version: 'int4' };
  const BATCH = 5000;
  for (let start = 0; start < ROWS; start += BATCH) {
    const rows = Array.from({ length: Math.min(BATCH, ROWS - start) }, (_, k) => columns(data, start + k, prepared));
    const arrays = names.map((name) => sql`${rows.map((r) => r[name as keyof typeof r])}::${sql.raw(types[name] ?? 'text')}[]`);
    await sql`insert into incidents (${sql.join(names.map((n) => sql.id(n)))}) select * from unnest(${sql.join(arrays)})`.execute(db);
    const released = rows.flatMap((row, k) => (data.label[start + k] === 3 ? [[row.id, prepared.owner[1 - data.owner[start + k]!]!]] : []));
    if (released.length > 0) {
      await sql`insert into record_releases (entity_type, record_id, organisation_id) select 'incidents', r, o from unnest(${released.map((r) => r[0])}::text[], ${released.map((r) => r[1])}::text[]) as t(r, o)`.execute(db);
    }
    if (start % 200_000 === 0 && start > 0) progress(`PostgreSQL: ${start.toLocaleString('en')} rows`);
  }
  for (const index of indexes.rows) await sql.raw(index.indexdef).execute(db);
  await rebuildSummary(db);
  // The usual PostGIS layout, same rows: a point with a GiST index and a B-tree on time.
  await sql`create table plain_incidents as select id, type, title, occurred_at::timestamptz as occurred_at, verification, killed, injured, abducted, displaced, classification, illustrative, place_name, adm2_name, public.st_setsrid(public.st_makepoint(lon, lat), 4326)::public.geometry(Point, 4326) as geom from incidents`.execute(db);
  await sql`create index plain_incidents_geom on plain_incidents using gist (geom)`.execute(db);
  await sql`create index plain_incidents_time on plain_incidents (occurred_at)`.execute(db);
  await sql`analyze`.execute(db);
  return { db, reader: prepared.reader };
}

interface Box {
  bbox: [number, number, number, number];
  fromMs: number;
  toMs: number;
  types: [IncidentType, IncidentType];
}

function boxes(): Box[] {
  const random = mulberry32(SEED + 1);
  const core = { west: -72.42, south: 18.48, east: -72.2, north: 18.62 };
  return Array.from({ length: BOXES }, () => {
    const west = core.west + random() * (core.east - core.west - BOX_DEGREES);
    const south = core.south + random() * (core.north - core.south - BOX_DEGREES);
    const fromMs = START_MS + Math.floor(random() * ((END_MS - START_MS) / DAY_MS - 30)) * DAY_MS;
    const first = Math.floor(random() * TYPES.length);
    const second = (first + 1 + Math.floor(random() * (TYPES.length - 1))) % TYPES.length;
    return { bbox: [west, south, west + BOX_DEGREES, south + BOX_DEGREES], fromMs, toMs: fromMs + 30 * DAY_MS, types: [TYPES[first]!, TYPES[second]!] };
  });
}

interface Timing {
  p50: number;
  p99: number;
  /** This process's CPU time per query, p50: for the in-process SQLite paths, what the query costs whatever else runs on the machine. */
  cpuP50: number;
  rows: number;
}

/** Runs every box once to warm up, then once timed; returns p50, p99 (ms) and the mean rows returned. */
async function measure(all: Box[], query: (box: Box) => Promise<number> | number): Promise<Timing> {
  for (const box of all.slice(0, 100)) await query(box);
  const times: number[] = [];
  const cpu: number[] = [];
  let rows = 0;
  for (const box of all) {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    rows += await query(box);
    const used = process.cpuUsage(cpuStarted);
    times.push(performance.now() - started);
    cpu.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const at = (list: number[], q: number) => list[Math.min(list.length - 1, Math.floor(q * list.length))]!;
  return { p50: at(times, 0.5), p99: at(times, 0.99), cpuP50: at(cpu, 0.5), rows: rows / all.length };
}

async function median(runs: number, body: () => Promise<unknown>): Promise<number> {
  await body();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await body();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

const serviceQuery = (db: Db, reader: Actor) => async (box: Box) =>
  (await incidentsGeoJson({ db, viewer: reader, limit: 5000, filter: { bbox: box.bbox, from: new Date(box.fromMs).toISOString(), to: new Date(box.toMs).toISOString(), types: box.types } })).features.length;

const YEAR = { from: '2024-01-01T00:00:00.000Z', to: '2025-01-01T00:00:00.000Z' };

let loadBefore = 0;

const ms = (value: number): string => `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`;

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'konbit-incidents-bench-'));
  loadBefore = os.loadavg()[0]!;
  const index = DATASETS
    ? new AdminAreaIndex(Object.fromEntries(['adm1', 'adm2', 'adm3'].map((level) => [level, JSON.parse(readFileSync(path.join(DATASETS, 'haiti', 'admin', `hti-${level}.geojson`), 'utf8'))])) as unknown as AdminBoundaries)
    : null;
  let started = performance.now();
  const data = generate(index);
  progress(`generated ${ROWS.toLocaleString('en')} incidents in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const all = boxes();
  const results: { name: string; timing: Timing }[] = [];
  const aggregates: { name: string; ms: number; buckets: number }[] = [];
  const loads: string[] = [];
  try {
    started = performance.now();
    const sqlite = await loadSqlite(path.join(dir, 'bench.db'), data);
    loads.push(`SQLite ${((performance.now() - started) / 1000).toFixed(0)} s`);
    results.push({ name: 'SQLite, Konbit (service: 4-D R*Tree over lon, lat, time, type; releasability; GeoJSON)', timing: await measure(all, serviceQuery(sqlite.db, sqlite.reader)) });
    const raw = new SQLite(path.join(dir, 'bench.db'), { readonly: true });
    const search = 'select id from incidents_rtree where max_lon >= ? and min_lon <= ? and max_lat >= ? and min_lat <= ? and max_t >= ? and min_t <= ? and max_c >= ? and min_c <= ?';
    const rtreeOnly = raw.prepare(`select i.id, i.type, i.title, i.occurred_at, i.lon, i.lat from incidents i where i.seq in (${search} union all ${search}) and i.lon between ? and ? and i.lat between ? and ? and i.occurred_ms >= ? and i.occurred_ms < ? and i.type in (?, ?)`);
    results.push({
      name: 'SQLite, Konbit schema, bare SQL (the same index, no service)',
      timing: await measure(all, ({ bbox: [w, s, e, n], fromMs, toMs, types }) => {
        const window = (type: IncidentType) => [w, e, s, n, fromMs / TIME_UNIT_MS, toMs / TIME_UNIT_MS, INCIDENT_TYPE_CODES[type], INCIDENT_TYPE_CODES[type]];
        return rtreeOnly.all(...window(types[0]), ...window(types[1]), w, e, s, n, fromMs, toMs, ...types).length;
      }),
    });
    raw.close();
    let buckets = 0;
    const sqliteAggregate = await median(5, async () => (buckets = (await aggregateIncidents({ db: sqlite.db, viewer: sqlite.reader, filter: YEAR })).buckets.length));
    aggregates.push({ name: 'SQLite, Konbit', ms: sqliteAggregate, buckets });
    await sqlite.db.destroy();

    if (PG_URL) {
      ensureDatabase(PG_URL);
      const schema = `bench_incidents_${process.pid}`;
      const admin = createDb({ url: PG_URL, poolSize: 1 });
      await sql`create schema ${sql.id(schema)}`.execute(admin);
      try {
        started = performance.now();
        const postgres = await loadPostgres(PG_URL, schema, data);
        loads.push(`PostgreSQL ${((performance.now() - started) / 1000).toFixed(0)} s`);
        const client = new pg.Client({ connectionString: PG_URL, options: `-c search_path=${schema},public` });
        await client.connect();
        const usual = 'select id, type, title, occurred_at, verification, killed, injured, abducted, displaced, classification, illustrative, place_name, adm2_name, st_x(geom) as lon, st_y(geom) as lat from plain_incidents where geom && st_makeenvelope($1, $2, $3, $4, 4326) and occurred_at >= $5 and occurred_at < $6 and type = any($7)';
        const postgis = await measure(all, async ({ bbox: [w, s, e, n], fromMs, toMs, types }) =>
          (await client.query({ name: 'usual', text: usual, values: [w, s, e, n, new Date(fromMs), new Date(toMs), types] })).rowCount ?? 0);
        results.push({ name: 'PostGIS, usual indexes (GiST on the point, B-tree on time), bare SQL', timing: postgis });
        results.push({ name: 'PostgreSQL, Konbit (service: n-D GiST over POINT ZM(lon, lat, time, type); releasability; GeoJSON)', timing: await measure(all, serviceQuery(postgres.db, postgres.reader)) });
        const box = (code: string) => `space_time &&& st_makeline(st_makepoint($1, $2, $5::float8, ${code}::float8), st_makepoint($3, $4, $6::float8, ${code}::float8))`;
        const konbitBare = `select id, type, title, occurred_at, lon, lat from incidents where (${box('$10')} or ${box('$11')}) and lon between $1 and $3 and lat between $2 and $4 and occurred_ms >= $7 and occurred_ms < $8 and type = any($9)`;
        results.push({
          name: 'PostgreSQL, Konbit schema, bare SQL (the same index, no service)',
          timing: await measure(all, async ({ bbox: [w, s, e, n], fromMs, toMs, types }) =>
            (await client.query({ name: 'konbit', text: konbitBare, values: [w, s, e, n, fromMs / TIME_UNIT_MS, toMs / TIME_UNIT_MS, fromMs, toMs, types, INCIDENT_TYPE_CODES[types[0]], INCIDENT_TYPE_CODES[types[1]]] })).rowCount ?? 0),
        });
        await client.end();
        const pgAggregate = await median(5, async () => (buckets = (await aggregateIncidents({ db: postgres.db, viewer: postgres.reader, filter: YEAR })).buckets.length));
        aggregates.push({ name: 'PostgreSQL, Konbit', ms: pgAggregate, buckets });
        await postgres.db.destroy();
      } finally {
        await sql`drop schema ${sql.id(schema)} cascade`.execute(admin);
        await admin.destroy();
      }
    }
  } finally {
    if (argv.includes('--keep')) progress(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }

  say('## Incidents');
  say('');
  say(`${ROWS.toLocaleString('en')} synthetic incidents (seed ${SEED}) around Port-au-Prince, ${new Date(START_MS).getUTCFullYear()}–${new Date(END_MS - 1).getUTCFullYear()}, 80 % clustered on 14 neighbourhoods, loaded in the order they occurred (as reports arrive); ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, Node ${process.version}; loading took ${loads.join(', ')}.`);
  say(`Query: ${BOXES.toLocaleString('en')} random boxes of ${BOX_DEGREES}° (about 4.7 × 5 km) × a random 30-day window × two random types, each run once after a warm-up; the reader is a contingent that sees public and mission records. The service rows go through \`incidentsGeoJson\` (its Kysely query compiled once per filter shape and prepared once, db/prepared.ts; the releasability predicate; merged duplicates left out; GeoJSON objects); the bare rows are one prepared statement.`);
  say('');
  say('| path | p50 | p99 | CPU p50 | rows per query |');
  say('|---|---:|---:|---:|---:|');
  for (const { name, timing } of results) say(`| ${name} | ${ms(timing.p50)} | ${ms(timing.p99)} | ${name.startsWith('SQLite') ? ms(timing.cpuP50) : '—'} | ${timing.rows.toFixed(1)} |`);
  say('');
  say(`p50 and p99 are wall-clock times. The machine was shared with other jobs (load average ${loadBefore.toFixed(1)} at the start, ${os.loadavg()[0]!.toFixed(1)} at the end, on ${os.cpus().length} cores), so they include waiting for a CPU; CPU p50 is the Node process's own CPU time per query, what the in-process SQLite query costs on an idle machine (not given for PostgreSQL, whose work happens in the server).`);
  say('');
  say('Aggregate: counts and casualties by type × ISO week × commune over 2024 (about a fifth of the rows), median of 5 runs after one.');
  say('');
  say('| path | time | buckets |');
  say('|---|---:|---:|');
  for (const aggregate of aggregates) say(`| ${aggregate.name} | ${ms(aggregate.ms)} | ${aggregate.buckets.toLocaleString('en')} |`);
  say('');
  const sqliteP50 = results[0]!.timing.p50;
  const usual = results.find((r) => r.name.startsWith('PostGIS'));
  const goals = [
    `SQLite p50 ≤ 2 ms: ${sqliteP50 <= 2 ? 'met' : 'not met'} (${ms(sqliteP50)})`,
    usual ? `SQLite ≤ ⅓ of PostGIS with the usual indexes: ${sqliteP50 <= usual.timing.p50 / 3 ? 'met' : 'not met'} (${(usual.timing.p50 / sqliteP50).toFixed(1)}× faster)` : 'PostGIS not measured',
    `aggregate ≤ 200 ms: ${aggregates.every((a) => a.ms <= 200) ? 'met' : 'not met'} (${aggregates.map((a) => `${a.name.split(',')[0]} ${ms(a.ms)}`).join(', ')})`,
  ];
  say(`Goals: ${goals.join('; ')}.`);
  say('');
  say('Run: `node bin/run-ts.js bench/incidents.bench.ts --write` (or `npm run bench -- --write`).');
  if (argv.includes('--write')) writeSection(report.join('\n'));
}

/** Replaces (or appends) the "Incidents" section of docs/benchmarks.md. */
function writeSection(section: string): void {
  const file = path.resolve(import.meta.dirname, '..', 'docs', 'benchmarks.md');
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const start = current.search(/^## Incidents$/m);
  const next = start < 0 ? -1 : current.indexOf('\n## ', start + 1);
  const updated = start < 0 ? `${current.trimEnd()}\n\n${section}\n` : `${current.slice(0, start)}${section}\n${next < 0 ? '' : current.slice(next)}`;
  writeFileSync(file, updated);
}

await main();
