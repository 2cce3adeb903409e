// The readers on the public Haiti datasets: the same network in three formats
// must give the same graph, and the genuine JOSM tiles must import cleanly.

import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { edgeGeometry, type BuiltRoadNetwork } from '../../../core/roads/index.ts';
import { dataset } from '../../../../test/datasets.ts';
import { importRoadNetwork } from './read-road-file.ts';

/** Relative difference allowed between formats of the same data (they agree exactly today). */
const TOLERANCE = 0.005;

function close(a: number, b: number, what: string): void {
  assert.ok(Math.abs(a - b) <= TOLERANCE * Math.max(a, b), `${what}: ${a} vs ${b}`);
}

/** Invariants every built network must satisfy. */
function assertWellFormed({ network, report }: BuiltRoadNetwork): void {
  assert.equal(network.edgeFrom.length, network.edgeCount);
  assert.equal(network.geometryOffsets.length, network.edgeCount + 1);
  for (let e = 0; e < network.edgeCount; e++) {
    const from = network.edgeFrom[e] ?? 0;
    const to = network.edgeTo[e] ?? 0;
    assert.ok(from < network.nodeCount && to < network.nodeCount);
    assert.ok((network.edgeMeters[e] ?? 0) > 0, `edge ${e} has a length`);
    assert.ok(Number.isFinite(network.edgeSeconds[e]) && (network.edgeSeconds[e] ?? 0) > 0);
    const points = edgeGeometry(network, e);
    assert.ok(points.length >= 4);
    assert.equal(points[0], network.lon[from]);
    assert.equal(points[points.length - 1], network.lat[to]);
  }
  assert.ok(report.largestComponentNodes <= report.nodes);
}

async function importAll(base: string): Promise<Record<'geojson' | 'osm' | 'pbf', BuiltRoadNetwork>> {
  const [geojson, osm, pbf] = await Promise.all(['.geojson', '.osm', '.osm.pbf'].map((ext) => importRoadNetwork(dataset(`haiti/roads/${base}${ext}`))));
  assert.ok(geojson && osm && pbf);
  return { geojson, osm, pbf };
}

describe('real road networks: Port-au-Prince 2010', () => {
  it('metro: the GeoJSON, OSM XML and PBF versions give the same network', async () => {
    const { geojson, osm, pbf } = await importAll('pap-metro-2010');
    assert.equal(geojson.report.waysRead, 1583, 'every feature of the GeoJSON is a line');
    assert.equal(osm.report.waysRead, 1510, 'the OSM versions keep only the 1,510 highway lines');
    assert.equal(pbf.report.waysRead, 1510);
    for (const other of [osm, pbf]) {
      close(other.report.nodes, geojson.report.nodes, 'nodes');
      close(other.report.edges, geojson.report.edges, 'edges');
      close(other.report.totalKm, geojson.report.totalKm, 'km');
      assert.equal(other.report.components, geojson.report.components);
    }
    assert.ok(geojson.report.totalKm > 1100 && geojson.report.totalKm < 1400, `${geojson.report.totalKm} km`);
    assert.ok(geojson.report.largestComponentNodes / geojson.report.nodes > 0.9, 'one main network');
    assert.equal(geojson.report.skipped.find((s) => s.code === 'no-highway')?.count, 73, 'rivers, coastline, runways');
    assert.ok(geojson.report.onewayEdges > 0, 'the GeoJSON tags string carries oneway=yes');
    assertWellFormed(geojson);
    assertWellFormed(pbf);
  });

  it('central: the three versions agree, with one-ways and bridges', async () => {
    const { geojson, osm, pbf } = await importAll('pap-central-2010');
    for (const other of [osm, pbf]) {
      close(other.report.nodes, geojson.report.nodes, 'nodes');
      close(other.report.edges, geojson.report.edges, 'edges');
      close(other.report.totalKm, geojson.report.totalKm, 'km');
      close(other.report.onewayEdges, geojson.report.onewayEdges, 'one-way edges');
    }
    const { network, report } = geojson;
    assert.ok(report.totalKm > 500 && report.totalKm < 620, `${report.totalKm} km`);
    assert.ok(report.onewayEdges > 0);
    assert.ok(network.edgeBridge.some((flag) => flag === 1));
    const footways = report.skipped.find((s) => s.reason.startsWith('highway=footway'));
    assert.equal(footways?.count, 78);
    assertWellFormed(osm);
  });
});

describe('real road networks: genuine JOSM tiles', () => {
  const dir = path.dirname(dataset('haiti/osm/tabarre-2016.osm'));
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.osm')).sort()) {
    it(`${file} imports into a connected-enough network`, async () => {
      const built = await importRoadNetwork(path.join(dir, file));
      assert.ok(built.report.edges > 0);
      assert.ok(built.report.largestComponentNodes / built.report.nodes > 0.5);
      assertWellFormed(built);
      if (file === 'tabarre-2016.osm') assert.equal(built.report.waysRead, 612);
      if (file === 'pap-tile-003.osm') {
        assert.ok((built.report.skipped.find((s) => s.code === 'deleted-object')?.count ?? 0) > 400, 'JOSM deletions are left out');
      }
    });
  }
});
