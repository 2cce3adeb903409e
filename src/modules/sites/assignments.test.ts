import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { dbTest } from '../../db/testing.ts';
import type { Db } from '../../db/index.ts';
import { buildOrganisation, buildUser } from '../auth/testing.ts';
import { buildTestApp } from '../../server/testing.ts';
import { cancelAssignment, createAssignment, createSite, listAssignments, protectionGaps, updateAssignment } from './index.ts';
import { rowCounts, siteInput } from './sites.testing.ts';

/*
 * Protection assignments and the gaps they leave: critical sites nobody
 * guards, sites guarded by fewer officers than they need — as each reader
 * may see them. A unit guards one site at a time.
 */

const DAY_MS = 86_400_000;
const daysFromNow = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString();

async function mission(db: Db) {
  await buildOrganisation(db, 'KEN');
  await buildOrganisation(db, 'JAM');
  await buildOrganisation(db, 'HNP', 'host_police');
  await buildOrganisation(db, 'MSS-HQ', 'mission_hq');
  await buildOrganisation(db, 'USA', 'donor');
  return {
    ken: await buildUser(db, 'ken.commander', 'KEN', ['commander']),
    jam: await buildUser(db, 'jam.commander', 'JAM', ['commander']),
    hq: await buildUser(db, 'hq.commander', 'MSS-HQ', ['commander']),
    usa: await buildUser(db, 'usa.donor', 'USA', ['donor']),
  };
}

