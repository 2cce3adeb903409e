import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AdditionInput, AttachmentReceipt, ComplaintInput, ComplaintReceipt, ComplaintStatistics, ComplaintStatusView, GatewayMessage, GatewayReply, ReceiptQuery, StatisticsQuery } from '../../shared/accountability.ts';
import { AppError } from '../../shared/errors.ts';
import type { Db } from '../../db/index.ts';
import type { ComplaintGatewaysTable } from '../../db/tables/accountability.ts';
import type { RotatingSalt } from './client-key.ts';
import { LIMITS, addAttachment, addInformation, complaintStatus, fileComplaint } from './complaints.service.ts';
import { presentedSecret } from './gateway-secret.ts';
import { authenticateGateway, receiveGatewayMessage } from './gateway.service.ts';
import { complaintStatistics } from './statistics.service.ts';
import type { AttachmentStore } from './storage.ts';

/** Requests per client (a salted, rotating hash of its address) per window. */
export interface PublicRateLimits {
  filePerHour: number;
  /** Status checks, additions and files together: everything that takes a receipt code. */
  receiptPerHour: number;
  statisticsPerMinute: number;
  gatewayPerMinute: number;
  senderPerHour: number;
}

export const DEFAULT_RATE_LIMITS: PublicRateLimits = {
  filePerHour: 10,
  receiptPerHour: 40,
  statisticsPerMinute: 120,
  gatewayPerMinute: 600,
  senderPerHour: 20,
};

export interface PublicRoutesOptions {
  db: Db;
  store: AttachmentStore;
  salt: RotatingSalt;
  limits: PublicRateLimits;
}

const HOUR = 3_600_000;
const MINUTE = 60_000;
const tags = ['complaints'];
// Access logs of the public complaint routes would hold complainants' addresses: only warnings and errors are logged.
const QUIET = 'warn' as const;

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}

/** The routes anyone may call: file, check, add, and the gateways' webhook. */
export async function publicComplaintRoutes(app: FastifyInstance, { db, store, salt, limits }: PublicRoutesOptions): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const perClient = (scope: string) => (request: FastifyRequest) => salt.key(scope, request.ip);
  const noStore = { 'cache-control': 'no-store' };
  // One allowance for every route that takes a receipt code, so that a guesser cannot switch between them.
  const receiptLimit = app.rateLimit({ max: limits.receiptPerHour, timeWindow: HOUR, keyGenerator: perClient('receipt') });

  api.post(
    '/api/v1/complaints',
    {
      logLevel: QUIET,
      config: { access: 'public', rateLimit: { max: limits.filePerHour, timeWindow: HOUR, keyGenerator: perClient('file') } },
      schema: {
        tags,
        summary: 'File a complaint about mission personnel, without an account; the answer holds the receipt code, shown once',
        body: ComplaintInput,
        response: { 201: ComplaintReceipt },
      },
    },
    async (request, reply) => reply.code(201).headers(noStore).send(await fileComplaint({ db, input: request.body, channel: 'web' })),
  );

  api.post(
    '/api/v1/complaints/status',
    {
      logLevel: QUIET,
      config: { access: 'public' },
      onRequest: receiptLimit,
      schema: { tags, summary: 'The status of a complaint, by its receipt code (sent in the body, never in the URL)', body: ReceiptQuery, response: { 200: ComplaintStatusView } },
    },
    async (request, reply) => reply.headers(noStore).send(await complaintStatus({ db, receipt: request.body.receipt })),
  );

  api.post(
    '/api/v1/complaints/additions',
    {
      logLevel: QUIET,
      config: { access: 'public' },
      onRequest: receiptLimit,
      schema: { tags, summary: 'Add information to a complaint, with its receipt code', body: AdditionInput, response: { 201: z.object({ added: z.literal(true), additions: z.number() }) } },
    },
    async (request, reply) => reply.code(201).headers(noStore).send(await addInformation({ db, input: request.body })),
  );

  api.get(
    '/api/v1/complaints/statistics',
    {
      config: { access: 'public', rateLimit: { max: limits.statisticsPerMinute, timeWindow: MINUTE, keyGenerator: perClient('stats') } },
      schema: { tags, summary: 'Complaints by category, month and outcome; counts below 5 are shown as "<5"', querystring: StatisticsQuery, response: { 200: ComplaintStatistics } },
    },
    async (request) => complaintStatistics({ db, query: request.query }),
  );

  await app.register(async (files) => {
    // Raw file bodies for this route only; the type is read from the content, whatever the header says.
    files.addContentTypeParser(['application/octet-stream', 'image/jpeg', 'image/png', 'application/pdf'], { parseAs: 'buffer', bodyLimit: LIMITS.attachmentBytes }, (_request, body, done) => done(null, body));
    files.withTypeProvider<ZodTypeProvider>().post(
      '/api/v1/complaints/attachments',
      {
        logLevel: QUIET,
        bodyLimit: LIMITS.attachmentBytes,
        config: { access: 'public' },
        // A file is sent with a receipt code too: it counts against the same allowance.
        onRequest: receiptLimit,
        schema: {
          tags,
          summary: 'Attach a photo (JPEG, PNG) or PDF to a complaint: the file is the body; headers X-Konbit-Receipt and optionally X-Konbit-Filename (URI-encoded)',
          response: { 201: AttachmentReceipt },
        },
      },
      async (request, reply) => {
        const receipt = header(request, 'x-konbit-receipt');
        if (!receipt) throw new AppError('VALIDATION_FAILED', 'send the complaint’s receipt code in the X-Konbit-Receipt header');
        const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        return reply.code(201).headers(noStore).send(await addAttachment({ db, store, receipt, bytes, fileName: header(request, 'x-konbit-filename') }));
      },
    );
  });

  const gateways = new WeakMap<FastifyRequest, ComplaintGatewaysTable>();
  const perSender = app.createRateLimit({
    max: limits.senderPerHour,
    timeWindow: HOUR,
    keyGenerator: (request) => salt.key('sender', `${gateways.get(request)?.id}:${(request.body as { from?: unknown } | null)?.from}`),
  });
  api.post(
    '/api/v1/complaints/gateways/:gatewayId/messages',
    {
      logLevel: QUIET,
      config: { access: 'public', rateLimit: { max: limits.gatewayPerMinute, timeWindow: MINUTE, keyGenerator: perClient('gateway') } },
      // The secret is checked before the body is read: a forged request learns nothing about the format.
      preParsing: async (request, _reply, payload) => {
        const { gatewayId } = request.params as { gatewayId: string };
        gateways.set(request, await authenticateGateway({ db, gatewayId, secret: presentedSecret(request.headers) }));
        return payload;
      },
      preHandler: async (request) => {
        const limit = await perSender(request);
        if (!limit.isAllowed && limit.isExceeded) throw new AppError('RATE_LIMITED', 'too many messages from this sender; try again later', { retryAfterSeconds: limit.ttlInSeconds });
      },
      schema: {
        tags,
        summary: 'Webhook for an SMS or WhatsApp gateway: { from, text, received_at, id? } with "Authorization: Bearer <gateway secret>"',
        params: z.object({ gatewayId: z.string().max(64) }),
        body: GatewayMessage,
        response: { 200: GatewayReply },
      },
    },
    async (request, reply) => reply.headers(noStore).send(await receiveGatewayMessage({ db, gateway: gateways.get(request)!, message: request.body })),
  );
}
