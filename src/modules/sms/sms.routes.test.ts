import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { dbTest } from '../../db/testing.ts';
import { buildSmsWorld, smsMessage } from './sms.testing.ts';

type Reply = { action: string; reply: string; language: string; replies: { ht: string; fr: string; en: string }; reference: string | null };

describe('SMS incident reports: the gateway webhook', () => {
  dbTest('only a registered gateway with its own secret gets in; the secret is stored as a digest', async ({ db }) => {
    const world = await buildSmsWorld(db);
    const stored = await db.selectFrom('sms_gateways').selectAll().executeTakeFirstOrThrow();
    assert.ok(!JSON.stringify(stored).includes(world.gateway.secret));
    const other = await world.app.inject({ method: 'POST', url: '/api/v1/sms/gateways', headers: world.hnpAdmin.headers, payload: { name: 'natcom-sms' } });
    const otherSecret = other.json<{ secret: string }>().secret;
    const refusals = [
      await world.send(smsMessage(), {}),
      await world.send(smsMessage(), { authorization: `Bearer ${world.gateway.secret.slice(0, -1)}x` }),
      await world.send(smsMessage(), { authorization: `Bearer ${otherSecret}` }),
      await world.app.inject({ method: 'POST', url: '/api/v1/sms/gateways/00000000-0000-0000-0000-000000000000/incidents', headers: { authorization: `Bearer ${world.gateway.secret}` }, payload: smsMessage() }),
      await world.app.inject({ method: 'POST', url: '/api/v1/sms/gateways/not-a-gateway/incidents', headers: { authorization: `Bearer ${world.gateway.secret}` }, payload: smsMessage() }),
      // A forged request with a malformed body is refused for its secret before its body is read.
      await world.app.inject({ method: 'POST', url: world.gateway.url, headers: { 'content-type': 'application/json' }, payload: '{"from": ' }),
    ];
    for (const refused of refusals) {
      assert.equal(refused.statusCode, 401, refused.body);
      assert.equal(refused.json().error.code, 'UNAUTHENTICATED');
    }
    assert.equal((await db.selectFrom('sms_messages').selectAll().execute()).length, 0);

    // Only administrators manage gateways.
    const byOfficer = await world.app.inject({ method: 'POST', url: '/api/v1/sms/gateways', headers: world.hnpOfficer.headers, payload: { name: 'rogue' } });
    assert.equal(byOfficer.statusCode, 403);
    const disabled = await world.app.inject({ method: 'POST', url: `/api/v1/sms/gateways/${world.gateway.id}/disable`, headers: world.hnpAdmin.headers });
    assert.equal(disabled.json().disabled, true);
    assert.equal((await world.send(smsMessage())).statusCode, 401);
    await world.app.close();
  });

  dbTest('malformed payloads are a 400 naming the field, and nothing is written', async ({ db }) => {
    const world = await buildSmsWorld(db);
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ from: '+50937001234', received_at: '2026-03-01T14:30:00Z' }, /text/],
      [{ from: '+50937001234', text: '', received_at: '2026-03-01T14:30:00Z' }, /text|empty/],
      [{ text: 'kidnapin', received_at: '2026-03-01T14:30:00Z' }, /from/],
      [{ from: '+50937001234', text: 'kidnapin', received_at: 'yesterday' }, /received_at/],
      [{ from: '+50937001234', text: 'kidnapin', received_at: '2099-01-01T00:00:00Z' }, /received_at.*future/],
      [{ ...smsMessage(), script: '<script>' }, /script|unrecognized|Unrecognized/],
    ];
    for (const [payload, field] of cases) {
      const response = await world.send(payload);
      assert.equal(response.statusCode, 400, `${JSON.stringify(payload)}: ${response.body}`);
      assert.match(JSON.stringify(response.json().error), field);
    }
    assert.equal((await db.selectFrom('sms_messages').selectAll().execute()).length, 0);
    assert.equal((await db.selectFrom('incidents').selectAll().execute()).length, 0);
    await world.app.close();
  });

  dbTest('a registered number’s report lands as an unverified incident, answered in the sender’s language; a retry is not filed twice', async ({ db }) => {
    const world = await buildSmsWorld(db);
    const registered = await world.app.inject({ method: 'POST', url: '/api/v1/sms/reporters', headers: world.hnpAdmin.headers, payload: { phone: '3700-1234', username: 'hnp.officer' } });
    assert.equal(registered.statusCode, 201, registered.body);
    assert.equal(registered.json().phone, '+50937001234');

    const first = await world.send(smsMessage({ id: 'gw-1', text: 'kidnapin Matisan 3 moun' }));
    assert.equal(first.statusCode, 200, first.body);
    const answer = first.json<Reply>();
    assert.equal(answer.action, 'incident');
    assert.equal(answer.language, 'ht');
    assert.match(answer.reply, /^Mèsi\. Nou resevwa: kidnapin, Martissant, 3 kidnape\. Nimewo: K-[0-9A-Z]{6}$/);
    assert.ok(answer.reply.length <= 160);

    const incidents = await db.selectFrom('incidents').selectAll().execute();
    assert.equal(incidents.length, 1);
    const [incident] = incidents;
    assert.equal(incident!.type, 'kidnapping');
    assert.equal(incident!.verification, 'unverified');
    assert.equal(incident!.abducted, 3);
    assert.equal(incident!.place_name, 'Martissant');
    assert.equal(incident!.location_precision, 'near');
    assert.equal(incident!.description, 'kidnapin Matisan 3 moun');
    assert.equal(incident!.reporter_id, world.hnpOfficer.actor.userId);
    assert.equal(incident!.classification, 'MISSION');
    const source = await db.selectFrom('incident_sources').selectAll().where('incident_id', '=', incident!.id).executeTakeFirstOrThrow();
    assert.deepEqual([source.reliability, Number(source.credibility)], ['F', 6]);
    const report = await db.selectFrom('sms_reports').selectAll().executeTakeFirstOrThrow();
    assert.equal(report.incident_id, incident!.id);
    assert.equal(answer.reference, report.reference);

    // The gateway retries the same message: the same answer, nothing new.
    const retry = (await world.send(smsMessage({ id: 'gw-1', text: 'kidnapin Matisan 3 moun' }))).json<Reply>();
    assert.equal(retry.action, 'duplicate');
    assert.equal(retry.reference, answer.reference);
    assert.equal(retry.reply, answer.reply);
    assert.equal((await db.selectFrom('incidents').selectAll().execute()).length, 1);

    // French and English senders are answered in their language.
    const french = (await world.send(smsMessage({ text: '3 morts fusillade Bel Air' }))).json<Reply>();
    assert.equal(french.language, 'fr');
    assert.match(french.reply, /^Merci\. Reçu : affrontement, Bel Air, 3 morts\. Numéro : K-/);
    const english = (await world.send(smsMessage({ text: 'Roadblock at Canape vert, 2 injured' }))).json<Reply>();
    assert.equal(english.language, 'en');
    assert.match(english.reply, /^Thank you\. Received: roadblock, Canapé-Vert, 2 injured\. Number: K-/);
    // A communal section is placed at its centroid, with the precision that says so.
    const section = (await world.send(smsMessage({ text: 'affrontement Varreux' }))).json<Reply>();
    assert.equal(section.action, 'incident');
    const sectionIncident = await db.selectFrom('incidents').selectAll().where('place_name', 'like', '%Varreux%').executeTakeFirstOrThrow();
    assert.equal(sectionIncident.location_precision, 'commune');
    assert.match(sectionIncident.adm3_pcode ?? '', /^HT01(17-02|31-01)$/);

    // Everything is audited, without the sender's number.
    const audit = await db.selectFrom('audit_log').selectAll().where('entity_type', '=', 'sms_message').execute();
    assert.equal(audit.length, 4);
    assert.ok(!JSON.stringify(await db.selectFrom('audit_log').selectAll().execute()).includes('37001234'));
    await world.app.close();
  });

  dbTest('a report without a place waits for an analyst, who places it; the sender stays its reporter', async ({ db }) => {
    const world = await buildSmsWorld(db);
    await world.app.inject({ method: 'POST', url: '/api/v1/sms/reporters', headers: world.hnpAdmin.headers, payload: { phone: '+509 3700 1234', username: 'hnp.officer', reliability: 'C', credibility: 3 } });
    const answer = (await world.send(smsMessage({ text: 'kidnapin bò lakay mwen, 2 moun' }))).json<Reply>();
    assert.equal(answer.action, 'unlocated');
    assert.match(answer.reply, /Nou pa jwenn kote a/);
    assert.equal((await db.selectFrom('incidents').selectAll().execute()).length, 0);

    const queue = await world.app.inject({ method: 'GET', url: '/api/v1/sms/reports?status=unlocated', headers: world.hnpAnalyst.headers });
    assert.equal(queue.statusCode, 200, queue.body);
    const [waiting] = queue.json<{ id: string; reference: string; type: string; counts: { abducted: number } }[]>();
    assert.equal(waiting!.reference, answer.reference);
    assert.deepEqual([waiting!.type, waiting!.counts.abducted], ['kidnapping', 2]);

    const byViewer = await world.app.inject({ method: 'POST', url: `/api/v1/sms/reports/${waiting!.id}/locate`, headers: world.hnpViewer.headers, payload: { lon: -72.3, lat: 18.55 } });
    assert.equal(byViewer.statusCode, 403);
    const outside = await world.app.inject({ method: 'POST', url: `/api/v1/sms/reports/${waiting!.id}/locate`, headers: world.hnpAnalyst.headers, payload: { lon: 0, lat: 0 } });
    assert.equal(outside.statusCode, 400);
    assert.match(outside.json().error.message, /location/);
    const located = await world.app.inject({ method: 'POST', url: `/api/v1/sms/reports/${waiting!.id}/locate`, headers: world.hnpAnalyst.headers, payload: { lon: -72.3022, lat: 18.547, placeName: 'Delmas 32' } });
    assert.equal(located.statusCode, 200, located.body);
    assert.equal(located.json().status, 'located');
    const incident = await db.selectFrom('incidents').selectAll().executeTakeFirstOrThrow();
    assert.deepEqual([incident.reporter_id, incident.type, incident.abducted, incident.place_name, incident.verification], [world.hnpOfficer.actor.userId, 'kidnapping', 2, 'Delmas 32', 'unverified']);
    const source = await db.selectFrom('incident_sources').selectAll().where('incident_id', '=', incident.id).executeTakeFirstOrThrow();
    assert.deepEqual([source.reliability, Number(source.credibility)], ['C', 3]);
    const again = await world.app.inject({ method: 'POST', url: `/api/v1/sms/reports/${waiting!.id}/locate`, headers: world.hnpAnalyst.headers, payload: { lon: -72.3, lat: 18.55 } });
    assert.equal(again.statusCode, 409);
    await world.app.close();
  });

  dbTest('unknown numbers: a complaint about misconduct goes to the complaints channel, anything else is politely refused', async ({ db }) => {
    const world = await buildSmsWorld(db);
    const refused = (await world.send(smsMessage({ from: '+50938000000', text: 'kidnapin Matisan 3 moun' }))).json<Reply>();
    assert.equal(refused.action, 'not_registered');
    assert.match(refused.reply, /pa anrejistre/);
    const complaint = (await world.send(smsMessage({ from: '+50938000000', text: 'Des policiers ont frappé mon frère au barrage de Delmas et demandé de l’argent' }))).json<Reply>();
    assert.equal(complaint.action, 'complaint');
    assert.equal(complaint.language, 'fr');
    assert.match(complaint.reply, /Plainte reçue\. Votre code : [0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/);
    const filed = await db.selectFrom('complaints').selectAll().execute();
    assert.deepEqual(filed.map((c) => [c.channel, c.language]), [['sms', 'fr']]);
    assert.equal((await db.selectFrom('incidents').selectAll().execute()).length, 0);
    await world.app.close();
  });

  dbTest('each number may send 10 messages an hour, counted in the database; others are not held back', async ({ db }) => {
    const world = await buildSmsWorld(db);
    const actions: string[] = [];
    for (let i = 0; i < 12; i += 1) actions.push((await world.send(smsMessage({ from: '+50938000001', text: `bonjou ${i}` }))).json<Reply>().action);
    assert.deepEqual(actions, [...new Array(10).fill('not_registered'), 'rate_limited', 'rate_limited']);
    const limited = (await world.send(smsMessage({ from: '+509 3800 0001', text: 'too many?' }))).json<Reply>();
    assert.match(limited.replies.en, /at most 10 an hour/);
    assert.equal((await world.send(smsMessage({ from: '+50938000002', text: 'bonjou' }))).json<Reply>().action, 'not_registered');
    await world.app.close();
  });
});

