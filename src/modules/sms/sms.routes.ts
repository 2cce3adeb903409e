import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { GatewayMessage } from '../../shared/accountability.ts';
import type { Db } from '../../db/index.ts';
import type { SmsGatewaysTable } from '../../db/tables/sms.ts';
import { presentedSecret } from '../accountability/index.ts';
import { actorOf } from '../auth/index.ts';
import { authenticateSmsGateway, createSmsGateway, listSmsGateways, setSmsGatewayDisabled } from './gateways.service.ts';
import { smsPlacesIn } from './places.ts';
import { receiveSmsMessage } from './receive.service.ts';
import { addReporter, listReporters, removeReporter } from './reporters.service.ts';
import { listSmsReports, locateSmsReport } from './reports.service.ts';
import { CreatedSmsGateway, LocateInput, Reporter, ReporterInput, SmsGateway, SmsGatewayInput, SmsReport, SmsReportsQuery, SmsWebhookReply } from './sms.schema.ts';

export interface SmsRoutesOptions {
  db: Db;
  /** KONBIT_DATASETS: the communal sections and communes messages may name. */
  datasetsDir: string | null;
  /** Messages one number may send per hour (default 10). */
  perHour?: number;
}

const tags = ['sms'];
// The webhook's access log would hold reporters' numbers: only warnings and errors are logged.
const QUIET = 'warn' as const;

/** The SMS module's HTTP API: the gateways' webhook, gateways, the reporters' registry, the reports and their queue. */
export async function smsRoutes(app: FastifyInstance, { db, datasetsDir, perHour = 10 }: SmsRoutesOptions): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const gateways = new WeakMap<FastifyRequest, SmsGatewaysTable>();

  api.post(
    '/api/v1/sms/gateways/:gatewayId/incidents',
    {
      logLevel: QUIET,
      config: { access: 'public' },
      // The secret is checked before the body is read: a forged request learns nothing about the format.
      preParsing: async (request, _reply, payload) => {
        const { gatewayId } = request.params as { gatewayId: string };
        gateways.set(request, await authenticateSmsGateway({ db, gatewayId, secret: presentedSecret(request.headers) }));
        return payload;
      },
      schema: {
        tags,
        summary: 'Webhook for an SMS gateway: { from, text, received_at, id? } with "Authorization: Bearer <gateway secret>"; the answer holds the reply to send',
        params: z.object({ gatewayId: z.string().max(64) }),
        body: GatewayMessage,
        response: { 200: SmsWebhookReply },
      },
    },
    async (request, reply) =>
      reply.header('cache-control', 'no-store').send(await receiveSmsMessage({ db, gateway: gateways.get(request)!, message: request.body, places: await smsPlacesIn(datasetsDir), perHour })),
  );

  api.post(
    '/api/v1/sms/gateways',
    { config: { access: ['admin'] }, schema: { tags, summary: 'Add an SMS gateway; its secret is in this answer only', body: SmsGatewayInput, response: { 201: CreatedSmsGateway } } },
    async (request, reply) => reply.code(201).header('cache-control', 'no-store').send(await createSmsGateway({ db, actor: actorOf(request), input: request.body })),
  );
  api.get('/api/v1/sms/gateways', { config: { access: ['admin'] }, schema: { tags, response: { 200: z.array(SmsGateway) } } }, async (request) => listSmsGateways({ db, actor: actorOf(request) }));
  for (const [verb, disabled] of [['disable', true], ['enable', false]] as const) {
    api.post(
      `/api/v1/sms/gateways/:id/${verb}`,
      { config: { access: ['admin'] }, schema: { tags, params: z.object({ id: z.string().max(64) }), response: { 200: SmsGateway } } },
      async (request) => setSmsGatewayDisabled({ db, actor: actorOf(request), id: request.params.id, disabled }),
    );
  }

  api.post(
    '/api/v1/sms/reporters',
    { config: { access: ['admin'] }, schema: { tags, summary: 'Register a phone number (E.164) to an account of your organisation', body: ReporterInput, response: { 201: Reporter } } },
    async (request, reply) => reply.code(201).send(await addReporter({ db, actor: actorOf(request), input: request.body })),
  );
  api.get('/api/v1/sms/reporters', { config: { access: ['admin'] }, schema: { tags, summary: 'Numbers registered to your organisation’s accounts', response: { 200: z.array(Reporter) } } }, async (request) =>
    listReporters({ db, actor: actorOf(request) }),
  );
  api.delete(
    '/api/v1/sms/reporters/:phone',
    { config: { access: ['admin'] }, schema: { tags, params: z.object({ phone: z.string().max(40) }), response: { 204: z.null() } } },
    async (request, reply) => {
      await removeReporter({ db, actor: actorOf(request), phone: request.params.phone });
      return reply.code(204).send(null);
    },
  );

  api.get(
    '/api/v1/sms/reports',
    { config: { access: 'signed-in' }, schema: { tags, summary: 'Reports received by SMS that you may see, newest first; status=unlocated is the queue to place', querystring: SmsReportsQuery, response: { 200: z.array(SmsReport) } } },
    async (request) => listSmsReports({ db, viewer: request.viewer, query: request.query }),
  );
  api.post(
    '/api/v1/sms/reports/:id/locate',
    { config: { access: ['analyst'] }, schema: { tags, summary: 'Place a report the parser could not: creates its incident, reported by the sender', params: z.object({ id: z.string().max(64) }), body: LocateInput, response: { 200: SmsReport } } },
    async (request) => locateSmsReport({ db, actor: actorOf(request), id: request.params.id, input: request.body }),
  );
}
