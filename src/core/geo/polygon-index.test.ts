import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dataset } from '../../../test/datasets.ts';
import { mulberry32 } from '../random.ts';
import type { AreaFeature, AreaFeatureCollection, Position } from './geojson.ts';
import { polygonParts } from './geojson.ts';
import { pointInPolygon } from './polygon.ts';
import { PolygonIndex } from './polygon-index.ts';

const load = (file: string): AreaFeatureCollection =>
  JSON.parse(readFileSync(dataset(file), 'utf8')) as AreaFeatureCollection;
const sections = load('haiti/admin/hti-adm3.geojson');
const food = load('haiti/food-security/ipc-acute-2023-08.geojson');

function box(name: string, x0: number, y0: number, x1: number, y1: number): AreaFeature<{ name: string }> {
  return { type: 'Feature', properties: { name }, geometry: { type: 'Polygon', coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] } };
}

test('locate returns the index and properties of the feature containing the point, or null', () => {
  const index = new PolygonIndex([box('a', 0, 0, 1, 1), box('b', 2, 0, 3, 1)]);
  assert.equal(index.size, 2);
  assert.deepEqual(index.locate(2.5, 0.5), { index: 1, properties: { name: 'b' } });
  assert.equal(index.locate(1.5, 0.5), null);
  assert.equal(index.locateIndex(1.5, 0.5), -1);
  assert.equal(index.locateIndex(0.5, 0.5), 0);
});

test('where features overlap the lowest index wins, and locateAll lists them all', () => {
  const index = new PolygonIndex([box('big', 0, 0, 10, 10), box('small', 2, 2, 3, 3), box('also big', 0, 0, 10, 10)]);
  assert.equal(index.locate(2.5, 2.5)?.properties.name, 'big');
  assert.deepEqual(index.locateAll(2.5, 2.5), [0, 1, 2]);
  assert.deepEqual(index.locateAll(5, 5), [0, 2]);
  assert.deepEqual(index.locateAll(50, 5), []);
});

test('holes are respected: the hole in the IPC Port-au-Prince area is not part of it', () => {
  const index = new PolygonIndex(food.features);
  const portAuPrince = food.features.findIndex((f) => f.properties['area'] === 'Port au Prince P+TP');
  const geometry = food.features[portAuPrince]!.geometry;
  const hole = polygonParts(geometry).find((rings) => rings.length > 1)![1]!;
  const corners = hole.slice(0, -1);
  const [x, y] = [0, 1].map((axis) => corners.reduce((sum, p) => sum + p[axis]!, 0) / corners.length) as [number, number];
  assert.ok(pointInPolygon(x, y, { type: 'Polygon', coordinates: [hole] }), 'the test point is in the hole');
  assert.notEqual(index.locateIndex(x, y), portAuPrince);
  assert.equal(index.locate(-72.335, 18.539)?.properties['area'], 'Port au Prince P+TP');
  assert.equal(index.locate(-73.0, 18.0), null, 'Caribbean Sea');
});

test('locate agrees with testing every feature, on 400 random points over Haiti', () => {
  const index = new PolygonIndex(sections.features);
  const next = mulberry32(42);
  for (let i = 0; i < 400; i++) {
    const x = -74.5 + 2.9 * next(), y = 18.0 + 2.1 * next();
    const expected = sections.features.flatMap((f, k) => (pointInPolygon(x, y, f.geometry) ? [k] : []));
    assert.deepEqual(index.locateAll(x, y), expected, `(${x}, ${y})`);
    assert.equal(index.locateIndex(x, y), expected[0] ?? -1);
  }
});

/** Every edge of the communal sections, keyed by its ends in canonical order, with the features holding it. */
function sharedEdges(): Map<string, { a: Position; b: Position; owners: Set<number> }> {
  const edges = new Map<string, { a: Position; b: Position; owners: Set<number> }>();
  sections.features.forEach((feature, owner) => {
    for (const ring of polygonParts(feature.geometry).flat()) {
      for (let i = 1; i < ring.length; i++) {
        const [a, b] = [ring[i - 1]!, ring[i]!].sort((p, q) => p[1]! - q[1]! || p[0]! - q[0]!) as [Position, Position];
        const key = `${a[0]},${a[1]},${b[0]},${b[1]}`;
        const edge = edges.get(key) ?? { a, b, owners: new Set<number>() };
        edge.owners.add(owner);
        edges.set(key, edge);
      }
    }
  });
  return edges;
}

test('boundary points of the communal sections go to exactly one section, never two', () => {
  const index = new PolygonIndex(sections.features);
  let shared = 0;
  for (const { a, b, owners } of sharedEdges().values()) {
    const claims = index.locateAll(a[0]!, a[1]!);
    assert.ok(claims.length <= 1, `vertex (${a[0]}, ${a[1]}) is claimed by ${claims.join(', ')}`);
    if (owners.size !== 2) continue;
    shared++;
    const midpoint = index.locateAll((a[0]! + b[0]!) / 2, (a[1]! + b[1]!) / 2);
    assert.equal(midpoint.length, 1, `midpoint of ${a}–${b} claimed by [${midpoint}]`);
    assert.ok(owners.has(midpoint[0]!));
  }
  assert.ok(shared > 30_000, `${shared} shared edges`);
});

test('an empty index finds nothing; a feature that is not an area is refused by number', () => {
  assert.equal(new PolygonIndex([]).locate(0, 0), null);
  assert.deepEqual(new PolygonIndex([]).locateAll(0, 0), []);
  const point = { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [0, 0] } } as unknown as AreaFeature;
  assert.throws(() => new PolygonIndex([box('a', 0, 0, 1, 1), point]), /feature 1 has geometry Point/);
});
