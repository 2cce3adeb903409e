import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Classification } from '../../../shared/access.ts';
import { AppError } from '../../../shared/errors.ts';
import { IncidentFilterQuery, type ExportableIncident } from '../../../shared/incidents.ts';
import type { Db } from '../../../db/index.ts';
import { actorOf } from '../../auth/index.ts';
import { exportIncidents } from '../index.ts';
import { FORMAT_NAMES, type FormatName } from './common.ts';
import { importFile, rejectsCsv } from './orchestrate.ts';
import { FORMATS } from './registry.ts';

export interface IncidentFormatRoutesOptions {
  db: Db;
  /** Largest upload accepted (default 50 MB). */
  importLimitBytes?: number;
}

/** The media types an upload may have; the format comes from the URL, not from these. */
const UPLOAD_TYPES = [
  'text/csv', 'application/csv', 'application/vnd.ms-excel', 'text/xml', 'application/xml', 'application/cot+xml',
  'application/geo+json', 'application/json', 'application/octet-stream',
];
const DEFAULT_LIMIT = 50 * 1024 * 1024;

const Format = z.enum(FORMAT_NAMES as [FormatName, ...FormatName[]]);
const RowError = z.object({ line: z.number(), column: z.string().optional(), value: z.string().optional(), reason: z.string() });
const ImportQuery = z.strictObject({
  mode: z.enum(['all-or-nothing', 'commit-valid']).default('all-or-nothing'),
  /** Classification of records whose file says none. */
  classification: Classification.default('MISSION'),
  encoding: z.enum(['auto', 'utf-8', 'latin1', 'windows-1252']).default('auto'),
});
const ImportResponse = z.object({
  created: z.number(),
  updated: z.number(),
  rejected: z.array(RowError),
  /** The rejected rows as CSV (line, column, value, reason), present when some were rejected. */
  rejectsCsv: z.string().optional(),
  encoding: z.string().optional(),
});

/** Upload and download of incidents in the five formats. */
export async function incidentFormatRoutes(app: FastifyInstance, { db, importLimitBytes = DEFAULT_LIMIT }: IncidentFormatRoutesOptions): Promise<void> {
  // Raw bodies, only for this plugin's routes; JSON elsewhere keeps its parser.
  app.removeContentTypeParser(['application/json']);
  app.addContentTypeParser(UPLOAD_TYPES, { parseAs: 'buffer', bodyLimit: importLimitBytes }, (_request, body, done) => done(null, body));
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['incidents'];

  api.post(
    '/api/v1/incidents/import/:format',
    {
      config: { access: ['analyst', 'admin'] },
      bodyLimit: importLimitBytes,
      schema: {
        tags,
        summary: 'Import a file of incidents (the raw file as the body) in ACLED, Ushahidi, CoT, GeoJSON or HXL',
        params: z.object({ format: Format }),
        querystring: ImportQuery,
        response: { 200: ImportResponse },
      },
    },
    async (request) => {
      const { mode, classification, encoding } = request.query;
      const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const result = await importFile({ db, actor: actorOf(request), format: request.params.format, source: Readable.from([body]), mode, classification, encoding, totalBytes: body.length });
      if (mode === 'all-or-nothing' && result.rejected.length > 0) {
        const count = result.rejected.length;
        throw new AppError('VALIDATION_FAILED', `${count} row${count > 1 ? 's were' : ' was'} rejected, so nothing was imported: fix ${count > 1 ? 'them' : 'it'}, or import with mode=commit-valid to keep the valid rows`, { rejected: result.rejected, rejectsCsv: rejectsCsv(result.rejected) });
      }
      return { ...result, ...(result.rejected.length > 0 ? { rejectsCsv: rejectsCsv(result.rejected) } : {}) };
    },
  );

  api.get(
    '/api/v1/incidents/export.:format',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'The incidents the reader may see, as a file in one of the five formats', params: z.object({ format: Format }), querystring: IncidentFilterQuery },
    },
    async (request, reply) => {
      const format = FORMATS[request.params.format];
      // The first incident is read before answering, so that a bad filter is a clean 400 and not a cut download.
      const incidents = exportIncidents({ db, viewer: request.viewer, filter: request.query });
      const first = await incidents.next();
      const all = async function* (): AsyncGenerator<ExportableIncident> {
        if (!first.done) yield first.value;
        yield* incidents;
      };
      return reply
        .type(format.contentType)
        .header('content-disposition', `attachment; filename="konbit-incidents-${request.params.format}.${format.extension}"`)
        .send(Readable.from(format.write(all())));
    },
  );
}
