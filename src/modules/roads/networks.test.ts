import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe } from 'node:test';
import { dataset } from '../../../test/datasets.ts';
import type { Db } from '../../db/index.ts';
import { dbTest } from '../../db/testing.ts';
import { buildTestApp } from '../../server/testing.ts';
import { buildOrganisation, buildUser } from '../auth/testing.ts';
import { forgetNetwork, loadNetwork } from './graph-registry.ts';
import { deleteNetwork, importNetwork, listNetworks } from './networks.service.ts';

async function rowCounts(db: Db) {
  const count = async (table: 'road_networks' | 'road_nodes' | 'road_edges' | 'audit_log') =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  return { networks: await count('road_networks'), nodes: await count('road_nodes'), edges: await count('road_edges'), audit: await count('audit_log') };
}

function tempFile(name: string, content: string | Uint8Array): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'konbit-roads-')), name);
  writeFileSync(file, content);
  return file;
}

describe('road network import', () => {
  dbTest('the metro GeoJSON imports with its report, and the graph rebuilt from the database is the one imported', async ({ db }) => {
    const progress: string[] = [];
    const summary = await importNetwork({ db, actor: null, filePath: dataset('haiti/roads/pap-metro-2010.geojson'), name: 'pap-metro', onProgress: (p) => progress.push(p.phase) });
    const { report } = summary;
    assert.equal(summary.sourceFile, 'pap-metro-2010.geojson');
    assert.equal(summary.format, 'geojson');
    assert.equal(report.waysRead, 1583);
    assert.ok(report.nodes > 3000 && report.edges > 4500, `${report.nodes} nodes, ${report.edges} edges`);
    assert.ok(report.totalKm > 1100 && report.totalKm < 1400, `${report.totalKm} km`);
    assert.ok(report.components > 1 && report.largestComponentNodes / report.nodes > 0.9);
    assert.ok(report.onewayEdges > 0, 'the GeoJSON keeps its one-way tags');
    assert.equal(report.skipped.find((s) => s.code === 'no-highway')?.count, 73);
    assert.ok(progress.includes('read') && progress.includes('write'));
    const counts = await rowCounts(db);
    assert.deepEqual([counts.networks, counts.nodes, counts.edges], [1, report.nodes, report.edges]);

    const imported = await loadNetwork(db, 'pap-metro');
    forgetNetwork(db, 'pap-metro');
    const rebuilt = await loadNetwork(db, 'pap-metro');
    assert.notEqual(rebuilt, imported, 'rebuilt from the rows');
    for (const key of ['lon', 'lat', 'edgeFrom', 'edgeTo', 'edgeSeconds', 'edgeMeters', 'edgeOneway', 'geometryOffsets', 'geometry', 'edgeBridge'] as const) {
      assert.deepEqual(rebuilt.network[key], imported.network[key], key);
    }
    assert.deepEqual(rebuilt.network.edgeName.map((i) => 0 + i).length, imported.network.edgeName.length);
    for (let e = 0; e < imported.network.edgeCount; e += 97) {
      assert.equal(rebuilt.network.strings[rebuilt.network.edgeName[e]!], imported.network.strings[imported.network.edgeName[e]!]);
    }
    assert.equal(rebuilt.segments.graph.edgeCount, imported.segments.graph.edgeCount);
    assert.deepEqual(rebuilt.segments.graph.arcBaseCost, imported.segments.graph.arcBaseCost);
    assert.deepEqual((await listNetworks({ db })).map((n) => n.name), ['pap-metro']);
  });

  dbTest('the central PBF imports; a second network of the same name is refused', async ({ db }) => {
    const summary = await importNetwork({ db, actor: null, filePath: dataset('haiti/roads/pap-central-2010.osm.pbf'), name: 'pap-central' });
    assert.equal(summary.format, 'osm-pbf');
    assert.ok(summary.report.edges > 1000);
    await assert.rejects(importNetwork({ db, actor: null, filePath: dataset('haiti/roads/pap-central-2010.osm.pbf'), name: 'pap-central' }), { code: 'CONFLICT', message: /exists already/ });
    const { overridesDeleted } = await deleteNetwork({ db, actor: null, name: 'pap-central' });
    assert.equal(overridesDeleted, 0);
    assert.deepEqual(await rowCounts(db).then((c) => [c.networks, c.nodes, c.edges]), [0, 0, 0]);
    await assert.rejects(loadNetwork(db, 'pap-central'), { code: 'NOT_FOUND', message: /konbit roads import FILE --network pap-central/ });
  });

  dbTest('a truncated PBF, a file without roads and a broken GeoJSON write nothing', async ({ db }) => {
    const before = await rowCounts(db);
    const pbf = readFileSync(dataset('haiti/roads/pap-metro-2010.osm.pbf'));
    const truncated = tempFile('cut.osm.pbf', pbf.subarray(0, Math.floor(pbf.length * 0.6)));
    await assert.rejects(importNetwork({ db, actor: null, filePath: truncated, name: 'cut' }), (error: { code?: string; message?: string }) => {
      assert.equal(error.code, 'ROADS_MALFORMED');
      assert.match(error.message!, /cut\.osm\.pbf.*nothing was imported/s);
      return true;
    });
    const river = tempFile('river.geojson', JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { waterway: 'river' }, geometry: { type: 'LineString', coordinates: [[-72.3, 18.5], [-72.31, 18.51]] } }] }));
    await assert.rejects(importNetwork({ db, actor: null, filePath: river, name: 'river' }), { code: 'ROADS_EMPTY', message: /no roads to import/ });
    const footpaths = tempFile('paths.geojson', JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { highway: 'footway' }, geometry: { type: 'LineString', coordinates: [[-72.3, 18.5], [-72.31, 18.51]] } }] }));
    await assert.rejects(importNetwork({ db, actor: null, filePath: footpaths, name: 'paths' }), { code: 'ROADS_EMPTY', message: /no drivable road/ });
    const broken = tempFile('broken.geojson', '{"type":"FeatureCollection","features":[{"type":"Feature",');
    await assert.rejects(importNetwork({ db, actor: null, filePath: broken, name: 'broken' }), { code: 'ROADS_MALFORMED' });
    await assert.rejects(importNetwork({ db, actor: null, filePath: broken, name: 'Bad Name' }), { name: 'ZodError' });
    assert.deepEqual(await rowCounts(db), before);
  });

  dbTest('administrators upload a road file over the API; others may not; errors say what is wrong', async ({ db }) => {
    const app = await buildTestApp(db);
    await buildOrganisation(db, 'MSS-HQ', 'mission_hq');
    const admin = await buildUser(db, 'admin', 'MSS-HQ', ['admin']);
    const analyst = await buildUser(db, 'analyst', 'MSS-HQ', ['analyst']);
    const body = readFileSync(dataset('haiti/osm/tabarre-2016.osm'));
    const upload = (headers: Record<string, string>, url: string, payload: Buffer) =>
      app.inject({ method: 'POST', url, headers: { ...headers, 'content-type': 'application/octet-stream' }, payload });
    assert.equal((await upload(analyst.headers, '/api/v1/roads/networks?name=tabarre&fileName=tabarre-2016.osm', body)).statusCode, 403);
    const created = await upload(admin.headers, '/api/v1/roads/networks?name=tabarre&fileName=tabarre-2016.osm', body);
    assert.equal(created.statusCode, 201, created.body);
    assert.equal(created.json().report.waysRead, 612);
    const empty = await upload(admin.headers, '/api/v1/roads/networks?name=empty&fileName=empty.geojson', Buffer.from('{"type":"FeatureCollection","features":[]}'));
    assert.equal(empty.statusCode, 422);
    assert.equal(empty.json().error.code, 'ROADS_EMPTY');
    const list = await app.inject({ method: 'GET', url: '/api/v1/roads/networks' });
    assert.deepEqual(list.json().map((n: { name: string }) => n.name), ['tabarre']);
    assert.equal((await app.inject({ method: 'GET', url: '/api/v1/roads/networks/nope' })).statusCode, 404);
    await app.close();
  });
});
