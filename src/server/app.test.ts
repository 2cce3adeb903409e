import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import Fastify, { type InjectOptions } from 'fastify';

import { dbTest } from '../db/testing.ts';
import { httpAccess } from '../modules/auth/index.ts';
import { buildOrganisation, buildUser } from '../modules/auth/testing.ts';
import { createDb } from '../db/index.ts';
import { buildTestApp } from './testing.ts';

describe('the HTTP application', () => {
  dbTest('health, readiness and the API docs answer', async ({ db }) => {
    const app = await buildTestApp(db);
    assert.deepEqual((await app.inject('/healthz')).json(), { status: 'up' });
    assert.deepEqual((await app.inject('/readyz')).json(), { status: 'ready' });
    const spec = (await app.inject('/docs/json')).json();
    assert.equal(spec.openapi.startsWith('3.'), true);
    assert.ok(spec.paths['/api/v1/auth/login'].post, 'login is documented');
    assert.equal((await app.inject('/docs')).statusCode < 400, true);
    await app.close();
  });

  dbTest('readiness fails when migrations are missing', async ({ db }) => {
    const app = await buildTestApp(db);
    await db.deleteFrom('kysely_migration' as never).execute();
    assert.equal((await app.inject('/readyz')).statusCode, 503);
    await app.close();
  });

  dbTest('security headers are set', async ({ db }) => {
    const app = await buildTestApp(db);
    const response = await app.inject('/healthz');
    assert.ok(response.headers['content-security-policy']);
    assert.equal(response.headers['x-content-type-options'], 'nosniff');
    assert.ok(response.headers['strict-transport-security']);
    await app.close();
  });

  dbTest('bad requests get a 4xx with a code and a message that names the problem', async ({ db }) => {
    const app = await buildTestApp(db, { KONBIT_BODY_LIMIT_BYTES: '2048' });
    await buildOrganisation(db, 'KEN');
    const ken = await buildUser(db, 'ken', 'KEN', ['commander']);
    const cases: { name: string; request: InjectOptions; status: number; code: string; message?: RegExp }[] = [
      { name: 'unknown route', request: { method: 'GET', url: '/api/v1/nothing' }, status: 404, code: 'NOT_FOUND', message: /GET \/api\/v1\/nothing/ },
      { name: 'malformed JSON', request: { method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username":' }, status: 400, code: 'INVALID_JSON' },
      { name: 'wrong type', request: { method: 'POST', url: '/api/v1/auth/login', payload: { username: 7, password: 'x' } }, status: 400, code: 'VALIDATION_FAILED', message: /body\.username/ },
      { name: 'unknown field', request: { method: 'POST', url: '/api/v1/auth/login', payload: { username: 'a', password: 'b', admin: true } }, status: 400, code: 'VALIDATION_FAILED', message: /admin/ },
      { name: 'oversized body', request: { method: 'POST', url: '/api/v1/auth/login', payload: { username: 'a', password: 'x'.repeat(5000) } }, status: 413, code: 'BODY_TOO_LARGE' },
      { name: 'form post', request: { method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'username=a&password=b' }, status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
      { name: 'text post', request: { method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'text/plain' }, payload: 'x' }, status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
      { name: 'bad query value', request: { method: 'GET', url: '/api/v1/notices?limit=-3' }, status: 400, code: 'VALIDATION_FAILED', message: /querystring\.limit/ },
      { name: 'bad enum', request: { method: 'POST', url: '/api/v1/notices', headers: ken.headers, payload: { title: 't', classification: 'SECRET' } }, status: 400, code: 'VALIDATION_FAILED', message: /classification/ },
      { name: 'no session', request: { method: 'POST', url: '/api/v1/notices', payload: { title: 't', classification: 'PUBLIC' } }, status: 401, code: 'UNAUTHENTICATED' },
    ];
    for (const c of cases) {
      const response = await app.inject(c.request);
      assert.equal(response.statusCode, c.status, `${c.name}: ${response.body}`);
      const body = response.json();
      assert.equal(body.error.code, c.code, c.name);
      assert.equal(typeof body.error.message, 'string', c.name);
      if (c.message) assert.match(body.error.message, c.message, c.name);
      assert.doesNotMatch(response.body, /at .*\.ts:\d+/, `${c.name}: no stack trace`);
    }
    await app.close();
  });
});

describe('route access policies', () => {
  test('a route that declares no access policy cannot be registered', async () => {
    const app = Fastify();
    await app.register(httpAccess, { db: createDb({ url: 'sqlite::memory:' }) });
    assert.throws(() => app.get('/api/v1/forgotten', async () => 'open'), /GET \/api\/v1\/forgotten declares no access policy/);
    app.get('/index.html', async () => 'a static page');
    assert.equal(app.routeAccessTable.at(-1)?.access, 'public', 'files outside /api/ are public');
  });

  dbTest('every registered route has an access policy', async ({ db }) => {
    const app = await buildTestApp(db);
    assert.ok(app.routeAccessTable.length >= 10, `found ${app.routeAccessTable.length} routes`);
    const undeclared = app.routeAccessTable.filter((route) => route.access === undefined);
    assert.deepEqual(undeclared, []);
    const loginRoute = app.routeAccessTable.find((r) => r.url === '/api/v1/auth/login');
    assert.equal(loginRoute?.access, 'public');
    await app.close();
  });
});
