import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Notice, NoticeInput } from '../../shared/notices.ts';
import type { Db } from '../../db/index.ts';
import { actorOf } from '../auth/index.ts';
import { createNotice, getNotice, listNotices } from './notices.service.ts';

export async function noticesRoutes(app: FastifyInstance, { db }: { db: Db }): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/notices',
    {
      config: { access: 'public' },
      schema: {
        tags: ['notices'],
        summary: 'Notices the reader may see, newest first',
        querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
        response: { 200: z.array(Notice) },
      },
    },
    async (request) => listNotices({ db, viewer: request.viewer, limit: request.query.limit }),
  );

  api.get(
    '/api/v1/notices/:id',
    { config: { access: 'public' }, schema: { tags: ['notices'], params: z.object({ id: z.string().max(64) }), response: { 200: Notice } } },
    async (request) => getNotice({ db, viewer: request.viewer, id: request.params.id }),
  );

  api.post(
    '/api/v1/notices',
    { config: { access: ['admin', 'commander', 'analyst'] }, schema: { tags: ['notices'], body: NoticeInput, response: { 201: Notice } } },
    async (request, reply) => reply.code(201).send(await createNotice({ db, actor: actorOf(request), input: request.body })),
  );
}
