import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { dbTest } from '../../db/testing.ts';
import type { Db } from '../../db/index.ts';
import { buildTestApp } from '../../server/testing.ts';
import { buildOrganisation, buildUser } from '../auth/testing.ts';
import { patrolInput } from '../sites/sites.testing.ts';
import { forgetKeysBefore } from './index.ts';

/** Replayable writes over HTTP: a roadblock reported and a task moved on, each sent twice with one key. */

const BLOCK = { kind: 'roadblock', lon: -72.3, lat: 18.55, description: 'Burning tyres across Route de Delmas', classification: 'MISSION' };

async function count(db: Db, table: 'roadblocks' | 'idempotency_keys' | 'audit_log'): Promise<number> {
  const row = await db.selectFrom(table).select((eb) => eb.fn.countAll().as('count')).executeTakeFirstOrThrow();
  return Number(row.count);
}

async function setUp(db: Db) {
  await buildOrganisation(db, 'KEN');
  await buildOrganisation(db, 'JAM');
  const app = await buildTestApp(db);
  const reporter = await buildUser(db, 'ken.reporter', 'KEN', ['reporter']);
  const other = await buildUser(db, 'jam.reporter', 'JAM', ['reporter']);
  const commander = await buildUser(db, 'ken.commander', 'KEN', ['commander']);
  return { app, reporter, other, commander };
}

describe('idempotency keys', () => {
  dbTest('a roadblock sent twice with one key is written once and the first answer is replayed', async ({ db }) => {
    const { app, reporter } = await setUp(db);
    const send = (key: string, payload: object = BLOCK) =>
      app.inject({ method: 'POST', url: '/api/v1/roads/roadblocks', headers: { ...reporter.headers, 'idempotency-key': key }, payload });
    const first = await send('block-0001');
    assert.equal(first.statusCode, 201, first.body);
    assert.equal(first.headers['idempotent-replayed'], undefined);
    const auditAfterFirst = await count(db, 'audit_log');

    const again = await send('block-0001');
    assert.equal(again.statusCode, 201, again.body);
    assert.equal(again.headers['idempotent-replayed'], 'true');
    assert.deepEqual(again.json(), first.json(), 'the original answer, byte for byte');
    assert.equal(await count(db, 'roadblocks'), 1);
    assert.equal(await count(db, 'idempotency_keys'), 1);
    assert.equal(await count(db, 'audit_log'), auditAfterFirst, 'a replay writes nothing');

    const different = await send('block-0001', { ...BLOCK, description: 'Another barricade' });
    assert.equal(different.statusCode, 409, different.body);
    assert.equal(different.json().error.code, 'CONFLICT');
    assert.match(different.json().error.message, /different request/);
    assert.equal(await count(db, 'roadblocks'), 1, 'the refused request wrote nothing');

    const fresh = await send('block-0002');
    assert.equal(fresh.statusCode, 201);
    assert.notEqual(fresh.json().id, first.json().id, 'a new key is a new report');
    assert.equal(await count(db, 'roadblocks'), 2);
  });

  dbTest('keys belong to the user who sent them: another user’s same key is a request of its own', async ({ db }) => {
    const { app, reporter, other } = await setUp(db);
    const send = (user: typeof reporter) =>
      app.inject({ method: 'POST', url: '/api/v1/roads/roadblocks', headers: { ...user.headers, 'idempotency-key': 'shared-key' }, payload: BLOCK });
    const mine = await send(reporter);
    const theirs = await send(other);
    assert.equal(theirs.statusCode, 201, theirs.body);
    assert.equal(theirs.headers['idempotent-replayed'], undefined);
    assert.notEqual(theirs.json().id, mine.json().id);
    assert.equal(theirs.json().owner, 'JAM', 'never the other user’s answer');
    assert.equal(await count(db, 'roadblocks'), 2);
  });

  dbTest('a task status change sent twice with one key moves the task once; reusing the key elsewhere is refused', async ({ db }) => {
    const { app, commander } = await setUp(db);
    const created = await app.inject({ method: 'POST', url: '/api/v1/sites/tasks', headers: commander.headers, payload: patrolInput() });
    assert.equal(created.statusCode, 201, created.body);
    const task = created.json<{ id: string }>();
    const move = (key: string, payload: object) =>
      app.inject({ method: 'POST', url: `/api/v1/sites/tasks/${task.id}/status`, headers: { ...commander.headers, 'idempotency-key': key }, payload });

    const started = await move('task-0001', { version: 1, status: 'under_way' });
    assert.equal(started.statusCode, 200, started.body);
    const retried = await move('task-0001', { version: 1, status: 'under_way' });
    assert.equal(retried.statusCode, 200, 'without the key this would be a stale version (409)');
    assert.equal(retried.headers['idempotent-replayed'], 'true');
    assert.deepEqual(retried.json(), started.json());
    const now = await app.inject({ method: 'GET', url: `/api/v1/sites/tasks/${task.id}`, headers: commander.headers });
    assert.equal(now.json<{ version: number }>().version, 2, 'moved once');

    const otherChange = await move('task-0001', { version: 2, status: 'done', afterAction: 'Quiet' });
    assert.equal(otherChange.statusCode, 409);
    const otherOperation = await app.inject({ method: 'POST', url: '/api/v1/roads/roadblocks', headers: { ...commander.headers, 'idempotency-key': 'task-0001' }, payload: BLOCK });
    assert.equal(otherOperation.statusCode, 409, 'a key serves one operation');
    assert.equal(await count(db, 'roadblocks'), 0);
  });

  dbTest('two retries racing with one key write one row and both get its answer', async ({ db }) => {
    const { app, reporter } = await setUp(db);
    const send = () => app.inject({ method: 'POST', url: '/api/v1/roads/roadblocks', headers: { ...reporter.headers, 'idempotency-key': 'race-1' }, payload: BLOCK });
    const answers = await Promise.all([send(), send(), send()]);
    assert.deepEqual(answers.map((a) => a.statusCode), [201, 201, 201]);
    assert.equal(new Set(answers.map((a) => a.json<{ id: string }>().id)).size, 1);
    assert.equal(await count(db, 'roadblocks'), 1);
  });

  dbTest('old keys can be forgotten', async ({ db }) => {
    const { app, reporter } = await setUp(db);
    await app.inject({ method: 'POST', url: '/api/v1/roads/roadblocks', headers: { ...reporter.headers, 'idempotency-key': 'old' }, payload: BLOCK });
    assert.equal(await forgetKeysBefore(db, '2000-01-01T00:00:00Z'), 0);
    assert.equal(await forgetKeysBefore(db, new Date(Date.now() + 1000).toISOString()), 1);
    assert.equal(await count(db, 'idempotency_keys'), 0);
  });
});
