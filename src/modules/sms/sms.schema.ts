import { z } from 'zod';
import { Classification, OrganisationCode } from '../../shared/access.ts';
import { IncidentType, InformationCredibility, LocationPrecision, SourceReliability } from '../../shared/incidents.ts';

/* Requests and answers of the SMS module's API: one zod schema for the validation and the type. */

export const SmsGatewayInput = z.strictObject({ name: z.string().regex(/^[a-z0-9][a-z0-9._-]{1,62}$/, 'a gateway name is 2–63 lower-case letters, digits, . _ or -') });
export type SmsGatewayInput = z.input<typeof SmsGatewayInput>;
export const SmsGateway = z.object({ id: z.string(), name: z.string(), disabled: z.boolean(), createdAt: z.string() });
export type SmsGateway = z.infer<typeof SmsGateway>;
export const CreatedSmsGateway = z.object({ gateway: SmsGateway, secret: z.string(), url: z.string() });

export const ReporterInput = z.strictObject({
  phone: z.string().min(1).max(40),
  username: z.string().min(1).max(64),
  /** Label of the reports and incidents this number sends. */
  classification: Classification.default('MISSION'),
  releasableTo: z.array(OrganisationCode).max(64).default([]),
  /** How the reporter is graded as a source; an unknown reporter is F6 (reliability cannot be judged, truth cannot be judged). */
  reliability: SourceReliability.default('F'),
  credibility: InformationCredibility.default(6),
});
export type ReporterInput = z.input<typeof ReporterInput>;
export const Reporter = z.object({
  phone: z.string(),
  username: z.string(),
  organisation: z.string(),
  classification: Classification,
  releasableTo: z.array(z.string()),
  reliability: SourceReliability,
  credibility: z.number().int(),
  createdAt: z.string(),
});
export type Reporter = z.infer<typeof Reporter>;

export const SmsReplies = z.object({ ht: z.string(), fr: z.string(), en: z.string() });
export const SmsAction = z.enum(['incident', 'unlocated', 'complaint', 'not_registered', 'rate_limited', 'duplicate']);
export const SmsWebhookReply = z.object({
  action: SmsAction,
  /** The text for the gateway to send back, in the sender's language. */
  reply: z.string(),
  language: z.enum(['ht', 'fr', 'en']),
  replies: SmsReplies,
  reference: z.string().nullable(),
});
export type SmsWebhookReply = z.infer<typeof SmsWebhookReply>;

export const SmsReport = z.object({
  id: z.string(),
  reference: z.string(),
  status: z.enum(['incident', 'unlocated', 'located']),
  text: z.string(),
  language: z.string(),
  type: IncidentType.nullable(),
  placeName: z.string().nullable(),
  counts: z.object({ killed: z.number(), injured: z.number(), abducted: z.number(), displaced: z.number() }),
  incidentId: z.string().nullable(),
  reporter: z.string(),
  owner: z.string(),
  classification: Classification,
  sentAt: z.string(),
  createdAt: z.string(),
});
export type SmsReport = z.infer<typeof SmsReport>;

export const SmsReportsQuery = z.strictObject({
  status: z.enum(['incident', 'unlocated', 'located']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** Where an analyst places a report the parser could not: the incident is created with the sender as reporter. */
export const LocateInput = z.strictObject({
  lon: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
  precision: LocationPrecision.default('near'),
  placeName: z.string().trim().min(1).max(200).optional(),
  /** The type, when the parser found none or found it wrong. */
  type: IncidentType.optional(),
});
export type LocateInput = z.input<typeof LocateInput>;
