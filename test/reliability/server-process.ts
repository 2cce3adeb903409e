import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { createDb, type Db } from '../../src/db/index.ts';
import { freePort, LOOPBACK } from './support.ts';

/*
 * Konbit as its users run it: `node bin/konbit.js` in a process of its own, on loopback, against a
 * database made for the occasion — a SQLite file in a fresh folder, or a fresh PostgreSQL database
 * on the server of KONBIT_TEST_PG_URL (created, then dropped).
 */

export const KONBIT_BIN = path.resolve(import.meta.dirname, '..', '..', 'bin', 'konbit.js');

export interface Scratch {
  dialect: 'sqlite' | 'postgres';
  /** The environment a Konbit process needs for this database. */
  env: Record<string, string>;
  /** A handle on the same database, for checking what is in it. */
  open(): Db;
  drop(): Promise<void>;
}

export async function scratchDatabase(dialect: 'sqlite' | 'postgres'): Promise<Scratch> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'konbit-reliability-'));
  if (dialect === 'sqlite') {
    return {
      dialect,
      env: { KONBIT_DATA_DIR: dataDir },
      open: () => createDb({ url: `sqlite:${path.join(dataDir, 'konbit.db')}` }),
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const adminUrl = process.env.KONBIT_TEST_PG_URL;
  if (!adminUrl) throw new Error('KONBIT_TEST_PG_URL is not set');
  const name = `konbit_rel_${randomBytes(5).toString('hex')}`;
  const admin = createDb({ url: adminUrl, poolSize: 1 });
  await sql`create database ${sql.id(name)}`.execute(admin);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    dialect,
    env: { KONBIT_DATA_DIR: dataDir, DATABASE_URL: url.toString() },
    open: () => createDb({ url: url.toString(), poolSize: 2 }),
    drop: async () => {
      await sql`drop database if exists ${sql.id(name)} with (force)`.execute(admin);
      await admin.destroy();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  return { ...inherited, HOST: LOOPBACK, LOG_LEVEL: 'warn', ...env };
}

/** Runs a `konbit` command to its end. */
export async function konbit(args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [KONBIT_BIN, ...args], { env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, output };
}

/** Runs a `konbit` command that must succeed. */
export async function konbitOk(args: string[], env: Record<string, string>): Promise<string> {
  const { code, output } = await konbit(args, env);
  if (code !== 0) throw new Error(`konbit ${args.join(' ')} exited with ${code}:\n${output}`);
  return output;
}

/** `konbit serve --no-demo` on a free loopback port, started and killed at will. */
export class KonbitServer {
  readonly env: Record<string, string>;
  port = 0;
  output = '';
  #child: ChildProcess | null = null;

  constructor(env: Record<string, string>) {
    this.env = env;
  }

  get base(): string {
    return `http://${LOOPBACK}:${this.port}`;
  }

  get pid(): number | undefined {
    return this.#child?.pid;
  }

  /** Starts the server (on the same port as before, if it ran); resolves with the ms until /readyz answered 200. */
  async start(timeoutMs = 60_000): Promise<number> {
    if (this.port === 0) this.port = await freePort();
    const started = performance.now();
    const child = spawn(process.execPath, [KONBIT_BIN, 'serve', '--no-demo'], { env: childEnv({ ...this.env, PORT: String(this.port) }), stdio: ['ignore', 'pipe', 'pipe'] });
    this.#child = child;
    child.stdout!.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    let exited = false;
    child.once('exit', () => (exited = true));
    while (performance.now() - started < timeoutMs) {
      if (exited) throw new Error(`konbit serve exited before it was ready:\n${this.output}`);
      try {
        const response = await fetch(`${this.base}/readyz`, { signal: AbortSignal.timeout(2000) });
        if (response.status === 200) return performance.now() - started;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`konbit serve was not ready within ${timeoutMs} ms:\n${this.output}`);
  }

  /** kill -9: no shutdown, no flush, as a power cut or the OOM killer would. */
  async kill9(): Promise<void> {
    const child = this.#child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGKILL');
    await exited;
  }

  /** SIGTERM and wait for the clean exit. */
  async stop(): Promise<void> {
    const child = this.#child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    if (child.exitCode === null && child.signalCode === null) await this.kill9();
  }
}

/** An organisation KEN and a user who reports and analyses, made with the command line. */
export const RELIABILITY_USER = { username: 'ken.reporter', password: 'reliability-password-1' };

export async function createReporter(env: Record<string, string>): Promise<void> {
  await konbitOk(['org', 'add', 'KEN', 'Kenya contingent', '--kind', 'contingent'], env);
  await konbitOk(['user', 'add', RELIABILITY_USER.username, '--org', 'KEN', '--roles', 'reporter,analyst', '--password', RELIABILITY_USER.password], env);
}
