import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/index.ts';
import { BASEMAP_LAYERS, createBasemap, type BasemapLayerName } from './basemap.service.ts';
import { importedRoads } from './network-roads.ts';

const LayerName = z.enum(Object.keys(BASEMAP_LAYERS) as [BasemapLayerName, ...BasemapLayerName[]]);
const LayerInfo = z.object({ name: LayerName, dataset: z.string(), available: z.boolean(), attribution: z.string() });

/**
 * The basemap's layers as GeoJSON, public: boundaries and roads are public data. With a database,
 * the roads are those of the imported road network when there is one.
 */
export async function basemapRoutes(app: FastifyInstance, { datasetsDir, db }: { datasetsDir: string | null; db?: Db }): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const basemap = createBasemap({ datasetsDir, roads: db ? importedRoads(db) : undefined });

  api.get(
    '/api/v1/basemap',
    {
      config: { access: 'public' },
      schema: { tags: ['basemap'], summary: 'The basemap layers and whether their datasets are present', response: { 200: z.object({ layers: z.array(LayerInfo) }) } },
    },
    async () => ({ layers: await basemap.layers() }),
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
