import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { before, beforeEach, describe, test } from 'node:test';
import { createDb, migrateToLatest, type Db } from '../../db/index.ts';
import { buildKeyOwner, storedKeys, storeKeysAt } from '../../modules/idempotency/idempotency.testing.ts';
import { konbit, konbitCli } from '../testing.ts';

const { dataDir, run } = konbitCli('cli-idempotency');
const HOUR_MS = 3_600_000;
const ago = (hours: number): Date => new Date(Date.now() - hours * HOUR_MS);

async function withDataDb<T>(body: (db: Db) => Promise<T>): Promise<T> {
  const db = createDb({ url: `sqlite:${path.join(dataDir, 'konbit.db')}` });
  try {
    return await body(db);
  } finally {
    await db.destroy();
  }
}

let owner = '';

/** Only these keys: key-0 stored 40 days ago, key-1 10 days ago, key-2 an hour ago. */
async function storeFreshKeys(): Promise<void> {
  await withDataDb(async (db) => {
    await db.deleteFrom('idempotency_keys').execute();
    await storeKeysAt(db, owner, [ago(40 * 24), ago(10 * 24), ago(1)]);
  });
}

describe('konbit idempotency prune and the server’s pruning [sqlite]', () => {
  before(() => withDataDb(async (db) => {
    await migrateToLatest(db);
    owner = await buildKeyOwner(db);
  }));
  beforeEach(storeFreshKeys);

  test('forgets keys past the configured retention, or past --older-than-days', async () => {
    const byDefault = run(['idempotency', 'prune']);
    assert.equal(byDefault.code, 0, byDefault.err);
    assert.match(byDefault.out, /^forgot 1 idempotency key stored before \d{4}-\d\d-\d\dT[\d:.]+Z \(older than 30 days\)$/m);
    assert.deepEqual(await withDataDb(storedKeys), ['key-1', 'key-2']);

    const configured = konbitCli('cli-idempotency-week', { KONBIT_DATA_DIR: dataDir, KONBIT_IDEMPOTENCY_RETENTION_DAYS: '7' }).run(['idempotency', 'prune', '--json']);
    assert.equal(configured.code, 0, configured.err);
    const result = JSON.parse(configured.out) as { forgotten: number; before: string; retentionDays: number };
    assert.deepEqual([result.forgotten, result.retentionDays], [1, 7]);
    assert.ok(Math.abs(Date.parse(result.before) - ago(7 * 24).getTime()) < HOUR_MS, `cut-off ${result.before} is 7 days back`);
    assert.deepEqual(await withDataDb(storedKeys), ['key-2']);

    assert.match(run(['idempotency', 'prune', '--older-than-days', '0']).out, /^forgot 1 idempotency key /);
    assert.deepEqual(await withDataDb(storedKeys), []);

    const negative = run(['idempotency', 'prune', '--older-than-days', '-1']);
    assert.equal(negative.code, 1);
    assert.match(negative.err, /--older-than-days must be 0 or more, got -1/);
    const badRetention = konbitCli('cli-idempotency-bad', { KONBIT_DATA_DIR: dataDir, KONBIT_IDEMPOTENCY_RETENTION_DAYS: '0' }).run(['idempotency', 'prune']);
    assert.equal(badRetention.code, 1);
    assert.match(badRetention.err, /invalid KONBIT_IDEMPOTENCY_RETENTION_DAYS="0"/);
  });

  test('konbit serve forgets keys past the retention when it starts, and finishes the round when stopped', async () => {
    // The server runs on the test's own PATH, nothing else of its environment.
    const env = { PATH: process.env.PATH, KONBIT_DATA_DIR: dataDir, LOG_LEVEL: 'silent', HOST: '127.0.0.1', PORT: '0', KONBIT_IDEMPOTENCY_RETENTION_DAYS: '7' };
    const server = spawn(process.execPath, [konbit, 'serve', '--no-demo'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const listening = new Promise<void>((resolve) => {
      const read = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Konbit is listening')) resolve();
      };
      server.stdout.on('data', read);
      server.stderr.on('data', read);
    });
    const exited = once(server, 'exit');
    await Promise.race([listening, exited]);
    server.kill('SIGTERM');
    const [code] = await exited;
    assert.equal(code, 0, output);
    assert.deepEqual(await withDataDb(storedKeys), ['key-2'], 'the 40- and 10-day-old keys are forgotten, the hour-old one kept');
  });
});
