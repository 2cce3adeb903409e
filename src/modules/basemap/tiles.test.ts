import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { dbTest } from '../../db/testing.ts';
import { buildTestApp } from '../../server/testing.ts';
import { datasetsDir } from '../../../test/datasets.ts';
import { tileAt } from '../incidents/tiles.testing.ts';

describe('the basemap tiles', () => {
  dbTest('hold every layer cut for its zoom: sections and minor roads only close up', async ({ db }) => {
    const app = await buildTestApp(db, { KONBIT_DATASETS: datasetsDir });
    const index = (await app.inject('/api/v1/basemap')).json<{ tiles: string[] }>();
    assert.equal(index.tiles.length, 1);
    const read = async (z: number) => {
      const { x, y } = tileAt(z, -72.335, 18.54);
      const url = index.tiles[0]!.replace('{z}', String(z)).replace('{x}', String(x)).replace('{y}', String(y));
      const response = await app.inject({ url, headers: { 'accept-encoding': 'gzip' } });
      assert.equal(response.statusCode, 200);
      assert.equal(response.headers['content-encoding'], 'gzip');
      assert.match(String(response.headers['cache-control']), /immutable/);
      const tile = new VectorTile(new PbfReader(gunzipSync(response.rawPayload)));
      const classes = new Set<string>();
      for (let i = 0; i < (tile.layers.roads?.length ?? 0); i++) classes.add(String(tile.layers.roads!.feature(i).properties.class));
      return { layers: Object.keys(tile.layers).sort(), classes, bytes: response.rawPayload.length };
    };
    const city = await read(10);
    assert.deepEqual(city.layers, ['adm1', 'adm2', 'roads']);
    assert.deepEqual([...city.classes], ['major'], 'only the main roads at city zoom');
    const street = await read(13);
    assert.deepEqual(street.layers, ['adm1', 'adm2', 'adm3', 'roads']);
    assert.ok(street.classes.size > 1, `minor roads close up (${[...street.classes].join(', ')})`);
    assert.ok(city.bytes < 200_000, `a city tile is small (${city.bytes} bytes gzip)`);

    const unversioned = await app.inject('/api/v1/basemap/tiles/10/306/458.mvt');
    assert.equal(unversioned.headers['cache-control'], 'no-cache', 'a URL without the version is not kept');
    assert.equal((await app.inject('/api/v1/basemap/tiles/10/306/x.mvt')).statusCode, 400);
    await app.close();
  });
});
