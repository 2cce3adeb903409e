import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { parse } from 'csv-parse/sync';
import type { FastifyInstance } from 'fastify';
import type { Incident } from '../../src/shared/incidents.ts';
import type { LedgerSeries, LedgerSummary } from '../../src/shared/ledger.ts';
import type { PictureItem, RouteResponse } from '../../src/shared/roads.ts';
import type { Db } from '../../src/db/index.ts';
import { dbTest } from '../../src/db/testing.ts';
import { runReleasabilityMatrix, type MatrixSubject, type ReadPath } from '../../src/modules/auth/releasability.testing.ts';
import { reportIncident } from '../../src/modules/incidents/index.ts';
import { buildIncidentInput } from '../../src/modules/incidents/incidents.testing.ts';
import { ladderCell } from '../../src/modules/roads/roads.testing.ts';
import { buildTestApp } from '../../src/server/testing.ts';
import { runNarrowedPaths } from './matrix-narrowed.ts';
import { checkOtherEditionsRefused, reportNarrowedPaths, reportPaths } from './matrix-paths-reports.ts';
import { siteNarrowedPaths, sitePaths } from './matrix-paths-sites.ts';
import { trainingNarrowedPaths, trainingPaths } from './matrix-paths-training.ts';
import { count, ids, perSubject, Reader, sum, timed, total } from './matrix-reader.ts';
import { BUNDLES, chainEnds, MatrixWorld, NETWORK, SEARCH_WORD, type Kind } from './matrix-world.ts';

/*
 * The releasability matrix across modules, through the HTTP API only: one database holding a
 * record of every shareable kind under every label of the harness (six organisations of every
 * kind as owners), and every read path that exists — lists, single reads, search, filters, map
 * layers, aggregates and sums, exports in every format, the live stream, road status and routes.
 * Each path must answer each user (and the public) with exactly the records that user may see,
 * and each count and sum with exactly theirs. The modules' own matrices check their services;
 * this one checks the surface a client meets, with all modules' records side by side.
 */

const AS_OF = '2025-01-01';

describe('releasability across modules', () => {
  dbTest('every HTTP read path answers each organisation with exactly what it may see', async ({ db }) => {
    const started = Date.now();
    const app = await buildTestApp(db);
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      await checkMatrix(app, db, started);
    } finally {
      await app.close();
    }
  });
});

