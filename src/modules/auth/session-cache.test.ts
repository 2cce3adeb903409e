import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { dbTest } from '../../db/testing.ts';
import { buildTestApp } from '../../server/testing.ts';
import { SessionCache, type CachedSession } from './session-cache.ts';
import { buildOrganisation, buildUser } from './testing.ts';
import { changePassword } from './users.service.ts';

function entry(userId: string, expiresMs: number): CachedSession {
  const row = {
    session_id: 'd',
    csrf_token: 'c',
    expires_at: new Date(expiresMs).toISOString(),
    user_id: userId,
    username: 'u',
    display_name: 'U',
    locale: 'en',
    disabled: 0,
    organisation_id: 'o',
    organisation_code: 'KEN',
    organisation_name: 'Kenya',
    is_mission_member: 1,
  };
  return { row, roles: ['reporter'], expiresMs, cachedAtMs: Date.now() };
}

describe('session cache', () => {
  dbTest('a session in use is read from the cache, and signing out ends it at once', async ({ db }) => {
    const app = await buildTestApp(db);
    await buildOrganisation(db, 'KEN');
    const ken = await buildUser(db, 'ken.reporter', 'KEN', ['reporter']);
    const me = () => app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: ken.headers });
    assert.equal((await me()).statusCode, 200);
    // The row changes behind Konbit's back (no revocation announced): the cached session still answers.
    await db.updateTable('users').set({ display_name: 'Renamed' }).execute();
    assert.equal((await me()).json().displayName, 'ken.reporter', 'served from the cache');
    const out = await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: ken.headers });
    assert.ok(out.statusCode < 300, out.body);
    assert.equal((await me()).statusCode, 401, 'a signed-out session stops at once, cached or not');
    await app.close();
  });

  dbTest('a password change ends every cached session of the user at once, and only theirs', async ({ db }) => {
    const app = await buildTestApp(db);
    await buildOrganisation(db, 'KEN');
    const first = await buildUser(db, 'ken.reporter', 'KEN', ['reporter']);
    const other = await buildUser(db, 'ken.analyst', 'KEN', ['analyst']);
    const me = (headers: Record<string, string>) => app.inject({ method: 'GET', url: '/api/v1/auth/me', headers });
    assert.equal((await me(first.headers)).statusCode, 200);
    assert.equal((await me(other.headers)).statusCode, 200);
    await changePassword({ db, actor: null, username: 'ken.reporter', newPassword: 'another-long-password' });
    assert.equal((await me(first.headers)).statusCode, 401);
    assert.equal((await me(other.headers)).statusCode, 200);
    await app.close();
  });
});

describe('session cache entries', () => {
  test('a lookup that raced with a revocation is not kept', () => {
    const cache = new SessionCache();
    const generation = cache.generation;
    cache.revoke({ kind: 'user', userId: 'someone-else' });
    cache.set('digest', entry('u1', Date.now() + 60_000), generation);
    assert.equal(cache.get('digest', Date.now()), undefined);
    cache.set('digest', entry('u1', Date.now() + 60_000), cache.generation);
    assert.ok(cache.get('digest', Date.now()));
  });

  test('an entry past its session expiry or the cache lifetime is not served', () => {
    const cache = new SessionCache();
    const now = Date.now();
    cache.set('expired', entry('u1', now - 1), cache.generation);
    assert.equal(cache.get('expired', now), undefined);
    cache.set('old', { ...entry('u1', now + 3_600_000), cachedAtMs: now - 60_000 }, cache.generation);
    assert.equal(cache.get('old', now), undefined);
  });

  test('revocations reach the listeners (the fan-out), except those relayed from another instance', () => {
    const cache = new SessionCache();
    const heard: unknown[] = [];
    cache.onRevoke((revocation) => heard.push(revocation));
    cache.set('a', entry('u1', Date.now() + 60_000), cache.generation);
    cache.set('b', entry('u2', Date.now() + 60_000), cache.generation);
    cache.revoke({ kind: 'user', userId: 'u1' });
    cache.revoke({ kind: 'session', digest: 'b' }, { relay: false });
    assert.equal(cache.get('a', Date.now()), undefined);
    assert.equal(cache.get('b', Date.now()), undefined);
    assert.deepEqual(heard, [{ kind: 'user', userId: 'u1' }]);
  });
});
