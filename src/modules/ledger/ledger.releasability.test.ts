import assert from 'node:assert/strict';
import { describe } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { parse } from 'csv-parse/sync';
import { dbTest } from '../../db/testing.ts';
import { runReleasabilityMatrix, type MatrixSubject, type ReadPath } from '../auth/releasability.testing.ts';
import { buildTestApp } from '../../server/testing.ts';
import type { LedgerSeries, LedgerSummary } from '../../shared/ledger.ts';
import {
  countMilestones, countPledges, createMilestone, createPledge, exportFts, exportHxl, getMilestone, getPledge, getSeries, getSummary, listEvents,
  listMilestones, listPledges, recordEvent,
} from './index.ts';
import { fundsPledge, milestone, personnelPledge } from './ledger.testing.ts';

/*
 * Every read path of the ledger, lists, single reads, counts and every sum
 * (summary, series, exports), returns exactly what each organisation may see.
 * Each record's weight is its officers or its US dollars, so a sum that
 * counted one restricted pledge too many would be off by a distinct amount.
 */

const AS_OF = '2025-01-01';

async function getJson<T>(app: FastifyInstance, url: string, subject: MatrixSubject): Promise<T> {
  const response = await app.inject({ method: 'GET', url, headers: subject.user?.headers ?? {} });
  assert.equal(response.statusCode, 200, `${url}: ${response.body}`);
  return response.json<T>();
}

async function getCsv(app: FastifyInstance, url: string, subject: MatrixSubject): Promise<Record<string, string>[]> {
  const response = await app.inject({ method: 'GET', url, headers: subject.user?.headers ?? {} });
  assert.equal(response.statusCode, 200, `${url}: ${response.body}`);
  assert.match(String(response.headers['content-type']), /^text\/csv/);
  return parse(response.body, { columns: true }) as Record<string, string>[];
}

/** Reads each id as a single record; 404 (never 403) for those the subject may not see. */
function singleReads(name: string, ids: ReadonlyMap<string, string>, read: (id: string, subject: MatrixSubject) => Promise<{ status: number; id?: string }>): ReadPath {
  return {
    name,
    kind: 'ids',
    read: async (subject) => {
      const seen: string[] = [];
      for (const id of ids.values()) {
        const result = await read(id, subject);
        assert.ok(result.status === 200 || result.status === 404, `${name}: status ${result.status}`);
        if (result.status === 200) seen.push(result.id!);
      }
      return seen;
    },
  };
}

async function serviceRead(read: () => Promise<{ id: string }>): Promise<{ status: number; id?: string }> {
  try {
    return { status: 200, id: (await read()).id };
  } catch (error) {
    assert.equal((error as { code?: string }).code, 'NOT_FOUND');
    return { status: 404 };
  }
}

const sumOf = (values: number[]) => values.reduce((sum, v) => sum + v, 0);

