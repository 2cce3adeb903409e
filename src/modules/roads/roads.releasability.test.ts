import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { dbTest } from '../../db/testing.ts';
import type { Db } from '../../db/index.ts';
import { buildTestApp } from '../../server/testing.ts';
import { runReleasabilityMatrix, type MatrixSubject, type ReadPath } from '../auth/releasability.testing.ts';
import type { RouteResponse } from '../../shared/roads.ts';
import { areasGeoJson } from './areas.geojson.ts';
import { createArea, getArea, listAreas } from './areas.service.ts';
import { importNetwork } from './networks.service.ts';
import { createOverride, listOverrides } from './overrides.service.ts';
import { createRoadblock, getRoadblock, listRoadblocks } from './roadblocks.service.ts';
import { ladderCell, ladderFile, LAT0, LON0, STEP } from './roads.testing.ts';
import { planRoute } from './routing.service.ts';
import { roadStatusGeoJson } from './status.service.ts';

/*
 * Every read path of the road picture, routes included, against the releasability matrix. The
 * records sit one per cell of a ladder network, so that a route across cell k shows whether its
 * requester's picture held the record of cell k — a route must bend round exactly the blocks its
 * requester may see.
 */

const CELLS = 60;

async function ladder(db: Db): Promise<void> {
  await importNetwork({ db, actor: null, filePath: ladderFile(CELLS), name: 'ladder' });
}

/** Ids returned by a path that may answer 200 or a 404 per id (a refusal looks like an absence). */
async function singleReads(ids: ReadonlyMap<string, string>, read: (id: string) => Promise<string | null>): Promise<string[]> {
  const seen: string[] = [];
  for (const id of ids.values()) {
    const got = await read(id);
    if (got !== null) seen.push(got);
  }
  return seen;
}

async function notFoundAsNull<T>(read: Promise<T>): Promise<T | null> {
  try {
    return await read;
  } catch (error) {
    assert.equal((error as { code?: string }).code, 'NOT_FOUND');
    return null;
  }
}

/** Route across every cell, as a service call and over HTTP, collecting what the routes report. */
function routePaths(app: Awaited<ReturnType<typeof buildTestApp>>, db: Db, pick: (route: RouteResponse['routes'][number]) => string[], profile: 'convoy' | 'patrol' = 'convoy'): ReadPath[] {
  const across = (k: number) => ({ network: 'ladder', from: ladderCell(k).a, to: ladderCell(k).b, alternatives: 0, profile });
  return [
    {
      name: `planRoute (${profile}) across every cell`, kind: 'ids',
      read: async ({ viewer }: MatrixSubject) => {
        const found: string[] = [];
        for (let k = 0; k < CELLS; k++) found.push(...pick((await planRoute({ db, viewer, input: across(k) })).routes[0]!));
        return found;
      },
    },
    {
      name: `POST /api/v1/routes (${profile}) across every cell`, kind: 'ids',
      read: async ({ user }: MatrixSubject) => {
        const found: string[] = [];
        for (let k = 0; k < CELLS; k++) {
          const response = await app.inject({ method: 'POST', url: '/api/v1/routes', headers: user?.headers ?? {}, payload: across(k) });
          assert.equal(response.statusCode, 200, response.body);
          found.push(...pick(response.json<RouteResponse>().routes[0]!));
        }
        return found;
      },
    },
  ];
}

