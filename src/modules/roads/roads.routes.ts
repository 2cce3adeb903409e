import { randomUUID } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Classification, OrganisationCode } from '../../shared/access.ts';
import {
  Area, AreaHistoryEntry, AreaImportResult, AreaInput, AreaPatch, KeyRoadsResponse, NetworkName, Override, OverrideInput,
  ReachabilityRequest, ReachabilityResponse, RiskTolerance, RoadNetworkSummary, Roadblock, RoadblockInput, RoadblockUpdate, RoadStatusQuery,
  RouteProfile, RouteRequest, RouteResponse,
} from '../../shared/roads.ts';
import type { Db } from '../../db/index.ts';
import { actorOf } from '../auth/index.ts';
import { IdempotencyHeaders, REPLAYED_HEADER } from '../idempotency/index.ts';
import { areasGeoJson, importAreas } from './areas.geojson.ts';
import { areaHistory, createArea, getArea, listAreas, updateArea, withdrawArea } from './areas.service.ts';
import { deleteNetwork, getNetwork, importNetwork, listNetworks } from './networks.service.ts';
import { createOverride, getOverride, liftOverride, listOverrides } from './overrides.service.ts';
import { clearRoadblock, confirmRoadblock, getRoadblock, listRoadblocks, reportRoadblock, roadblocksGeoJson } from './roadblocks.service.ts';
import { AREA_WRITERS, NETWORK_ADMINS, OVERRIDE_WRITERS, ROADBLOCK_WRITERS } from './roads.policy.ts';
import { planRoute, reachability } from './routing.service.ts';
import { keyRoads, roadStatusGeoJson } from './status.service.ts';

/** Road networks, the risk picture over them, road status and routes: thin HTTP pipelines. */

export interface RoadsRoutesOptions {
  db: Db;
  datasetsDir: string | null;
  /** Largest road file accepted by upload (default 256 MB). */
  uploadLimitBytes?: number;
}

const tags = ['roads'];
const read = { access: 'public' as const };
const Id = z.object({ id: z.string().max(64) });
const IsoDateTime = z.iso.datetime({ offset: true });
const Flag = z.enum(['true', 'false']).transform((v) => v === 'true');
const Name = z.object({ name: NetworkName });
const UPLOAD_TYPES = ['application/octet-stream', 'application/xml', 'text/xml', 'application/geo+json', 'application/json', 'application/vnd.openstreetmap.data+xml', 'application/x-protobuf'];

