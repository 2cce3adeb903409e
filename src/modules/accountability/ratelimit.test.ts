import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { dbTest } from '../../db/testing.ts';
import { buildAccountabilityApp } from './accountability.testing.ts';
import { RotatingSalt } from './client-key.ts';

describe('abuse protection that identifies no one', () => {
  dbTest('a flood of complaints from one address is cut off; another address is not', async ({ db }) => {
    const { app, close } = await buildAccountabilityApp(db);
    const file = (remoteAddress: string) => app.inject({ method: 'POST', url: '/api/v1/complaints', remoteAddress, payload: { what: 'flood' } });
    for (let i = 0; i < 10; i += 1) assert.equal((await file('203.0.113.7')).statusCode, 201);
    const refused = await file('203.0.113.7');
    assert.equal(refused.statusCode, 429);
    assert.equal(refused.json().error.code, 'RATE_LIMITED');
    assert.ok(Number(refused.headers['retry-after']) > 0);
    assert.equal((await file('198.51.100.9')).statusCode, 201);
    assert.equal((await db.selectFrom('complaints').selectAll().execute()).length, 11);
    await close();
  });

  dbTest('guessing receipt codes is cut off after a few tries', async ({ db }) => {
    const { app, close } = await buildAccountabilityApp(db);
    const statuses: number[] = [];
    for (let i = 0; i < 42; i += 1) {
      const guess = `AAAA-AAAA-${String(i).padStart(4, '0')}`;
      statuses.push((await app.inject({ method: 'POST', url: '/api/v1/complaints/status', remoteAddress: '203.0.113.8', payload: { receipt: guess } })).statusCode);
    }
    assert.deepEqual(statuses.slice(0, 40), new Array(40).fill(404));
    assert.deepEqual(statuses.slice(40), [429, 429]);
    // Additions and files share the same allowance: a guesser cannot switch endpoints.
    const addition = await app.inject({ method: 'POST', url: '/api/v1/complaints/additions', remoteAddress: '203.0.113.8', payload: { receipt: 'AAAA-AAAA-AAAA', text: 'x' } });
    assert.equal(addition.statusCode, 429);
    const file = await app.inject({ method: 'POST', url: '/api/v1/complaints/attachments', remoteAddress: '203.0.113.8', headers: { 'content-type': 'image/jpeg', 'x-konbit-receipt': 'AAAA-AAAA-AAAA' }, payload: Buffer.from([0xff, 0xd8, 0xff]) });
    assert.equal(file.statusCode, 429);
    await close();
  });

  dbTest('nothing about the client is stored: the complaint rows and the audit log hold no address', async ({ db }) => {
    const { app, close } = await buildAccountabilityApp(db);
    await app.inject({ method: 'POST', url: '/api/v1/complaints', remoteAddress: '192.0.2.55', headers: { 'user-agent': 'Phone/1.0 (Marie)' }, payload: { what: 'x' } });
    const stored = JSON.stringify([await db.selectFrom('complaints').selectAll().execute(), await db.selectFrom('audit_log').selectAll().execute()]);
    assert.ok(!stored.includes('192.0.2.55') && !stored.includes('Marie'));
    await close();
  });
});

describe('rate-limit keys', () => {
  dbTest('are opaque, stable within a day and change when the salt rotates', async () => {
    let clock = 0;
    const salt = new RotatingSalt(() => clock);
    const first = salt.key('file', '203.0.113.7');
    assert.ok(!first.includes('203.0.113.7'));
    assert.equal(salt.key('file', '203.0.113.7'), first);
    assert.notEqual(salt.key('file', '203.0.113.8'), first);
    assert.notEqual(salt.key('receipt', '203.0.113.7'), first);
    clock += 24 * 60 * 60 * 1000;
    assert.notEqual(salt.key('file', '203.0.113.7'), first);
    assert.notEqual(new RotatingSalt().key('file', '203.0.113.7'), first);
  });
});