async function checkMatrix(app: FastifyInstance, db: Db, started: number): Promise<void> {
    const world = new MatrixWorld(db);
    await world.importChains();
    const http = new Reader(app);
    let owner: Parameters<MatrixWorld['create']>[1] | null = null;
    const subjects = new Map<string, MatrixSubject>();
    const ruleCases = await runReleasabilityMatrix({
      db,
      // No oversight role: it opens the whole detention register, which the plain rule does not.
      roles: ['analyst', 'commander', 'reporter', 'viewer', 'donor'],
      create: (record, actor) => {
        owner ??= actor;
        return world.create(record, actor);
      },
      paths: () => {
        console.log(`records created in ${((Date.now() - started) / 1000).toFixed(1)} s`);
        return remembering(subjects, timed([
          ...incidentPaths(http, world, () => owner!), ...ledgerPaths(http, world), ...registerPaths(http, world), ...roadPaths(http, world),
          ...sitePaths(http, world), ...trainingPaths(http, world), ...reportPaths(http, world),
        ]));
      },
    });
    // The paths a policy narrows further, over the same subjects.
    const narrowedCases = await runNarrowedPaths(world, [...subjects.values()], [...siteNarrowedPaths(http, world), ...trainingNarrowedPaths(http, world), ...reportNarrowedPaths(http, world)]);
    const refusals = await checkOtherEditionsRefused(http, [...subjects.values()]);
    const cases = ruleCases + narrowedCases;
    console.log(`of which ${narrowedCases} on paths a policy narrows; ${refusals} editions of other organisations refused`);
    console.log(`releasability matrix across modules: ${cases} (user, record, path) cases checked in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    assert.ok(cases >= 40_000, `only ${cases} cases checked`);
}

/** Keeps each subject the harness reads as, for the paths run after it. */
function remembering(subjects: Map<string, MatrixSubject>, paths: ReadPath[]): ReadPath[] {
  return paths.map((path) => ({
    ...path,
    read: (subject: MatrixSubject) => {
      subjects.set(subject.key, subject);
      return (path.read as (s: MatrixSubject) => Promise<never>)(subject);
    },
  })) as ReadPath[];
}

function incidentPaths(http: Reader, world: MatrixWorld, owner: () => Parameters<MatrixWorld['create']>[1]): ReadPath[] {
  const cells = [ladderCell(0).a, ladderCell(BUNDLES - 1).b];
  const bbox = `${cells[0]!.lon - 0.01},${cells[0]!.lat - 0.01},${cells[1]!.lon + 0.01},${cells[1]!.lat + 0.01}`;
  const range = `from=${new Date(Date.now() - 30 * 86_400_000).toISOString()}&to=${new Date(Date.now() + 86_400_000).toISOString()}`;
  const incidents = (got: { id: string }[]) => world.bundles('incident', got.map((i) => i.id));
  const aggregates = perSubject((s) => http.json<{ totals: { incidents: number; displaced: number } }>(`/api/v1/incidents/aggregates?${range}`, s));
  const exported = (format: string) => perSubject((s) => http.text(`/api/v1/incidents/export.${format}`, s));
  const acled = exported('acled');
  const hxl = exported('hxl');
  const hxlRows = async (s: MatrixSubject) => (parse(await hxl(s), { bom: true }) as string[][]);
  let sentinel: Promise<string> | null = null;
  return [
    ids('GET /api/v1/incidents', async (s) => incidents((await http.json<{ items: Incident[] }>('/api/v1/incidents?limit=500', s)).items)),
    ids('GET /api/v1/incidents?q= (full-text search)', async (s) => incidents((await http.json<{ items: Incident[] }>(`/api/v1/incidents?limit=500&q=${SEARCH_WORD}`, s)).items)),
    ids('GET /api/v1/incidents?bbox=&types=&from=&to=', async (s) => incidents((await http.json<{ items: Incident[] }>(`/api/v1/incidents?limit=500&types=roadblock&bbox=${bbox}&${range}`, s)).items)),
    ids('GET /api/v1/incidents/:id', (s) => http.singles('incident', world, s, (id) => `/api/v1/incidents/${id}`)),
    ids('GET /api/v1/incidents/:id/history', (s) => http.singles('incident', world, s, (id) => `/api/v1/incidents/${id}/history`)),
    ids('GET /api/v1/incidents.geojson', async (s) => world.bundles('incident', (await http.json<{ features: { id: string }[] }>(`/api/v1/incidents.geojson?bbox=${bbox}`, s)).features.map((f) => f.id))),
    count('GET /api/v1/incidents/aggregates: incidents', async (s) => (await aggregates(s)).totals.incidents),
    total('GET /api/v1/incidents/aggregates: displaced', async (s) => (await aggregates(s)).totals.displaced),
    ids('GET /api/v1/incidents/export.acled', async (s) => world.bundles('incident', (parse(await acled(s), { columns: true, bom: true }) as Record<string, string>[]).map((r) => r['konbit_id']!))),
    total('GET /api/v1/incidents/export.acled: displaced', async (s) => sum((parse(await acled(s), { columns: true, bom: true }) as Record<string, string>[]).map((r) => Number(r['konbit_displaced'])))),
    ids('GET /api/v1/incidents/export.ushahidi', async (s) => world.bundles('incident', (await http.csv('/api/v1/incidents/export.ushahidi', s)).map((r) => r['konbit_id']!))),
    ids('GET /api/v1/incidents/export.cot', async (s) => world.bundles('incident', [...(await http.text('/api/v1/incidents/export.cot', s)).matchAll(/<konbit [^>]*\bid="([^"]+)"/g)].map((m) => m[1]!))),
    ids('GET /api/v1/incidents/export.geojson', async (s) => world.bundles('incident', (await http.json<{ features: { id: string }[] }>('/api/v1/incidents/export.geojson', s)).features.map((f) => f.id))),
    ids('GET /api/v1/incidents/export.hxl', async (s) => {
      const [, tags, ...rows] = await hxlRows(s);
      const column = tags!.indexOf('#meta+konbit+id');
      assert.ok(column >= 0, `no #meta+konbit+id column in ${tags!.join(',')}`);
      return world.bundles('incident', rows.map((r) => r[column]!));
    }),
    total('GET /api/v1/incidents/export.hxl: #affected+displaced', async (s) => {
      const [, tags, ...rows] = await hxlRows(s);
      const column = tags!.indexOf('#affected+displaced');
      return sum(rows.map((r) => Number(r[column])));
    }),
    ids('GET /api/v1/actors', async (s) => (await http.json<{ name: string }[]>('/api/v1/actors', s)).map((a) => world.actorBundle.get(a.name) ?? `unknown actor ${a.name}`)),
    ids('GET /api/v1/stream (replay from the start)', async (s) => {
      // A public report made after the matrix: once it arrives, the replay is complete.
      sentinel ??= reportIncident({ db: world.db, actor: owner(), areas: null, input: buildIncidentInput({ title: 'sentinel', classification: 'PUBLIC' }) }).then((r) => r.incident.id);
      const last = await sentinel;
      const port = (http.app.server.address() as { port: number }).port;
      const controller = new AbortController();
      const response = await fetch(`http://127.0.0.1:${port}/api/v1/stream`, { headers: { ...(s.user ? { cookie: s.user.headers.cookie } : {}), 'last-event-id': '0' }, signal: controller.signal });
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
      let text = '';
      while (!text.includes(`"id":"${last}"`)) {
        const { value, done } = await reader.read();
        if (done) break;
        text += value;
      }
      controller.abort();
      const seen = [...text.matchAll(/^data: (.*)$/gm)].map((m) => (JSON.parse(m[1]!) as { id: string }).id);
      return world.bundles('incident', seen.filter((id) => id !== last));
    }),
  ];
}

