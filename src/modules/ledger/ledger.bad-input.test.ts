import assert from 'node:assert/strict';
import { describe } from 'node:test';
import type { InjectOptions } from 'fastify';
import { dbTest } from '../../db/testing.ts';
import { buildOrganisation, buildUser } from '../auth/testing.ts';
import { buildTestApp } from '../../server/testing.ts';
import { assertRefusedWithoutWrites, type BadCase } from '../refusals.testing.ts';
import { createPledge, recordEvent } from './index.ts';
import { fundsPledge, milestone, personnelPledge, rowCounts, TEST_SOURCE } from './ledger.testing.ts';

/*
 * Each bad input of the ledger gets a clear error naming the field or the
 * rule, and leaves the database exactly as it was: no ledger row, no release
 * row, no audit row.
 */

describe('ledger bad input', () => {
  dbTest('each bad input is refused with a clear error and writes nothing', async ({ db }) => {
    const app = await buildTestApp(db);
    await buildOrganisation(db, 'KEN');
    await buildOrganisation(db, 'JAM');
    await buildOrganisation(db, 'USA', 'donor');
    const ken = await buildUser(db, 'ken', 'KEN', ['commander']);
    const jam = await buildUser(db, 'jam', 'JAM', ['commander']);
    const usa = await buildUser(db, 'usa', 'USA', ['donor']);
    const kenya = await createPledge({ db, actor: ken.actor, input: personnelPledge(1000, { pledgedOn: '2023-07-01' }) });
    await recordEvent({ db, actor: ken.actor, pledgeId: kenya.id, input: { kind: 'deployed', occurredOn: '2024-06-25', officers: 400 } });
    const secret = await createPledge({ db, actor: ken.actor, input: personnelPledge(200, { classification: 'RESTRICTED', title: 'Reserve unit' }) });
    const dollars = await createPledge({ db, actor: usa.actor, input: fundsPledge('100000000') });
    await recordEvent({ db, actor: usa.actor, pledgeId: dollars.id, input: { kind: 'committed', occurredOn: '2024-02-01', amount: '50000000' } });

    const post = (url: string, user: typeof ken, payload: object): InjectOptions => ({ method: 'POST', url, headers: user.headers, payload });
    const pledges = '/api/v1/ledger/pledges';
    const events = (id: string) => `/api/v1/ledger/pledges/${id}/events`;
    const cases: BadCase[] = [
      { name: 'negative officers', request: post(pledges, ken, personnelPledge(-5)), status: 400, code: 'VALIDATION_FAILED', message: /officers must be at least 1/, path: 'body.officers' },
      { name: 'non-integer officers', request: post(pledges, ken, personnelPledge(2.5)), status: 400, code: 'VALIDATION_FAILED', message: /officers must be a whole number/, path: 'body.officers' },
      { name: 'non-integer officers in an event', request: post(events(kenya.id), ken, { kind: 'deployed', occurredOn: '2024-07-01', officers: 10.5 }), status: 400, code: 'VALIDATION_FAILED', message: /officers must be a whole number/, path: 'body.officers' },
      { name: 'negative officers in an event', request: post(events(kenya.id), ken, { kind: 'repatriated', occurredOn: '2024-07-01', officers: -10 }), status: 400, code: 'VALIDATION_FAILED', message: /officers must be at least 1/, path: 'body.officers' },
      { name: 'deployment beyond the pledge', request: post(events(kenya.id), ken, { kind: 'deployed', occurredOn: '2024-07-16', officers: 700 }), status: 409, code: 'OVER_PLEDGE', message: /strength under this pledge to 1,100, beyond the 1,000 pledged: set overPledge to true/ },
      { name: 'repatriating more than are deployed', request: post(events(kenya.id), ken, { kind: 'repatriated', occurredOn: '2024-08-01', officers: 401 }), status: 409, code: 'OVER_REPATRIATION', message: /repatriating 401 officers is more than the 400 deployed/ },
      { name: 'a back-dated departure before the arrivals', request: post(events(kenya.id), ken, { kind: 'rotated_out', occurredOn: '2024-06-01', officers: 10 }), status: 409, code: 'OVER_REPATRIATION', message: /on 2024-06-01, rotating out 10 officers is more than the 0 deployed/ },
      { name: 'disbursing more than committed', request: post(events(dollars.id), usa, { kind: 'disbursed', occurredOn: '2024-03-01', amount: '50000000.01' }), status: 409, code: 'OVER_DISBURSEMENT', message: /payments to 50000000.01 USD, more than the 50000000.00 USD committed/ },
      { name: 'committing beyond the pledge', request: post(events(dollars.id), usa, { kind: 'committed', occurredOn: '2024-03-01', amount: '60000000' }), status: 409, code: 'OVER_PLEDGE', message: /beyond the 100000000.00 USD pledged/ },
      { name: 'unknown currency', request: post(pledges, usa, fundsPledge('5000', 'XYZ')), status: 400, code: 'VALIDATION_FAILED', message: /unknown currency "XYZ"/, path: 'body.currency' },
      { name: 'a foreign currency without its rate', request: post(pledges, usa, fundsPledge('5000', 'EUR')), status: 400, code: 'VALIDATION_FAILED', message: /exchange rate on the pledge date: US dollars for 1 EUR/, path: 'body.usdRate' },
      { name: 'more decimals than the currency has', request: post(pledges, usa, fundsPledge('5000.5', 'JPY', { classification: 'PUBLIC', usdRate: '0.0067' })), status: 400, code: 'VALIDATION_FAILED', message: /JPY amounts have at most 0 decimals/, path: 'amount' },
      { name: 'an event before the pledge', request: post(events(kenya.id), ken, { kind: 'confirmed', occurredOn: '2023-06-30', officers: 10 }), status: 400, code: 'VALIDATION_FAILED', message: /2023-06-30 is before the pledge was made \(2023-07-01\)/, path: 'occurredOn' },
      { name: 'planned dates in the wrong order', request: post('/api/v1/ledger/milestones', ken, milestone({ plannedStart: '2024-03-01', plannedEnd: '2024-02-01' })), status: 400, code: 'VALIDATION_FAILED', message: /plannedEnd \(2024-02-01\) is before plannedStart \(2024-03-01\)/, path: 'body.plannedEnd' },
      { name: 'actual dates in the wrong order', request: post('/api/v1/ledger/milestones', ken, milestone({ status: 'completed', actualStart: '2024-03-01', actualEnd: '2024-02-01' })), status: 400, code: 'VALIDATION_FAILED', message: /actualEnd \(2024-02-01\) is before actualStart/, path: 'body.actualEnd' },
      { name: 'a series ending before it starts', request: { method: 'GET', url: '/api/v1/ledger/series?from=2024-02-01&to=2024-01-01' }, status: 400, code: 'VALIDATION_FAILED', message: /to \(2024-01-01\) is before from \(2024-02-01\)/, path: 'querystring.to' },
      { name: 'an impossible date', request: post(events(kenya.id), ken, { kind: 'confirmed', occurredOn: '2024-02-30', officers: 10 }), status: 400, code: 'VALIDATION_FAILED', message: /YYYY-MM-DD/, path: 'body.occurredOn' },
      { name: 'an event on a pledge the user cannot see', request: post(events(secret.id), jam, { kind: 'deployed', occurredOn: '2024-07-01', officers: 10 }), status: 404, code: 'NOT_FOUND', message: /^pledge not found$/ },
      { name: 'an event on a pledge that does not exist', request: post(events('00000000-0000-0000-0000-000000000000'), jam, { kind: 'deployed', occurredOn: '2024-07-01', officers: 10 }), status: 404, code: 'NOT_FOUND', message: /^pledge not found$/ },
      { name: 'an event of the wrong kind for the pledge', request: post(events(dollars.id), usa, { kind: 'deployed', occurredOn: '2024-07-01', officers: 10 }), status: 400, code: 'VALIDATION_FAILED', message: /a funds pledge takes committed, disbursed events, not deployed/, path: 'kind' },
      { name: 'a personnel event without officers', request: post(events(kenya.id), ken, { kind: 'deployed', occurredOn: '2024-07-01' }), status: 400, code: 'VALIDATION_FAILED', message: /a deployed event needs officers/, path: 'body.officers' },
      { name: 'an event on another nation’s visible pledge', request: post(events(kenya.id), jam, { kind: 'deployed', occurredOn: '2024-07-01', officers: 10 }), status: 403, code: 'FORBIDDEN', message: /owns this pledge/ },
      { name: 'a pledge in another nation’s name', request: post(pledges, jam, personnelPledge(10, { organisation: 'KEN' })), status: 403, code: 'FORBIDDEN', message: /only KEN, an analyst or an administrator may record for KEN/ },
      { name: 'a pledge by an unknown organisation', request: post(pledges, ken, personnelPledge(10, { organisation: 'XYZ' })), status: 400, code: 'VALIDATION_FAILED', message: /unknown organisation XYZ in organisation/, path: 'organisation' },
      // The pledge row is written before the release list is checked: the transaction must take it back.
      { name: 'releasing to an unknown organisation', request: post(pledges, ken, personnelPledge(10, { classification: 'RESTRICTED', releasableTo: ['NOPE'] })), status: 400, code: 'VALIDATION_FAILED', message: /unknown organisation NOPE in releasableTo/, path: 'releasableTo' },
      { name: 'a javascript: source URL', request: post(pledges, ken, personnelPledge(10, { source: { ...TEST_SOURCE, url: 'javascript:alert(1)' } })), status: 400, code: 'VALIDATION_FAILED', message: /http\(s\) URL/, path: 'body.source.url' },
      { name: 'lowering a pledge below its strength', request: { method: 'PATCH', url: `${pledges}/${kenya.id}`, headers: ken.headers, payload: { officers: 300, reason: 'typo' } }, status: 409, code: 'OVER_PLEDGE', message: /beyond the 300 pledged/ },
      { name: 'a correction with a field of another kind', request: { method: 'PATCH', url: `${pledges}/${kenya.id}`, headers: ken.headers, payload: { currency: 'EUR', reason: 'x' } }, status: 400, code: 'VALIDATION_FAILED', message: /currency: does not apply to a personnel pledge/, path: 'currency' },
      { name: 'a pledge date after its first event', request: { method: 'PATCH', url: `${pledges}/${kenya.id}`, headers: ken.headers, payload: { pledgedOn: '2024-07-01', reason: 'x' } }, status: 400, code: 'VALIDATION_FAILED', message: /after the pledge's first event \(2024-06-25\)/, path: 'pledgedOn' },
      { name: 'a correction without a reason', request: { method: 'PATCH', url: `${pledges}/${kenya.id}`, headers: ken.headers, payload: { officers: 1200 } }, status: 400, code: 'VALIDATION_FAILED', message: /reason/, path: 'body.reason' },
      { name: 'no session', request: { method: 'POST', url: pledges, payload: personnelPledge(10) }, status: 401, code: 'UNAUTHENTICATED', message: /sign in/ },
    ];

    await assertRefusedWithoutWrites(app, cases, () => rowCounts(db));
    const before = await rowCounts(db);
    const refused = await app.inject(post(events(secret.id), jam, { kind: 'deployed', occurredOn: '2024-07-01', officers: 10 }));
    const absent = await app.inject(post(events('00000000-0000-0000-0000-000000000000'), jam, { kind: 'deployed', occurredOn: '2024-07-01', officers: 10 }));
    assert.deepEqual(refused.json(), absent.json(), 'a refusal reveals nothing');

    // With the explicit flag, the same deployment is recorded.
    const allowed = await app.inject(post(events(kenya.id), ken, { kind: 'deployed', occurredOn: '2024-07-16', officers: 700, overPledge: true }));
    assert.equal(allowed.statusCode, 201, allowed.body);
    assert.equal(allowed.json().overPledge, true);
    const after = await rowCounts(db);
    assert.equal(after.pledge_events, before.pledge_events + 1);
    assert.equal(after.audit_log, before.audit_log + 1);
    await app.close();
  });
});
