import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { OrganisationCode } from '../../shared/access.ts';
import {
  IsoDate, LedgerSeries, LedgerSummary, Milestone, MilestoneInput, MilestonePatch, Pledge, PledgeDetail, PledgeEvent, PledgeEventInput,
  PledgeInput, PledgeKind, PledgePatch, SeriesQuery, VoidEventInput,
} from '../../shared/ledger.ts';
import type { Db } from '../../db/index.ts';
import { actorOf } from '../auth/index.ts';
import { listEvents, recordEvent, voidEvent } from './events.service.ts';
import { exportFts, exportHxl } from './export.service.ts';
import { MILESTONE_WRITERS, PLEDGE_WRITERS } from './ledger.policy.ts';
import { correctMilestone, createMilestone, getMilestone, listMilestones } from './milestones.service.ts';
import { correctPledge, createPledge, getPledge, listPledges } from './pledges.service.ts';
import { getSeries, getSummary } from './summary.service.ts';

/** The ledger's HTTP API: each route validates, makes one service call and answers. */

const Id = z.object({ id: z.string().max(64) });
const EventId = z.object({ id: z.string().max(64), eventId: z.string().max(64) });
const AsOf = z.strictObject({ asOf: IsoDate.optional() });
const tags = ['ledger'];

export async function ledgerRoutes(app: FastifyInstance, { db }: { db: Db }): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const read = { access: 'public' as const };

  api.get(
    '/api/v1/ledger/pledges',
    {
      config: read,
      schema: {
        tags, summary: 'Pledges the reader may see, oldest first, with progress derived from their events',
        querystring: z.strictObject({ kind: PledgeKind.optional(), organisation: OrganisationCode.optional(), limit: z.coerce.number().int().min(1).max(1000).default(500) }),
        response: { 200: z.array(Pledge) },
      },
    },
    async (request) => listPledges({ db, viewer: request.viewer, ...request.query }),
  );

  api.get('/api/v1/ledger/pledges/:id', { config: read, schema: { tags, summary: 'One pledge with its whole history', params: Id, response: { 200: PledgeDetail } } }, async (request) =>
    getPledge({ db, viewer: request.viewer, id: request.params.id }),
  );

  api.post('/api/v1/ledger/pledges', { config: { access: PLEDGE_WRITERS }, schema: { tags, summary: 'Record a pledge of officers, funds or in-kind support', body: PledgeInput, response: { 201: PledgeDetail } } }, async (request, reply) =>
    reply.code(201).send(await createPledge({ db, actor: actorOf(request), input: request.body })),
  );

  api.patch('/api/v1/ledger/pledges/:id', { config: { access: PLEDGE_WRITERS }, schema: { tags, summary: 'Correct a pledge (with a reason)', params: Id, body: PledgePatch, response: { 200: PledgeDetail } } }, async (request) =>
    correctPledge({ db, actor: actorOf(request), id: request.params.id, input: request.body }),
  );

  api.get('/api/v1/ledger/pledges/:id/events', { config: read, schema: { tags, summary: 'A pledge’s fulfilment events, voided ones included', params: Id, response: { 200: z.array(PledgeEvent) } } }, async (request) =>
    listEvents({ db, viewer: request.viewer, pledgeId: request.params.id }),
  );

  api.post('/api/v1/ledger/pledges/:id/events', { config: { access: PLEDGE_WRITERS }, schema: { tags, summary: 'Record a fulfilment event (confirmed, deployed, committed, disbursed, delivered…)', params: Id, body: PledgeEventInput, response: { 201: PledgeEvent } } }, async (request, reply) =>
    reply.code(201).send(await recordEvent({ db, actor: actorOf(request), pledgeId: request.params.id, input: request.body })),
  );

  api.post('/api/v1/ledger/pledges/:id/events/:eventId/void', { config: { access: PLEDGE_WRITERS }, schema: { tags, summary: 'Void a wrong event (kept in the history)', params: EventId, body: VoidEventInput, response: { 200: PledgeEvent } } }, async (request) =>
    voidEvent({ db, actor: actorOf(request), pledgeId: request.params.id, eventId: request.params.eventId, input: request.body }),
  );

  api.get('/api/v1/ledger/milestones', { config: read, schema: { tags, summary: 'The mandate timeline, with what is late as of a day (today by default)', querystring: AsOf, response: { 200: z.array(Milestone) } } }, async (request) =>
    listMilestones({ db, viewer: request.viewer, ...request.query }),
  );

  api.get('/api/v1/ledger/milestones/:id', { config: read, schema: { tags, params: Id, querystring: AsOf, response: { 200: Milestone } } }, async (request) =>
    getMilestone({ db, viewer: request.viewer, id: request.params.id, ...request.query }),
  );

  api.post('/api/v1/ledger/milestones', { config: { access: MILESTONE_WRITERS }, schema: { tags, summary: 'Record a mandate milestone', body: MilestoneInput, response: { 201: Milestone } } }, async (request, reply) =>
    reply.code(201).send(await createMilestone({ db, actor: actorOf(request), input: request.body })),
  );

  api.patch('/api/v1/ledger/milestones/:id', { config: { access: MILESTONE_WRITERS }, schema: { tags, summary: 'Update a milestone (with a reason)', params: Id, body: MilestonePatch, response: { 200: Milestone } } }, async (request) =>
    correctMilestone({ db, actor: actorOf(request), id: request.params.id, input: request.body }),
  );

  api.get('/api/v1/ledger/summary', { config: read, schema: { tags, summary: 'Officers, money and in-kind support per nation and mission-wide, and late milestones', querystring: AsOf, response: { 200: LedgerSummary } } }, async (request) =>
    getSummary({ db, viewer: request.viewer, ...request.query }),
  );

  api.get('/api/v1/ledger/series', { config: read, schema: { tags, summary: 'Officers pledged, confirmed and deployed per day or week', querystring: SeriesQuery, response: { 200: LedgerSeries } } }, async (request) =>
    getSeries({ db, viewer: request.viewer, query: request.query }),
  );

  api.get('/api/v1/ledger/export/hxl.csv', { config: read, schema: { tags, summary: 'Pledges as HXL-tagged CSV' } }, async (request, reply) =>
    reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="konbit-ledger-hxl.csv"').send(await exportHxl({ db, viewer: request.viewer })),
  );

  api.get('/api/v1/ledger/export/fts.csv', { config: read, schema: { tags, summary: 'Funding flows as CSV in the shape of the UN Financial Tracking Service' } }, async (request, reply) =>
    reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="konbit-funding-flows.csv"').send(await exportFts({ db, viewer: request.viewer })),
  );
}
