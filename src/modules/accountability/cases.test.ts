import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { dbTest } from '../../db/testing.ts';
import { buildAccountabilityApp, buildAccountabilityWorld } from './accountability.testing.ts';
import { addReferral, assignInvestigators, getCase, listCases, transitionCase, triageCase } from './cases.service.ts';
import { complaintStatus, fileComplaint } from './complaints.service.ts';
import { updateSettings } from './settings.service.ts';

const DAY = 86_400_000;

describe('case handling by the oversight body', () => {
  dbTest('a case goes from received to closed, each step recorded, with a deadline per stage', async ({ db }) => {
    const world = await buildAccountabilityWorld(db);
    const actor = world.investigator.actor;
    const t0 = new Date('2025-03-01T08:00:00Z');
    const { receipt } = await fileComplaint({ db, input: { what: 'Yo kraze pòt kay mwen' }, channel: 'web', now: t0 });
    const [received] = await listCases({ db, actor, now: t0 });
    assert.equal(received!.status, 'received');
    assert.equal(received!.stageDueAt, new Date(t0.getTime() + 7 * DAY).toISOString());
    const id = received!.id;

    // Past the triage deadline the case is flagged overdue, and only then.
    assert.deepEqual(await listCases({ db, actor, query: { overdue: true }, now: new Date(t0.getTime() + 6 * DAY) }), []);
    const late = await listCases({ db, actor, query: { overdue: true }, now: new Date(t0.getTime() + 8 * DAY) });
    assert.deepEqual(late.map((c) => [c.id, c.overdue]), [[id, true]]);

    const t1 = new Date(t0.getTime() + 8 * DAY);
    const triaged = await triageCase({ db, actor, id, input: { category: 'property_damage', severity: 'medium', concernedOrganisation: 'JAM', concernedUnit: 'FPU 2' }, now: t1 });
    assert.equal(triaged.status, 'triaged');
    assert.equal(triaged.concernedOrganisation, 'JAM');
    assert.equal(triaged.stageDueAt, new Date(t1.getTime() + 14 * DAY).toISOString());
    assert.equal(triaged.overdue, false);

    await assert.rejects(() => transitionCase({ db, actor, id, input: { to: 'under_investigation' }, now: t1 }), /assign at least one investigator/);
    await assignInvestigators({ db, actor, id, input: { usernames: ['investigator', 'investigator.two'] }, now: t1 });
    const investigating = await transitionCase({ db, actor, id, input: { to: 'under_investigation', reason: 'photos received' }, now: t1 });
    assert.equal(investigating.status, 'under_investigation');
    assert.deepEqual(investigating.assignedTo, ['investigator', 'investigator.two']);
    assert.equal(investigating.stageDueAt, new Date(t1.getTime() + 90 * DAY).toISOString());

    await assert.rejects(() => transitionCase({ db, actor, id, input: { to: 'referred' }, now: t1 }), /record the referral first/);
    await addReferral({ db, actor, id, input: { kind: 'contributing_nation', recipient: 'Jamaica Constabulary Force, professional standards' }, now: t1 });
    const referred = await transitionCase({ db, actor, id, input: { to: 'referred' }, now: t1 });
    assert.equal(referred.status, 'referred');

    await assert.rejects(() => transitionCase({ db, actor, id, input: { to: 'closed' }, now: t1 }), /needs an outcome/);
    const closed = await transitionCase({ db, actor, id, input: { to: 'closed', outcome: 'substantiated' }, now: t1 });
    assert.equal(closed.status, 'closed');
    assert.equal(closed.outcome, 'substantiated');
    assert.equal(closed.stageDueAt, null);
    assert.equal(closed.overdue, false);
    assert.deepEqual(closed.history.map((h) => h.to), ['received', 'triaged', 'under_investigation', 'referred', 'closed']);
    assert.equal(closed.history[2]!.reason, 'photos received');

    const seen = await complaintStatus({ db, receipt });
    assert.equal(seen.status, 'closed');
    assert.equal(seen.outcome, 'substantiated');

    const audit = await db.selectFrom('audit_log').select('action').where('entity_id', '=', id).orderBy('seq').execute();
    assert.deepEqual(audit.map((a) => a.action), ['file', 'triage', 'assign', 'transition', 'refer', 'transition', 'transition']);
  });

  dbTest('sexual abuse complaints get the urgent triage deadline and need the survivor’s referral before closing', async ({ db }) => {
    const world = await buildAccountabilityWorld(db);
    const actor = world.investigator.actor;
    const t0 = new Date('2025-04-01T00:00:00Z');
    await fileComplaint({ db, input: { what: 'x', kind: 'sexual_exploitation_abuse' }, channel: 'web', now: t0 });
    const [entry] = await listCases({ db, actor, now: t0 });
    assert.equal(entry!.stageDueAt, '2025-04-03T00:00:00.000Z');
    const id = entry!.id;
    await triageCase({ db, actor, id, input: { category: 'sexual_exploitation_abuse', severity: 'critical' }, now: t0 });
    await assignInvestigators({ db, actor, id, input: { usernames: ['investigator'] }, now: t0 });
    await transitionCase({ db, actor, id, input: { to: 'under_investigation' }, now: t0 });
    assert.equal((await getCase({ db, actor, id })).survivorReferralNeeded, true);
    await assert.rejects(() => transitionCase({ db, actor, id, input: { to: 'closed', outcome: 'substantiated' }, now: t0 }), /survivor’s referral/);
    await addReferral({ db, actor, id, input: { kind: 'psychosocial', recipient: 'Illustrative women’s centre' }, now: t0 });
    assert.equal((await getCase({ db, actor, id })).survivorReferralNeeded, false);
    const closed = await transitionCase({ db, actor, id, input: { to: 'closed', outcome: 'substantiated' }, now: t0 });
    assert.equal(closed.status, 'closed');
  });

  dbTest('the oversight body sets the deadlines; changes apply to stages entered afterwards', async ({ db }) => {
    const world = await buildAccountabilityWorld(db);
    const actor = world.investigator.actor;
    const t0 = new Date('2025-05-01T00:00:00Z');
    await updateSettings({ db, actor, input: { stageDays: { received: 3 } } });
    await fileComplaint({ db, input: { what: 'x' }, channel: 'web', now: t0 });
    const [entry] = await listCases({ db, actor, now: t0 });
    assert.equal(entry!.stageDueAt, '2025-05-04T00:00:00.000Z');
    await assert.rejects(() => updateSettings({ db, actor, input: { stageDays: { received: 0 } } }), { name: 'ZodError' });
    await assert.rejects(() => updateSettings({ db, actor: world.hqAdmin.actor, input: { stageDays: { received: 30 } } }), { code: 'FORBIDDEN' });
  });

  dbTest('case routes: triage an unknown organisation, move a case the wrong way, read a missing case', async ({ db }) => {
    const { app, close } = await buildAccountabilityApp(db);
    const world = await buildAccountabilityWorld(db);
    await fileComplaint({ db, input: { what: 'x' }, channel: 'web' });
    const [entry] = await listCases({ db, actor: world.investigator.actor });
    const headers = world.investigator.headers;
    const unknown = await app.inject({ method: 'POST', url: `/api/v1/oversight/complaints/${entry!.id}/triage`, headers, payload: { category: 'other', severity: 'low', concernedOrganisation: 'XYZ' } });
    assert.equal(unknown.statusCode, 400);
    assert.match(unknown.json().error.message, /unknown organisation XYZ/);
    const wrongWay = await app.inject({ method: 'POST', url: `/api/v1/oversight/complaints/${entry!.id}/transitions`, headers, payload: { to: 'referred' } });
    assert.equal(wrongWay.statusCode, 409);
    assert.match(wrongWay.json().error.message, /from received it can move to triaged or closed/);
    const missing = await app.inject({ method: 'GET', url: '/api/v1/oversight/complaints/00000000-0000-0000-0000-000000000000', headers });
    assert.equal(missing.statusCode, 404);
    const noCsrf = await app.inject({ method: 'POST', url: `/api/v1/oversight/complaints/${entry!.id}/notes`, headers: { cookie: headers.cookie }, payload: { text: 'x' } });
    assert.equal(noCsrf.statusCode, 403);
    await close();
  });
});