describe('protection assignments and gaps', () => {
  dbTest('gaps list unguarded critical sites and under-strength ones, as each reader may see them', async ({ db }) => {
    const { ken, jam, usa } = await mission(db);
    const app = await buildTestApp(db);
    const site = (name: string, criticality: number, requiredStrength: number, extra = {}) =>
      createSite({ db, actor: ken.actor, input: siteInput({ name, criticality, requiredStrength, ...extra }), areas: null });
    const unguarded = await site('A vital, unguarded', 5, 40);
    const under = await site('B under strength', 4, 30);
    const covered = await site('C covered', 4, 0);
    await site('D minor', 2, 0);
    const required = await site('E required but minor', 3, 10);
    const lapsed = await site('F lapsed', 5, 0);
    const kenOnly = await site('G Kenyan eyes only', 5, 0, { classification: 'RESTRICTED' });
    const secretlyGuarded = await site('H secretly guarded', 5, 20);
    const unit = (name: string, organisation = 'KEN') => ({ organisation, name });
    await createAssignment({ db, actor: ken.actor, input: { siteId: under.id, unit: unit('KEN FPU 1'), strength: 20, startsAt: daysFromNow(-10), classification: 'MISSION' } });
    await createAssignment({ db, actor: ken.actor, input: { siteId: covered.id, unit: unit('KEN FPU 2'), strength: 5, startsAt: daysFromNow(-10), endsAt: daysFromNow(10), classification: 'MISSION' } });
    await createAssignment({ db, actor: ken.actor, input: { siteId: lapsed.id, unit: unit('KEN FPU 3'), strength: 5, startsAt: daysFromNow(-10), endsAt: daysFromNow(-1), classification: 'MISSION' } });
    await createAssignment({ db, actor: ken.actor, input: { siteId: secretlyGuarded.id, unit: unit('KEN FPU 4'), strength: 25, startsAt: daysFromNow(-10), classification: 'RESTRICTED' } });

    const summary = (gaps: Awaited<ReturnType<typeof protectionGaps>>) => gaps.map((g) => `${g.siteName}: ${g.gap} ${g.assignedStrength}/${g.requiredStrength} short ${g.shortfall}`);
    assert.deepEqual(summary(await protectionGaps({ db, viewer: jam.actor })), [
      'A vital, unguarded: unassigned 0/40 short 40',
      'H secretly guarded: unassigned 0/20 short 20',
      'F lapsed: unassigned 0/0 short 1',
      'B under strength: under_strength 20/30 short 10',
      'E required but minor: unassigned 0/10 short 10',
    ]);
    assert.deepEqual(summary(await protectionGaps({ db, viewer: ken.actor })), [
      'A vital, unguarded: unassigned 0/40 short 40',
      'F lapsed: unassigned 0/0 short 1',
      'G Kenyan eyes only: unassigned 0/0 short 1',
      'B under strength: under_strength 20/30 short 10',
      'E required but minor: unassigned 0/10 short 10',
    ], 'Kenya sees its own restricted site, and that H is guarded');
    assert.deepEqual(summary(await protectionGaps({ db, viewer: ken.actor, asOf: daysFromNow(-5) })).filter((g) => g.startsWith('F')), [], 'F was guarded five days ago');
    assert.deepEqual(await protectionGaps({ db, viewer: usa.actor }), [], 'a donor does not see the protection posture');

    // A second unit brings B to strength.
    await createAssignment({ db, actor: ken.actor, input: { siteId: under.id, unit: unit('KEN FPU 5'), strength: 10, startsAt: daysFromNow(-1), classification: 'MISSION' } });
    const after = await protectionGaps({ db, viewer: jam.actor });
    assert.ok(!after.some((g) => g.siteId === under.id));
    assert.ok(after.some((g) => g.siteId === unguarded.id && g.gap === 'unassigned'));
    assert.ok(after.some((g) => g.siteId === required.id));
    assert.equal((await listAssignments({ db, viewer: jam.actor, siteId: under.id })).length, 2);
    assert.ok(!(await listAssignments({ db, viewer: jam.actor })).some((a) => a.siteId === kenOnly.id));

    const response = await app.inject({ method: 'GET', url: '/api/v1/sites/gaps?minCriticality=5', headers: jam.headers });
    assert.equal(response.statusCode, 200, response.body);
    assert.deepEqual(response.json<{ siteName: string }[]>().map((g) => g.siteName), ['A vital, unguarded', 'H secretly guarded', 'F lapsed', 'E required but minor']);
    assert.equal((await app.inject({ method: 'GET', url: '/api/v1/sites/gaps' })).statusCode, 401, 'gaps are for signed-in users');
    await app.close();
  });

  dbTest('a unit guards one site at a time: overlaps are refused and nothing is written', async ({ db }) => {
    const { ken, jam, hq } = await mission(db);
    const port = await createSite({ db, actor: ken.actor, input: siteInput({ name: 'Port', kind: 'port', criticality: 5 }), areas: null });
    const palace = await createSite({ db, actor: ken.actor, input: siteInput({ name: 'Palace', kind: 'government_building', criticality: 5 }), areas: null });
    const first = await createAssignment({ db, actor: ken.actor, input: { siteId: port.id, unit: { organisation: 'KEN', name: 'KEN FPU 1' }, strength: 30, startsAt: '2024-07-01T00:00:00Z', endsAt: '2024-08-01T00:00:00Z', classification: 'MISSION' } });
    assert.equal(first.siteName, 'Port');
    const before = await rowCounts(db);

    await assert.rejects(
      createAssignment({ db, actor: ken.actor, input: { siteId: palace.id, unit: { organisation: 'KEN', name: '  ken   fpu 1 ' }, strength: 10, startsAt: '2024-07-15T00:00:00Z', classification: 'MISSION' } }),
      (error: { code?: string; message?: string }) => error.code === 'CONFLICT' && /unit "ken fpu 1" of KEN is already assigned to Port from 2024-07-01T00:00:00.000Z to 2024-08-01T00:00:00.000Z .*a unit guards one site at a time/.test(error.message ?? ''),
    );
    await assert.rejects(
      createAssignment({ db, actor: ken.actor, input: { siteId: palace.id, unit: { organisation: 'KEN', name: 'KEN FPU 1' }, strength: 10, startsAt: '2024-06-01T00:00:00Z', endsAt: '2024-07-01T00:00:01Z', classification: 'MISSION' } }),
      { code: 'CONFLICT' },
    );
    await assert.rejects(
      createAssignment({ db, actor: jam.actor, input: { siteId: palace.id, unit: { organisation: 'KEN', name: 'KEN FPU 9' }, strength: 10, startsAt: '2024-07-15T00:00:00Z', classification: 'MISSION' } }),
      (error: { code?: string; message?: string }) => error.code === 'FORBIDDEN' && /only KEN, mission headquarters or an administrator may task KEN's units/.test(error.message ?? ''),
    );
    await assert.rejects(
      updateAssignment({ db, actor: ken.actor, id: first.id, patch: { version: 1, changes: { endsAt: '2024-06-01T00:00:00Z' } } }),
      (error: { code?: string; message?: string }) => error.code === 'VALIDATION_FAILED' && /ends \(2024-06-01T00:00:00.000Z\) before it starts/.test(error.message ?? ''),
    );
    assert.deepEqual(await rowCounts(db), before, 'nothing half-written');

    // Back to back is fine, and headquarters may task any unit.
    const next = await createAssignment({ db, actor: hq.actor, input: { siteId: palace.id, unit: { organisation: 'KEN', name: 'KEN FPU 1' }, strength: 10, startsAt: '2024-08-01T00:00:00Z', classification: 'MISSION' } });
    await assert.rejects(updateAssignment({ db, actor: ken.actor, id: first.id, patch: { version: 1, changes: { endsAt: '2024-08-02T00:00:00Z' } } }), { code: 'CONFLICT' });
    await cancelAssignment({ db, actor: hq.actor, id: next.id, reason: 'plans changed' });
    const extended = await updateAssignment({ db, actor: ken.actor, id: first.id, patch: { version: 1, changes: { endsAt: '2024-09-01T00:00:00Z', strength: 35 } } });
    assert.equal(extended.endsAt, '2024-09-01T00:00:00.000Z');
    assert.equal(extended.version, 2);
    await assert.rejects(updateAssignment({ db, actor: ken.actor, id: first.id, patch: { version: 1, changes: { strength: 5 } } }), (error: { message?: string }) => /changed by someone else/.test(error.message ?? ''));
  });
});
