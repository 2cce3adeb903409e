import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { dbTest } from '../../db/testing.ts';
import { buildAccountabilityApp, buildAccountabilityWorld } from './accountability.testing.ts';
import { listCases, transitionCase, triageCase } from './cases.service.ts';
import { fileComplaint } from './complaints.service.ts';
import { complaintStatistics } from './statistics.service.ts';

const now = new Date('2025-06-15T12:00:00Z');

describe('public complaint statistics', () => {
  dbTest('counts below 5 are shown as "<5", and a lone hidden count cannot be worked out from the total', async ({ db }) => {
    const world = await buildAccountabilityWorld(db);
    const actor = world.investigator.actor;
    // 12 in May (9 excessive force, 3 corruption), 2 in June (untriaged); 1 in 2023, outside the window.
    for (let i = 0; i < 12; i += 1) await fileComplaint({ db, input: { what: `may ${i}` }, channel: 'web', now: new Date(Date.UTC(2025, 4, 2 + i)) });
    for (let i = 0; i < 2; i += 1) await fileComplaint({ db, input: { what: `june ${i}` }, channel: 'sms', now: new Date(Date.UTC(2025, 5, 1 + i)) });
    await fileComplaint({ db, input: { what: 'old' }, channel: 'web', now: new Date(Date.UTC(2023, 0, 1)) });
    const may = (await listCases({ db, actor, query: { limit: 500 }, now })).filter((c) => c.receivedAt.startsWith('2025-05')).map((c) => c.id);
    for (const [i, id] of may.entries()) {
      await triageCase({ db, actor, id, input: { category: i < 9 ? 'excessive_force' : 'corruption_extortion', severity: 'medium' }, now });
      if (i < 6) await transitionCase({ db, actor, id, input: { to: 'closed', outcome: 'unsubstantiated' }, now });
    }

    const stats = await complaintStatistics({ db, query: { months: 12 }, now });
    assert.equal(stats.from, '2024-07');
    assert.equal(stats.to, '2025-06');
    assert.equal(stats.total, 14);
    const byCategory = Object.fromEntries(stats.byCategory.map((c) => [c.category, c.count]));
    assert.equal(byCategory.excessive_force, 9);
    assert.equal(byCategory.corruption_extortion, '<5');
    assert.equal(byCategory.pending_triage, '<5');
    assert.equal(byCategory.sexual_exploitation_abuse, '<5', 'an empty category looks like a small one');
    assert.equal(stats.byCategory.length, 8);
    // By month: May 12, June 2; June alone would be total minus May, so May is hidden too.
    const byMonth = Object.fromEntries(stats.byMonth.map((m) => [m.month, m.count]));
    assert.equal(stats.byMonth.length, 12);
    assert.equal(byMonth['2025-06'], '<5');
    assert.equal(byMonth['2025-05'], 12, 'other months are hidden already (zeros), so May can stay');
    const byOutcome = Object.fromEntries(stats.byOutcome.map((o) => [o.outcome, o.count]));
    assert.deepEqual(byOutcome, { substantiated: '<5', unsubstantiated: 6, withdrawn: '<5', open: 8 });
    for (const cell of [...stats.byCategory, ...stats.byMonth, ...stats.byOutcome]) {
      assert.ok(cell.count === '<5' || cell.count >= 5, JSON.stringify(cell));
    }
  });

  dbTest('the public page reads them without an account, and a handful of complaints shows nothing but "<5"', async ({ db }) => {
    const { app, close } = await buildAccountabilityApp(db);
    for (let i = 0; i < 3; i += 1) await fileComplaint({ db, input: { what: `x ${i}` }, channel: 'web' });
    const response = await app.inject({ method: 'GET', url: '/api/v1/complaints/statistics?months=3' });
    assert.equal(response.statusCode, 200, response.body);
    const stats = response.json();
    assert.equal(stats.total, '<5');
    assert.equal(stats.byMonth.length, 3);
    for (const cell of [...stats.byCategory, ...stats.byMonth, ...stats.byOutcome]) assert.equal(cell.count, '<5');
    assert.equal((await app.inject({ method: 'GET', url: '/api/v1/complaints/statistics?months=1000' })).statusCode, 400);
    await close();
  });
});
