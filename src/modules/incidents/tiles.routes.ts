import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/index.ts';
import { IncidentFilterQuery } from '../../shared/incidents.ts';
import { IncidentTiles, type TileFilter } from './tiles.service.ts';

/*
 * The map's incidents as clustered vector tiles. The description (TileJSON
 * with counts) names the tile URL for the reader's filter and the current
 * version; a tile asked for at that version may be kept by the browser, as a
 * new version means a new URL. A tile asked for at another version (older
 * data, or another reader's URL) is answered for the reader as of now and
 * never stored, so no cache holds a tile under a URL it was not built for.
 */

const FilterQuery = IncidentFilterQuery.pick({ types: true, verification: true, actors: true, area: true, from: true, to: true });
const TileQuery = FilterQuery.extend({ v: z.string().max(64).optional() });
const TileParams = z.object({
  z: z.coerce.number().int().min(0).max(24),
  x: z.coerce.number().int().min(0),
  y: z.coerce.number().int().min(0),
});

const TileSetResponse = z.object({
  tilejson: z.literal('3.0.0'),
  tiles: z.array(z.string()),
  minzoom: z.number(),
  maxzoom: z.number(),
  vector_layers: z.array(z.object({ id: z.string(), fields: z.record(z.string(), z.string()) })),
  version: z.string(),
  total: z.number().int(),
  shown: z.number().int(),
  minMs: z.number().nullable(),
  maxMs: z.number().nullable(),
});

/** The query string of a filter as the tile URL carries it: same order always, so the same filter is the same URL. */
function queryOf(filter: TileFilter, version: string): string {
  const params = new URLSearchParams();
  if (filter.types?.length) params.set('types', [...filter.types].sort().join(','));
  if (filter.verification?.length) params.set('verification', [...filter.verification].sort().join(','));
  if (filter.actors?.length) params.set('actors', filter.actors.join(','));
  if (filter.area) params.set('area', filter.area);
  if (filter.from) params.set('from', filter.from);
  if (filter.to) params.set('to', filter.to);
  params.set('v', version);
  return params.toString();
}

export async function incidentTilesRoutes(app: FastifyInstance, { db }: { db: Db }): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tiles = new IncidentTiles(db);
  const tags = ['incidents'];

  api.get(
    '/api/v1/incidents/tiles.json',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The map layer as clustered vector tiles (TileJSON): the tile URL for this filter, and how many incidents it holds',
        querystring: FilterQuery,
        response: { 200: TileSetResponse },
      },
    },
    async (request, reply) => {
      const set = await tiles.describe(request.viewer, request.query);
      void reply.header('cache-control', 'private, no-cache');
      return {
        tilejson: '3.0.0' as const,
        tiles: [`/api/v1/incidents/tiles/{z}/{x}/{y}.mvt?${queryOf(request.query, set.version)}`],
        minzoom: 0,
        vector_layers: [{ id: 'incidents', fields: { id: 'String', type: 'String', verification: 'String', casualties: 'Number', point_count: 'Number', expand: 'Number' } }],
        ...set,
      };
    },
  );

  api.get(
    '/api/v1/incidents/tiles/:z/:x/:y.mvt',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'One vector tile of the map layer (layer "incidents": clusters and single incidents)', params: TileParams, querystring: TileQuery },
    },
    async (request, reply) => {
      const { z: zoom, x, y } = request.params;
      const { v, ...filter } = request.query;
      const { bytes, current } = await tiles.tile(request.viewer, filter, zoom, x, y, v);
      void reply
        .type('application/vnd.mapbox-vector-tile')
        .header('cache-control', current ? 'private, max-age=604800, immutable' : 'no-store')
        .header('vary', 'cookie');
      return reply.send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    },
  );
}
