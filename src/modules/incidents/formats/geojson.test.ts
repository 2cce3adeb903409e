import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { bytesOf, fixture, readAll } from './formats.testing.ts';
import { readGeoJson } from './geojson.ts';

describe('GeoJSON reader', () => {
  test('reads Konbit properties and keeps a foreign feature’s name, description and date', async () => {
    const { inputs, errors } = await readAll(readGeoJson, fixture('incidents.geojson'));
    const [foreign, own] = inputs;
    assert.equal(foreign!.line, 5);
    assert.equal(foreign!.title, 'Tirs au Champ de Mars');
    assert.equal(foreign!.description, 'Fusillade entre policiers et membres de gangs.');
    assert.equal(foreign!.type, 'armed_clash');
    assert.equal(foreign!.occurredAt, '2024-03-02T20:30:00.000Z');
    assert.deepEqual(foreign!.external, { system: 'geojson', id: 'pap-001' });
    assert.equal(own!.type, 'kidnapping');
    assert.deepEqual([own!.classification, own!.releasableTo], ['RESTRICTED', ['KEN', 'HNP']]);
    assert.deepEqual(own!.location, { lon: -72.299, lat: 18.487, precision: 'near', placeName: 'Laboule 12' });
    assert.equal(own!.counts.abducted, 1);
    assert.deepEqual(errors, [{ line: 23, column: 'geometry', value: 'LineString', reason: 'an incident is a Point feature (geometry.type "Point", coordinates [longitude, latitude])' }]);
  });

  test('a single Feature is read too; a feature split across chunks is whole', async () => {
    const feature = JSON.stringify({ type: 'Feature', geometry: { type: 'Point', coordinates: [-72.33, 18.54] }, properties: { title: 'Un "seul" point', occurredAt: '2024-03-01T10:00:00Z' } });
    assert.equal((await readAll(readGeoJson, bytesOf(feature))).inputs[0]!.title, 'Un "seul" point');
    const collection = `{"type":"FeatureCollection","features":[${feature},${feature}]}`;
    const pieces = collection.match(/[\s\S]{1,7}/g)!;
    const { inputs } = await readAll(readGeoJson, bytesOf(...pieces));
    assert.equal(inputs.length, 2);
  });

  test('swapped coordinates, bad JSON in one feature, truncation, wrong document', async () => {
    const good = '{"type":"Feature","geometry":{"type":"Point","coordinates":[-72.33,18.54]},"properties":{"title":"ok","occurredAt":"2024-03-01"}}';
    const swapped = good.replace('[-72.33,18.54]', '[18.54,-72.33]');
    const text = `{"type":"FeatureCollection","features":[\n${good},\n${swapped},\n{"type":"Feature","properties":{"x":01}}\n]}`;
    const { inputs, errors } = await readAll(readGeoJson, bytesOf(text));
    assert.equal(inputs.length, 1);
    assert.equal(inputs[0]!.occurredPrecision, 'day');
    assert.equal(errors[0]!.line, 3);
    assert.match(errors[0]!.reason, /look swapped/);
    assert.equal(errors[1]!.line, 4);
    assert.match(errors[1]!.reason, /not valid JSON/);
    const truncated = await readAll(readGeoJson, bytesOf(text.slice(0, text.length - 10)));
    assert.match(truncated.fatal!.reason, /truncated/);
    const notCollection = await readAll(readGeoJson, bytesOf('{"type":"Polygon","coordinates":[]}'));
    assert.match(notCollection.fatal!.reason, /expected a GeoJSON FeatureCollection, found a Polygon/);
  });
});
