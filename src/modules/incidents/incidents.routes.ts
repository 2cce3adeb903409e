import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  HistoryEntry,
  Incident,
  IncidentAggregates,
  IncidentFeatureCollection,
  IncidentFilterQuery,
  IncidentInput,
  IncidentPage,
  IncidentPatch,
  MergeRequest,
  VerificationDecision,
} from '../../shared/incidents.ts';
import type { Db } from '../../db/index.ts';
import { actorOf } from '../auth/index.ts';
import { actorsRoutes } from './actors.routes.ts';
import { useDatasets } from './admin-areas.ts';
import { editIncident, getIncident, incidentHistory, reportParsedIncident } from './incidents.service.ts';
import { ANALYST_ROLES, REPORTER_ROLES } from './incidents.policy.ts';
import { aggregateIncidents, incidentsGeoJsonText, listIncidents } from './query.service.ts';
import { ReadCache, readKey, sendAnswer, sendFreshAnswer } from './read-cache.ts';
import { streamBus } from './stream/bus.ts';
import { streamRoutes } from './stream/stream.routes.ts';
import { decideVerification, mergeIncidents } from './verification.service.ts';

export interface IncidentsRoutesOptions {
  db: Db;
  /** The public datasets folder (admin boundaries), or null. */
  datasetsDir: string | null;
}

const IdParams = z.object({ id: z.string().min(1).max(64) });
const ListQuery = IncidentFilterQuery.extend({
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
const GeoJsonQuery = IncidentFilterQuery.extend({ limit: z.coerce.number().int().min(1).max(20_000).default(5000) });
const AggregateQuery = IncidentFilterQuery.extend({ from: z.iso.datetime({ offset: true }), to: z.iso.datetime({ offset: true }) });

/** Incidents, the actor registry and the live stream. */
export async function incidentsRoutes(app: FastifyInstance, { db, datasetsDir }: IncidentsRoutesOptions): Promise<void> {
  useDatasets(datasetsDir);
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['incidents'];
  // Reads are answered from the cache until the next incident write (here, or on another instance through the fan-out).
  const cache = new ReadCache();
  const stopInvalidating = streamBus.subscribe(() => cache.invalidate());
  app.addHook('onClose', async () => stopInvalidating());
  // A fresh answer leaves before the query is validated again (it was, when the answer was built).
  const preValidation = sendFreshAnswer(cache);

  api.get(
    '/api/v1/incidents',
    { config: { access: 'public' }, preValidation, schema: { tags, summary: 'Incidents the reader may see, newest first, in pages', querystring: ListQuery, response: { 200: IncidentPage } } },
    async (request, reply) => {
      const { cursor, limit, ...filter } = request.query;
      const answer = await cache.answer(readKey(request), 'application/json; charset=utf-8', async () =>
        JSON.stringify(IncidentPage.encode(await listIncidents({ db, viewer: request.viewer, filter, cursor, limit }))),
      );
      return sendAnswer(request, reply, answer);
    },
  );

  api.get(
    '/api/v1/incidents.geojson',
    { config: { access: 'public' }, preValidation, schema: { tags, summary: 'The map layer: incidents as GeoJSON points', querystring: GeoJsonQuery, response: { 200: IncidentFeatureCollection } } },
    async (request, reply) => {
      const { limit, ...filter } = request.query;
      const answer = await cache.answer(readKey(request), 'application/geo+json', async () => incidentsGeoJsonText({ db, viewer: request.viewer, filter, limit }));
      return sendAnswer(request, reply, answer);
    },
  );

  api.get(
    '/api/v1/incidents/aggregates',
    { config: { access: 'public' }, preValidation, schema: { tags, summary: 'Counts and casualties by type × ISO week × commune', querystring: AggregateQuery, response: { 200: IncidentAggregates } } },
    async (request, reply) => {
      const answer = await cache.answer(readKey(request), 'application/json; charset=utf-8', async () =>
        JSON.stringify(IncidentAggregates.encode(await aggregateIncidents({ db, viewer: request.viewer, filter: request.query }))),
      );
      return sendAnswer(request, reply, answer);
    },
  );

  api.post(
    '/api/v1/incidents',
    {
      config: { access: REPORTER_ROLES },
      schema: {
        tags,
        summary: 'Report an incident (send Idempotency-Key to make retries safe)',
        headers: z.object({ 'idempotency-key': z.string().min(1).max(200).optional() }),
        body: IncidentInput,
        response: { 201: Incident },
      },
    },
    async (request, reply) => {
      // The route's schema parsed the body; the answer leaves as the JSON the batch wrote for the stream, not through the schema again.
      const result = await reportParsedIncident({ db, actor: actorOf(request), parsed: request.body, idempotencyKey: request.headers['idempotency-key'] });
      if (result.replayed) void reply.header('idempotent-replayed', 'true');
      return sendEncoded(reply, 201, result.json);
    },
  );

  api.get(
    '/api/v1/incidents/:id',
    { config: { access: 'public' }, schema: { tags, params: IdParams, response: { 200: Incident } } },
    async (request) => getIncident({ db, viewer: request.viewer, id: request.params.id }),
  );

  api.patch(
    '/api/v1/incidents/:id',
    { config: { access: REPORTER_ROLES }, schema: { tags, summary: 'Edit: replace the fields given, at the version read (409 when it changed)', params: IdParams, body: IncidentPatch, response: { 200: Incident } } },
    async (request) => editIncident({ db, actor: actorOf(request), id: request.params.id, patch: request.body }),
  );

  api.post(
    '/api/v1/incidents/:id/verification',
    { config: { access: ANALYST_ROLES }, schema: { tags, summary: 'Verify, dispute, reject (or reopen) a report: not its reporter', params: IdParams, body: VerificationDecision, response: { 200: Incident } } },
    async (request) => decideVerification({ db, actor: actorOf(request), id: request.params.id, decision: request.body }),
  );

  api.post(
    '/api/v1/incidents/:id/merge',
    { config: { access: ANALYST_ROLES }, schema: { tags, summary: 'Merge a duplicate into this incident', params: IdParams, body: MergeRequest, response: { 200: Incident } } },
    async (request) => mergeIncidents({ db, actor: actorOf(request), survivorId: request.params.id, request: request.body }),
  );

  api.get(
    '/api/v1/incidents/:id/history',
    { config: { access: 'public' }, schema: { tags, summary: 'Every version, with the incident before and after each change', params: IdParams, response: { 200: z.array(HistoryEntry) } } },
    async (request) => incidentHistory({ db, viewer: request.viewer, id: request.params.id }),
  );

  await app.register(actorsRoutes, { db });
  await app.register(streamRoutes, { db });
}

/** Sends JSON text already encoded (it is not passed through the response schema again). */
function sendEncoded(reply: FastifyReply, status: number, json: string): FastifyReply {
  return reply.code(status).type('application/json; charset=utf-8').send(json);
}
