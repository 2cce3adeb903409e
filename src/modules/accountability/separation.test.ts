import assert from 'node:assert/strict';
import { describe } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { dbTest } from '../../db/testing.ts';
import type { Actor } from '../auth/index.ts';
import type { TestUser } from '../auth/testing.ts';
import { buildAccountabilityApp, buildAccountabilityWorld, jpegWithGps } from './accountability.testing.ts';
import { addNote, addReferral, assignInvestigators, getCase, listCases, readAttachment, transitionCase, triageCase, unassignInvestigator } from './cases.service.ts';
import { createGateway, listGateways } from './gateway.service.ts';
import { getSettings, updateSettings } from './settings.service.ts';
import { AttachmentStore } from './storage.ts';

/*
 * A complaint must never reach the organisation it concerns. Every case path
 * is tried by the accused contingent's commander, administrator and reporter,
 * by an oversight role held inside that contingent, by mission HQ's
 * administrator, by another contingent and by the HNP: each is refused, and
 * no other route of Konbit shows the complaint either.
 */

const MARKER = 'Zorglubwitness';

async function fileAccusation(app: FastifyInstance, investigator: TestUser) {
  const filed = await app.inject({
    method: 'POST',
    url: '/api/v1/complaints',
    payload: { what: `${MARKER}: a Kenyan patrol beat my brother`, who: { contingent: 'KEN' }, contact: { name: 'Jean Baptiste', phone: '+509 4444 5555' } },
  });
  const { receipt } = filed.json<{ receipt: string }>();
  await app.inject({ method: 'POST', url: '/api/v1/complaints/attachments', headers: { 'content-type': 'image/jpeg', 'x-konbit-receipt': receipt }, payload: jpegWithGps() });
  const [summary] = (await app.inject({ method: 'GET', url: '/api/v1/oversight/complaints', headers: investigator.headers })).json<{ id: string }[]>();
  const id = summary!.id;
  await app.inject({ method: 'POST', url: `/api/v1/oversight/complaints/${id}/triage`, headers: investigator.headers, payload: { category: 'excessive_force', severity: 'high', concernedOrganisation: 'KEN' } });
  const detail = (await app.inject({ method: 'GET', url: `/api/v1/oversight/complaints/${id}`, headers: investigator.headers })).json<{ attachments: { id: string }[] }>();
  return { id, receipt, attachmentId: detail.attachments[0]!.id };
}

function casePaths(id: string, attachmentId: string, gatewayId: string) {
  const base = `/api/v1/oversight/complaints/${id}`;
  return [
    { method: 'GET', url: '/api/v1/oversight/complaints' },
    { method: 'GET', url: '/api/v1/oversight/complaints?overdue=true' },
    { method: 'GET', url: `/api/v1/oversight/complaints?status=triaged&category=excessive_force` },
    { method: 'GET', url: base },
    { method: 'POST', url: `${base}/triage`, payload: { category: 'other', severity: 'low', concernedOrganisation: null } },
    { method: 'POST', url: `${base}/assignments`, payload: { usernames: ['ken.commander'] } },
    { method: 'DELETE', url: `${base}/assignments/investigator` },
    { method: 'POST', url: `${base}/transitions`, payload: { to: 'closed', outcome: 'withdrawn' } },
    { method: 'POST', url: `${base}/notes`, payload: { text: 'nothing happened' } },
    { method: 'POST', url: `${base}/referrals`, payload: { kind: 'contributing_nation', recipient: 'KEN' } },
    { method: 'GET', url: `${base}/attachments/${attachmentId}` },
    { method: 'GET', url: `${base}/attachments/${attachmentId}?variant=original` },
    { method: 'GET', url: '/api/v1/oversight/gateways' },
    { method: 'POST', url: '/api/v1/oversight/gateways', payload: { name: 'rogue', channel: 'sms' } },
    { method: 'POST', url: `/api/v1/oversight/gateways/${gatewayId}/disable` },
    { method: 'GET', url: '/api/v1/oversight/settings' },
    { method: 'PATCH', url: '/api/v1/oversight/settings', payload: { handoverDeadlineHours: 200 } },
  ] as const;
}

