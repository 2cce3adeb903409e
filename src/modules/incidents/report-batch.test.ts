import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe } from 'node:test';
import { createDb, migrateToLatest, type Db } from '../../db/index.ts';
import { dbTest, type TestDb } from '../../db/testing.ts';
import { verifyAuditChain } from '../auth/index.ts';
import { reportIncident } from './incidents.service.ts';
import { buildIncidentInput, buildMission } from './incidents.testing.ts';

/*
 * Group commit: reports sent together are written in one transaction. An observer on a
 * connection of its own sees only what was committed; each report must be there when its
 * caller is answered.
 */

/** The database under test and a second connection to it; SQLite in a file, so that the second one exists. */
async function withObserver(t: TestDb, body: (db: Db, observer: Db) => Promise<void>): Promise<void> {
  if (t.dialect === 'postgres') {
    const observer = createDb({ url: t.url, searchPath: t.searchPath, poolSize: 2 });
    try {
      await body(t.db, observer);
    } finally {
      await observer.destroy();
    }
    return;
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'konbit-batch-'));
  const db = createDb({ url: `sqlite:${path.join(dir, 'konbit.db')}` });
  const observer = createDb({ url: `sqlite:${path.join(dir, 'konbit.db')}` });
  try {
    await migrateToLatest(db);
    await body(db, observer);
  } finally {
    await db.destroy();
    await observer.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

const countOf = async (db: Db, ids: readonly string[]) =>
  Number((await db.selectFrom('incidents').select((eb) => eb.fn.countAll().as('n')).where('id', 'in', [...ids]).executeTakeFirstOrThrow()).n);

describe('group commit of field reports', () => {
  dbTest('concurrent reports are each written once and answered only after their batch committed', async (t) => {
    await withObserver(t, async (db, observer) => {
      const { reporter, hnp } = await buildMission(db);
      const seenAtAnswer: boolean[] = [];
      const reports = Array.from({ length: 40 }, (_, i) =>
        reportIncident({ db, actor: (i % 2 ? reporter : hnp).actor, input: buildIncidentInput({ title: `Concurrent report ${i}` }), idempotencyKey: `batch-${i}`, areas: null }).then(async (result) => {
          seenAtAnswer.push((await countOf(observer, [result.incident.id])) === 1);
          return result;
        }),
      );
      const results = await Promise.all(reports);
      assert.equal(seenAtAnswer.length, 40);
      assert.ok(seenAtAnswer.every(Boolean), 'every report was committed when its caller was answered');
      const ids = results.map((r) => r.incident.id);
      assert.equal(new Set(ids).size, 40);
      assert.equal(await countOf(observer, ids), 40);
      assert.deepEqual(results.map((r) => r.incident.title), Array.from({ length: 40 }, (_, i) => `Concurrent report ${i}`));
      const events = await observer.selectFrom('incident_events').select('incident_id').where('type', '=', 'incident.created').execute();
      assert.deepEqual(new Set(events.map((e) => e.incident_id)), new Set(ids), 'one stream event per report');
      const audit = await verifyAuditChain(observer);
      assert.ok(audit.ok, JSON.stringify(audit));
      const created = await observer.selectFrom('audit_log').select('entity_id').where('entity_type', '=', 'incident').where('action', '=', 'create').execute();
      assert.equal(created.length, 40, 'one audit row per report');
    });
  });

  dbTest('a failing report in a batch fails alone; a retried key answers the original', async (t) => {
    await withObserver(t, async (db, observer) => {
      const { reporter } = await buildMission(db);
      const actor = reporter.actor;
      const taken = await reportIncident({ db, actor, input: buildIncidentInput({ external: { system: 'acled', id: 'HTI-1' } }), areas: null });
      const sameKey = buildIncidentInput({ title: 'Sent twice with one key' });
      const settled = await Promise.allSettled([
        ...Array.from({ length: 5 }, (_, i) => reportIncident({ db, actor, input: buildIncidentInput({ title: `Good ${i}` }), areas: null })),
        reportIncident({ db, actor, input: buildIncidentInput({ external: { system: 'acled', id: 'HTI-1' } }), areas: null }),
        reportIncident({ db, actor, input: buildIncidentInput({ classification: 'RESTRICTED', releasableTo: ['NOPE'] }), areas: null }),
        reportIncident({ db, actor, input: sameKey, idempotencyKey: 'same-key', areas: null }),
        reportIncident({ db, actor, input: sameKey, idempotencyKey: 'same-key', areas: null }),
        ...Array.from({ length: 5 }, (_, i) => reportIncident({ db, actor, input: buildIncidentInput({ title: `Good ${i + 5}` }), areas: null })),
      ]);
      const good = [...settled.slice(0, 5), ...settled.slice(9)];
      assert.ok(good.every((s) => s.status === 'fulfilled'), 'the good reports of the batch are written');
      const goodIds = good.map((s) => (s as PromiseFulfilledResult<Awaited<ReturnType<typeof reportIncident>>>).value.incident.id);
      assert.equal(await countOf(observer, goodIds), 10);
      const [duplicate, unknownOrg, keyed, retried] = settled.slice(5, 9);
      assert.equal(duplicate!.status, 'rejected');
      assert.match(String((duplicate as PromiseRejectedResult).reason.message), /exists already/);
      assert.equal(unknownOrg!.status, 'rejected');
      assert.match(String((unknownOrg as PromiseRejectedResult).reason.message), /NOPE/);
      assert.equal(keyed!.status, 'fulfilled');
      assert.equal(retried!.status, 'fulfilled');
      const [a, b] = [keyed, retried].map((s) => (s as PromiseFulfilledResult<Awaited<ReturnType<typeof reportIncident>>>).value);
      assert.equal(a!.incident.id, b!.incident.id, 'both answers name the one incident written');
      assert.deepEqual([a!.replayed, b!.replayed].sort(), [false, true]);
      const all = await observer.selectFrom('incidents').select('id').execute();
      assert.equal(all.length, 1 + 10 + 1, 'the first report, the good ones and the keyed one, once');
      assert.ok(!all.some((row) => row.id === undefined));
      assert.ok((await verifyAuditChain(observer)).ok);
      assert.notEqual(taken.incident.id, a!.incident.id);
    });
  });
});
