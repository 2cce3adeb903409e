import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { dbTest } from '../../db/testing.ts';
import { buildOrganisation, buildUser } from '../auth/testing.ts';
import { correctMilestone, correctPledge, createMilestone, createPledge, getPledge, getSeries, getSummary, listMilestones, recordEvent, voidEvent } from './index.ts';
import { fundsPledge, inKindPledge, milestone, personnelPledge } from './ledger.testing.ts';

async function setup(db: Parameters<typeof buildOrganisation>[0]) {
  await buildOrganisation(db, 'KEN');
  await buildOrganisation(db, 'JAM');
  await buildOrganisation(db, 'USA', 'donor');
  await buildOrganisation(db, 'HQ', 'mission_hq');
  return {
    ken: await buildUser(db, 'ken', 'KEN', ['commander']),
    jam: await buildUser(db, 'jam', 'JAM', ['commander']),
    usa: await buildUser(db, 'usa', 'USA', ['donor']),
    hq: await buildUser(db, 'hq', 'HQ', ['analyst']),
  };
}

describe('ledger derivations on the database', () => {
  dbTest('strength over time is derived from arrivals and departures, per nation and mission-wide', async ({ db }) => {
    const { ken, jam, hq } = await setup(db);
    const kenya = await createPledge({ db, actor: ken.actor, input: personnelPledge(1000, { pledgedOn: '2023-07-01' }) });
    const jamaica = await createPledge({ db, actor: jam.actor, input: personnelPledge(null, { pledgedOn: '2023-09-22' }) });
    await recordEvent({ db, actor: ken.actor, pledgeId: kenya.id, input: { kind: 'confirmed', occurredOn: '2023-10-16', officers: 1000 } });
    await recordEvent({ db, actor: ken.actor, pledgeId: kenya.id, input: { kind: 'deployed', occurredOn: '2024-06-25', officers: 400 } });
    await recordEvent({ db, actor: ken.actor, pledgeId: kenya.id, input: { kind: 'deployed', occurredOn: '2024-07-16', officers: 200 } });
    await recordEvent({ db, actor: ken.actor, pledgeId: kenya.id, input: { kind: 'rotated_out', occurredOn: '2024-12-20', officers: 150 } });
    await recordEvent({ db, actor: jam.actor, pledgeId: jamaica.id, input: { kind: 'deployed', occurredOn: '2024-07-16', officers: 24 } });

    const series = await getSeries({ db, viewer: hq.actor, query: { from: '2024-06-24', to: '2024-07-16', interval: 'day' } });
    assert.equal(series.mission.length, 23);
    const at = (date: string) => series.mission.find((p) => p.date === date)!;
    assert.deepEqual(at('2024-06-24'), { date: '2024-06-24', pledged: 1000, confirmed: 1000, deployed: 0 });
    assert.deepEqual(at('2024-06-25'), { date: '2024-06-25', pledged: 1000, confirmed: 1000, deployed: 400 });
    assert.deepEqual(at('2024-07-16'), { date: '2024-07-16', pledged: 1000, confirmed: 1000, deployed: 624 });
    assert.deepEqual(series.byOrganisation.map((o) => [o.organisation, o.points.at(-1)!.deployed]), [['JAM', 24], ['KEN', 600]]);

    const weekly = await getSeries({ db, viewer: hq.actor, query: { from: '2024-12-01', to: '2025-01-01', interval: 'week', organisation: 'KEN' } });
    assert.deepEqual(weekly.mission.map((p) => [p.date, p.deployed]), [['2024-12-01', 600], ['2024-12-08', 600], ['2024-12-15', 600], ['2024-12-22', 450], ['2024-12-29', 450], ['2025-01-01', 450]]);
    assert.deepEqual(weekly.byOrganisation.map((o) => o.organisation), ['KEN']);

    const summary = await getSummary({ db, viewer: hq.actor, asOf: '2025-01-01' });
    assert.deepEqual(summary.mission.officers, { pledged: 1000, unspecifiedPledges: 1, confirmed: 1000, deployed: 474 });
    const kenyaNow = summary.byOrganisation.find((o) => o.organisation === 'KEN')!;
    assert.equal(kenyaNow.officers.deployed, 450);
    const earlier = await getSummary({ db, viewer: hq.actor, asOf: '2024-07-01' });
    assert.equal(earlier.mission.officers.deployed, 400);
    assert.equal((await getPledge({ db, viewer: ken.actor, id: kenya.id })).progress.deployedOfficers, 450);
  });

  dbTest('USD totals: pledges, commitments and payments at each pledge’s stored rate', async ({ db }) => {
    const { usa, ken, hq } = await setup(db);
    const dollars = await createPledge({ db, actor: usa.actor, input: fundsPledge('100000000') });
    const shillings = await createPledge({ db, actor: ken.actor, input: fundsPledge('250000000.50', 'KES', { classification: 'PUBLIC', usdRate: '0.0068', channel: 'un_trust_fund' }) });
    assert.equal(dollars.usdValue, 100_000_000);
    assert.equal(shillings.usdValue, 1_700_000); // 250,000,000.50 KES × 0.0068 = 1,700,000.0034 USD
    assert.equal(shillings.amount, '250000000.50');
    await recordEvent({ db, actor: usa.actor, pledgeId: dollars.id, input: { kind: 'committed', occurredOn: '2024-02-01', amount: '50000000' } });
    await recordEvent({ db, actor: usa.actor, pledgeId: dollars.id, input: { kind: 'disbursed', occurredOn: '2024-03-01', amount: 20_000_000.25 } });
    await recordEvent({ db, actor: ken.actor, pledgeId: shillings.id, input: { kind: 'committed', occurredOn: '2024-02-01', amount: '100000000' } });
    await recordEvent({ db, actor: ken.actor, pledgeId: shillings.id, input: { kind: 'disbursed', occurredOn: '2024-02-15', amount: '100000000' } });
    const summary = await getSummary({ db, viewer: hq.actor, asOf: '2024-12-31' });
    assert.deepEqual(summary.mission.usd, { pledged: 101_700_000, committed: 50_680_000, paid: 20_680_000.25 });
    assert.deepEqual(summary.byOrganisation.find((o) => o.organisation === 'KEN')!.usd, { pledged: 1_700_000, committed: 680_000, paid: 680_000 });
    const before = await getSummary({ db, viewer: hq.actor, asOf: '2024-02-20' });
    assert.deepEqual(before.mission.usd, { pledged: 101_700_000, committed: 50_680_000, paid: 680_000 });
    const detail = await getPledge({ db, viewer: usa.actor, id: dollars.id });
    assert.deepEqual(detail.progress.committed, { amount: '50000000.00', usd: 50_000_000 });
    assert.deepEqual(detail.progress.paid, { amount: '20000000.25', usd: 20_000_000.25 });

    // Correcting the rate converts the pledge and its events again.
    await correctPledge({ db, actor: ken.actor, id: shillings.id, input: { usdRate: '0.0077', reason: 'rate of the pledge date, not of today' } });
    const corrected = await getSummary({ db, viewer: hq.actor, asOf: '2024-12-31' });
    assert.deepEqual(corrected.byOrganisation.find((o) => o.organisation === 'KEN')!.usd, { pledged: 1_925_000, committed: 770_000, paid: 770_000 });
  });

  dbTest('in-kind support by category and status', async ({ db }) => {
    const { usa, hq } = await setup(db);
    const airlift = await createPledge({ db, actor: usa.actor, input: inKindPledge('airlift', { quantity: 2, unit: 'aircraft' }) });
    await createPledge({ db, actor: usa.actor, input: inKindPledge('medical') });
    await recordEvent({ db, actor: usa.actor, pledgeId: airlift.id, input: { kind: 'delivered', occurredOn: '2024-06-25' } });
    await recordEvent({ db, actor: usa.actor, pledgeId: airlift.id, input: { kind: 'in_service', occurredOn: '2024-06-26' } });
    const summary = await getSummary({ db, viewer: hq.actor, asOf: '2024-12-31' });
    assert.deepEqual(summary.mission.inKind, [{ category: 'airlift', status: 'in_service', pledges: 1 }, { category: 'medical', status: 'pledged', pledges: 1 }]);
    assert.equal((await getPledge({ db, viewer: hq.actor, id: airlift.id })).progress.inKindStatus, 'in_service');
  });

  dbTest('late milestones: open past the plan, as of the day asked', async ({ db }) => {
    const { hq, ken } = await setup(db);
    const ioc = await createMilestone({ db, actor: hq.actor, input: milestone({ kind: 'initial_operating_capability', title: 'IOC', plannedStart: '2024-03-01' }) });
    await createMilestone({ db, actor: hq.actor, input: milestone({ kind: 'authorisation', title: 'UNSC vote', status: 'adopted', plannedStart: '2023-09-30', actualStart: '2023-10-02', resolution: 'S/RES/2699 (2023)' }) });
    await createMilestone({ db, actor: ken.actor, input: milestone({ kind: 'election', title: 'Elections', plannedStart: null }) });
    const summary = await getSummary({ db, viewer: hq.actor, asOf: '2024-03-11' });
    assert.deepEqual(summary.milestones.late.map((m) => [m.title, m.daysLate]), [['IOC', 10]]);
    assert.equal(summary.milestones.total, 3);
    assert.equal(summary.milestones.open, 2);
    const list = await listMilestones({ db, viewer: hq.actor, asOf: '2024-03-11' });
    assert.deepEqual(list.find((m) => m.title === 'UNSC vote')!.daysLate, 2);
    assert.equal((await getSummary({ db, viewer: hq.actor, asOf: '2024-02-01' })).milestones.late.length, 0);
    await correctMilestone({ db, actor: hq.actor, id: ioc.id, input: { status: 'completed', actualStart: '2024-03-05', reason: 'reached' } });
    assert.equal((await getSummary({ db, viewer: hq.actor, asOf: '2024-03-11' })).milestones.late.length, 0);
  });

  dbTest('a voided event leaves the history and the totals; one that later events need cannot be voided', async ({ db }) => {
    const { ken, hq } = await setup(db);
    const kenya = await createPledge({ db, actor: ken.actor, input: personnelPledge(1000) });
    const wave = await recordEvent({ db, actor: ken.actor, pledgeId: kenya.id, input: { kind: 'deployed', occurredOn: '2024-06-25', officers: 400 } });
    const typo = await recordEvent({ db, actor: ken.actor, pledgeId: kenya.id, input: { kind: 'deployed', occurredOn: '2024-06-26', officers: 20 } });
    await recordEvent({ db, actor: ken.actor, pledgeId: kenya.id, input: { kind: 'repatriated', occurredOn: '2024-08-01', officers: 390 } });
    await voidEvent({ db, actor: ken.actor, pledgeId: kenya.id, eventId: typo.id, input: { reason: 'counted twice' } });
    await assert.rejects(voidEvent({ db, actor: ken.actor, pledgeId: kenya.id, eventId: wave.id, input: { reason: 'oops' } }), { code: 'OVER_REPATRIATION' });
    await assert.rejects(voidEvent({ db, actor: ken.actor, pledgeId: kenya.id, eventId: typo.id, input: { reason: 'again' } }), { code: 'CONFLICT' });
    const detail = await getPledge({ db, viewer: hq.actor, id: kenya.id });
    assert.equal(detail.events.length, 3);
    assert.equal(detail.events.find((e) => e.id === typo.id)!.voided?.reason, 'counted twice');
    assert.equal(detail.progress.deployedOfficers, 10);
    assert.equal((await getSummary({ db, viewer: hq.actor, asOf: '2024-12-31' })).mission.officers.deployed, 10);
  });
});