function ledgerPaths(http: Reader, world: MatrixWorld): ReadPath[] {
  const pledges = perSubject((s) => http.json<{ id: string }[]>('/api/v1/ledger/pledges?limit=1000', s));
  const summary = perSubject((s) => http.json<LedgerSummary>(`/api/v1/ledger/summary?asOf=${AS_OF}`, s));
  const series = perSubject((s) => http.json<LedgerSeries>(`/api/v1/ledger/series?from=2023-12-25&to=${AS_OF}&interval=week`, s));
  const hxl = perSubject(async (s) => (await http.csv('/api/v1/ledger/export/hxl.csv', s)).slice(1));
  const of = (kind: Kind, got: string[]) => world.bundles(kind, got.filter((id) => world.has(kind, id)));
  return [
    ids('GET /api/v1/ledger/pledges: personnel', async (s) => of('personnel', (await pledges(s)).map((p) => p.id))),
    ids('GET /api/v1/ledger/pledges: funds', async (s) => of('funds', (await pledges(s)).map((p) => p.id))),
    ids('GET /api/v1/ledger/pledges/:id', (s) => http.singles('personnel', world, s, (id) => `/api/v1/ledger/pledges/${id}`)),
    ids('GET /api/v1/ledger/pledges/:id/events', (s) => http.singles('funds', world, s, (id) => `/api/v1/ledger/pledges/${id}/events`)),
    total('GET /api/v1/ledger/summary: officers pledged', async (s) => (await summary(s)).mission.officers.pledged),
    total('GET /api/v1/ledger/summary: strength', async (s) => (await summary(s)).mission.officers.deployed),
    total('GET /api/v1/ledger/summary: strength by nation', async (s) => sum((await summary(s)).byOrganisation.map((o) => o.officers.deployed))),
    total('GET /api/v1/ledger/summary: USD pledged', async (s) => (await summary(s)).mission.usd.pledged),
    total('GET /api/v1/ledger/summary: USD paid by nation', async (s) => sum((await summary(s)).byOrganisation.map((o) => o.usd.paid))),
    count('GET /api/v1/ledger/summary: milestones', async (s) => (await summary(s)).milestones.total),
    ids('GET /api/v1/ledger/summary: late milestones', async (s) => world.bundles('milestone', (await summary(s)).milestones.late.map((m) => m.id))),
    total('GET /api/v1/ledger/series: deployed', async (s) => (await series(s)).mission.at(-1)!.deployed),
    total('GET /api/v1/ledger/series: confirmed by nation', async (s) => sum((await series(s)).byOrganisation.map((o) => o.points.at(-1)!.confirmed))),
    ids('GET /api/v1/ledger/export/hxl.csv: personnel rows', async (s) => of('personnel', (await hxl(s)).map((r) => r['Pledge ID']!))),
    total('GET /api/v1/ledger/export/hxl.csv: officers pledged', async (s) => sum((await hxl(s)).map((r) => Number(r['Officers pledged'] || 0)))),
    total('GET /api/v1/ledger/export/hxl.csv: USD pledged', async (s) => sum((await hxl(s)).map((r) => Number(r['USD pledged'] || 0)))),
    total('GET /api/v1/ledger/export/fts.csv: US$', async (s) => sum((await http.csv('/api/v1/ledger/export/fts.csv', s)).map((r) => Number(r['Amount (US$)'])))),
    ids('GET /api/v1/ledger/milestones', async (s) => world.bundles('milestone', (await http.json<{ id: string }[]>('/api/v1/ledger/milestones', s)).map((m) => m.id))),
    ids('GET /api/v1/ledger/milestones/:id', (s) => http.singles('milestone', world, s, (id) => `/api/v1/ledger/milestones/${id}`)),
  ];
}

