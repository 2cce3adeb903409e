import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { dbTest } from '../../db/testing.ts';
import { PUBLIC_VIEWER } from '../auth/index.ts';
import { createPledge, recordEvent } from '../ledger/index.ts';
import { createArea } from '../roads/index.ts';
import { fundsPledge, personnelPledge } from '../ledger/ledger.testing.ts';
import { buildSitrep, mayProduce, MISSION_AUDIENCE_VIEWER, renderSitrepHtml, reportPeriod, resolveAudience } from './index.ts';
import { assertSelfContained, buildReportMission, DATASETS, incident } from './reports.testing.ts';

const PERIOD = { from: '2024-06-01', to: '2024-06-30' };
const square = (lon: number, lat: number) => ({ type: 'Polygon', coordinates: [[[lon, lat], [lon + 0.01, lat], [lon + 0.01, lat + 0.01], [lon, lat + 0.01], [lon, lat]]] });

describe('report period', () => {
  test('whole UTC days, both ends included, and the previous period of the same length', () => {
    const period = reportPeriod('2024-06-01', '2024-06-30', new Date('2025-01-01T00:00:00Z'));
    assert.equal(period.days, 30);
    assert.equal(period.fromIso, '2024-06-01T00:00:00.000Z');
    assert.equal(period.toIso, '2024-07-01T00:00:00.000Z');
    assert.deepEqual([period.previous.fromDay, period.previous.toDay], ['2024-05-02', '2024-05-31']);
    assert.equal(period.endAt, '2024-06-30T23:59:59.999Z');
    assert.equal(period.endDay, '2024-06-30');
  });

  test('a period still running is read as of now', () => {
    const period = reportPeriod('2024-06-01', '2024-06-30', new Date('2024-06-10T08:00:00Z'));
    assert.equal(period.endAt, '2024-06-10T08:00:00.000Z');
    assert.equal(period.endDay, '2024-06-10');
  });
});

describe('report audiences', () => {
  dbTest('each audience reads as its viewer; a requester may produce only editions no wider than their own view', async ({ db }) => {
    const { ken, donor } = await buildReportMission(db);
    const pub = await resolveAudience(db, 'PUBLIC');
    const mission = await resolveAudience(db, 'MISSION');
    const kenAudience = await resolveAudience(db, 'KEN');
    const jamAudience = await resolveAudience(db, 'JAM');
    const usaAudience = await resolveAudience(db, 'USA');
    assert.equal(pub.viewer, PUBLIC_VIEWER);
    assert.equal(mission.viewer, MISSION_AUDIENCE_VIEWER);
    assert.deepEqual(kenAudience.viewer, { organisationId: ken.actor.organisationId, isMissionMember: true });
    await assert.rejects(resolveAudience(db, 'XYZ'), /unknown audience XYZ/);

    assert.ok(mayProduce(ken.actor, pub) && mayProduce(ken.actor, mission) && mayProduce(ken.actor, kenAudience));
    assert.ok(!mayProduce(ken.actor, jamAudience), 'a KEN commander may not produce the JAM edition');
    assert.ok(!mayProduce(donor.actor, mission), 'a donor is not a mission member');
    assert.ok(mayProduce(donor.actor, usaAudience) && !mayProduce(donor.actor, kenAudience));
    assert.ok(mayProduce(PUBLIC_VIEWER, pub) && !mayProduce(PUBLIC_VIEWER, mission) && !mayProduce(PUBLIC_VIEWER, kenAudience));
    assert.ok(mayProduce('system', jamAudience));
    await assert.rejects(buildSitrep({ db, requester: ken.actor, query: { ...PERIOD, audience: 'JAM', format: 'json' }, datasetsDir: null }), { code: 'FORBIDDEN' });
    await assert.rejects(buildSitrep({ db, requester: PUBLIC_VIEWER, query: { ...PERIOD, audience: 'MISSION', format: 'json' }, datasetsDir: null }), { code: 'UNAUTHENTICATED' });
  });
});

