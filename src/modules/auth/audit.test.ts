import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { sql } from 'kysely';
import { dbTest } from '../../db/testing.ts';
import type { Db } from '../../db/index.ts';
import { appendAudit, appendAuditEntries, verifyAuditChain } from './audit.ts';

async function writeRows(db: Db, count: number): Promise<void> {
  for (let i = 1; i <= count; i++) {
    await db.transaction().execute((trx) =>
      appendAudit(trx, { actor: { userId: `user-${i}`, organisationId: 'org' }, action: 'update', entityType: 'pledge', entityId: `p-${i}`, details: { after: { officers: i * 100 } } }),
    );
  }
}

describe('audit log', () => {
  dbTest('an untouched chain verifies', async ({ db }) => {
    await writeRows(db, 5);
    const verdict = await verifyAuditChain(db);
    assert.deepEqual({ ok: verdict.ok, rows: verdict.rows }, { ok: true, rows: 5 });
  });

  dbTest('concurrent appenders keep one unbroken chain', async ({ db }) => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        db.transaction().execute((trx) => appendAudit(trx, { actor: null, action: 'create', entityType: 'incident', entityId: `i-${i}` })),
      ),
    );
    const verdict = await verifyAuditChain(db);
    assert.equal(verdict.ok, true);
    assert.equal(verdict.rows, 20);
  });

  dbTest('rows appended together continue the chain in order, each linked to the one before', async ({ db }) => {
    await writeRows(db, 2);
    const entries = Array.from({ length: 7 }, (_, i) => ({ actor: { userId: `user-${i}`, organisationId: 'org', requestId: `req-${i}` }, action: 'create', entityType: 'incident', entityId: `i-${i}`, details: { version: 1 } }));
    await db.transaction().execute((trx) => appendAuditEntries(trx, entries));
    await writeRows(db, 1);
    const verdict = await verifyAuditChain(db);
    assert.deepEqual({ ok: verdict.ok, rows: verdict.rows }, { ok: true, rows: 10 });
    const rows = await db.selectFrom('audit_log').select(['seq', 'entity_id', 'request_id']).where('action', '=', 'create').orderBy('seq').execute();
    assert.deepEqual(
      rows.map((r) => [Number(r.seq), r.entity_id, r.request_id]),
      entries.map((e, i) => [i + 3, e.entityId, e.actor.requestId]),
    );
  });

  dbTest('editing a row in the database is found at that row', async ({ db }) => {
    await writeRows(db, 5);
    await db.updateTable('audit_log').set({ details: JSON.stringify({ after: { officers: 1 } }) }).where('seq', '=', 3).execute();
    const verdict = await verifyAuditChain(db);
    assert.equal(verdict.ok, false);
    assert.equal(verdict.ok === false && verdict.brokenAtSeq, 3);
    assert.match(verdict.ok === false ? verdict.reason : '', /row 3 was altered/);
  });

  dbTest('editing a row and recomputing its hash breaks the next link', async ({ db }) => {
    await writeRows(db, 5);
    await db.updateTable('audit_log').set({ actor_user_id: 'someone-else', hash: 'f'.repeat(64) }).where('seq', '=', 2).execute();
    const verdict = await verifyAuditChain(db);
    assert.equal(verdict.ok === false && verdict.brokenAtSeq, 2);
  });

  dbTest('deleting a row in the middle is found', async ({ db }) => {
    await writeRows(db, 5);
    await db.deleteFrom('audit_log').where('seq', '=', 4).execute();
    const verdict = await verifyAuditChain(db);
    assert.equal(verdict.ok === false && verdict.brokenAtSeq, 4);
    assert.match(verdict.ok === false ? verdict.reason : '', /row 4 is missing/);
  });

  dbTest('deleting the newest rows is found', async ({ db }) => {
    await writeRows(db, 5);
    await db.deleteFrom('audit_log').where('seq', '>=', 4).execute();
    const verdict = await verifyAuditChain(db);
    assert.equal(verdict.ok, false);
    assert.match(verdict.ok === false ? verdict.reason : '', /removed from the end/);
  });

  dbTest('reordering rows is found', async ({ db }) => {
    await writeRows(db, 5);
    // Swap the contents of rows 2 and 3, keeping their sequence numbers.
    await db.updateTable('audit_log').set({ seq: 99 }).where('seq', '=', 2).execute();
    await db.updateTable('audit_log').set({ seq: 2 }).where('seq', '=', 3).execute();
    await db.updateTable('audit_log').set({ seq: 3 }).where('seq', '=', 99).execute();
    const verdict = await verifyAuditChain(db);
    assert.equal(verdict.ok === false && verdict.brokenAtSeq, 2);
  });

  dbTest('a change and its audit row commit or roll back together', async ({ db }) => {
    await assert.rejects(
      db.transaction().execute(async (trx) => {
        await appendAudit(trx, { actor: null, action: 'create', entityType: 'pledge', entityId: 'p' });
        throw new Error('the change failed');
      }),
    );
    const count = await db.selectFrom('audit_log').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(count.n), 0);
    assert.equal((await verifyAuditChain(db)).ok, true);
  });
});
