import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AccountabilitySettings, AssignInput, CaseDetail, CaseQuery, CaseSummary, Gateway, GatewayInput, NoteInput, ReferralInput, SettingsInput, TransitionInput, TriageInput } from '../../shared/accountability.ts';
import type { Db } from '../../db/index.ts';
import { actorOf } from '../auth/index.ts';
import { addNote, addReferral, assignInvestigators, getCase, listCases, readAttachment, transitionCase, triageCase, unassignInvestigator } from './cases.service.ts';
import { createGateway, listGateways, setGatewayDisabled } from './gateway.service.ts';
import { getSettings, updateSettings } from './settings.service.ts';
import type { AttachmentStore } from './storage.ts';
import { requireOversight } from './accountability.policy.ts';

/*
 * The oversight body's case handling. The HTTP layer asks for the oversight
 * role; each service checks again that the caller belongs to the oversight
 * organisation, so neither a route added later nor the command line can skip it.
 */

const tags = ['oversight'];
const access = ['oversight'] as const;
const CaseId = z.object({ id: z.string().max(64) });

export async function oversightRoutes(app: FastifyInstance, { db, store }: { db: Db; store: AttachmentStore }): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  app.addHook('onSend', async (_request, reply) => {
    void reply.header('cache-control', 'no-store');
  });

  api.get(
    '/api/v1/oversight/complaints',
    { config: { access }, schema: { tags, summary: 'Complaint cases, newest first; overdue=true for those past their stage deadline', querystring: CaseQuery, response: { 200: z.array(CaseSummary) } } },
    async (request) => listCases({ db, actor: actorOf(request), query: request.query }),
  );
  api.get(
    '/api/v1/oversight/complaints/:id',
    { config: { access }, schema: { tags, summary: 'A case in full; contact details only for its assigned investigators', params: CaseId, response: { 200: CaseDetail } } },
    async (request) => getCase({ db, actor: actorOf(request), id: request.params.id }),
  );
  api.post(
    '/api/v1/oversight/complaints/:id/triage',
    { config: { access }, schema: { tags, summary: 'Record category, severity and the organisation concerned', params: CaseId, body: TriageInput, response: { 200: CaseDetail } } },
    async (request) => triageCase({ db, actor: actorOf(request), id: request.params.id, input: request.body }),
  );
  api.post(
    '/api/v1/oversight/complaints/:id/assignments',
    { config: { access }, schema: { tags, summary: 'Assign investigators of the oversight body', params: CaseId, body: AssignInput, response: { 200: CaseDetail } } },
    async (request) => assignInvestigators({ db, actor: actorOf(request), id: request.params.id, input: request.body }),
  );
  api.delete(
    '/api/v1/oversight/complaints/:id/assignments/:username',
    { config: { access }, schema: { tags, summary: 'Remove an investigator from a case', params: CaseId.extend({ username: z.string().max(64) }), response: { 200: CaseDetail } } },
    async (request) => unassignInvestigator({ db, actor: actorOf(request), id: request.params.id, username: request.params.username }),
  );
  api.post(
    '/api/v1/oversight/complaints/:id/transitions',
    { config: { access }, schema: { tags, summary: 'Move a case: under_investigation, referred, closed (with an outcome)', params: CaseId, body: TransitionInput, response: { 200: CaseDetail } } },
    async (request) => transitionCase({ db, actor: actorOf(request), id: request.params.id, input: request.body }),
  );
  api.post(
    '/api/v1/oversight/complaints/:id/notes',
    { config: { access }, schema: { tags, summary: 'Add a note; toComplainant notes are shown with the receipt code', params: CaseId, body: NoteInput, response: { 200: CaseDetail } } },
    async (request) => addNote({ db, actor: actorOf(request), id: request.params.id, input: request.body }),
  );
  api.post(
    '/api/v1/oversight/complaints/:id/referrals',
    { config: { access }, schema: { tags, summary: 'Record a referral to an authority or of a survivor to services', params: CaseId, body: ReferralInput, response: { 200: CaseDetail } } },
    async (request) => addReferral({ db, actor: actorOf(request), id: request.params.id, input: request.body }),
  );
  api.get(
    '/api/v1/oversight/complaints/:id/attachments/:attachmentId',
    {
      config: { access },
      schema: {
        tags,
        summary: 'An attachment, metadata removed (variant=clean) or as received (variant=original, audited)',
        params: CaseId.extend({ attachmentId: z.string().max(64) }),
        querystring: z.strictObject({ variant: z.enum(['clean', 'original']).default('clean') }),
      },
    },
    async (request, reply) => {
      const file = await readAttachment({ db, store, actor: actorOf(request), id: request.params.id, attachmentId: request.params.attachmentId, variant: request.query.variant });
      return reply.type(file.mediaType).header('content-disposition', 'attachment; filename="attachment"').send(file.bytes);
    },
  );

  api.get(
    '/api/v1/oversight/gateways',
    { config: { access }, schema: { tags, summary: 'SMS and WhatsApp gateways', response: { 200: z.array(Gateway) } } },
    async (request) => listGateways({ db, actor: actorOf(request) }),
  );
  api.post(
    '/api/v1/oversight/gateways',
    { config: { access }, schema: { tags, summary: 'Add a gateway; its secret is shown once', body: GatewayInput, response: { 201: z.object({ gateway: Gateway, secret: z.string(), url: z.string() }) } } },
    async (request, reply) => reply.code(201).send(await createGateway({ db, actor: actorOf(request), input: request.body })),
  );
  api.post(
    '/api/v1/oversight/gateways/:id/:action',
    { config: { access }, schema: { tags, summary: 'Disable or enable a gateway', params: CaseId.extend({ action: z.enum(['disable', 'enable']) }), response: { 200: Gateway } } },
    async (request) => setGatewayDisabled({ db, actor: actorOf(request), id: request.params.id, disabled: request.params.action === 'disable' }),
  );

  api.get(
    '/api/v1/oversight/settings',
    { config: { access }, schema: { tags, summary: 'Deadlines: detainee handover, days per case stage', response: { 200: AccountabilitySettings } } },
    async (request) => {
      await requireOversight(db, actorOf(request));
      return getSettings(db);
    },
  );
  api.patch(
    '/api/v1/oversight/settings',
    { config: { access }, schema: { tags, summary: 'Change deadlines', body: SettingsInput, response: { 200: AccountabilitySettings } } },
    async (request) => updateSettings({ db, actor: actorOf(request), input: request.body }),
  );
}
