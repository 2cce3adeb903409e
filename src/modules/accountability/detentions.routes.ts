import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Detention, DetentionInput, DetentionQuery, HandoverInput, ReleaseInput } from '../../shared/accountability.ts';
import type { Db } from '../../db/index.ts';
import { actorOf } from '../auth/index.ts';
import { DETENTION_WRITERS } from './accountability.policy.ts';
import { getDetention, listDetentions, recordDetention, recordHandover, recordRelease } from './detentions.service.ts';

const tags = ['detentions'];
const Id = z.object({ id: z.string().max(64) });

export async function detentionRoutes(app: FastifyInstance, { db }: { db: Db }): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/detentions',
    { config: { access: 'public' }, schema: { tags, summary: 'The detention register as the reader may see it; overdue=true for persons held past the handover deadline', querystring: DetentionQuery, response: { 200: z.array(Detention) } } },
    async (request) => listDetentions({ db, viewer: request.viewer, query: request.query }),
  );
  api.get(
    '/api/v1/detentions/:id',
    { config: { access: 'public' }, schema: { tags, params: Id, response: { 200: Detention } } },
    async (request) => getDetention({ db, viewer: request.viewer, id: request.params.id }),
  );
  api.post(
    '/api/v1/detentions',
    { config: { access: DETENTION_WRITERS }, schema: { tags, summary: 'Record a person detained by a unit of the caller’s organisation', body: DetentionInput, response: { 201: Detention } } },
    async (request, reply) => reply.code(201).send(await recordDetention({ db, actor: actorOf(request), input: request.body })),
  );
  api.post(
    '/api/v1/detentions/:id/handover',
    { config: { access: DETENTION_WRITERS }, schema: { tags, summary: 'Record the handover to the HNP', params: Id, body: HandoverInput, response: { 200: Detention } } },
    async (request) => recordHandover({ db, actor: actorOf(request), id: request.params.id, input: request.body }),
  );
  api.post(
    '/api/v1/detentions/:id/release',
    { config: { access: DETENTION_WRITERS }, schema: { tags, summary: 'Record a release without handover', params: Id, body: ReleaseInput, response: { 200: Detention } } },
    async (request) => recordRelease({ db, actor: actorOf(request), id: request.params.id, input: request.body }),
  );
}
