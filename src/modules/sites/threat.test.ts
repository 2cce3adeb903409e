import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { IncidentInput } from '../../shared/incidents.ts';
import { dbTest } from '../../db/testing.ts';
import type { Db } from '../../db/index.ts';
import { PUBLIC_VIEWER, type Actor } from '../auth/index.ts';
import { buildOrganisation, buildUser } from '../auth/testing.ts';
import { decideVerification, reportIncident } from '../incidents/index.ts';
import { createArea } from '../roads/index.ts';
import { buildTestApp } from '../../server/testing.ts';
import { createSite, getSiteThreat, listSiteThreats, threatHistory, watchThreats } from './index.ts';
import { siteShape } from './geometry.ts';
import { assessThreat, gradingOf, levelOf, severityOf } from './threat.ts';
import { DELMAS, eastOf, northOf, siteInput, squareAround } from './sites.testing.ts';

/*
 * The threat to a site, from incidents built through the incidents module's
 * service: the level and the reasons a commander reads, for each reader's
 * own picture.
 */

const DAY_MS = 86_400_000;
const AS_OF = '2024-03-10T12:00:00.000Z';
const daysBefore = (days: number, from = AS_OF) => new Date(Date.parse(from) - days * DAY_MS).toISOString();

function incident(type: IncidentInput['type'], at: { lon: number; lat: number }, occurredAt: string, extra: Partial<IncidentInput> = {}): IncidentInput {
  return { type, title: `Test ${type}`, occurredAt, location: { lon: at.lon, lat: at.lat }, classification: 'MISSION', counts: { killed: 0, injured: 0, abducted: 0, displaced: 0 }, ...extra };
}

async function mission(db: Db) {
  await buildOrganisation(db, 'KEN');
  await buildOrganisation(db, 'JAM');
  await buildOrganisation(db, 'USA', 'donor');
  return {
    ken: await buildUser(db, 'ken.analyst', 'KEN', ['analyst', 'reporter', 'commander']),
    kenReviewer: await buildUser(db, 'ken.reviewer', 'KEN', ['analyst']),
    jam: await buildUser(db, 'jam.analyst', 'JAM', ['analyst', 'reporter']),
    usa: await buildUser(db, 'usa.donor', 'USA', ['donor']),
  };
}

const report = (db: Db, actor: Actor, input: IncidentInput) => reportIncident({ db, actor, input, areas: null }).then((r) => r.incident);

/** The documented weight of one ungraded, unverified incident. */
const weight = (typeWeight: number, severity: number, ageDays: number, meters: number, radius = 1000) => typeWeight * severity * 0.5 ** (ageDays / 7) * 0.5 * (1 - (0.5 * meters) / radius);

