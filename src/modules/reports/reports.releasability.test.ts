import assert from 'node:assert/strict';
import { describe } from 'node:test';
import type { NotAvailable, Sitrep } from '../../shared/reports.ts';
import { dbTest } from '../../db/testing.ts';
import type { Db } from '../../db/index.ts';
import { buildTestApp } from '../../server/testing.ts';
import { runReleasabilityMatrix, type MatrixSubject, type ReadPath } from '../auth/releasability.testing.ts';
import { reportIncident } from '../incidents/index.ts';
import { buildIncidentInput } from '../incidents/incidents.testing.ts';
import { createPledge } from '../ledger/index.ts';
import { fundsPledge } from '../ledger/ledger.testing.ts';
import { buildSitrep, renderSitrepHtml } from './index.ts';

/*
 * The report written for an organisation holds exactly what that
 * organisation may see: the releasability harness creates records under
 * every label for owners of every kind, and for each organisation (and the
 * public) produces the report for that organisation's audience (PUBLIC for
 * the public) and checks the records it lists, its counts and its sums.
 */

const PERIOD = { from: '2024-06-01', to: '2024-06-30' };
const NOW = new Date('2025-01-01T00:00:00Z');

/** One report per audience per test: every path of a subject reads the same one. */
function reportsFor(db: Db) {
  const cache = new Map<string, Promise<Sitrep>>();
  return (subject: MatrixSubject): Promise<Sitrep> => {
    let report = cache.get(subject.key);
    if (!report) {
      const audience = subject.key === 'public' ? 'PUBLIC' : subject.key;
      report = buildSitrep({ db, requester: subject.viewer, query: { ...PERIOD, audience, format: 'json' }, datasetsDir: null, now: NOW });
      cache.set(subject.key, report);
    }
    return report;
  };
}

function available<T extends { status: 'available' }>(section: T | NotAvailable): T {
  assert.equal(section.status, 'available');
  return section as T;
}

/** The PUBLIC and MISSION records among those created, by the harness's keys (OWNER:LABEL…). */
function missionKeys(ids: ReadonlyMap<string, string>): string[] {
  return [...ids].filter(([key]) => /:(PUBLIC|MISSION)$/.test(key)).map(([, id]) => id).sort();
}

describe('situation report releasability', () => {
  dbTest('incidents: each organisation’s report lists, counts and adds up exactly what it may see', async ({ db }) => {
    const app = await buildTestApp(db);
    const report = reportsFor(db);
    let created: ReadonlyMap<string, string> = new Map();
    const cases = await runReleasabilityMatrix({
      db,
      create: async (record, owner) => {
        const input = buildIncidentInput({
          title: record.key, classification: record.classification, releasableTo: record.releasableTo,
          occurredAt: '2024-06-15T12:00:00Z', counts: { killed: 0, injured: 0, abducted: 0, displaced: record.weight },
        });
        return (await reportIncident({ db, actor: owner, areas: null, input })).incident.id;
      },
      paths: (ids): ReadPath[] => {
        created = ids;
        return [
          { name: 'report: incidents listed', kind: 'ids', read: async (s) => available((await report(s)).security).incidents.map((i) => i.id) },
          { name: 'report: incidents counted', kind: 'count', read: async (s) => available((await report(s)).security).totals.incidents },
          { name: 'report: key figure', kind: 'count', read: async (s) => (await report(s)).summary.figures.find((f) => f.key === 'incidents')!.current },
          { name: 'report: weekly counts', kind: 'count', read: async (s) => available((await report(s)).security).byWeek.reduce((sum, w) => sum + w.incidents, 0) },
          { name: 'report: people displaced (sum)', kind: 'sum', read: async (s) => available((await report(s)).security).totals.displaced },
          { name: 'report page: dots on the map', kind: 'count', read: async (s) => ((await renderSitrepHtml(await report(s), { datasetsDir: null })).match(/<circle class="incident"/g) ?? []).length },
          {
            name: 'GET /api/v1/reports/sitrep?format=json',
            kind: 'ids',
            read: async ({ key, user }) => {
              const audience = key === 'public' ? 'PUBLIC' : key;
              const response = await app.inject({ method: 'GET', url: `/api/v1/reports/sitrep?from=${PERIOD.from}&to=${PERIOD.to}&audience=${audience}&format=json`, headers: user?.headers ?? {} });
              assert.equal(response.statusCode, 200, response.body);
              return available(response.json<Sitrep>().security).incidents.map((i) => i.id);
            },
          },
        ];
      },
    });
    assert.ok(cases > 0);
    const mission = await buildSitrep({ db, requester: 'system', query: { ...PERIOD, audience: 'MISSION', format: 'json' }, datasetsDir: null, now: NOW });
    assert.deepEqual(available(mission.security).incidents.map((i) => i.id).sort(), missionKeys(created), 'the MISSION edition: every PUBLIC and MISSION record, no RESTRICTED one');
    await app.close();
  });

  dbTest('pledges: each organisation’s report lists and adds up exactly what it may see', async ({ db }) => {
    const report = reportsFor(db);
    let created: ReadonlyMap<string, string> = new Map();
    await runReleasabilityMatrix({
      db,
      create: async (record, owner) => {
        const input = fundsPledge(String(record.weight), 'USD', { classification: record.classification, releasableTo: record.releasableTo, title: record.key, pledgedOn: '2024-02-01' });
        return (await createPledge({ db, actor: owner, input })).id;
      },
      paths: (ids): ReadPath[] => {
        created = ids;
        return [
          { name: 'report: pledges listed', kind: 'ids', read: async (s) => available((await report(s)).force).pledges.map((p) => p.id) },
          { name: 'report: USD pledged (mission)', kind: 'sum', read: async (s) => available((await report(s)).force).usd.pledged },
          { name: 'report: USD pledged (by organisation)', kind: 'sum', read: async (s) => available((await report(s)).force).byOrganisation.reduce((sum, o) => sum + o.usd.pledged, 0) },
        ];
      },
    });
    const mission = await buildSitrep({ db, requester: 'system', query: { ...PERIOD, audience: 'MISSION', format: 'json' }, datasetsDir: null, now: NOW });
    assert.deepEqual(available(mission.force).pledges.map((p) => p.id).sort(), missionKeys(created));
  });
});