export async function roadsRoutes(app: FastifyInstance, { db, datasetsDir, uploadLimitBytes = 256 * 1024 * 1024 }: RoadsRoutesOptions): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  // Uploads take the raw file as the body, in a scope of their own so JSON elsewhere keeps its parser.
  await app.register(async (upload) => {
    upload.removeContentTypeParser(['application/json']);
    upload.addContentTypeParser(UPLOAD_TYPES, { parseAs: 'buffer', bodyLimit: uploadLimitBytes }, (_request, body, done) => done(null, body));
    upload.withTypeProvider<ZodTypeProvider>().post('/api/v1/roads/networks', {
      config: { access: NETWORK_ADMINS },
      bodyLimit: uploadLimitBytes,
      schema: {
        tags, summary: 'Import a road network: the raw OSM XML, OSM PBF or GeoJSON file as the body; all or nothing',
        querystring: z.strictObject({ name: NetworkName, fileName: z.string().min(1).max(200).regex(/\.(osm|xml|pbf|geojson|json)$/i, 'the file name must end in .osm, .osm.pbf, .pbf, .geojson or .json') }),
        response: { 201: RoadNetworkSummary },
      },
    }, async (request, reply) => {
      const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const fileName = path.basename(request.query.fileName);
      const file = path.join(os.tmpdir(), `konbit-upload-${randomUUID()}-${fileName}`);
      await writeFile(file, body);
      try {
        return reply.code(201).send(await importNetwork({ db, actor: actorOf(request), filePath: file, name: request.query.name, fileName }));
      } finally {
        await rm(file, { force: true });
      }
    });
  });

  api.get('/api/v1/roads/networks', { config: read, schema: { tags, summary: 'Imported road networks with their import reports', response: { 200: z.array(RoadNetworkSummary) } } }, async () => listNetworks({ db }));
  api.get('/api/v1/roads/networks/:name', { config: read, schema: { tags, params: Name, response: { 200: RoadNetworkSummary } } }, async (request) => getNetwork({ db, name: request.params.name }));
  api.delete('/api/v1/roads/networks/:name', { config: { access: NETWORK_ADMINS }, schema: { tags, summary: 'Delete a network and the overrides drawn on it', params: Name } }, async (request) =>
    deleteNetwork({ db, actor: actorOf(request), name: request.params.name }),
  );
  api.get('/api/v1/roads/networks/:name/status', {
    config: read, schema: { tags, summary: 'Every road of the network as a GeoJSON line: open, risky or blocked as the reader sees it', params: Name, querystring: RoadStatusQuery },
  }, async (request) => roadStatusGeoJson({ db, viewer: request.viewer, network: request.params.name, ...request.query }));
  api.get('/api/v1/roads/key-roads', {
    config: read,
    schema: { tags, summary: 'The key corridors with their status aggregated from their roads', querystring: z.strictObject({ network: NetworkName, asOf: IsoDateTime.optional(), profile: RouteProfile.default('convoy'), riskTolerance: RiskTolerance.optional() }), response: { 200: KeyRoadsResponse } },
  }, async (request) => keyRoads({ db, viewer: request.viewer, ...request.query }));

  // Areas of control.
  api.get('/api/v1/roads/areas', {
    config: read, schema: { tags, summary: 'Areas of control the reader may see: in force at asOf, or all', querystring: z.strictObject({ asOf: IsoDateTime.optional(), includeWithdrawn: Flag.optional() }), response: { 200: z.array(Area) } },
  }, async (request) => listAreas({ db, viewer: request.viewer, ...request.query }));
  api.get('/api/v1/roads/areas.geojson', {
    config: read, schema: { tags, summary: 'Areas of control in force at asOf (default now), or all of them, as GeoJSON (the export, importable back)', querystring: z.strictObject({ asOf: IsoDateTime.optional(), all: Flag.optional() }) },
  }, async (request, reply) => reply.type('application/geo+json').send(await areasGeoJson({ db, viewer: request.viewer, ...request.query })));
  api.get('/api/v1/roads/areas/:id', { config: read, schema: { tags, params: Id, response: { 200: Area } } }, async (request) => getArea({ db, viewer: request.viewer, id: request.params.id }));
  api.get('/api/v1/roads/areas/:id/history', { config: read, schema: { tags, summary: 'Every version of an area', params: Id, response: { 200: z.array(AreaHistoryEntry) } } }, async (request) =>
    areaHistory({ db, viewer: request.viewer, id: request.params.id }),
  );
  api.post('/api/v1/roads/areas', { config: { access: AREA_WRITERS }, schema: { tags, summary: 'Record an area of control (its polygon repaired or refused with the reason)', body: AreaInput, response: { 201: Area } } }, async (request, reply) =>
    reply.code(201).send(await createArea({ db, actor: actorOf(request), input: request.body })),
  );
  api.patch('/api/v1/roads/areas/:id', { config: { access: AREA_WRITERS }, schema: { tags, summary: 'Correct an area (with a reason and the version read)', params: Id, body: AreaPatch, response: { 200: Area } } }, async (request) =>
    updateArea({ db, actor: actorOf(request), id: request.params.id, input: request.body }),
  );
  api.post('/api/v1/roads/areas/:id/withdraw', {
    config: { access: AREA_WRITERS }, schema: { tags, summary: 'Withdraw an area entered by mistake (kept in its history)', params: Id, body: z.strictObject({ reason: z.string().trim().min(1).max(2000) }), response: { 200: Area } },
  }, async (request) => withdrawArea({ db, actor: actorOf(request), id: request.params.id, reason: request.body.reason }));
  api.post('/api/v1/roads/areas/import', {
    config: { access: AREA_WRITERS },
    bodyLimit: 32 * 1024 * 1024,
    schema: {
      tags, summary: 'Import a GeoJSON FeatureCollection of areas: every feature valid, or nothing written',
      querystring: z.strictObject({ classification: Classification.default('MISSION'), releasableTo: z.string().max(2000).optional() }),
      body: z.unknown(), response: { 200: AreaImportResult },
    },
  }, async (request) => {
    const releasableTo = request.query.releasableTo ? z.array(OrganisationCode).parse(request.query.releasableTo.split(',').map((c) => c.trim())) : [];
    return importAreas({ db, actor: actorOf(request), collection: request.body, classification: request.query.classification, releasableTo });
  });

  // Roadblocks and checkpoints.
  api.get('/api/v1/roads/roadblocks', {
    config: read, schema: { tags, summary: 'Roadblocks the reader may see, with their state at asOf (default now)', querystring: z.strictObject({ asOf: IsoDateTime.optional(), inForce: Flag.optional() }), response: { 200: z.array(Roadblock) } },
  }, async (request) => listRoadblocks({ db, viewer: request.viewer, ...request.query }));
  api.get('/api/v1/roads/roadblocks.geojson', { config: read, schema: { tags, summary: 'Roadblocks as GeoJSON points', querystring: z.strictObject({ asOf: IsoDateTime.optional() }) } }, async (request, reply) =>
    reply.type('application/geo+json').send(await roadblocksGeoJson({ db, viewer: request.viewer, asOf: request.query.asOf })),
  );
  api.get('/api/v1/roads/roadblocks/:id', { config: read, schema: { tags, params: Id, response: { 200: Roadblock } } }, async (request) => getRoadblock({ db, viewer: request.viewer, id: request.params.id }));
  api.post('/api/v1/roads/roadblocks', {
    config: { access: ROADBLOCK_WRITERS },
    schema: { tags, summary: 'Report a roadblock or checkpoint (send Idempotency-Key to make retries safe)', headers: IdempotencyHeaders, body: RoadblockInput, response: { 201: Roadblock } },
  }, async (request, reply) => {
    const { roadblock, replayed } = await reportRoadblock({ db, actor: actorOf(request), input: request.body, idempotencyKey: request.headers['idempotency-key'] });
    if (replayed) void reply.header(REPLAYED_HEADER, 'true');
    return reply.code(201).send(roadblock);
  });
  api.post('/api/v1/roads/roadblocks/:id/confirm', { config: { access: ROADBLOCK_WRITERS }, schema: { tags, summary: 'Confirm a block is still there', params: Id, body: RoadblockUpdate.optional(), response: { 200: Roadblock } } }, async (request) =>
    confirmRoadblock({ db, actor: actorOf(request), id: request.params.id, input: request.body }),
  );
  api.post('/api/v1/roads/roadblocks/:id/clear', { config: { access: ROADBLOCK_WRITERS }, schema: { tags, summary: 'Report a block cleared', params: Id, body: RoadblockUpdate.optional(), response: { 200: Roadblock } } }, async (request) =>
    clearRoadblock({ db, actor: actorOf(request), id: request.params.id, input: request.body }),
  );

  // Planners' overrides.
  api.get('/api/v1/roads/overrides', { config: read, schema: { tags, summary: 'Planners’ closures and reopenings', querystring: z.strictObject({ network: NetworkName.optional() }), response: { 200: z.array(Override) } } }, async (request) =>
    listOverrides({ db, viewer: request.viewer, network: request.query.network }),
  );
  api.get('/api/v1/roads/overrides/:id', { config: read, schema: { tags, params: Id, response: { 200: Override } } }, async (request) => getOverride({ db, viewer: request.viewer, id: request.params.id }));
  api.post('/api/v1/roads/overrides', { config: { access: OVERRIDE_WRITERS }, schema: { tags, summary: 'Close or reopen road segments (edge numbers or a drawn line), with an expiry', body: OverrideInput, response: { 201: Override } } }, async (request, reply) =>
    reply.code(201).send(await createOverride({ db, actor: actorOf(request), input: request.body })),
  );
  api.post('/api/v1/roads/overrides/:id/lift', { config: { access: OVERRIDE_WRITERS }, schema: { tags, summary: 'End an override now', params: Id, response: { 200: Override } } }, async (request) =>
    liftOverride({ db, actor: actorOf(request), id: request.params.id }),
  );

  // Routes.
  api.post('/api/v1/routes', {
    config: read, schema: { tags: ['routes'], summary: 'A route avoiding the blocks and risk the requester may see, with alternatives, or why none exists', body: RouteRequest, response: { 200: RouteResponse } },
  }, async (request) => planRoute({ db, viewer: request.viewer, input: request.body }));
  api.post('/api/v1/routes/reachability', {
    config: read, schema: { tags: ['routes'], summary: 'From one point to many (or to every commune centre): reachable in what time, or cut off', body: ReachabilityRequest, response: { 200: ReachabilityResponse } },
  }, async (request) => reachability({ db, viewer: request.viewer, input: request.body, datasetsDir }));
}

