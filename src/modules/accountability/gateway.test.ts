import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { dbTest } from '../../db/testing.ts';
import { buildAccountabilityApp, buildAccountabilityWorld } from './accountability.testing.ts';

const message = (overrides: Record<string, unknown> = {}) => ({ from: '+50937001234', text: 'Polisye yo pran lajan nan men chofè yo nan baraj Kwadebouke a', received_at: '2025-03-01T14:30:00Z', ...overrides });

describe('SMS and WhatsApp gateway webhook', () => {
  dbTest('only a gateway with its own secret gets in; everything else is a 401 that says nothing more', async ({ db }) => {
    const { app, close } = await buildAccountabilityApp(db);
    const world = await buildAccountabilityWorld(db);
    const created = await app.inject({ method: 'POST', url: '/api/v1/oversight/gateways', headers: world.investigator.headers, payload: { name: 'digicel-sms', channel: 'sms' } });
    assert.equal(created.statusCode, 201, created.body);
    const { gateway, secret, url } = created.json<{ gateway: { id: string }; secret: string; url: string }>();
    assert.ok(secret.length >= 40);
    const stored = await db.selectFrom('complaint_gateways').selectAll().executeTakeFirstOrThrow();
    assert.notEqual(stored.secret_hash, secret);
    assert.ok(!JSON.stringify(stored).includes(secret));
    const other = await app.inject({ method: 'POST', url: '/api/v1/oversight/gateways', headers: world.investigator.headers, payload: { name: 'whatsapp-1', channel: 'whatsapp' } });
    const otherSecret = other.json<{ secret: string }>().secret;

    const post = (headers: Record<string, string>, payload: unknown = message(), to = url) => app.inject({ method: 'POST', url: to, headers, payload: payload as object });
    const refusals = [
      await post({}),
      await post({ authorization: 'Bearer ' }),
      await post({ authorization: `Bearer ${secret.slice(0, -1)}x` }),
      await post({ authorization: `Bearer ${otherSecret}` }), // another gateway's secret
      await post({ authorization: `Basic ${secret}` }),
      await post({ 'x-konbit-gateway-secret': 'guess' }),
      await post({ authorization: `Bearer ${secret}` }, message(), '/api/v1/complaints/gateways/00000000-0000-0000-0000-000000000000/messages'),
      await post({ authorization: `Bearer ${secret}` }, message(), '/api/v1/complaints/gateways/..%2F..%2Fetc/messages'),
      // A forged request with a malformed body is refused for its secret before its body is read.
      await app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json' }, payload: '{"from": ' }),
    ];
    for (const refused of refusals) {
      assert.equal(refused.statusCode, 401, refused.body);
      assert.equal(refused.json().error.code, 'UNAUTHENTICATED');
    }
    assert.equal((await db.selectFrom('complaints').selectAll().execute()).length, 0);

    const auth = { authorization: `Bearer ${secret}` };
    const malformed = await post(auth, { from: '+509', text: '' , received_at: 'yesterday' });
    assert.equal(malformed.statusCode, 400);
    assert.match(malformed.json().error.message, /received_at|text/);
    const extra = await post(auth, { ...message(), script: '<script>' });
    assert.equal(extra.statusCode, 400);

    const filed = await post(auth, message({ id: 'msg-1' }));
    assert.equal(filed.statusCode, 200, filed.body);
    const answer = filed.json<{ action: string; reply: string; replies: { en: string } }>();
    assert.equal(answer.action, 'filed');
    const code = /([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})/.exec(answer.replies.en)![1]!;
    assert.ok(answer.reply.includes(code));

    // A replay (same message id) is not filed twice.
    const replay = await post(auth, message({ id: 'msg-1' }));
    assert.equal(replay.json().action, 'duplicate');
    assert.equal((await db.selectFrom('complaints').selectAll().execute()).length, 1);

    const status = await post(auth, message({ id: 'msg-2', text: `status ${code.toLowerCase()}` }));
    assert.equal(status.json().action, 'status');
    assert.match(status.json().replies.en, /Received/);

    const more = await post(auth, message({ id: 'msg-3', text: `${code} Se te yon machin blan ak de polisye` }));
    assert.equal(more.json().action, 'added');
    const additions = await db.selectFrom('complaint_additions').selectAll().execute();
    assert.deepEqual(additions.map((a) => [a.text, a.source]), [['Se te yon machin blan ak de polisye', 'sms']]);

    // The sender's number is the complaint's contact, and the audit log never holds it.
    const contact = await db.selectFrom('complaint_contacts').selectAll().executeTakeFirstOrThrow();
    assert.equal(contact.phone, '+50937001234');
    const audit = JSON.stringify(await db.selectFrom('audit_log').selectAll().execute());
    assert.ok(!audit.includes('37001234') && !audit.includes('Kwadebouke') && !audit.includes(secret));

    // A disabled gateway is refused like a forged one.
    const disabled = await app.inject({ method: 'POST', url: `/api/v1/oversight/gateways/${gateway.id}/disable`, headers: world.investigator.headers });
    assert.equal(disabled.json().disabled, true);
    assert.equal((await post(auth, message({ id: 'msg-4' }))).statusCode, 401);
    await close();
  });

  dbTest('a flood from one sender is cut off without stopping the others', async ({ db }) => {
    const { app, close } = await buildAccountabilityApp(db);
    const world = await buildAccountabilityWorld(db);
    const { url, secret } = (await app.inject({ method: 'POST', url: '/api/v1/oversight/gateways', headers: world.investigator.headers, payload: { name: 'sms-1', channel: 'sms' } })).json<{ url: string; secret: string }>();
    const auth = { authorization: `Bearer ${secret}` };
    const statuses: number[] = [];
    for (let i = 0; i < 22; i += 1) statuses.push((await app.inject({ method: 'POST', url, headers: auth, payload: message({ id: `flood-${i}`, text: `spam ${i}` }) })).statusCode);
    assert.deepEqual(statuses.slice(0, 20), new Array(20).fill(200));
    assert.deepEqual(statuses.slice(20), [429, 429]);
    const other = await app.inject({ method: 'POST', url, headers: auth, payload: message({ id: 'other', from: '+50938000000' }) });
    assert.equal(other.statusCode, 200);
    await close();
  });

  dbTest('only the oversight body manages gateways', async ({ db }) => {
    const { app, close } = await buildAccountabilityApp(db);
    const world = await buildAccountabilityWorld(db);
    for (const user of [world.hqAdmin, world.kenAdmin, world.kenOversightRole]) {
      const response = await app.inject({ method: 'POST', url: '/api/v1/oversight/gateways', headers: user.headers, payload: { name: 'rogue', channel: 'sms' } });
      assert.equal(response.statusCode, 403);
    }
    assert.equal((await db.selectFrom('complaint_gateways').selectAll().execute()).length, 0);
    await close();
  });
});