describe('change against the previous period', () => {
  dbTest('figures, changes and percentages; period boundaries; communes with the largest rise', async ({ db }) => {
    const { ken } = await buildReportMission(db);
    const carrefour = { lon: -72.4, lat: 18.53 };
    // Previous period (2 May – 31 May): two killings in Delmas, one in Carrefour.
    await incident(db, ken.actor, { type: 'killing', occurredAt: '2024-05-02T00:00:00Z', counts: { killed: 2, injured: 0, abducted: 0, displaced: 0 } });
    await incident(db, ken.actor, { type: 'killing', occurredAt: '2024-05-31T23:59:00Z', counts: { killed: 1, injured: 0, abducted: 0, displaced: 0 } });
    await incident(db, ken.actor, { type: 'killing', occurredAt: '2024-05-20T10:00:00Z', location: carrefour, counts: { killed: 1, injured: 0, abducted: 0, displaced: 0 } });
    // Before the previous period: counts nowhere.
    await incident(db, ken.actor, { type: 'killing', occurredAt: '2024-05-01T23:59:59Z', counts: { killed: 50, injured: 0, abducted: 0, displaced: 0 } });
    // This period: four in Carrefour, one in Delmas; first and last instants included.
    await incident(db, ken.actor, { type: 'kidnapping', occurredAt: '2024-06-01T00:00:00Z', location: carrefour, counts: { killed: 0, injured: 0, abducted: 3, displaced: 0 } });
    await incident(db, ken.actor, { type: 'killing', occurredAt: '2024-06-10T12:00:00Z', location: carrefour, counts: { killed: 4, injured: 2, abducted: 0, displaced: 0 } });
    await incident(db, ken.actor, { type: 'arson', occurredAt: '2024-06-20T12:00:00Z', location: carrefour, counts: { killed: 0, injured: 0, abducted: 0, displaced: 40 } });
    await incident(db, ken.actor, { type: 'arson', occurredAt: '2024-06-30T23:59:59Z', location: carrefour, counts: { killed: 0, injured: 0, abducted: 0, displaced: 10 } });
    await incident(db, ken.actor, { type: 'killing', occurredAt: '2024-06-15T12:00:00Z', counts: { killed: 1, injured: 0, abducted: 0, displaced: 0 } });
    // After the period: counts nowhere.
    await incident(db, ken.actor, { type: 'killing', occurredAt: '2024-07-01T00:00:00Z', counts: { killed: 70, injured: 0, abducted: 0, displaced: 0 } });

    const personnel = await createPledge({ db, actor: ken.actor, input: personnelPledge(1000, { pledgedOn: '2024-01-01' }) });
    await recordEvent({ db, actor: ken.actor, pledgeId: personnel.id, input: { kind: 'deployed', occurredOn: '2024-05-15', officers: 400 } });
    await recordEvent({ db, actor: ken.actor, pledgeId: personnel.id, input: { kind: 'deployed', occurredOn: '2024-06-30', officers: 200 } });
    await recordEvent({ db, actor: ken.actor, pledgeId: personnel.id, input: { kind: 'deployed', occurredOn: '2024-07-01', officers: 100 } });

    const report = await buildSitrep({ db, requester: 'system', query: { ...PERIOD, audience: 'PUBLIC', format: 'json' }, datasetsDir: null, now: new Date('2025-01-01T00:00:00Z') });
    const figure = (key: string) => report.summary.figures.find((f) => f.key === key)!;
    assert.deepEqual(report.previousPeriod, { from: '2024-05-02', to: '2024-05-31' });
    assert.deepEqual(pickChange(figure('incidents')), { current: 5, previous: 3, change: 2, changePercent: 66.7 });
    assert.deepEqual(pickChange(figure('killed')), { current: 5, previous: 4, change: 1, changePercent: 25 });
    assert.deepEqual(pickChange(figure('abducted')), { current: 3, previous: 0, change: 3, changePercent: null });
    assert.deepEqual(pickChange(figure('displaced')), { current: 50, previous: 0, change: 50, changePercent: null });
    assert.deepEqual(pickChange(figure('deployed')), { current: 600, previous: 400, change: 200, changePercent: 50 });
    assert.equal(figure('keyRoadsBlocked').available, false, 'no road network: not available, not zero');
    assert.equal(report.roads.status, 'not_available');

    assert.equal(report.security.status, 'available');
    const security = report.security;
    if (security.status !== 'available') return;
    assert.deepEqual(security.byType.map((r) => [r.type, r.incidents, r.previousIncidents]), [['killing', 2, 3], ['arson', 2, 0], ['kidnapping', 1, 0]], 'most incidents first, then most in the previous period');
    assert.deepEqual(pickChange(security.kidnappings.incidents), { current: 1, previous: 0, change: 1, changePercent: null });
    assert.deepEqual(security.communesRising, [{ pcode: 'HT0113', name: 'Carrefour', incidents: 4, previous: 1, change: 3 }], 'Delmas fell from 2 to 1, so it is not listed');
    assert.equal(security.byWeek.reduce((sum, w) => sum + w.incidents, 0), 5);
    assert.equal(security.incidents.length, 5);
  });
});

function pickChange(f: { current: number; previous: number | null; change: number | null; changePercent: number | null }) {
  return { current: f.current, previous: f.previous, change: f.change, changePercent: f.changePercent };
}

