import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createDb } from '../db/index.ts';
import { createTestDb, TEST_DIALECTS } from '../db/testing.ts';
import { SessionCache, type CachedSession } from '../modules/auth/index.ts';
import { StreamBus } from '../modules/incidents/index.ts';
import { startFanout } from './fanout.ts';

/*
 * Two instances' fan-outs on one PostgreSQL schema, each with its own stream bus and session
 * cache, as two processes would have: a session revoked on one is forgotten by the other as soon
 * as the notification arrives, and a wake on one wakes the other's bus (which drops its cached
 * incident reads).
 */

const skip = TEST_DIALECTS.includes('postgres') ? false : 'the change channel is PostgreSQL LISTEN/NOTIFY: set KONBIT_TEST_PG_URL to run this test';

function cached(userId: string): CachedSession {
  const expiresMs = Date.now() + 3_600_000;
  const row = {
    session_id: 'digest',
    csrf_token: 'c',
    expires_at: new Date(expiresMs).toISOString(),
    user_id: userId,
    username: 'ken.reporter',
    display_name: 'K',
    locale: 'en',
    disabled: 0,
    organisation_id: 'o',
    organisation_code: 'KEN',
    organisation_name: 'Kenya',
    is_mission_member: 1,
  };
  return { row, roles: ['reporter'], expiresMs, cachedAtMs: Date.now() };
}

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

test('a session revoked on one instance is forgotten by the other through the change channel [postgres]', { skip }, async () => {
  const t = await createTestDb('postgres');
  const other = createDb({ url: t.url, searchPath: t.searchPath, poolSize: 2 });
  const here = { sessions: new SessionCache(), bus: new StreamBus() };
  const there = { sessions: new SessionCache(), bus: new StreamBus() };
  const fanouts = [await startFanout({ db: t.db, ...here }), await startFanout({ db: other, ...there })];
  try {
    for (const instance of [here, there]) {
      instance.sessions.set('one', cached('u1'), instance.sessions.generation);
      instance.sessions.set('two', cached('u2'), instance.sessions.generation);
    }
    here.sessions.revoke({ kind: 'session', digest: 'one' });
    await until(() => there.sessions.get('one', Date.now()) === undefined, 'the other instance to forget the session');
    assert.ok(there.sessions.get('two', Date.now()), 'only the revoked session is forgotten');

    here.sessions.revoke({ kind: 'user', userId: 'u2' });
    await until(() => there.sessions.get('two', Date.now()) === undefined, "the other instance to forget the user's sessions");

    let woken = 0;
    there.bus.subscribe(() => woken++);
    here.bus.wake();
    await until(() => woken > 0, 'the wake to reach the other bus');
  } finally {
    for (const fanout of fanouts) await fanout?.close();
    await other.destroy();
    await t.drop();
  }
});
