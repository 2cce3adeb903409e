import { gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/index.ts';
import { departmentNames, type DepartmentNames } from './admin-areas.ts';
import { BASEMAP_LAYERS, createBasemap, type BasemapLayerName } from './basemap.service.ts';
import { importedRoads } from './network-roads.ts';
import { BASEMAP_TILE_MAX_ZOOM, createBasemapTiles } from './tiles.ts';

const LayerName = z.enum(Object.keys(BASEMAP_LAYERS) as [BasemapLayerName, ...BasemapLayerName[]]);
const LayerInfo = z.object({ name: LayerName, dataset: z.string(), available: z.boolean(), attribution: z.string() });
const Names = z.object({ en: z.string(), fr: z.string(), ht: z.string() });
const AreaName = z.object({ pcode: z.string(), names: Names });
const TileParams = z.object({ z: z.coerce.number().int().min(0).max(24), x: z.coerce.number().int().min(0), y: z.coerce.number().int().min(0) });

/**
 * The basemap's layers as GeoJSON, public: boundaries and roads are public data. With a database,
 * the roads are those of the imported road network when there is one.
 */
export async function basemapRoutes(app: FastifyInstance, { datasetsDir, db }: { datasetsDir: string | null; db?: Db }): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const basemap = createBasemap({ datasetsDir, roads: db ? importedRoads(db) : undefined });
  const tiles = createBasemapTiles(basemap);
  // Read, thinned and indexed before the first reader asks (a failure is answered when one does).
  void tiles.version().catch(() => undefined);

  api.get(
    '/api/v1/basemap',
    {
      config: { access: 'public' },
      schema: {
        tags: ['basemap'],
        summary: 'The basemap layers, whether their datasets are present, and the vector tiles holding them all (one source layer per basemap layer)',
        response: { 200: z.object({ layers: z.array(LayerInfo), tiles: z.array(z.string()), maxzoom: z.number() }) },
      },
    },
    async (_request, reply) => {
      void reply.header('cache-control', 'no-cache');
      const version = await tiles.version();
      return { layers: await basemap.layers(), tiles: [`/api/v1/basemap/tiles/{z}/{x}/{y}.mvt?v=${version}`], maxzoom: BASEMAP_TILE_MAX_ZOOM };
    },
  );

  api.get(
    '/api/v1/basemap/tiles/:z/:x/:y.mvt',
    {
      config: { access: 'public' },
      schema: { tags: ['basemap'], summary: 'One vector tile of the basemap: boundaries and roads, simplified for its zoom', params: TileParams, querystring: z.object({ v: z.string().max(64).optional() }) },
    },
    async (request, reply) => {
      const { z: zoom, x, y } = request.params;
      const tile = await tiles.tile(zoom, x, y);
      // Kept by the browser only under the URL of the version it was cut from.
      void reply
        .type('application/vnd.mapbox-vector-tile')
        .header('cache-control', request.query.v === tile.version ? 'public, max-age=604800, immutable' : 'no-cache')
        .header('vary', 'accept-encoding');
      if (/\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) return reply.header('content-encoding', 'gzip').send(tile.gzip);
      return reply.send(gunzipSync(tile.gzip));
    },
  );

  // The boundary files do not change while the server runs: the names are read once.
  let names: Promise<DepartmentNames[]> | null = null;
  api.get(
    '/api/v1/basemap/admin-areas',
    {
      config: { access: 'public' },
      schema: {
        tags: ['basemap'],
        summary: 'The names of the departments and their communes (P-codes, English, French and Creole), sorted by French name; 404 names a missing dataset',
        response: { 200: z.object({ departments: z.array(AreaName.extend({ communes: z.array(AreaName) })) }) },
      },
    },
    async (_request, reply) => {
      names ??= departmentNames(basemap);
      const departments = await names.catch((error: unknown) => {
        names = null;
        throw error;
      });
      void reply.header('cache-control', 'public, max-age=86400');
      return { departments };
    },
  );

  api.get(
    '/api/v1/basemap/:layer',
    {
      config: { access: 'public' },
      schema: {
        tags: ['basemap'],
        summary: 'One basemap layer as simplified GeoJSON (administrative boundaries, roads); 404 names a missing dataset',
        params: z.object({ layer: LayerName }),
      },
    },
    async (request, reply) => {
      const body = await basemap.load(request.params.layer);
      void reply.header('etag', body.etag).header('cache-control', 'no-cache').header('vary', 'accept-encoding').type('application/geo+json');
      if (request.headers['if-none-match'] === body.etag) return reply.code(304).send();
      if (/\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
        // Compressed once and kept: @fastify/compress leaves an encoded reply alone.
        return reply.header('content-encoding', 'gzip').send(body.gzip);
      }
      return reply.send(body.json);
    },
  );
}
