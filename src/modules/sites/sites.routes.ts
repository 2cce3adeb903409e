import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Classification, OrganisationCode } from '../../shared/access.ts';
import {
  Assignment, AssignmentInput, AssignmentPatch, GeoFeatureCollection, ProtectionGap, Site, SiteImportFormat, SiteImportResult, SiteInput, SiteKind,
  SiteListQuery, SitePatch, SitesSitrep, SiteThreat, Task, TaskInput, TaskListQuery, TaskStatusChange, ThreatHistoryEntry, ThreatParams,
} from '../../shared/sites.ts';
import type { Db } from '../../db/index.ts';
import { actorOf } from '../auth/index.ts';
import { IdempotencyHeaders, REPLAYED_HEADER } from '../idempotency/index.ts';
import { cancelAssignment, createAssignment, getAssignment, listAssignments, protectionGaps, updateAssignment } from './assignments.service.ts';
import { importSites } from './import.service.ts';
import { sitesGeoJson, sitesSitrep } from './picture.service.ts';
import { SITE_WRITERS, TASKING_WRITERS } from './sites.policy.ts';
import { createSite, getSite, listSites, updateSite } from './sites.service.ts';
import { changeTaskStatusOnce, createTask, getTask, listTasks, tasksGeoJson } from './tasks.service.ts';
import { getSiteThreat, listSiteThreats, threatHistory, watchThreats } from './threat.service.ts';

/** Sites, their threat, protection assignments and patrol tasks: thin HTTP pipelines. */

export interface SitesRoutesOptions {
  db: Db;
  /** Largest import file accepted (default 20 MB). */
  importLimitBytes?: number;
  /** Keep the threat history current as incidents change (default true). */
  watch?: boolean;
}

const tags = ['sites'];
const read = { access: 'public' as const };
const member = { access: 'signed-in' as const };
const Id = z.object({ id: z.string().max(64) });
const IsoDateTime = z.iso.datetime({ offset: true });
const Flag = z.enum(['true', 'false']).transform((v) => v === 'true');
const UPLOAD_TYPES = ['text/csv', 'application/csv', 'text/plain', 'application/geo+json', 'application/json', 'application/octet-stream', 'application/vnd.ms-excel'];
const ImportQuery = z.strictObject({
  mode: z.enum(['all-or-nothing', 'commit-valid']).default('all-or-nothing'),
  kind: SiteKind.optional(),
  criticality: z.coerce.number().int().min(1).max(5).optional(),
  classification: Classification.default('MISSION'),
  releasableTo: z.string().max(2000).transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean)).pipe(z.array(OrganisationCode)).optional(),
  sourceName: z.string().trim().min(1).max(300).optional(),
  sourceUrl: z.string().max(2000).optional(),
  illustrative: Flag.optional(),
});

