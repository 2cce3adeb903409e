import type { FastifyInstance } from 'fastify';
import { migrationsCurrent, type Db } from '../db/index.ts';

export async function healthRoutes(app: FastifyInstance, { db }: { db: Db }): Promise<void> {
  app.get('/healthz', { config: { access: 'public' }, schema: { tags: ['health'], summary: 'The process is up' } }, async () => ({ status: 'up' }));

  app.get(
    '/readyz',
    { config: { access: 'public' }, schema: { tags: ['health'], summary: 'The database answers and its migrations are current' } },
    async (request, reply) => {
      try {
        if (await migrationsCurrent(db)) return { status: 'ready' };
        return reply.code(503).send({ status: 'migrations pending' });
      } catch (error) {
        request.log.warn({ err: error }, 'database not ready');
        return reply.code(503).send({ status: 'database unavailable' });
      }
    },
  );
}
