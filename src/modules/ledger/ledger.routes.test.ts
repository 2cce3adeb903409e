import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { dbTest } from '../../db/testing.ts';
import { buildOrganisation, buildUser } from '../auth/testing.ts';
import { buildTestApp } from '../../server/testing.ts';
import { fundsPledge, inKindPledge, milestone, personnelPledge } from './ledger.testing.ts';

describe('ledger HTTP API', () => {
  dbTest('record, correct and read pledges, events and milestones; every change audited', async ({ db }) => {
    const app = await buildTestApp(db);
    await buildOrganisation(db, 'KEN');
    await buildOrganisation(db, 'JAM');
    await buildOrganisation(db, 'HQ', 'mission_hq');
    const ken = await buildUser(db, 'ken', 'KEN', ['commander']);
    const hq = await buildUser(db, 'hq', 'HQ', ['analyst']);
    const viewer = await buildUser(db, 'jam.viewer', 'JAM', ['viewer']);

    const created = await app.inject({ method: 'POST', url: '/api/v1/ledger/pledges', headers: ken.headers, payload: personnelPledge(1000, { pledgedOn: '2023-07-01' }) });
    assert.equal(created.statusCode, 201, created.body);
    const pledge = created.json();
    assert.deepEqual([pledge.organisation, pledge.owner, pledge.officers, pledge.progress.deployedOfficers, pledge.events], ['KEN', 'KEN', 1000, 0, []]);

    // An analyst records what another nation announced; the record is HQ's, restricted, and still seen by that nation.
    const forJamaica = await app.inject({ method: 'POST', url: '/api/v1/ledger/pledges', headers: hq.headers, payload: personnelPledge(null, { organisation: 'JAM', classification: 'RESTRICTED' }) });
    assert.equal(forJamaica.statusCode, 201, forJamaica.body);
    assert.deepEqual([forJamaica.json().organisation, forJamaica.json().owner, forJamaica.json().releasableTo], ['JAM', 'HQ', ['JAM']]);
    assert.equal((await app.inject({ method: 'GET', url: `/api/v1/ledger/pledges/${forJamaica.json().id}`, headers: viewer.headers })).statusCode, 200);

    const wave = await app.inject({ method: 'POST', url: `/api/v1/ledger/pledges/${pledge.id}/events`, headers: ken.headers, payload: { kind: 'deployed', occurredOn: '2024-06-25', officers: 400, note: '400 of 1,000 arrived' } });
    assert.equal(wave.statusCode, 201, wave.body);
    const refusedRole = await app.inject({ method: 'POST', url: `/api/v1/ledger/pledges/${pledge.id}/events`, headers: viewer.headers, payload: { kind: 'deployed', occurredOn: '2024-06-26', officers: 1 } });
    assert.equal(refusedRole.statusCode, 403);

    const corrected = await app.inject({ method: 'PATCH', url: `/api/v1/ledger/pledges/${pledge.id}`, headers: ken.headers, payload: { officers: 1200, unitKind: 'formed_police_unit', reason: 'second announcement' } });
    assert.equal(corrected.statusCode, 200, corrected.body);
    assert.deepEqual([corrected.json().officers, corrected.json().unitKind, corrected.json().progress.deployedOfficers], [1200, 'formed_police_unit', 400]);

    const voided = await app.inject({ method: 'POST', url: `/api/v1/ledger/pledges/${pledge.id}/events/${wave.json().id}/void`, headers: ken.headers, payload: { reason: 'wrong date' } });
    assert.equal(voided.statusCode, 200, voided.body);
    const detail = (await app.inject({ method: 'GET', url: `/api/v1/ledger/pledges/${pledge.id}` })).json();
    assert.deepEqual([detail.progress.deployedOfficers, detail.events.length, detail.events[0].voided.reason], [0, 1, 'wrong date']);

    const funds = await app.inject({ method: 'POST', url: '/api/v1/ledger/pledges', headers: hq.headers, payload: fundsPledge('2500000', 'EUR', { classification: 'MISSION', usdRate: 1.085 }) });
    assert.equal(funds.statusCode, 201, funds.body);
    assert.deepEqual([funds.json().amount, funds.json().usdRate, funds.json().usdValue], ['2500000.00', '1.085', 2_712_500]);
    const kit = await app.inject({ method: 'POST', url: '/api/v1/ledger/pledges', headers: hq.headers, payload: inKindPledge('communications', { quantity: 40, unit: 'radios' }) });
    assert.equal(kit.statusCode, 201, kit.body);

    const ioc = await app.inject({ method: 'POST', url: '/api/v1/ledger/milestones', headers: hq.headers, payload: milestone({ kind: 'initial_operating_capability', title: 'IOC', plannedStart: '2024-03-01' }) });
    assert.equal(ioc.statusCode, 201, ioc.body);
    assert.equal((await app.inject({ method: 'GET', url: `/api/v1/ledger/milestones/${ioc.json().id}?asOf=2024-03-31` })).json().daysLate, 30);
    const done = await app.inject({ method: 'PATCH', url: `/api/v1/ledger/milestones/${ioc.json().id}`, headers: hq.headers, payload: { status: 'completed', actualStart: '2024-04-02', reason: 'reached' } });
    assert.equal(done.statusCode, 200, done.body);
    assert.deepEqual([done.json().status, done.json().late, done.json().daysLate], ['completed', false, 32]);

    const summary = (await app.inject({ method: 'GET', url: '/api/v1/ledger/summary?asOf=2024-12-31', headers: hq.headers })).json();
    assert.deepEqual(summary.mission.officers, { pledged: 1200, unspecifiedPledges: 1, confirmed: 0, deployed: 0 });
    assert.equal(summary.mission.usd.pledged, 2_712_500);
    const publicSummary = (await app.inject({ method: 'GET', url: '/api/v1/ledger/summary?asOf=2024-12-31' })).json();
    assert.equal(publicSummary.mission.usd.pledged, 0, 'a MISSION pledge is not in the public total');

    const audit = await db.selectFrom('audit_log').select(['action', 'entity_type']).where('entity_type', 'in', ['pledge', 'pledge_event', 'milestone']).orderBy('seq').execute();
    assert.deepEqual(audit.map((a) => `${a.action} ${a.entity_type}`), ['create pledge', 'create pledge', 'record pledge_event', 'correct pledge', 'void pledge_event', 'create pledge', 'create pledge', 'create milestone', 'correct milestone']);

    const spec = (await app.inject('/docs/json')).json();
    for (const url of ['/api/v1/ledger/pledges', '/api/v1/ledger/summary', '/api/v1/ledger/series', '/api/v1/ledger/export/hxl.csv', '/api/v1/ledger/milestones']) assert.ok(spec.paths[url], `${url} is documented`);
    await app.close();
  });
});
