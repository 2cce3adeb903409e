import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, existsSync, statSync } from 'node:fs';
import { createServer, connect, type Server, type Socket } from 'node:net';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { sql } from 'kysely';
import type { Db } from '../../src/db/index.ts';
import { syntheticAcledCsv } from '../../src/modules/incidents/formats/index.ts';
import { checkReports } from './durability-checks.ts';
import { sendReports, type ReportRun } from './report-clients.ts';
import { createReporter, KONBIT_BIN, konbitOk, KonbitServer, RELIABILITY_USER, type Scratch } from './server-process.ts';
import { freePort, LOOPBACK, signIn } from './support.ts';

/*
 * The faults of the durability test (a killed import, a database that goes away) and the frame
 * that every fault under reporting clients shares: run, stop the server, check the database.
 */

const IMPORT_ROWS = 30_000;

/**
 * Runs a fault while clients report to `server`, then stops the server and checks in its database
 * that every acknowledged report is there exactly once and whole (`checkReports`). On failure,
 * prints the end of the server's output; the server is stopped either way.
 */
export async function reportsSurvive(
  server: KonbitServer, scratch: Scratch, fault: () => Promise<{ run: ReportRun; keys: readonly string[] }>,
): Promise<void> {
  try {
    const { run, keys } = await fault();
    await server.stop();
    const db = scratch.open();
    try {
      await checkReports(db, run, keys);
    } finally {
      await db.destroy();
    }
  } catch (error) {
    console.log(server.output.slice(-4000));
    throw error;
  } finally {
    await server.stop();
  }
}

/** Imports 500 rows with the command line, so that the killed import finds incidents to update. */
export async function importSmallFile(scratch: Scratch): Promise<void> {
  const file = path.join(scratch.env.KONBIT_DATA_DIR!, 'small-acled.csv');
  await pipeline(Readable.from(syntheticAcledCsv(500, { seed: 7 })), createWriteStream(file));
  await konbitOk(['import', 'acled', file, '--as', RELIABILITY_USER.username], scratch.env);
}

/**
 * Starts `konbit import acled` of a large file and kills it with SIGKILL once its transaction has
 * written a good part (the SQLite write-ahead log has grown by megabytes; PostgreSQL shows the
 * import's backend holding a transaction that wrote). Resolves when the import's work is gone.
 */