describe('road picture releasability', () => {
  dbTest('roadblocks: lists, map layer, single reads, road status and routes show exactly what each reader may see', async ({ db }) => {
    const app = await buildTestApp(db);
    await ladder(db);
    let cell = 0;
    const cases = await runReleasabilityMatrix({
      db,
      create: async (record, owner) =>
        (await createRoadblock({ db, actor: owner, input: { ...ladderCell(cell++).middle, description: record.key, classification: record.classification, releasableTo: record.releasableTo } })).id,
      paths: (ids) => [
        { name: 'listRoadblocks', kind: 'ids', read: async ({ viewer }) => (await listRoadblocks({ db, viewer })).map((b) => b.id) },
        { name: 'listRoadblocks in force', kind: 'count', read: async ({ viewer }) => (await listRoadblocks({ db, viewer, inForce: true })).length },
        { name: 'getRoadblock', kind: 'ids', read: ({ viewer }) => singleReads(ids, async (id) => (await notFoundAsNull(getRoadblock({ db, viewer, id })))?.id ?? null) },
        {
          name: 'GET /api/v1/roads/roadblocks', kind: 'ids',
          read: async ({ user }) => (await app.inject({ method: 'GET', url: '/api/v1/roads/roadblocks', headers: user?.headers ?? {} })).json<{ id: string }[]>().map((b) => b.id),
        },
        {
          name: 'GET /api/v1/roads/roadblocks.geojson', kind: 'ids',
          read: async ({ user }) => (await app.inject({ method: 'GET', url: '/api/v1/roads/roadblocks.geojson', headers: user?.headers ?? {} })).json<{ features: { id: string }[] }>().features.map((f) => f.id),
        },
        {
          name: 'GET /api/v1/roads/roadblocks/:id', kind: 'ids',
          read: ({ user }) => singleReads(ids, async (id) => {
            const response = await app.inject({ method: 'GET', url: `/api/v1/roads/roadblocks/${id}`, headers: user?.headers ?? {} });
            assert.ok(response.statusCode === 200 || response.statusCode === 404, `status ${response.statusCode}`);
            return response.statusCode === 200 ? response.json<{ id: string }>().id : null;
          }),
        },
        { name: 'road status (blocked roads and their causes)', kind: 'ids', read: async ({ viewer }) => (await roadStatusGeoJson({ db, viewer, network: 'ladder', notOpen: true })).items.map((i) => i.id) },
        {
          name: 'GET /api/v1/roads/networks/ladder/status', kind: 'ids',
          read: async ({ user }) => (await app.inject({ method: 'GET', url: '/api/v1/roads/networks/ladder/status?notOpen=true', headers: user?.headers ?? {} })).json<{ items: { id: string }[] }>().items.map((i) => i.id),
        },
        ...routePaths(app, db, (route) => route.blocksAvoided.map((b) => b.id)),
      ],
    });
    assert.ok(cases > 3000, `only ${cases} cases checked`);
    await app.close();
  });

  dbTest('areas of control: lists, GeoJSON, single reads, history and the risk a route reports', async ({ db }) => {
    const app = await buildTestApp(db);
    await ladder(db);
    let cell = 0;
    const cases = await runReleasabilityMatrix({
      db,
      create: async (record, owner) => {
        const x = 5 * cell++;
        // A contested square over the middle of the cell's direct road.
        const ring = [[x + 0.8, -0.2], [x + 1.2, -0.2], [x + 1.2, 0.2], [x + 0.8, 0.2], [x + 0.8, -0.2]].map(([px, py]) => [LON0 + px! * STEP, LAT0 + py! * STEP]);
        const input = { name: record.key, level: 'contested' as const, geometry: { type: 'Polygon', coordinates: [ring] }, validFrom: '2025-01-01T00:00:00Z', classification: record.classification, releasableTo: record.releasableTo };
        return (await createArea({ db, actor: owner, input })).id;
      },
      paths: (ids) => [
        { name: 'listAreas', kind: 'ids', read: async ({ viewer }) => (await listAreas({ db, viewer })).map((a) => a.id) },
        { name: 'listAreas as of now', kind: 'count', read: async ({ viewer }) => (await listAreas({ db, viewer, asOf: new Date().toISOString() })).length },
        { name: 'areas GeoJSON export', kind: 'ids', read: async ({ viewer }) => (await areasGeoJson({ db, viewer, all: true })).features.map((f) => f.id) },
        { name: 'getArea', kind: 'ids', read: ({ viewer }) => singleReads(ids, async (id) => (await notFoundAsNull(getArea({ db, viewer, id })))?.id ?? null) },
        {
          name: 'GET /api/v1/roads/areas.geojson', kind: 'ids',
          read: async ({ user }) => (await app.inject({ method: 'GET', url: '/api/v1/roads/areas.geojson', headers: user?.headers ?? {} })).json<{ features: { id: string }[] }>().features.map((f) => f.id),
        },
        {
          name: 'GET /api/v1/roads/areas/:id/history', kind: 'ids',
          read: ({ user }) => singleReads(ids, async (id) => {
            const response = await app.inject({ method: 'GET', url: `/api/v1/roads/areas/${id}/history`, headers: user?.headers ?? {} });
            return response.statusCode === 200 ? id : null;
          }),
        },
        ...routePaths(app, db, (route) => route.riskCrossed.map((r) => r.areaId), 'patrol'),
      ],
    });
    assert.ok(cases > 3000, `only ${cases} cases checked`);
    await app.close();
  });

  dbTest('overrides: lists and the closures a route goes round', async ({ db }) => {
    const app = await buildTestApp(db);
    await ladder(db);
    let cell = 0;
    const cases = await runReleasabilityMatrix({
      db,
      create: async (record, owner) => {
        const { a, b } = ladderCell(cell++);
        const line = { type: 'LineString' as const, coordinates: [[a.lon, a.lat], [b.lon, b.lat]] };
        return (await createOverride({ db, actor: owner, input: { network: 'ladder', action: 'closed', reason: record.key, line, classification: record.classification, releasableTo: record.releasableTo } })).id;
      },
      paths: () => [
        { name: 'listOverrides', kind: 'ids', read: async ({ viewer }) => (await listOverrides({ db, viewer, network: 'ladder' })).map((o) => o.id) },
        {
          name: 'GET /api/v1/roads/overrides', kind: 'ids',
          read: async ({ user }) => (await app.inject({ method: 'GET', url: '/api/v1/roads/overrides', headers: user?.headers ?? {} })).json<{ id: string }[]>().map((o) => o.id),
        },
        ...routePaths(app, db, (route) => route.blocksAvoided.map((b) => b.id)),
      ],
    });
    assert.ok(cases >= 1680, `only ${cases} cases checked`);
    await app.close();
  });
});
