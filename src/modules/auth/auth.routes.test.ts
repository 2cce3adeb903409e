import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { dbTest } from '../../db/testing.ts';
import { buildTestApp } from '../../server/testing.ts';
import { changePassword } from './users.service.ts';
import { buildOrganisation, buildUser, TEST_PASSWORD } from './testing.ts';
import type { Db } from '../../db/index.ts';

async function setUp(db: Db) {
  const app = await buildTestApp(db);
  await buildOrganisation(db, 'KEN');
  await buildOrganisation(db, 'MSS-HQ', 'mission_hq');
  const ken = await buildUser(db, 'ken.commander', 'KEN', ['commander']);
  const admin = await buildUser(db, 'admin', 'MSS-HQ', ['admin']);
  return { app, ken, admin };
}

function loginRequest(username: string, password: string, ip = '10.0.0.1') {
  return { method: 'POST' as const, url: '/api/v1/auth/login', payload: { username, password }, remoteAddress: ip };
}

describe('sign in, sessions and CSRF', () => {
  dbTest('signing in sets an HttpOnly SameSite=Strict cookie that opens /me', async ({ db }) => {
    const { app } = await setUp(db);
    const response = await app.inject(loginRequest('ken.commander', TEST_PASSWORD));
    assert.equal(response.statusCode, 200);
    const cookie = response.cookies.find((c) => c.name === 'konbit_session');
    assert.ok(cookie);
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Strict');
    assert.notEqual(cookie.secure, true, 'not Secure over plain HTTP');
    const me = await app.inject({ method: 'GET', url: '/api/v1/auth/me', cookies: { konbit_session: cookie.value } });
    assert.equal(me.json().organisation.code, 'KEN');
    assert.deepEqual(me.json().roles, ['commander']);
    await app.close();
  });

  dbTest('the cookie is Secure when the request came over TLS', async ({ db }) => {
    const { app } = await setUp(db);
    const secureApp = await buildTestApp(db, { KONBIT_COOKIE_SECURE: 'true' });
    const response = await secureApp.inject(loginRequest('ken.commander', TEST_PASSWORD));
    assert.equal(response.cookies.find((c) => c.name === 'konbit_session')?.secure, true);
    await Promise.all([app.close(), secureApp.close()]);
  });

  dbTest('a wrong password and an unknown user get the same answer', async ({ db }) => {
    const { app } = await setUp(db);
    const wrong = await app.inject(loginRequest('ken.commander', 'not-the-password'));
    const unknown = await app.inject(loginRequest('nobody', 'not-the-password'));
    assert.equal(wrong.statusCode, 401);
    assert.deepEqual(wrong.json(), unknown.json());
    await app.close();
  });

  dbTest('five failures lock the account, even with the right password afterwards', async ({ db }) => {
    const { app } = await setUp(db);
    for (let i = 0; i < 5; i++) assert.equal((await app.inject(loginRequest('ken.commander', 'wrong-password', `10.0.0.${i}`))).statusCode, 401);
    const locked = await app.inject(loginRequest('ken.commander', TEST_PASSWORD, '10.0.0.99'));
    assert.equal(locked.statusCode, 429);
    assert.equal(locked.json().error.code, 'LOGIN_THROTTLED');
    assert.ok(Number(locked.headers['retry-after']) > 0);
    await app.close();
  });

  dbTest('thirty failures from one address lock that address for every account', async ({ db }) => {
    const { app } = await setUp(db);
    for (let i = 0; i < 30; i++) await app.inject(loginRequest(`guess${i}`, 'wrong-password', '10.9.9.9'));
    assert.equal((await app.inject(loginRequest('admin', TEST_PASSWORD, '10.9.9.9'))).statusCode, 429);
    assert.equal((await app.inject(loginRequest('admin', TEST_PASSWORD, '10.9.9.8'))).statusCode, 200);
    await app.close();
  });

  dbTest('a mutation without the CSRF header is refused', async ({ db }) => {
    const { app, ken } = await setUp(db);
    const payload = { title: 'Patrol plan', classification: 'MISSION' };
    const without = await app.inject({ method: 'POST', url: '/api/v1/notices', headers: { cookie: ken.headers.cookie }, payload });
    assert.equal(without.statusCode, 403);
    assert.equal(without.json().error.code, 'CSRF_FAILED');
    const wrong = await app.inject({ method: 'POST', url: '/api/v1/notices', headers: { ...ken.headers, 'x-csrf-token': 'x'.repeat(32) }, payload });
    assert.equal(wrong.statusCode, 403);
    const right = await app.inject({ method: 'POST', url: '/api/v1/notices', headers: ken.headers, payload });
    assert.equal(right.statusCode, 201);
    await app.close();
  });

  dbTest('logout ends the session', async ({ db }) => {
    const { app, ken } = await setUp(db);
    assert.equal((await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: ken.headers })).statusCode, 204);
    const after = await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: ken.headers });
    assert.equal(after.statusCode, 401);
    assert.equal(after.json().error.code, 'UNAUTHENTICATED');
    await app.close();
  });

  dbTest('changing a password ends every session of that user', async ({ db }) => {
    const { app, ken } = await setUp(db);
    await changePassword({ db, actor: null, username: 'ken.commander', newPassword: 'a-new-password-2' });
    assert.equal((await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: ken.headers })).statusCode, 401);
    assert.equal((await app.inject(loginRequest('ken.commander', 'a-new-password-2'))).statusCode, 200);
    await app.close();
  });

  dbTest('an expired session is refused', async ({ db }) => {
    const { app, ken } = await setUp(db);
    await db.updateTable('sessions').set({ expires_at: '2000-01-01T00:00:00.000Z' }).execute();
    assert.equal((await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: ken.headers })).statusCode, 401);
    await app.close();
  });

  dbTest('a malformed cookie is treated as no session, not an error', async ({ db }) => {
    const { app } = await setUp(db);
    const response = await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: 'konbit_session=%%%; other=1' } });
    assert.equal(response.statusCode, 401);
    assert.equal(response.json().error.code, 'UNAUTHENTICATED');
    await app.close();
  });

  dbTest('roles gate admin routes; every change and every sign-in is audited', async ({ db }) => {
    const { app, ken, admin } = await setUp(db);
    const asKen = await app.inject({ method: 'GET', url: '/api/v1/audit/verify', headers: ken.headers });
    assert.equal(asKen.statusCode, 403);
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.headers,
      payload: { username: 'jam.commander', displayName: 'JAM', organisationCode: 'KEN', roles: ['commander'], password: 'long-enough-pw' },
    });
    assert.equal(created.statusCode, 201);
    await buildOrganisation(db, 'OVS', 'oversight');
    const oversightByAdmin = await app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.headers,
      payload: { username: 'mole', displayName: 'Mole', organisationCode: 'OVS', roles: ['viewer'], password: 'long-enough-pw' },
    });
    assert.equal(oversightByAdmin.statusCode, 403, 'an admin cannot plant an account in the oversight body');
    const actions = (await db.selectFrom('audit_log').select('action').orderBy('seq').execute()).map((r) => r.action);
    assert.deepEqual(actions, ['login', 'login', 'create']);
    const verdict = await app.inject({ method: 'GET', url: '/api/v1/audit/verify', headers: admin.headers });
    assert.deepEqual({ ok: verdict.json().ok, rows: verdict.json().rows }, { ok: true, rows: 3 });
    await app.close();
  });
});