describe('complaints are kept from the organisation they concern', () => {
  dbTest('every case path refuses everyone but the oversight body, over HTTP and in the services', async ({ db, dialect }) => {
    const { app, dataDir, close } = await buildAccountabilityApp(db);
    const world = await buildAccountabilityWorld(db);
    const { id, attachmentId } = await fileAccusation(app, world.investigator);
    const gateway = await createGateway({ db, actor: world.investigator.actor, input: { name: 'sms-gw', channel: 'sms' } });
    await assignInvestigators({ db, actor: world.investigator.actor, id, input: { usernames: ['investigator'] } });
    const before = JSON.stringify(await db.selectFrom('complaints').selectAll().execute());

    const outsiders: [string, TestUser | null][] = [
      ['public', null],
      ['KEN commander', world.kenCommander],
      ['KEN admin', world.kenAdmin],
      ['KEN reporter', world.kenReporter],
      ['oversight role inside KEN', world.kenOversightRole],
      ['MSS-HQ admin', world.hqAdmin],
      ['JAM commander', world.jamCommander],
      ['HNP officer', world.hnpOfficer],
    ];
    let checked = 0;
    for (const [who, user] of outsiders) {
      for (const path of casePaths(id, attachmentId, gateway.gateway.id)) {
        const response = await app.inject({ method: path.method, url: path.url, headers: user?.headers ?? {}, ...('payload' in path ? { payload: path.payload } : {}) });
        const expected = user === null ? [401] : [403, 404];
        assert.ok(expected.includes(response.statusCode), `${who} ${path.method} ${path.url}: ${response.statusCode} ${response.body}`);
        assert.ok(!response.body.includes(MARKER) && !response.body.includes(id), `${who} ${path.method} ${path.url} leaks the case`);
        checked += 1;
      }
    }
    assert.equal(checked, outsiders.length * 17);
    assert.equal(JSON.stringify(await db.selectFrom('complaints').selectAll().execute()), before, 'nothing changed');

    // The services refuse on their own, whatever route or command calls them.
    const store = new AttachmentStore(dataDir);
    for (const [who, user] of outsiders.slice(1)) {
      const actor = user!.actor as Actor;
      const calls: [string, () => Promise<unknown>][] = [
        ['listCases', () => listCases({ db, actor })],
        ['getCase', () => getCase({ db, actor, id })],
        ['triageCase', () => triageCase({ db, actor, id, input: { category: 'other', severity: 'low' } })],
        ['assignInvestigators', () => assignInvestigators({ db, actor, id, input: { usernames: [actor.username] } })],
        ['unassignInvestigator', () => unassignInvestigator({ db, actor, id, username: 'investigator' })],
        ['transitionCase', () => transitionCase({ db, actor, id, input: { to: 'closed', outcome: 'withdrawn' } })],
        ['addNote', () => addNote({ db, actor, id, input: { text: 'x' } })],
        ['addReferral', () => addReferral({ db, actor, id, input: { kind: 'legal', recipient: 'x' } })],
        ['readAttachment', () => readAttachment({ db, store, actor, id, attachmentId, variant: 'original' })],
        ['listGateways', () => listGateways({ db, actor })],
        ['updateSettings', () => updateSettings({ db, actor, input: { handoverDeadlineHours: 100 } })],
      ];
      for (const [name, call] of calls) await assert.rejects(call, { code: 'FORBIDDEN' }, `${who} ${name}`);
    }
    await assert.rejects(() => listCases({ db, actor: null }), { code: 'FORBIDDEN' });
    assert.equal((await getSettings(db)).handoverDeadlineHours, 24);

    // The oversight body does see it.
    const list = await app.inject({ method: 'GET', url: '/api/v1/oversight/complaints', headers: world.investigator.headers });
    assert.equal(list.statusCode, 200);
    assert.deepEqual(list.json<{ id: string }[]>().map((c) => c.id), [id]);
    assert.equal((await app.inject({ method: 'GET', url: `/api/v1/oversight/complaints/${id}/attachments/${attachmentId}`, headers: world.investigator.headers })).statusCode, 200);
    assert.ok(dialect);
    await close();
  });

  dbTest('only the assigned investigators see who complained', async ({ db }) => {
    const { app, close } = await buildAccountabilityApp(db);
    const world = await buildAccountabilityWorld(db);
    const { id } = await fileAccusation(app, world.investigator);
    const unassigned = (await app.inject({ method: 'GET', url: `/api/v1/oversight/complaints/${id}`, headers: world.investigator.headers })).json();
    assert.equal(unassigned.contact, null);
    assert.equal(unassigned.contactWithheld, true);
    assert.ok(!JSON.stringify(unassigned).includes('Baptiste'));

    await app.inject({ method: 'POST', url: `/api/v1/oversight/complaints/${id}/assignments`, headers: world.investigator.headers, payload: { usernames: ['investigator.two'] } });
    const stillNot = (await app.inject({ method: 'GET', url: `/api/v1/oversight/complaints/${id}`, headers: world.investigator.headers })).json();
    assert.equal(stillNot.contact, null);
    const assigned = (await app.inject({ method: 'GET', url: `/api/v1/oversight/complaints/${id}`, headers: world.otherInvestigator.headers })).json();
    assert.equal(assigned.contact.name, 'Jean Baptiste');
    assert.equal(assigned.contact.phone, '+509 4444 5555');

    // Investigators come from the oversight body only.
    for (const username of ['ken.oversight', 'hq.admin', 'ken.commander', 'nobody']) {
      const refused = await app.inject({ method: 'POST', url: `/api/v1/oversight/complaints/${id}/assignments`, headers: world.investigator.headers, payload: { usernames: [username] } });
      assert.equal(refused.statusCode, 400, username);
    }

    // The audit log records every step, with no contact details or complaint text.
    const audit = await db.selectFrom('audit_log').selectAll().where('entity_id', '=', id).orderBy('seq').execute();
    assert.deepEqual(audit.map((a) => a.action), ['file', 'add-attachment', 'triage', 'assign', 'view-contact']);
    const everything = JSON.stringify(await db.selectFrom('audit_log').selectAll().execute());
    for (const secret of ['Baptiste', '4444', MARKER, 'KEN"']) assert.ok(!everything.includes(secret), `audit log holds ${secret}`);
    await close();
  });

  dbTest('no other route of Konbit shows a complaint to the accused contingent or to HQ', async ({ db }) => {
    const { app, close } = await buildAccountabilityApp(db);
    const world = await buildAccountabilityWorld(db);
    const { id } = await fileAccusation(app, world.investigator);
    const routes = app.routeAccessTable.filter((r) => r.method === 'GET' && !r.url.startsWith('/docs') && !/stream|events/.test(r.url) && !r.url.startsWith('/api/v1/oversight/'));
    assert.ok(routes.length > 5);
    for (const user of [world.kenAdmin, world.kenCommander, world.hqAdmin, null]) {
      for (const route of routes) {
        const url = route.url.replace(/:[A-Za-z]+/g, id).replace('*', '');
        const response = await Promise.race([
          app.inject({ method: 'GET', url, headers: user?.headers ?? {} }),
          new Promise<null>((resolve) => setTimeout(() => resolve(null), 5_000)),
        ]);
        if (response === null) continue;
        // A 404 may echo the id it was asked for; what must never come back is the complaint itself.
        assert.ok(!response.body.includes(MARKER), `GET ${url} shows the complaint`);
        if (!route.url.includes(':')) assert.ok(!response.body.includes(id), `GET ${url} names the complaint`);
      }
    }
    await close();
  });
});
