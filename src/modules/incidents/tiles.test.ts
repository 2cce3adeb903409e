import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { dbTest } from '../../db/testing.ts';
import { buildTestApp } from '../../server/testing.ts';
import { buildIncidentInput, buildMission } from './incidents.testing.ts';
import { readTile, tileAt } from './tiles.testing.ts';

interface TileSetBody {
  tiles: string[];
  version: string;
  total: number;
  shown: number;
  minMs: number | null;
  maxMs: number | null;
}

describe('incident tiles over HTTP', () => {
  dbTest('filters change what the tiles hold, a new report makes a new version, and a stale URL is never cached', async ({ db }) => {
    const app = await buildTestApp(db);
    const { reporter, analyst } = await buildMission(db);
    const report = (overrides: Parameters<typeof buildIncidentInput>[0]) =>
      app.inject({ method: 'POST', url: '/api/v1/incidents', headers: reporter.headers, payload: buildIncidentInput(overrides) });
    // Three kidnappings and two lootings around Delmas, over three days.
    for (const [i, type] of (['kidnapping', 'kidnapping', 'kidnapping', 'looting', 'looting'] as const).entries()) {
      const created = await report({ type, occurredAt: `2024-03-0${1 + (i % 3)}T12:00:00Z`, location: { lon: -72.3 + i * 0.001, lat: 18.555 } });
      assert.equal(created.statusCode, 201, created.body);
    }
    const describeTiles = async (query = '') => {
      const response = await app.inject({ method: 'GET', url: `/api/v1/incidents/tiles.json${query}`, headers: analyst.headers });
      assert.equal(response.statusCode, 200, response.body);
      return response.json<TileSetBody>();
    };
    const tileOf = async (set: TileSetBody, z: number, headers = analyst.headers) => {
      const { x, y } = tileAt(z, -72.298, 18.555);
      const response = await app.inject({ method: 'GET', url: set.tiles[0]!.replace('{z}', String(z)).replace('{x}', String(x)).replace('{y}', String(y)), headers });
      assert.equal(response.statusCode, 200);
      assert.equal(response.headers['content-type'], 'application/vnd.mapbox-vector-tile');
      return { content: readTile(response.rawPayload), cacheControl: String(response.headers['cache-control']) };
    };

    const all = await describeTiles();
    assert.deepEqual([all.total, all.shown], [5, 5]);
    assert.equal(all.minMs, Date.parse('2024-03-01T12:00:00Z'));
    assert.equal(all.maxMs, Date.parse('2024-03-03T12:00:00Z'));
    const city = await tileOf(all, 10);
    assert.deepEqual([city.content.clusters, city.content.clustered, city.content.ids.length], [1, 5, 0], 'one cluster of five at city zoom');
    assert.match(city.cacheControl, /^private, max-age=\d+, immutable$/);
    const street = await tileOf(all, 16);
    assert.equal(street.content.ids.length, 5, 'each incident on its own at street zoom');

    const kidnappings = await describeTiles('?types=kidnapping');
    assert.deepEqual([kidnappings.total, kidnappings.shown], [5, 3]);
    assert.equal((await tileOf(kidnappings, 10)).content.clustered, 3);
    const firstDay = await describeTiles('?from=2024-03-01T00:00:00Z&to=2024-03-02T00:00:00Z');
    assert.equal(firstDay.shown, 2);
    assert.equal((await tileOf(firstDay, 16)).content.ids.length, 2);
    assert.equal((await describeTiles('?verification=verified')).shown, 0);

    // A new report: a new version and URL; the old URL answers the data of now, not to be stored.
    assert.equal((await report({ location: { lon: -72.298, lat: 18.555 } })).statusCode, 201);
    const after = await describeTiles();
    assert.notEqual(after.version, all.version);
    assert.equal(after.shown, 6);
    const stale = await tileOf(all, 10);
    assert.equal(stale.content.clustered, 6);
    assert.equal(stale.cacheControl, 'no-store');
    // Another reader following the analyst's URL gets its own view, never stored either.
    assert.equal((await tileOf(after, 10, {} as typeof analyst.headers)).cacheControl, 'no-store');

    const bad = await app.inject({ method: 'GET', url: '/api/v1/incidents/tiles.json?types=riot', headers: analyst.headers });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /types/);
    const backwards = await app.inject({ method: 'GET', url: '/api/v1/incidents/tiles.json?from=2024-03-02T00:00:00Z&to=2024-03-01T00:00:00Z', headers: analyst.headers });
    assert.equal(backwards.statusCode, 400);
    assert.match(backwards.body, /from must be before to/);
    await app.close();
  });
});
