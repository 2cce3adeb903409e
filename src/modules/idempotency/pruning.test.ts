import assert from 'node:assert/strict';
import { describe } from 'node:test';
import Fastify from 'fastify';
import { dbTest } from '../../db/testing.ts';
import { buildKeyOwner, storedKeys, storeKeysAt } from './idempotency.testing.ts';
import { idempotencyPruning, pruneIdempotencyKeys, startKeyPruning, type PruneResult } from './pruning.ts';

/** Pruning of keys past their retention, counted back from a fixed clock. */

const NOW = new Date('2026-06-01T00:00:00.000Z');
const DAY_MS = 86_400_000;
const daysBefore = (days: number, extraMs = 0): Date => new Date(NOW.getTime() - days * DAY_MS - extraMs);

/** key-0: 90 days old; key-1: 30 days and 1 ms; key-2: exactly 30 days; key-3: 1 day. */
const AGES = [daysBefore(90), daysBefore(30, 1), daysBefore(30), daysBefore(1)];

describe('idempotency key pruning', () => {
  dbTest('keys stored before the retention are forgotten; the cut-off itself and younger keys stay', async ({ db }) => {
    await storeKeysAt(db, await buildKeyOwner(db), AGES);
    const result = await pruneIdempotencyKeys({ db, retentionDays: 30, now: NOW });
    assert.deepEqual(result, { forgotten: 2, before: '2026-05-02T00:00:00.000Z' });
    assert.deepEqual(await storedKeys(db), ['key-2', 'key-3']);
    assert.deepEqual(await pruneIdempotencyKeys({ db, retentionDays: 30, now: NOW }), { forgotten: 0, before: result.before }, 'a second round finds nothing');
    // A shorter retention reaches further: a fraction of a day counts in hours.
    assert.equal((await pruneIdempotencyKeys({ db, retentionDays: 0.5, now: NOW })).forgotten, 2);
    assert.deepEqual(await storedKeys(db), []);
  });

  dbTest('the pruner prunes at once and stops without leaving a round behind', async ({ db }) => {
    await storeKeysAt(db, await buildKeyOwner(db), AGES);
    const rounds: PruneResult[] = [];
    const pruner = startKeyPruning({ db, retentionDays: 7, clock: () => NOW, onPruned: (result) => rounds.push(result) });
    await pruner.stop();
    assert.deepEqual(rounds, [{ forgotten: 3, before: daysBefore(7).toISOString() }]);
    assert.deepEqual(await storedKeys(db), ['key-3']);
  });

  dbTest('a pruning round that fails is reported, not thrown', async ({ db }) => {
    const errors: unknown[] = [];
    // A schema that does not exist: the delete fails on either database.
    const pruner = startKeyPruning({ db: db.withSchema('konbit_no_such_schema'), retentionDays: 7, clock: () => NOW, onError: (error) => errors.push(error) });
    await pruner.stop();
    assert.equal(errors.length, 1);
    assert.match(String(errors[0]), /konbit_no_such_schema/);
  });

  dbTest('a server prunes when it starts listening, and an app that only answers injected requests does not', async ({ db }) => {
    await storeKeysAt(db, await buildKeyOwner(db), AGES);
    const injectedOnly = Fastify();
    await injectedOnly.register(idempotencyPruning, { db, retentionDays: 30, clock: () => NOW });
    await injectedOnly.ready();
    await injectedOnly.close();
    assert.equal((await storedKeys(db)).length, 4, 'nothing pruned without listening');

    const server = Fastify();
    await server.register(idempotencyPruning, { db, retentionDays: 30, clock: () => NOW });
    await server.listen({ host: '127.0.0.1', port: 0 });
    // Closing waits for the round that started with the server.
    await server.close();
    assert.deepEqual(await storedKeys(db), ['key-2', 'key-3']);
  });
});