export async function importKilledMidway(scratch: Scratch, db: Db): Promise<{ rowsWhenKilled: string }> {
  const file = path.join(scratch.env.KONBIT_DATA_DIR!, 'big-acled.csv');
  await pipeline(Readable.from(syntheticAcledCsv(IMPORT_ROWS, { seed: 11 })), createWriteStream(file));
  const env: NodeJS.ProcessEnv = { ...process.env, HOST: LOOPBACK, LOG_LEVEL: 'warn', ...scratch.env };
  if (!scratch.env.DATABASE_URL) delete env.DATABASE_URL;
  const walFile = path.join(scratch.env.KONBIT_DATA_DIR!, 'konbit.db-wal');
  const walSize = () => (existsSync(walFile) ? statSync(walFile).size : 0);
  const walBefore = walSize();
  const child = spawn(process.execPath, [KONBIT_BIN, 'import', 'acled', file, '--as', RELIABILITY_USER.username], { env, stdio: 'ignore' });
  const exited = once(child, 'exit');
  const deadline = Date.now() + 120_000;
  let state = '';
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the import ended (${child.exitCode}) before it could be killed: make the file larger`);
    if (Date.now() > deadline) throw new Error('the import never started writing');
    if (scratch.dialect === 'sqlite') {
      const grown = walSize() - walBefore;
      if (grown > 4 * 1024 * 1024) {
        state = `write-ahead log grown by ${(grown / 1024 / 1024).toFixed(1)} MB`;
        break;
      }
    } else {
      const writing = await writingBackends(db);
      if (writing > 0) {
        await new Promise((resolve) => setTimeout(resolve, 1500));
        state = 'transaction writing for 1.5 s';
        break;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  child.kill('SIGKILL');
  await exited;
  if (scratch.dialect === 'postgres') {
    // The server notices the lost client and rolls its transaction back.
    for (let waited = 0; (await writingBackends(db)) > 0; waited += 50) {
      if (waited > 30_000) throw new Error('the killed import\'s transaction is still open');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } else {
    const [check] = (await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db)).rows;
    assert.equal(check?.integrity_check, 'ok');
  }
  return { rowsWhenKilled: state };
}

/** Backends of this database, other than ours, inside a transaction that has written. */
async function writingBackends(db: Db): Promise<number> {
  const { rows } = await sql<{ count: number }>`select count(*)::int as count from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and backend_xid is not null`.execute(db);
  return rows[0]?.count ?? 0;
}

/** A loopback TCP relay to PostgreSQL that can be cut (connections dropped, new ones refused) and restored. */
class Relay {
  readonly target: { host: string; port: number };
  port = 0;
  #server: Server | null = null;
  #sockets = new Set<Socket>();

  constructor(target: { host: string; port: number }) {
    this.target = target;
  }

  async open(): Promise<void> {
    if (this.port === 0) this.port = await freePort();
    const server = createServer((client) => {
      const upstream = connect(this.target.port, this.target.host);
      for (const socket of [client, upstream]) {
        this.#sockets.add(socket);
        socket.on('close', () => this.#sockets.delete(socket));
        socket.on('error', () => {});
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    server.listen(this.port, LOOPBACK);
    await once(server, 'listening');
    this.#server = server;
  }

  /** The database "goes away": every connection dropped, new ones refused. */
  async cut(): Promise<void> {
    const server = this.#server;
    this.#server = null;
    const closed = server ? new Promise((resolve) => server.close(resolve)) : Promise.resolve();
    for (const socket of this.#sockets) socket.destroy();
    await closed;
  }
}

/**
 * Konbit runs on PostgreSQL through the relay while clients report; the relay is cut for three
 * seconds. Konbit must answer 503 DATABASE_UNAVAILABLE meanwhile (with a message that says what to
 * do), recover by itself when the database is back (same process), and lose no acknowledged write.
 */
export async function databaseAway(scratch: Scratch): Promise<void> {
  await createReporter(scratch.env);
  const real = new URL(scratch.env.DATABASE_URL!);
  const relay = new Relay({ host: real.hostname, port: Number(real.port || 5432) });
  await relay.open();
  const relayed = new URL(real);
  relayed.hostname = LOOPBACK;
  relayed.port = String(relay.port);
  const server = new KonbitServer({ ...scratch.env, DATABASE_URL: relayed.toString() });
  try {
    await reportsSurvive(server, scratch, async () => {
      await server.start();
      const pid = server.pid;
      const session = await signIn(server.base, RELIABILITY_USER.username, RELIABILITY_USER.password);
      const keys = Array.from({ length: 300 }, (_, i) => `away-${i}`);
      let outage: Promise<{ readyz: number[]; list: { status: number; body: string }; recoveredMs: number }> | null = null;
      const run = await sendReports({
        base: () => server.base, session, keys, concurrency: 10,
        onAck: (count) => {
          if (count !== 60 || outage) return;
          outage = observeOutage(relay, server.base, session.cookie);
          // Awaited after the run; a failure must not go unhandled meanwhile.
          outage.catch(() => {});
        },
      });
      const seen = await outage!;
      console.log(
        `[postgres] database away 3 s under load: /readyz answered ${[...new Set(seen.readyz)].join(', ')} meanwhile; ` +
        `recovered ${seen.recoveredMs.toFixed(0)} ms after the database came back, same process; answers ${JSON.stringify(Object.fromEntries(run.answers))}`,
      );
      assert.ok(seen.readyz.includes(503), '/readyz said the database is away');
      assert.equal(seen.list.status, 503, seen.list.body);
      const error = (JSON.parse(seen.list.body) as { error: { code: string; message: string } }).error;
      assert.equal(error.code, 'DATABASE_UNAVAILABLE');
      assert.match(error.message, /database is unavailable; try again/);
      assert.ok((run.answers.get('503') ?? 0) > 0, 'reports were refused with 503 while the database was away');
      assert.equal(server.pid, pid, 'no restart');
      return { run, keys };
    });
  } finally {
    await relay.cut();
  }
}

async function observeOutage(relay: Relay, base: string, cookie: string) {
  await relay.cut();
  const readyz: number[] = [];
  let list = { status: 0, body: '' };
  const until = Date.now() + 3000;
  while (Date.now() < until) {
    readyz.push((await fetch(`${base}/readyz`)).status);
    const response = await fetch(`${base}/api/v1/incidents?limit=1`, { headers: { cookie } });
    list = { status: response.status, body: await response.text() };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await relay.open();
  const back = performance.now();
  while ((await fetch(`${base}/readyz`)).status !== 200) {
    if (performance.now() - back > 30_000) throw new Error('Konbit did not recover within 30 s of the database coming back');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { readyz, list, recoveredMs: performance.now() - back };
}
