import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { buildRoadNetwork, edgeNameOf } from '../../../core/roads/index.ts';
import { readGeoJsonRoads, tagsOf } from './geojson.ts';
import { fixture, rejection, streamOf } from './readers.testing.ts';

const line = (coordinates: unknown[][], properties: object = { highway: 'residential' }): object =>
  ({ type: 'Feature', properties, geometry: { type: 'LineString', coordinates } });

describe('readGeoJsonRoads', () => {
  it('reads lines and multi-lines, sharing nodes at equal coordinates', async () => {
    const raw = await readGeoJsonRoads(fixture('roads.geojson'));
    assert.equal(raw.ways.length, 4, 'two lines and one multi-line of two parts; the river is left out');
    assert.deepEqual(raw.skipped.map((s) => [s.code, s.count]), [['non-line-geometry', 1], ['no-highway', 1]]);
    assert.equal(raw.skipped[0]?.reason, 'Point geometry: not a road line');
    const { network, report } = buildRoadNetwork(raw);
    assert.equal(report.nodes, 7, 'the Route de Delmas starts on Rue Pavée\'s middle vertex (1e-11 apart)');
    assert.equal(report.edges, 5);
    assert.equal(report.onewayEdges, 1);
    assert.equal(report.components, 2);
    const delmas = network.edgeWayId.indexOf(555);
    assert.equal(edgeNameOf(network, delmas), 'Route de Delmas');
    assert.equal(network.edgeBridge[delmas], 1);
    assert.equal(edgeNameOf(network, network.edgeWayId.indexOf(-1)), 'Rue "Pavée"');
  });

  it('gives the same raw form however the bytes are cut', async () => {
    const bytes = await readFile(fixture('roads.geojson'));
    const whole = await readGeoJsonRoads(fixture('roads.geojson'));
    for (const size of [1, 2, 5, 64]) {
      const raw = await readGeoJsonRoads(streamOf(bytes, size));
      assert.deepEqual(raw.ways, whole.ways, `chunks of ${size} bytes`);
    }
  });

  it('reads a single Feature, a bare geometry and a leading byte-order mark', async () => {
    const feature = await readGeoJsonRoads(streamOf(`\uFEFF${JSON.stringify(line([[0, 0], [1, 1]]))}`, 4));
    assert.equal(feature.ways.length, 1);
    const geometry = await readGeoJsonRoads(streamOf(JSON.stringify({ type: 'LineString', coordinates: [[0, 0], [1, 1]] }), 100));
    assert.equal(geometry.ways.length, 0, 'a bare geometry has no road class');
    assert.deepEqual(geometry.skipped.map((s) => s.code), ['no-highway']);
  });

  it('parses OSM tag strings in both the hstore and the plain form', () => {
    assert.deepEqual(tagsOf({ tags: '"oneway"="yes","highway"="primary_link","source"="Yahoo"' }), { oneway: 'yes', highway: 'primary_link' });
    assert.deepEqual(tagsOf({ other_tags: '"bridge"=>"yes","name"=>"Pont \\"Rouge\\""', highway: 'trunk' }), { bridge: 'yes', name: 'Pont "Rouge"', highway: 'trunk' });
    assert.deepEqual(tagsOf({ type: 'secondary', oneway: 0, bridge: 0, name: null }), { highway: 'secondary' });
    assert.deepEqual(tagsOf({ fclass: 'track', oneway: -1 }), { highway: 'track', oneway: '-1' });
  });

  it('skips lines with unusable positions', async () => {
    const collection = { type: 'FeatureCollection', features: [line([[0, 0], [1, 'x']]), line([[0, 0], [200, 1]]), line([[0, 0], [1, 1]])] };
    const raw = await readGeoJsonRoads(streamOf(JSON.stringify(collection), 50));
    assert.equal(raw.ways.length, 1);
    assert.deepEqual(raw.skipped.map((s) => [s.code, s.count]), [['invalid-coordinates', 2]]);
  });

  it('reports truncated and malformed JSON with the byte offset', async () => {
    const text = JSON.stringify({ type: 'FeatureCollection', features: [line([[0, 0], [1, 1]]), line([[0, 0], [2, 2]])] });
    const truncated = await rejection(readGeoJsonRoads(streamOf(text.slice(0, text.length - 40), 16), { name: 'cut.geojson' }));
    assert.equal(truncated.code, 'ROADS_MALFORMED');
    assert.match(truncated.message, /^cut\.geojson at byte \d+: .*truncated/);

    const broken = text.replace('"coordinates":[[0,0],[2,2]]', '"coordinates":[[0,0],[2,2,]]');
    const malformed = await rejection(readGeoJsonRoads(streamOf(broken, 16), { name: 'bad.geojson' }));
    assert.equal(malformed.code, 'ROADS_MALFORMED');
    assert.equal(malformed.location?.offset, broken.lastIndexOf('{"type":"Feature"'));
    assert.match(malformed.message, /feature starting at byte \d+/);
  });

  it('refuses what is not GeoJSON', async () => {
    const xml = await rejection(readGeoJsonRoads(streamOf('<osm/>', 10)));
    assert.equal(xml.code, 'ROADS_MALFORMED');
    assert.match(xml.message, /not a JSON object/);
    const other = await rejection(readGeoJsonRoads(streamOf('{"rows":[1,2,3]}', 10)));
    assert.equal(other.code, 'ROADS_UNSUPPORTED_FORMAT');
    const numbers = await rejection(readGeoJsonRoads(streamOf('{"type":"FeatureCollection","features":[1,2]}', 10)));
    assert.equal(numbers.code, 'ROADS_MALFORMED');
  });
});