describe('site threat derivation', () => {
  test('levels, severity and grading follow the documented scale', () => {
    assert.deepEqual([0, 0.99, 1, 2.99, 3, 5.99, 6, 9.99, 10, 40].map(levelOf), [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    assert.equal(severityOf({ killed: 0, injured: 0, abducted: 0, displaced: 0 }), 1);
    assert.equal(severityOf({ killed: 2, injured: 0, abducted: 0, displaced: 0 }), 2);
    assert.equal(severityOf({ killed: 50, injured: 0, abducted: 0, displaced: 0 }), 4, 'capped');
    assert.equal(gradingOf({ sources: [{ reliability: 'A', credibility: 1 }], verification: 'verified' }), 1.2);
    assert.equal(gradingOf({ sources: [{ reliability: 'E', credibility: 5 }, { reliability: 'B', credibility: 2 }], verification: 'unverified' }), 0.85 * 0.85, 'the best source counts');
    assert.equal(gradingOf({ sources: [], verification: 'rejected' }), 0);
  });

  test('an area site counts incidents inside it at 0 m and measures the rest from its edge', () => {
    const geometry = squareAround(DELMAS, 400);
    const shape = siteShape(geometry as never, DELMAS);
    const at = (where: { lon: number; lat: number }, days = 1) => ({ id: `${where.lon}`, type: 'looting', occurredAt: daysBefore(days), lon: where.lon, lat: where.lat, counts: { killed: 0, injured: 0, abducted: 0, displaced: 0 }, sources: [], verification: 'unverified' });
    const threat = assessThreat('s', shape, [at(DELMAS), at(northOf(DELMAS, 900)), at(northOf(DELMAS, 1300))], [], { radiusMeters: 1000, windowDays: 30, halfLifeDays: 7, asOfMs: Date.parse(AS_OF) });
    assert.equal(threat.reasons.length, 1);
    assert.equal(threat.reasons[0]!.text, '2 lootings within 700 m in 1 day', 'the one 900 m from the centre is 700 m from the edge; the one 1,300 m away is out');
  });

  dbTest('given incidents, the expected level and reasons, each from what the reader may see', async ({ db }) => {
    const { ken, kenReviewer, jam, usa } = await mission(db);
    const site = await createSite({ db, actor: ken.actor, input: siteInput({ name: 'Delmas 33 clinic', classification: 'PUBLIC', criticality: 4 }), areas: null });
    const abducted = { killed: 0, injured: 0, abducted: 2, displaced: 0 };
    await report(db, ken.actor, incident('kidnapping', northOf(DELMAS, 190), daysBefore(1), { counts: abducted, classification: 'PUBLIC' }));
    await report(db, ken.actor, incident('kidnapping', eastOf(DELMAS, 480), daysBefore(3), { counts: abducted }));
    await report(db, jam.actor, incident('kidnapping', northOf(DELMAS, 740), daysBefore(6.5), { counts: abducted }));
    // Too far, too old, rejected: none of them counts.
    await report(db, ken.actor, incident('killing', northOf(DELMAS, 2000), daysBefore(1), { counts: { killed: 3, injured: 0, abducted: 0, displaced: 0 } }));
    await report(db, ken.actor, incident('kidnapping', northOf(DELMAS, 300), daysBefore(40), { counts: abducted }));
    const wrong = await report(db, ken.actor, incident('armed_clash', northOf(DELMAS, 100), daysBefore(1)));
    await decideVerification({ db, actor: kenReviewer.actor, id: wrong.id, decision: { status: 'rejected', note: 'never happened' } });
    // Kenyan eyes only.
    await report(db, ken.actor, incident('attack_on_police', eastOf(DELMAS, 290), daysBefore(2), { counts: { killed: 2, injured: 0, abducted: 0, displaced: 0 }, classification: 'RESTRICTED' }));

    const kidnappings = weight(3, 1.6, 1, 190) + weight(3, 1.6, 3, 480) + weight(3, 1.6, 6.5, 740);
    const params = { asOf: AS_OF };
    const forJam = await getSiteThreat({ db, viewer: jam.actor, id: site.id, params });
    assert.equal(forJam.level, 3);
    assert.equal(forJam.label, 'elevated');
    assert.ok(Math.abs(forJam.score - kidnappings) < 0.02, `${forJam.score} vs ${kidnappings}`);
    assert.deepEqual(forJam.reasons.map((r) => r.text), ['3 kidnappings within 800 m in 7 days']);
    assert.deepEqual(forJam.params, { radiusMeters: 1000, windowDays: 30, halfLifeDays: 7 });

    const forKen = await getSiteThreat({ db, viewer: ken.actor, id: site.id, params });
    assert.equal(forKen.level, 4, 'the Kenyan attack on police adds to what Kenya sees');
    assert.deepEqual(forKen.reasons.map((r) => r.text), ['3 kidnappings within 800 m in 7 days', '1 attack on police within 300 m in 2 days']);

    const forPublic = await getSiteThreat({ db, viewer: PUBLIC_VIEWER, id: site.id, params });
    assert.equal(forPublic.level, 2);
    assert.deepEqual(forPublic.reasons.map((r) => r.text), ['1 kidnapping within 200 m in 1 day']);
    const forDonor = await getSiteThreat({ db, viewer: usa.actor, id: site.id, params });
    assert.deepEqual(forDonor.reasons, forPublic.reasons, 'a donor sees the public picture');

    // A narrower radius and window, asked for.
    const narrow = await getSiteThreat({ db, viewer: jam.actor, id: site.id, params: { ...params, radiusMeters: 500, windowDays: 2 } });
    assert.deepEqual(narrow.reasons.map((r) => r.text), ['1 kidnapping within 200 m in 1 day']);

    // An area of control holding the site.
    await createArea({ db, actor: ken.actor, input: { name: 'Delmas 33', group: 'Test gang', level: 'contested', geometry: squareAround(DELMAS, 600), validFrom: '2024-03-01T00:00:00Z', classification: 'MISSION' } });
    const withArea = await getSiteThreat({ db, viewer: jam.actor, id: site.id, params });
    assert.equal(withArea.level, 4);
    assert.equal(withArea.label, 'high');
    assert.deepEqual(withArea.reasons.map((r) => r.text), ['3 kidnappings within 800 m in 7 days', 'inside a contested area (Delmas 33, Test gang) since 2024-03-01']);
    assert.ok(Math.abs(withArea.score - (kidnappings + 4 * 0.8)) < 0.02);
    const publicWithArea = await getSiteThreat({ db, viewer: PUBLIC_VIEWER, id: site.id, params });
    assert.equal(publicWithArea.reasons.length, 1, 'the public does not learn of a MISSION area');

    const listed = await listSiteThreats({ db, viewer: jam.actor, params });
    assert.deepEqual(listed.map((t) => [t.siteId, t.level]), [[site.id, 4]]);
  });

  dbTest('the threat is recomputed when incidents change, and its history kept per picture', async ({ db }) => {
    const { ken, jam } = await mission(db);
    const app = await buildTestApp(db);
    const site = await createSite({ db, actor: ken.actor, input: siteInput({ name: 'Watched site', classification: 'PUBLIC' }), areas: null });
    const watcher = watchThreats({ db, debounceMs: 10 });
    try {
      const now = new Date().toISOString();
      const before = await getSiteThreat({ db, viewer: jam.actor, id: site.id });
      assert.equal(before.level, 1);
      assert.deepEqual(before.reasons, []);

      await report(db, ken.actor, incident('killing', northOf(DELMAS, 90), daysBefore(1 / 24, now), { counts: { killed: 4, injured: 0, abducted: 0, displaced: 0 } }));
      await watcher.settled();
      const after = await getSiteThreat({ db, viewer: jam.actor, id: site.id });
      assert.deepEqual(after.reasons.map((r) => r.text), ['1 killing within 100 m in 1 day'], 'the cached threat was dropped');
      assert.equal(after.level, 3);
      const missionHistory = await threatHistory({ db, viewer: jam.actor, id: site.id });
      assert.deepEqual(missionHistory.map((h) => [h.basis, h.level, h.reasons]), [['mission', 3, ['1 killing within 100 m in 1 day']]]);
      assert.deepEqual(await threatHistory({ db, viewer: PUBLIC_VIEWER, id: site.id }), [], 'nothing public yet');

      await report(db, jam.actor, incident('kidnapping', eastOf(DELMAS, 150), daysBefore(1 / 24, now), { classification: 'PUBLIC', counts: { killed: 0, injured: 0, abducted: 3, displaced: 0 } }));
      await watcher.settled();
      const grown = await threatHistory({ db, viewer: jam.actor, id: site.id });
      assert.equal(grown.length, 2);
      assert.equal(grown[1]!.level, 4);
      assert.deepEqual([...grown[1]!.reasons].sort(), ['1 kidnapping within 200 m in 1 day', '1 killing within 100 m in 1 day']);
      const publicHistory = await threatHistory({ db, viewer: PUBLIC_VIEWER, id: site.id });
      assert.deepEqual(publicHistory.map((h) => [h.basis, h.reasons]), [['public', ['1 kidnapping within 200 m in 1 day']]]);

      const response = await app.inject({ method: 'GET', url: `/api/v1/sites/${site.id}/threat/history`, headers: jam.headers });
      assert.equal(response.statusCode, 200);
      assert.equal(response.json<unknown[]>().length, 2);
      const threat = await app.inject({ method: 'GET', url: `/api/v1/sites/${site.id}/threat?radiusMeters=120` });
      assert.deepEqual(threat.json<{ reasons: { text: string }[] }>().reasons.map((r) => r.text), [], 'the public, within 120 m: the PUBLIC kidnapping is 150 m away');
    } finally {
      await watcher.stop();
      await app.close();
    }
  });
});
