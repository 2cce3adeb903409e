import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { SitrepHttpQuery } from '../../shared/reports.ts';
import type { Db } from '../../db/index.ts';
import { produceSitrep } from './produce.service.ts';

/** Situation reports over HTTP: one route, three formats. */

export interface ReportsRoutesOptions {
  db: Db;
  datasetsDir: string | null;
}

export async function reportsRoutes(app: FastifyInstance, { db, datasetsDir }: ReportsRoutesOptions): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/api/v1/reports/sitrep',
    {
      // Public: without a session only the PUBLIC edition (HTML or JSON); the service checks the audience against the caller.
      config: { access: 'public' },
      schema: {
        tags: ['reports'],
        summary: 'A situation report for a period (whole UTC days, both included) and an audience (PUBLIC, MISSION or the caller’s organisation), as HTML, PDF or JSON',
        querystring: SitrepHttpQuery,
      },
    },
    async (request, reply) => {
      const { download, ...query } = request.query;
      const produced = await produceSitrep({ db, requester: request.viewer, query, datasetsDir });
      const inline = produced.format === 'json' || !download;
      return reply
        .header('cache-control', 'no-store')
        .header('content-type', produced.contentType)
        .header('content-disposition', `${inline ? 'inline' : 'attachment'}; filename="${produced.fileName}"`)
        .header('x-konbit-content-hash', produced.report.contentHash)
        .send(produced.body);
    },
  );
}