export async function sitesRoutes(app: FastifyInstance, { db, importLimitBytes = 20 * 1024 * 1024, watch = true }: SitesRoutesOptions): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  if (watch) {
    const watcher = watchThreats({ db, log: (error) => app.log.error({ err: error }, 'site threat refresh failed') });
    app.addHook('onClose', () => watcher.stop());
  }

  // Imports take the raw file as the body, in a scope of their own so JSON elsewhere keeps its parser.
  await app.register(async (upload) => {
    upload.removeContentTypeParser(['application/json']);
    upload.addContentTypeParser(UPLOAD_TYPES, { parseAs: 'buffer', bodyLimit: importLimitBytes }, (_request, body, done) => done(null, body));
    upload.withTypeProvider<ZodTypeProvider>().post('/api/v1/sites/import/:format', {
      config: { access: SITE_WRITERS },
      bodyLimit: importLimitBytes,
      schema: {
        tags, summary: 'Import sites from GeoJSON (Konbit, MSPP health facilities, OurAirports) or CSV: the raw file as the body; per-row errors',
        params: z.object({ format: SiteImportFormat }), querystring: ImportQuery, response: { 200: SiteImportResult },
      },
    }, async (request) => {
      const body = Buffer.isBuffer(request.body) ? request.body.toString('utf8') : '';
      return importSites({ db, actor: actorOf(request), format: request.params.format, content: body, options: request.query });
    });
  });

  api.get('/api/v1/sites', { config: read, schema: { tags, summary: 'Sites the reader may see, most critical first', querystring: SiteListQuery, response: { 200: z.array(Site) } } }, async (request) =>
    listSites({ db, viewer: request.viewer, query: request.query }),
  );
  api.get('/api/v1/sites.geojson', { config: read, schema: { tags, summary: 'The sites layer: each site with its threat level for the reader, and the data’s attribution', querystring: SiteListQuery, response: { 200: GeoFeatureCollection } } }, async (request) =>
    sitesGeoJson({ db, viewer: request.viewer, query: request.query }),
  );
  api.get('/api/v1/sites/threats', {
    config: read,
    schema: { tags, summary: 'Derived threat levels of the sites the reader may see, with reasons, highest first', querystring: z.strictObject({ ...SiteListQuery.shape, ...ThreatParams.shape }), response: { 200: z.array(SiteThreat) } },
  }, async (request) => {
    const { radiusMeters, windowDays, halfLifeDays, asOf, ...query } = request.query;
    return listSiteThreats({ db, viewer: request.viewer, query, params: { radiusMeters, windowDays, halfLifeDays, asOf } });
  });
  api.get('/api/v1/sites/gaps', {
    config: member,
    schema: { tags, summary: 'Critical sites nobody guards and sites guarded below their required strength', querystring: z.strictObject({ asOf: IsoDateTime.optional(), minCriticality: z.coerce.number().int().min(1).max(5).optional() }), response: { 200: z.array(ProtectionGap) } },
  }, async (request) => protectionGaps({ db, viewer: request.viewer, ...request.query }));
  api.get('/api/v1/sites/sitrep', {
    config: member,
    schema: { tags, summary: 'Sites, gaps and tasks over a period, for the situation report', querystring: z.strictObject({ from: IsoDateTime, to: IsoDateTime }), response: { 200: SitesSitrep } },
  }, async (request) => sitesSitrep({ db, viewer: request.viewer, ...request.query }));
  api.post('/api/v1/sites', { config: { access: SITE_WRITERS }, schema: { tags, summary: 'Record a site: a point or an area', body: SiteInput, response: { 201: Site } } }, async (request, reply) =>
    reply.code(201).send(await createSite({ db, actor: actorOf(request), input: request.body })),
  );

  registerAssignmentRoutes(app, db);
  registerTaskRoutes(app, db);

  api.get('/api/v1/sites/:id', { config: read, schema: { tags, params: Id, response: { 200: Site } } }, async (request) => getSite({ db, viewer: request.viewer, id: request.params.id }));
  api.patch('/api/v1/sites/:id', { config: { access: SITE_WRITERS }, schema: { tags, summary: 'Correct a site (with the version read)', params: Id, body: SitePatch, response: { 200: Site } } }, async (request) =>
    updateSite({ db, actor: actorOf(request), id: request.params.id, patch: request.body }),
  );
  api.get('/api/v1/sites/:id/threat', { config: read, schema: { tags, summary: 'The site’s derived threat level for the reader, with its reasons', params: Id, querystring: ThreatParams, response: { 200: SiteThreat } } }, async (request) =>
    getSiteThreat({ db, viewer: request.viewer, id: request.params.id, params: request.query }),
  );
  api.get('/api/v1/sites/:id/threat/history', { config: read, schema: { tags, summary: 'How the site’s threat level changed (mission picture for members, public picture for others)', params: Id, response: { 200: z.array(ThreatHistoryEntry) } } }, async (request) =>
    threatHistory({ db, viewer: request.viewer, id: request.params.id }),
  );
}

