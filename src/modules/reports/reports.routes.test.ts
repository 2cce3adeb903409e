import assert from 'node:assert/strict';
import { describe } from 'node:test';
import type { Sitrep } from '../../shared/reports.ts';
import { dbTest } from '../../db/testing.ts';
import { buildTestApp } from '../../server/testing.ts';
import { createPledge, recordEvent } from '../ledger/index.ts';
import { fundsPledge, personnelPledge } from '../ledger/ledger.testing.ts';
import { assertSelfContained, buildReportMission, incident } from './reports.testing.ts';

const PERIOD = 'from=2024-06-01&to=2024-06-30';
const url = (query: string) => `/api/v1/reports/sitrep?${PERIOD}&${query}`;

describe('GET /api/v1/reports/sitrep', () => {
  dbTest('a user produces the PUBLIC, MISSION and own organisation editions, never another organisation’s', async ({ db }) => {
    const { ken, donor } = await buildReportMission(db);
    const app = await buildTestApp(db);
    const status = async (query: string, headers: Record<string, string> = {}) => (await app.inject({ method: 'GET', url: url(query), headers })).statusCode;
    for (const audience of ['PUBLIC', 'MISSION', 'KEN']) assert.equal(await status(`audience=${audience}&format=json`, ken.headers), 200, `KEN → ${audience}`);
    assert.equal(await status('audience=JAM&format=json', ken.headers), 403, 'KEN → JAM');
    assert.equal(await status('audience=MISSION&format=json', donor.headers), 403, 'a donor is no mission member');
    assert.equal(await status('audience=USA&format=json', donor.headers), 200);
    assert.equal(await status('audience=PUBLIC&format=json'), 200, 'the public edition needs no account');
    assert.equal(await status('audience=MISSION&format=json'), 401);
    assert.equal(await status('audience=PUBLIC&format=pdf'), 401, 'printing a PDF needs an account');
    assert.equal(await status('audience=NOPE&format=json', ken.headers), 400);
    const backwards = await app.inject({ method: 'GET', url: '/api/v1/reports/sitrep?from=2024-06-30&to=2024-06-01' });
    assert.equal(backwards.statusCode, 400);
    assert.match(backwards.json<{ error: { message: string } }>().error.message, /before from/);
    await app.close();
  });

  dbTest('the HTML page is served and downloadable, self-contained, and never cached', async ({ db }) => {
    const { ken } = await buildReportMission(db);
    await incident(db, ken.actor, { title: 'Clash in Bel Air', occurredAt: '2024-06-03T10:00:00Z' });
    const app = await buildTestApp(db);
    const shown = await app.inject({ method: 'GET', url: url('audience=PUBLIC&lang=fr') });
    assert.equal(shown.statusCode, 200);
    assert.match(String(shown.headers['content-type']), /^text\/html; charset=utf-8/);
    assert.equal(shown.headers['cache-control'], 'no-store');
    assert.match(String(shown.headers['content-disposition']), /^inline; filename="konbit-sitrep-2024-06-01-2024-06-30-public-fr\.html"/);
    assert.ok(shown.body.includes('Rapport de situation') && shown.body.includes('Clash in Bel Air'));
    assertSelfContained(shown.body);
    const saved = await app.inject({ method: 'GET', url: url('audience=PUBLIC&download=true') });
    assert.match(String(saved.headers['content-disposition']), /^attachment;/);
    await app.close();
  });

  dbTest('the figures equal those the other APIs give the same user for the same period', async ({ db }) => {
    const { ken, jam } = await buildReportMission(db);
    await incident(db, ken.actor, { type: 'killing', occurredAt: '2024-06-03T10:00:00Z', classification: 'MISSION', counts: { killed: 3, injured: 1, abducted: 0, displaced: 0 } });
    await incident(db, ken.actor, { type: 'kidnapping', occurredAt: '2024-06-20T10:00:00Z', classification: 'RESTRICTED', counts: { killed: 0, injured: 0, abducted: 4, displaced: 0 } });
    await incident(db, jam.actor, { type: 'arson', occurredAt: '2024-06-21T10:00:00Z', classification: 'RESTRICTED', counts: { killed: 0, injured: 0, abducted: 0, displaced: 30 } });
    await incident(db, jam.actor, { type: 'arson', occurredAt: '2024-05-21T10:00:00Z', counts: { killed: 0, injured: 0, abducted: 0, displaced: 7 } });
    const officers = await createPledge({ db, actor: ken.actor, input: personnelPledge(500, { classification: 'RESTRICTED', pledgedOn: '2024-01-10' }) });
    await recordEvent({ db, actor: ken.actor, pledgeId: officers.id, input: { kind: 'deployed', occurredOn: '2024-06-05', officers: 120 } });
    await createPledge({ db, actor: jam.actor, input: fundsPledge('2500000', 'USD', { classification: 'MISSION', pledgedOn: '2024-03-01' }) });
    const app = await buildTestApp(db);
    const get = async <T>(path: string) => {
      const response = await app.inject({ method: 'GET', url: path, headers: ken.headers });
      assert.equal(response.statusCode, 200, `${path}: ${response.body}`);
      return response.json<T>();
    };
    const report = await get<Sitrep>(url('audience=KEN&format=json'));
    const verification = 'verification=unverified,verified,disputed';
    const now = await get<{ totals: Record<string, number> }>(`/api/v1/incidents/aggregates?from=2024-06-01T00:00:00Z&to=2024-07-01T00:00:00Z&${verification}`);
    const before = await get<{ totals: Record<string, number> }>(`/api/v1/incidents/aggregates?from=2024-05-02T00:00:00Z&to=2024-06-01T00:00:00Z&${verification}`);
    const ledger = await get<{ mission: { officers: Record<string, number>; usd: Record<string, number> } }>('/api/v1/ledger/summary?asOf=2024-06-30');
    assert.ok(report.security.status === 'available' && report.force.status === 'available');
    if (report.security.status !== 'available' || report.force.status !== 'available') return;
    assert.deepEqual(report.security.totals, now.totals);
    assert.deepEqual(report.security.previousTotals, before.totals);
    assert.deepEqual(report.security.totals, { incidents: 2, killed: 3, injured: 1, abducted: 4, displaced: 0 }, 'JAM’s restricted arson is not in KEN’s report');
    assert.deepEqual(report.force.officers, ledger.mission.officers);
    assert.deepEqual(report.force.usd, ledger.mission.usd);
    assert.equal(report.force.officers.deployed, 120);
    assert.equal(report.force.usd.pledged, 2_500_000);
    await app.close();
  });
});
