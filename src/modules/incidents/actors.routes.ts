import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ActorInput, ActorKind, ActorPatch, RegisteredActor } from '../../shared/incidents.ts';
import type { Db } from '../../db/index.ts';
import { actorOf } from '../auth/index.ts';
import { createActor, getActor, listActors, updateActor } from './actors.service.ts';
import { ANALYST_ROLES } from './incidents.policy.ts';

/** The actor registry: gangs, coalitions, state forces, civilians. */
export async function actorsRoutes(app: FastifyInstance, { db }: { db: Db }): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['actors'];
  const IdParams = z.object({ id: z.string().min(1).max(64) });

  api.get(
    '/api/v1/actors',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Actors the reader may know of, with the number of incidents it may see naming each',
        querystring: z.strictObject({ q: z.string().max(200).optional(), kind: ActorKind.optional(), limit: z.coerce.number().int().min(1).max(1000).default(200) }),
        response: { 200: z.array(RegisteredActor) },
      },
    },
    async (request) => listActors({ db, viewer: request.viewer, ...request.query }),
  );

  api.get(
    '/api/v1/actors/:id',
    { config: { access: 'public' }, schema: { tags, params: IdParams, response: { 200: RegisteredActor } } },
    async (request) => getActor({ db, viewer: request.viewer, id: request.params.id }),
  );

  api.post(
    '/api/v1/actors',
    { config: { access: ANALYST_ROLES }, schema: { tags, body: ActorInput, response: { 201: RegisteredActor } } },
    async (request, reply) => reply.code(201).send(await createActor({ db, actor: actorOf(request), input: request.body })),
  );

  api.patch(
    '/api/v1/actors/:id',
    { config: { access: ANALYST_ROLES }, schema: { tags, params: IdParams, body: ActorPatch, response: { 200: RegisteredActor } } },
    async (request) => updateActor({ db, actor: actorOf(request), id: request.params.id, patch: request.body }),
  );
}