function registerAssignmentRoutes(app: FastifyInstance, db: Db): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const ListQuery = z.strictObject({ siteId: z.string().max(64).optional(), unitOrganisation: OrganisationCode.optional(), activeAt: IsoDateTime.optional(), includeCancelled: Flag.optional(), limit: z.coerce.number().int().min(1).max(5000).default(1000) });
  api.get('/api/v1/sites/assignments', { config: read, schema: { tags, summary: 'Protection assignments the reader may see (with their sites)', querystring: ListQuery, response: { 200: z.array(Assignment) } } }, async (request) =>
    listAssignments({ db, viewer: request.viewer, ...request.query }),
  );
  api.post('/api/v1/sites/assignments', { config: { access: TASKING_WRITERS }, schema: { tags, summary: 'Assign a unit to guard a site; a unit guards one site at a time', body: AssignmentInput, response: { 201: Assignment } } }, async (request, reply) =>
    reply.code(201).send(await createAssignment({ db, actor: actorOf(request), input: request.body })),
  );
  api.get('/api/v1/sites/assignments/:id', { config: read, schema: { tags, params: Id, response: { 200: Assignment } } }, async (request) => getAssignment({ db, viewer: request.viewer, id: request.params.id }));
  api.patch('/api/v1/sites/assignments/:id', { config: { access: TASKING_WRITERS }, schema: { tags, summary: 'Change an assignment’s strength, dates or notes', params: Id, body: AssignmentPatch, response: { 200: Assignment } } }, async (request) =>
    updateAssignment({ db, actor: actorOf(request), id: request.params.id, patch: request.body }),
  );
  api.post('/api/v1/sites/assignments/:id/cancel', { config: { access: TASKING_WRITERS }, schema: { tags, summary: 'Cancel an assignment (kept, no longer counted)', params: Id, body: z.strictObject({ reason: z.string().trim().min(1).max(2000) }), response: { 200: Assignment } } }, async (request) =>
    cancelAssignment({ db, actor: actorOf(request), id: request.params.id, reason: request.body.reason }),
  );
}

function registerTaskRoutes(app: FastifyInstance, db: Db): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get('/api/v1/sites/tasks', { config: read, schema: { tags, summary: 'Patrol, escort and guard tasks the reader may see', querystring: TaskListQuery, response: { 200: z.array(Task) } } }, async (request) =>
    listTasks({ db, viewer: request.viewer, query: request.query }),
  );
  api.get('/api/v1/sites/tasks.geojson', { config: read, schema: { tags, summary: 'The tasks layer: routes, areas and guarded sites', querystring: TaskListQuery, response: { 200: GeoFeatureCollection } } }, async (request) =>
    tasksGeoJson({ db, viewer: request.viewer, query: request.query }),
  );
  api.post('/api/v1/sites/tasks', { config: { access: TASKING_WRITERS }, schema: { tags, summary: 'Task a unit: patrol a route or an area, escort a convoy, guard a site', body: TaskInput, response: { 201: Task } } }, async (request, reply) =>
    reply.code(201).send(await createTask({ db, actor: actorOf(request), input: request.body })),
  );
  api.get('/api/v1/sites/tasks/:id', { config: read, schema: { tags, params: Id, response: { 200: Task } } }, async (request) => getTask({ db, viewer: request.viewer, id: request.params.id }));
  api.post('/api/v1/sites/tasks/:id/status', {
    config: { access: TASKING_WRITERS },
    schema: { tags, summary: 'Move a task on (under way, done, aborted) with its after-action note (send Idempotency-Key to make retries safe)', params: Id, headers: IdempotencyHeaders, body: TaskStatusChange, response: { 200: Task } },
  }, async (request, reply) => {
    const { task, replayed } = await changeTaskStatusOnce({ db, actor: actorOf(request), id: request.params.id, change: request.body, idempotencyKey: request.headers['idempotency-key'] });
    if (replayed) void reply.header(REPLAYED_HEADER, 'true');
    return task;
  });
}