describe('ledger releasability', () => {
  dbTest('personnel pledges: lists, single reads, events, counts, officer sums and time series', async ({ db }) => {
    const app = await buildTestApp(db);
    const summary = (s: MatrixSubject) => getSummary({ db, viewer: s.viewer, asOf: AS_OF });
    const httpSummary = (s: MatrixSubject) => getJson<LedgerSummary>(app, `/api/v1/ledger/summary?asOf=${AS_OF}`, s);
    const series = (s: MatrixSubject) => getSeries({ db, viewer: s.viewer, query: { from: '2023-12-25', to: AS_OF, interval: 'week' } });
    const httpSeries = (s: MatrixSubject) => getJson<LedgerSeries>(app, `/api/v1/ledger/series?from=2023-12-25&to=${AS_OF}&interval=day`, s);
    const cases = await runReleasabilityMatrix({
      db,
      create: async (record, owner) => {
        const pledge = await createPledge({ db, actor: owner, input: personnelPledge(record.weight, { title: record.key, classification: record.classification, releasableTo: record.releasableTo }) });
        await recordEvent({ db, actor: owner, pledgeId: pledge.id, input: { kind: 'confirmed', occurredOn: '2024-02-01', officers: record.weight } });
        await recordEvent({ db, actor: owner, pledgeId: pledge.id, input: { kind: 'deployed', occurredOn: '2024-03-01', officers: record.weight } });
        return pledge.id;
      },
      paths: (ids) => [
        { name: 'service list', kind: 'ids', read: async (s) => (await listPledges({ db, viewer: s.viewer, limit: 1000 })).map((p) => p.id) },
        { name: 'GET /api/v1/ledger/pledges', kind: 'ids', read: async (s) => (await getJson<{ id: string }[]>(app, '/api/v1/ledger/pledges?limit=1000', s)).map((p) => p.id) },
        { name: 'service count', kind: 'count', read: (s) => countPledges({ db, viewer: s.viewer }) },
        singleReads('service single read', ids, (id, s) => serviceRead(() => getPledge({ db, viewer: s.viewer, id }))),
        singleReads('GET /api/v1/ledger/pledges/:id', ids, async (id, s) => {
          const response = await app.inject({ method: 'GET', url: `/api/v1/ledger/pledges/${id}`, headers: s.user?.headers ?? {} });
          return { status: response.statusCode, id: response.statusCode === 200 ? response.json<{ id: string }>().id : undefined };
        }),
        singleReads('service events of a pledge', ids, (id, s) => serviceRead(async () => ({ id: (await listEvents({ db, viewer: s.viewer, pledgeId: id }))[0]!.pledgeId }))),
        singleReads('GET /api/v1/ledger/pledges/:id/events', ids, async (id, s) => {
          const response = await app.inject({ method: 'GET', url: `/api/v1/ledger/pledges/${id}/events`, headers: s.user?.headers ?? {} });
          return { status: response.statusCode, id: response.statusCode === 200 ? response.json<{ pledgeId: string }[]>()[0]!.pledgeId : undefined };
        }),
        { name: 'summary: officers pledged', kind: 'sum', read: async (s) => (await summary(s)).mission.officers.pledged },
        { name: 'summary: officers confirmed', kind: 'sum', read: async (s) => (await summary(s)).mission.officers.confirmed },
        { name: 'summary: strength', kind: 'sum', read: async (s) => (await summary(s)).mission.officers.deployed },
        { name: 'summary: strength by nation', kind: 'sum', read: async (s) => sumOf((await summary(s)).byOrganisation.map((o) => o.officers.deployed)) },
        { name: 'GET /api/v1/ledger/summary: officers pledged', kind: 'sum', read: async (s) => (await httpSummary(s)).mission.officers.pledged },
        { name: 'GET /api/v1/ledger/summary: strength', kind: 'sum', read: async (s) => (await httpSummary(s)).mission.officers.deployed },
        { name: 'series: pledged', kind: 'sum', read: async (s) => (await series(s)).mission.at(-1)!.pledged },
        { name: 'series: deployed by nation', kind: 'sum', read: async (s) => sumOf((await series(s)).byOrganisation.map((o) => o.points.at(-1)!.deployed)) },
        { name: 'GET /api/v1/ledger/series: confirmed', kind: 'sum', read: async (s) => (await httpSeries(s)).mission.at(-1)!.confirmed },
        { name: 'GET /api/v1/ledger/series: deployed', kind: 'sum', read: async (s) => (await httpSeries(s)).mission.at(-1)!.deployed },
        { name: 'HXL export rows', kind: 'ids', read: async (s) => (parse(await exportHxl({ db, viewer: s.viewer }), { columns: true }) as Record<string, string>[]).slice(1).map((r) => r['Pledge ID']!) },
        { name: 'GET /api/v1/ledger/export/hxl.csv: officers pledged', kind: 'sum', read: async (s) => sumOf((await getCsv(app, '/api/v1/ledger/export/hxl.csv', s)).slice(1).map((r) => Number(r['Officers pledged']))) },
        { name: 'GET /api/v1/ledger/export/hxl.csv: officers deployed', kind: 'sum', read: async (s) => sumOf((await getCsv(app, '/api/v1/ledger/export/hxl.csv', s)).slice(1).map((r) => Number(r['Officers deployed']))) },
      ],
    });
    assert.ok(cases > 5000, `only ${cases} cases checked`);
    await app.close();
  });

  dbTest('funds pledges: USD pledged, committed and paid, and both exports', async ({ db }) => {
    const app = await buildTestApp(db);
    const summary = (s: MatrixSubject) => getSummary({ db, viewer: s.viewer, asOf: AS_OF });
    const cases = await runReleasabilityMatrix({
      db,
      create: async (record, owner) => {
        const pledge = await createPledge({ db, actor: owner, input: fundsPledge(record.weight, 'USD', { title: record.key, classification: record.classification, releasableTo: record.releasableTo }) });
        await recordEvent({ db, actor: owner, pledgeId: pledge.id, input: { kind: 'committed', occurredOn: '2024-02-01', amount: record.weight } });
        await recordEvent({ db, actor: owner, pledgeId: pledge.id, input: { kind: 'disbursed', occurredOn: '2024-03-01', amount: record.weight } });
        return pledge.id;
      },
      paths: () => [
        { name: 'service list of funds', kind: 'ids', read: async (s) => (await listPledges({ db, viewer: s.viewer, kind: 'funds' })).map((p) => p.id) },
        { name: 'service count of funds', kind: 'count', read: (s) => countPledges({ db, viewer: s.viewer, kind: 'funds' }) },
        { name: 'summary: USD pledged', kind: 'sum', read: async (s) => (await summary(s)).mission.usd.pledged },
        { name: 'summary: USD committed', kind: 'sum', read: async (s) => (await summary(s)).mission.usd.committed },
        { name: 'summary: USD paid', kind: 'sum', read: async (s) => (await summary(s)).mission.usd.paid },
        { name: 'GET /api/v1/ledger/summary: USD paid by nation', kind: 'sum', read: async (s) => sumOf((await getJson<LedgerSummary>(app, `/api/v1/ledger/summary?asOf=${AS_OF}`, s)).byOrganisation.map((o) => o.usd.paid)) },
        { name: 'HXL export: USD pledged', kind: 'sum', read: async (s) => sumOf((await getCsv(app, '/api/v1/ledger/export/hxl.csv', s)).slice(1).map((r) => Number(r['USD pledged']))) },
        { name: 'HXL export: amount paid', kind: 'sum', read: async (s) => sumOf((await getCsv(app, '/api/v1/ledger/export/hxl.csv', s)).slice(1).map((r) => Number(r['Amount paid']))) },
        { name: 'FTS export: pledges', kind: 'ids', read: async (s) => [...new Set((parse(await exportFts({ db, viewer: s.viewer }), { columns: true }) as Record<string, string>[]).map((r) => r['Pledge ID']!))] },
        { name: 'GET /api/v1/ledger/export/fts.csv: US$', kind: 'sum', read: async (s) => sumOf((await getCsv(app, '/api/v1/ledger/export/fts.csv', s)).map((r) => Number(r['Amount (US$)']))) },
      ],
    });
    assert.ok(cases > 2000, `only ${cases} cases checked`);
    await app.close();
  });

  dbTest('milestones: timeline, single reads, counts and the late list', async ({ db }) => {
    const app = await buildTestApp(db);
    const cases = await runReleasabilityMatrix({
      db,
      create: async (record, owner) =>
        (await createMilestone({ db, actor: owner, input: milestone({ title: record.key, plannedStart: '2024-01-01', classification: record.classification, releasableTo: record.releasableTo }) })).id,
      paths: (ids) => [
        { name: 'service timeline', kind: 'ids', read: async (s) => (await listMilestones({ db, viewer: s.viewer })).map((m) => m.id) },
        { name: 'GET /api/v1/ledger/milestones', kind: 'ids', read: async (s) => (await getJson<{ id: string }[]>(app, '/api/v1/ledger/milestones', s)).map((m) => m.id) },
        { name: 'service count', kind: 'count', read: (s) => countMilestones({ db, viewer: s.viewer }) },
        singleReads('service single read', ids, (id, s) => serviceRead(() => getMilestone({ db, viewer: s.viewer, id }))),
        singleReads('GET /api/v1/ledger/milestones/:id', ids, async (id, s) => {
          const response = await app.inject({ method: 'GET', url: `/api/v1/ledger/milestones/${id}`, headers: s.user?.headers ?? {} });
          return { status: response.statusCode, id: response.statusCode === 200 ? response.json<{ id: string }>().id : undefined };
        }),
        { name: 'summary: milestones', kind: 'count', read: async (s) => (await getSummary({ db, viewer: s.viewer, asOf: AS_OF })).milestones.total },
        { name: 'GET /api/v1/ledger/summary: late milestones', kind: 'ids', read: async (s) => (await getJson<LedgerSummary>(app, `/api/v1/ledger/summary?asOf=${AS_OF}`, s)).milestones.late.map((m) => m.id) },
      ],
    });
    assert.ok(cases > 2000, `only ${cases} cases checked`);
    await app.close();
  });
});
