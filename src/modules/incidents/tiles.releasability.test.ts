import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { dbTest } from '../../db/testing.ts';
import { buildTestApp } from '../../server/testing.ts';
import { runReleasabilityMatrix, type MatrixSubject } from '../auth/releasability.testing.ts';
import { reportIncident } from './index.ts';
import { buildIncidentInput } from './incidents.testing.ts';
import { readTile, tileAt } from './tiles.testing.ts';
import { IncidentTiles } from './tiles.service.ts';

const AT = { lon: -72.3, lat: 18.555 };

describe('incident tiles releasability', () => {
  dbTest('tiles, their clusters and their counts hold exactly what each organisation may see', async ({ db }) => {
    const app = await buildTestApp(db);
    const tiles = new IncidentTiles(db);
    const overHttp = async ({ user }: MatrixSubject, z: number) => {
      const headers = user?.headers ?? {};
      const set = await app.inject({ method: 'GET', url: '/api/v1/incidents/tiles.json', headers });
      assert.equal(set.statusCode, 200, set.body);
      const { x, y } = tileAt(z, AT.lon, AT.lat);
      const url = set.json<{ tiles: string[] }>().tiles[0]!.replace('{z}', String(z)).replace('{x}', String(x)).replace('{y}', String(y));
      const tile = await app.inject({ method: 'GET', url, headers });
      assert.equal(tile.statusCode, 200);
      assert.match(String(tile.headers['cache-control']), /private, max-age/, 'the URL the reader was given is the reader’s own');
      return readTile(tile.rawPayload);
    };
    const serviceTile = async ({ viewer }: MatrixSubject, z: number) => {
      const { x, y } = tileAt(z, AT.lon, AT.lat);
      return readTile((await tiles.tile(viewer, {}, z, x, y)).bytes);
    };
    const cases = await runReleasabilityMatrix({
      db,
      create: async (record, actor) => {
        const input = buildIncidentInput({
          title: record.key,
          classification: record.classification,
          releasableTo: record.releasableTo,
          location: { lon: AT.lon, lat: AT.lat },
        });
        return (await reportIncident({ db, actor, areas: null, input })).incident.id;
      },
      paths: () => [
        // Street zoom: every incident on its own.
        { name: 'service tile z16 (ids)', kind: 'ids', read: async (subject) => (await serviceTile(subject, 16)).ids },
        // City zoom: all of them in one cluster.
        { name: 'service tile z10 (cluster count)', kind: 'count', read: async (subject) => (await serviceTile(subject, 10)).clustered },
        { name: 'service description (count)', kind: 'count', read: async ({ viewer }) => (await tiles.describe(viewer, {})).shown },
        { name: 'GET tile z16 (ids)', kind: 'ids', read: async (subject) => (await overHttp(subject, 16)).ids },
        { name: 'GET tile z10 (cluster count)', kind: 'count', read: async (subject) => (await overHttp(subject, 10)).clustered },
        {
          name: 'GET tiles.json (count)',
          kind: 'count',
          read: async ({ user }) => (await app.inject({ method: 'GET', url: '/api/v1/incidents/tiles.json', headers: user?.headers ?? {} })).json<{ shown: number }>().shown,
        },
      ],
    });
    assert.ok(cases > 0);
    await app.close();
  });
});