function registerPaths(http: Reader, world: MatrixWorld): ReadPath[] {
  return [
    ids('GET /api/v1/notices', async (s) => world.bundles('notice', (await http.json<{ id: string }[]>('/api/v1/notices?limit=500', s)).map((n) => n.id))),
    ids('GET /api/v1/notices/:id', (s) => http.singles('notice', world, s, (id) => `/api/v1/notices/${id}`)),
    ids('GET /api/v1/detentions', async (s) => world.bundles('detention', (await http.json<{ id: string }[]>('/api/v1/detentions?limit=500', s)).map((d) => d.id))),
    ids('GET /api/v1/detentions/:id', (s) => http.singles('detention', world, s, (id) => `/api/v1/detentions/${id}`)),
  ];
}

function roadPaths(http: Reader, world: MatrixWorld): ReadPath[] {
  const status = perSubject((s) => http.json<{ items: PictureItem[] }>(`/api/v1/roads/networks/${NETWORK}/status?notOpen=true`, s));
  const statusItems = (kind: PictureItem['kind'], as: Kind) => async (s: MatrixSubject) => world.bundles(as, (await status(s)).items.filter((i) => i.kind === kind).map((i) => i.id));
  // A convoy along the block chain, and a patrol along the area chain.
  const convoys = perSubject(async (s) => (await http.post<RouteResponse>('/api/v1/routes', s, { network: NETWORK, ...chainEnds(0), alternatives: 0, profile: 'convoy' })).routes[0]!.blocksAvoided);
  const patrols = perSubject(async (s) => (await http.post<RouteResponse>('/api/v1/routes', s, { network: NETWORK, ...chainEnds(1), alternatives: 0, profile: 'patrol' })).routes[0]!.riskCrossed.map((r) => r.areaId));
  const avoided = (kind: PictureItem['kind'], as: Kind) => async (s: MatrixSubject) => world.bundles(as, (await convoys(s)).filter((i) => i.kind === kind).map((i) => i.id));
  const list = (kind: Kind, url: string) => async (s: MatrixSubject) => world.bundles(kind, (await http.json<{ id: string }[]>(url, s)).map((r) => r.id));
  const features = (kind: Kind, url: string) => async (s: MatrixSubject) => world.bundles(kind, (await http.json<{ features: { id: string }[] }>(url, s)).features.map((f) => f.id));
  return [
    ids('GET /api/v1/roads/roadblocks', list('roadblock', '/api/v1/roads/roadblocks')),
    ids('GET /api/v1/roads/roadblocks.geojson', features('roadblock', '/api/v1/roads/roadblocks.geojson')),
    ids('GET /api/v1/roads/roadblocks/:id', (s) => http.singles('roadblock', world, s, (id) => `/api/v1/roads/roadblocks/${id}`)),
    ids('GET /api/v1/roads/areas', list('area', '/api/v1/roads/areas')),
    ids('GET /api/v1/roads/areas.geojson?all=true', features('area', '/api/v1/roads/areas.geojson?all=true')),
    ids('GET /api/v1/roads/areas/:id', (s) => http.singles('area', world, s, (id) => `/api/v1/roads/areas/${id}`)),
    ids('GET /api/v1/roads/areas/:id/history', (s) => http.singles('area', world, s, (id) => `/api/v1/roads/areas/${id}/history`)),
    ids('GET /api/v1/roads/overrides', list('override', '/api/v1/roads/overrides')),
    ids('GET /api/v1/roads/overrides/:id', (s) => http.singles('override', world, s, (id) => `/api/v1/roads/overrides/${id}`)),
    ids('GET /api/v1/roads/networks/:name/status: roadblocks', statusItems('roadblock', 'roadblock')),
    ids('GET /api/v1/roads/networks/:name/status: roadblock incidents', statusItems('incident', 'incident')),
    ids('GET /api/v1/roads/networks/:name/status: closures', statusItems('closure', 'override')),
    ids('GET /api/v1/roads/networks/:name/status: areas', statusItems('area', 'area')),
    ids('POST /api/v1/routes (convoy): roadblocks gone round', avoided('roadblock', 'roadblock')),
    ids('POST /api/v1/routes (convoy): roadblock incidents gone round', avoided('incident', 'incident')),
    ids('POST /api/v1/routes (convoy): closures gone round', avoided('closure', 'override')),
    ids('POST /api/v1/routes (patrol): areas crossed', async (s) => world.bundles('area', await patrols(s))),
  ];
}
