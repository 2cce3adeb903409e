import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../../db/index.ts';
import { StreamHub, type StreamHubOptions } from './hub.ts';

const EventId = z.string().regex(/^\d{1,15}$/, 'an event id from the stream');

function lastEventIdOf(header: string | string[] | undefined, query: string | undefined): number | null {
  const given = (Array.isArray(header) ? header[0] : header) ?? query;
  return given !== undefined && EventId.safeParse(given).success ? Number(given) : null;
}

/**
 * GET /api/v1/stream: server-sent events `incident.created`, `incident.updated`,
 * `incident.verified`, `incident.merged`, each with the incident as the reader
 * may see it. Reconnecting with Last-Event-ID (or ?lastEventId=) resumes.
 */
export async function streamRoutes(app: FastifyInstance, { db, ...options }: { db: Db } & Omit<StreamHubOptions, 'db'>): Promise<void> {
  const hub = new StreamHub({ db, ...options });
  await hub.start();
  app.addHook('preClose', async () => hub.close());
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/stream',
    {
      config: { access: 'public' },
      schema: {
        tags: ['stream'],
        summary: 'Live changes as server-sent events, filtered by what the reader may see; resumable with Last-Event-ID',
        querystring: z.strictObject({ lastEventId: EventId.optional() }),
      },
    },
    async (request, reply) => {
      const lastEventId = lastEventIdOf(request.headers['last-event-id'], request.query.lastEventId);
      reply.hijack();
      reply.raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      // retry: how long a browser's EventSource waits before reconnecting.
      reply.raw.write('retry: 3000\n: connected\n\n');
      const connection = hub.connect(request.viewer, reply.raw, lastEventId);
      // The response closes when the reader goes away (or the server ends it).
      reply.raw.on('close', () => void connection.then((c) => hub.disconnect(c), () => {}));
      await connection.catch((error: unknown) => {
        request.log.error({ err: error }, 'stream replay failed');
        reply.raw.end();
      });
    },
  );
}
