import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TEST_DIALECTS } from '../../src/db/testing.ts';
import { tableCounts } from './durability-checks.ts';
import { databaseAway, importKilledMidway, importSmallFile, reportsSurvive } from './durability-faults.ts';
import { sendReports } from './report-clients.ts';
import { createReporter, KonbitServer, RELIABILITY_USER, scratchDatabase } from './server-process.ts';
import { signIn } from './support.ts';

/*
 * Durability under faults, with Konbit as a separate process (`node bin/konbit.js serve`), on
 * SQLite (WAL, synchronous=FULL) and, when KONBIT_TEST_PG_URL is set, on PostgreSQL:
 *
 * - 1,000 reports from 50 concurrent clients, each with an Idempotency-Key; the server is killed
 *   with SIGKILL in the middle and started again; the clients send again what was not
 *   acknowledged. Every acknowledged report is then present exactly once, with its sources, its
 *   audit row and its stream event, and nothing is half-written.
 * - An import killed in the middle leaves the database exactly as before it.
 * - PostgreSQL going away under load: 503 DATABASE_UNAVAILABLE while it is away, recovery without
 *   a restart when it is back, no acknowledged write lost.
 */

const REPORTS = 1000;
const CLIENTS = 50;

describe('durability under faults', () => {
  for (const dialect of TEST_DIALECTS) {
    test(`1,000 reports from 50 clients survive kill -9 mid-way [${dialect}]`, async () => {
      const scratch = await scratchDatabase(dialect);
      const server = new KonbitServer(scratch.env);
      try {
        await reportsSurvive(server, scratch, async () => {
          await createReporter(scratch.env);
          await server.start();
          const session = await signIn(server.base, RELIABILITY_USER.username, RELIABILITY_USER.password);
          const keys = Array.from({ length: REPORTS }, (_, i) => `kill9-${i}`);
          let killedAt = 0;
          let readyAfterMs = 0;
          let crash: Promise<void> | null = null;
          const started = performance.now();
          const run = await sendReports({
            base: () => server.base, session, keys, concurrency: CLIENTS,
            onAck: (count) => {
              if (count !== REPORTS * 0.4 || crash) return;
              crash = (async () => {
                await server.kill9();
                killedAt = count;
                readyAfterMs = await server.start();
              })();
            },
          });
          await crash;
          const seconds = (performance.now() - started) / 1000;
          await server.stop();
          const replayed = [...run.acknowledged.values()].filter((a) => a.replayed).length;
          const retried = [...run.acknowledged.values()].filter((a) => a.attempts > 1).length;
          console.log(
            `[${dialect}] ${REPORTS} reports, ${CLIENTS} clients, killed -9 after ${killedAt} acknowledgements; ready again ${readyAfterMs.toFixed(0)} ms after the restart began; ` +
            `${retried} reports sent more than once, ${replayed} of them found already committed (Idempotent-Replayed); answers ${JSON.stringify(Object.fromEntries(run.answers))}; ${seconds.toFixed(1)} s in all`,
          );
          assert.ok(killedAt > 0, 'the server was killed mid-way');
          assert.equal(run.acknowledged.size, REPORTS);
          return { run, keys };
        });
      } finally {
        await scratch.drop();
      }
    });

    test(`an import killed in the middle leaves the database as it was [${dialect}]`, async () => {
      const scratch = await scratchDatabase(dialect);
      try {
        await createReporter(scratch.env);
        await importSmallFile(scratch);
        const db = scratch.open();
        try {
          const before = await tableCounts(db);
          const { rowsWhenKilled } = await importKilledMidway(scratch, db);
          const after = await tableCounts(db);
          console.log(`[${dialect}] import of 30,000 ACLED rows (the first 500 already there) killed -9 while writing (${rowsWhenKilled}); rows per table before and after: ${JSON.stringify(after)}`);
          assert.deepEqual(after, before, 'nothing of the killed import remains');
        } finally {
          await db.destroy();
        }
      } finally {
        await scratch.drop();
      }
    });
  }

  test('PostgreSQL going away: 503 DATABASE_UNAVAILABLE, then recovery without a restart [postgres]', {
    skip: TEST_DIALECTS.includes('postgres') ? false : 'needs PostgreSQL: set KONBIT_TEST_PG_URL to run this test',
  }, async () => {
    const scratch = await scratchDatabase('postgres');
    try {
      await databaseAway(scratch);
    } finally {
      await scratch.drop();
    }
  });
});