describe('SMS reporters’ registry', () => {
  dbTest('administrators register their organisation’s accounts’ numbers; malformed numbers are refused with the reason', async ({ db }) => {
    const world = await buildSmsWorld(db);
    const add = (payload: Record<string, unknown>, headers = world.hnpAdmin.headers) => world.app.inject({ method: 'POST', url: '/api/v1/sms/reporters', headers, payload });
    const malformed: [string, RegExp][] = [['+509 3700 12', /8 digits/], ['3700-12345', /international form|8 digits/], ['call me', /not a phone number/], ['+0 123', /not a phone number/]];
    for (const [phone, reason] of malformed) {
      const refused = await add({ phone, username: 'hnp.officer' });
      assert.equal(refused.statusCode, 400, refused.body);
      assert.match(refused.json().error.message, /^phone: /);
      assert.match(refused.json().error.message, reason);
    }
    assert.equal((await add({ phone: '+50937001234', username: 'hnp.officer' }, world.hnpOfficer.headers)).statusCode, 403);
    assert.equal((await add({ phone: '+50937001234', username: 'hnp.officer' }, world.kenAdmin.headers)).statusCode, 404, 'another organisation’s account');
    assert.match((await add({ phone: '+50937001234', username: 'hnp.viewer' })).json().error.message, /cannot report incidents/);
    assert.equal((await add({ phone: '00509 37 00 12 34', username: 'hnp.officer' })).statusCode, 201);
    assert.equal((await add({ phone: '+254 712 345678', username: 'hnp.analyst' })).json().phone, '+254712345678');
    assert.equal((await add({ phone: '37001234', username: 'hnp.analyst' })).statusCode, 409);

    const listed = await world.app.inject({ method: 'GET', url: '/api/v1/sms/reporters', headers: world.hnpAdmin.headers });
    assert.deepEqual(listed.json<{ phone: string; username: string }[]>().map((r) => `${r.username} ${r.phone}`), ['hnp.analyst +254712345678', 'hnp.officer +50937001234']);
    assert.deepEqual((await world.app.inject({ method: 'GET', url: '/api/v1/sms/reporters', headers: world.kenAdmin.headers })).json(), []);
    const removed = await world.app.inject({ method: 'DELETE', url: `/api/v1/sms/reporters/${encodeURIComponent('+50937001234')}`, headers: world.hnpAdmin.headers });
    assert.equal(removed.statusCode, 204);
    assert.equal((await world.send(smsMessage({ text: 'kidnapin Matisan' }))).json<Reply>().action, 'not_registered');
    await world.app.close();
  });
});