describe('the public edition', () => {
  dbTest('holds no MISSION or RESTRICTED title, place, number or coordinate, in its JSON or its page; the page loads nothing from elsewhere', async ({ db }) => {
    const { ken, jam } = await buildReportMission(db);
    const at = '2024-06-12T10:00:00Z';
    await incident(db, ken.actor, { title: 'Public clash at Portail', occurredAt: at, location: { lon: -72.3456, lat: 18.5432, placeName: 'Portail Léogâne' }, counts: { killed: 3, injured: 0, abducted: 0, displaced: 0 } });
    await incident(db, ken.actor, { title: 'Mission-only raid Zeta', occurredAt: at, classification: 'MISSION', location: { lon: -72.2713, lat: 18.5912, placeName: 'Fort Dimanche secret' }, counts: { killed: 4273, injured: 0, abducted: 0, displaced: 0 } });
    await incident(db, ken.actor, { title: 'Ken restricted Omega', occurredAt: at, classification: 'RESTRICTED', releasableTo: ['JAM'], location: { lon: -72.3011, lat: 18.5611, placeName: 'Omega hideout' }, counts: { killed: 0, injured: 0, abducted: 0, displaced: 98765 } });
    await createPledge({ db, actor: ken.actor, input: fundsPledge('1000000', 'USD', { classification: 'PUBLIC', title: 'Public pledge Alpha', pledgedOn: '2024-02-01' }) });
    await createPledge({ db, actor: jam.actor, input: fundsPledge('7654321', 'USD', { classification: 'MISSION', title: 'Mission pledge Sigma', pledgedOn: '2024-02-01' }) });
    await createPledge({ db, actor: ken.actor, input: personnelPledge(1234, { classification: 'RESTRICTED', title: 'Restricted pledge Kappa', pledgedOn: '2024-02-01' }) });
    await createArea({ db, actor: ken.actor, input: { name: 'Public area Bravo', group: 'Bravo group', level: 'contested', geometry: square(-72.34, 18.54), validFrom: '2024-01-01T00:00:00Z', classification: 'PUBLIC' } });
    await createArea({ db, actor: ken.actor, input: { name: 'Mission area Tango', group: 'Tango gang', level: 'controlled', geometry: square(-72.28, 18.58), validFrom: '2024-01-01T00:00:00Z', classification: 'MISSION' } });

    const restricted = ['Mission-only raid Zeta', 'Fort Dimanche secret', 'Ken restricted Omega', 'Omega hideout', 'Mission pledge Sigma', 'Restricted pledge Kappa', 'Mission area Tango', 'Tango gang', '-72.2713', '18.5912', '-72.3011', '18.5611'];
    const restrictedNumbers = [4273, 4276, 98765, 7654321, 8654321, 1234];
    const now = new Date('2025-01-01T00:00:00Z');
    for (const lang of ['en', 'fr', 'ht'] as const) {
      const report = await buildSitrep({ db, requester: 'system', query: { ...PERIOD, audience: 'PUBLIC', lang, format: 'json' }, datasetsDir: DATASETS, now });
      const json = JSON.stringify(report);
      const html = await renderSitrepHtml(report, { datasetsDir: DATASETS });
      for (const [what, text] of [['JSON', withoutHash(json, report.contentHash)], ['HTML', withoutHash(html, report.contentHash)]] as const) {
        for (const secret of restricted) assert.ok(!text.includes(secret), `${lang} ${what} holds ${secret}`);
        for (const secret of restrictedNumbers) assert.ok(!numberPattern(secret).test(text), `${lang} ${what} holds the number ${secret}`);
        for (const expected of ['Public clash at Portail', 'Public pledge Alpha', 'Public area Bravo']) assert.ok(text.includes(expected), `${lang} ${what} lacks ${expected}`);
      }
      assert.equal(report.security.status === 'available' && report.security.totals.killed, 3);
      assert.equal(report.force.status === 'available' && report.force.usd.pledged, 1_000_000);
      assertSelfContained(html);
    }

    // The mission edition has the MISSION records and still none of the RESTRICTED ones.
    const mission = await buildSitrep({ db, requester: 'system', query: { ...PERIOD, audience: 'MISSION', format: 'json' }, datasetsDir: null, now });
    const missionJson = JSON.stringify(mission);
    for (const expected of ['Mission-only raid Zeta', 'Mission pledge Sigma', 'Mission area Tango']) assert.ok(missionJson.includes(expected), `MISSION lacks ${expected}`);
    for (const secret of ['Ken restricted Omega', 'Restricted pledge Kappa']) assert.ok(!missionJson.includes(secret), `MISSION holds ${secret}`);
    // JAM's edition adds what KEN released to JAM.
    const jamEdition = JSON.stringify(await buildSitrep({ db, requester: jam.actor, query: { ...PERIOD, audience: 'JAM', format: 'json' }, datasetsDir: null, now }));
    assert.ok(jamEdition.includes('Ken restricted Omega') && !jamEdition.includes('Restricted pledge Kappa'));
  });
});

/** The content hash is hex and could hold any digits: left out of number searches. */
function withoutHash(text: string, hash: string): string {
  return text.replaceAll(hash, '');
}

/** A number as the report may write it: 7654321, 7,654,321, 7 654 321 (any space), 7.654.321. */
function numberPattern(value: number): RegExp {
  const digits = String(value);
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, '[,.\\s\\u00a0\\u202f]?');
  return new RegExp(`(?<![\\d.,])${grouped}(?![\\d])`);
}
