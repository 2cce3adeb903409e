import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { GatewayMessage } from '../../shared/accountability.ts';
import { AppError } from '../../shared/errors.ts';
import type { Db } from '../../db/index.ts';
import type { SmsGatewaysTable } from '../../db/tables/sms.ts';
import { fileComplaint, gatewayMessageKey } from '../accountability/index.ts';
import { appendAudit, organisationIdsForCodes, setReleasableTo, type Actor } from '../auth/index.ts';
import { CLOCK_SKEW_MS } from '../incidents/index.ts';
import { createIncidentFor } from './incident.ts';
import { languageOf, parseSms } from './parse.ts';
import { normalisePhone } from './phone.ts';
import type { SmsPlaces } from './places.ts';
import { complaintReplies, NOT_REGISTERED, RATE_LIMITED, reportReplies, type Replies } from './reply.ts';
import { actorFor } from './reporters.service.ts';
import type { SmsWebhookReply } from './sms.schema.ts';
import * as repo from './sms.repo.ts';
import { COMPLAINT_WORDS } from './vocabulary.ts';
import { findPhrase, smsWords } from './fuzzy.ts';
import type { ParsedSms, SmsLanguage } from './types.ts';

/*
 * One message from a gateway. In order: a retry of a message already taken
 * gets the first answer again; a sender over the hourly allowance is told
 * so; a registered number's text becomes a report — an unverified incident
 * at once when the place is known, else a report an analyst places; an
 * unknown number's complaint about misconduct goes to the public complaints
 * channel; anything else from an unknown number is politely refused.
 */

export interface ReceiveProps {
  db: Db;
  gateway: SmsGatewaysTable;
  message: GatewayMessage;
  places: SmsPlaces;
  /** Messages a number may send per hour, counted in the database so that every instance shares the count. */
  perHour: number;
  now?: Date;
}

const HOUR_MS = 3_600_000;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A short number to quote back: K- and six Crockford base32 characters. */
function newReference(): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  return `K-${[...randomBytes(6)].map((byte) => alphabet[byte % 32]).join('')}`;
}

function answer(action: SmsWebhookReply['action'], language: SmsLanguage, replies: Replies, reference: string | null = null): SmsWebhookReply {
  return { action, reply: replies[language], language, replies, reference };
}

function looksLikeComplaint(text: string): boolean {
  const words = smsWords(text);
  return COMPLAINT_WORDS.some((keyword) => findPhrase(words, smsWords(keyword.words), new Set()) !== null);
}

export async function receiveSmsMessage({ db, gateway, message, places, perHour, now = new Date() }: ReceiveProps): Promise<SmsWebhookReply> {
  const parsed = GatewayMessage.parse(message);
  if (Date.parse(parsed.received_at) > now.getTime() + CLOCK_SKEW_MS) {
    throw new AppError('VALIDATION_FAILED', `received_at: ${parsed.received_at} is in the future (server time ${now.toISOString()}); check the gateway's clock and time zone`, [{ path: 'received_at', message: 'in the future' }]);
  }
  const digest = gatewayMessageKey(parsed);
  const normalised = normalisePhone(parsed.from);
  const phone = normalised.ok ? normalised.phone : null;
  const at = now.toISOString();
  const senderKey = sha256(phone ?? parsed.from.trim());
  const claimed = await repo.claimMessage(db, { gateway_id: gateway.id, digest, sender_key: senderKey, received_at: at, action: 'pending', replies: '', report_id: null });
  if (!claimed) return replay(db, gateway.id, digest, parsed.text);
  try {
    return await handle({ db, gateway, digest, senderKey, text: parsed.text, sentAt: parsed.received_at, phone, places, perHour, now });
  } catch (error) {
    // Nothing was answered: the gateway's retry must be taken afresh.
    await repo.forgetMessage(db, gateway.id, digest);
    throw error;
  }
}

async function replay(db: Db, gatewayId: string, digest: string, text: string): Promise<SmsWebhookReply> {
  const first = await repo.findMessage(db, gatewayId, digest);
  const language = languageOf(text);
  if (!first || !first.replies) {
    return answer('duplicate', language, { ht: 'Nou ap trete mesaj sa a deja.', fr: 'Ce message est déjà en cours de traitement.', en: 'This message is already being handled.' });
  }
  const stored = JSON.parse(first.replies) as { language: SmsLanguage; replies: Replies; reference: string | null };
  return answer('duplicate', stored.language, stored.replies, stored.reference);
}

interface HandleProps {
  db: Db;
  gateway: SmsGatewaysTable;
  digest: string;
  senderKey: string;
  text: string;
  sentAt: string;
  phone: string | null;
  places: SmsPlaces;
  perHour: number;
  now: Date;
}

async function handle(props: HandleProps): Promise<SmsWebhookReply> {
  const { db, gateway, digest, senderKey, text, phone, perHour, now } = props;
  const finish = async (reply: SmsWebhookReply, actor: Actor | null, reportId: string | null, trx: Db = db) => {
    await repo.finishMessage(trx, gateway.id, digest, { action: reply.action, replies: JSON.stringify({ language: reply.language, replies: reply.replies, reference: reply.reference }), report_id: reportId });
    await appendAudit(trx, { actor, action: 'receive', entityType: 'sms_message', entityId: reportId, details: { gateway: gateway.name, outcome: reply.action, language: reply.language } });
    return reply;
  };

  // This message is counted too: of two racing instances, neither lets through more than the allowance.
  const recent = await repo.countSince(db, senderKey, new Date(now.getTime() - HOUR_MS).toISOString());
  if (recent > perHour) return finish(answer('rate_limited', languageOf(text), RATE_LIMITED(perHour)), null, null);

  const reporter = phone ? await repo.findReporter(db, phone) : undefined;
  const actor = reporter && !reporter.disabled ? await actorFor(db, { id: reporter.user_id }) : null;
  if (!reporter || !actor) {
    const language = languageOf(text);
    if (looksLikeComplaint(text)) {
      const filed = await fileComplaint({ db, input: { what: text, contact: phone ? { phone, preferred: 'sms' } : undefined }, channel: 'sms', language, now });
      return finish(answer('complaint', language, complaintReplies(filed.receipt)), null, null);
    }
    return finish(answer('not_registered', language, NOT_REGISTERED), null, null);
  }
  return fileReport(props, reporter, actor, finish);
}

type Finish = (reply: SmsWebhookReply, actor: Actor | null, reportId: string | null, trx?: Db) => Promise<SmsWebhookReply>;

async function fileReport({ db, gateway, digest, text, sentAt, places, now }: HandleProps, reporter: repo.ReporterRow, actor: Actor, finish: Finish): Promise<SmsWebhookReply> {
  const parsed: ParsedSms = parseSms(text, places);
  const reference = newReference();
  const releasableTo = JSON.parse(reporter.releasable_to) as string[];
  // A retry after a failure between the two transactions finds the incident by this key instead of reporting it twice.
  const incident = parsed.place
    ? await createIncidentFor({ db, reporterActor: actor, reporter, parsed, text, sentAt, place: parsed.place, idempotencyKey: `sms:${gateway.id}:${digest}` })
    : null;
  const id = randomUUID();
  const at = now.toISOString();
  const reply = answer(incident ? 'incident' : 'unlocated', parsed.language, reportReplies(parsed, reference), reference);
  return db.transaction().execute(async (trx) => {
    await repo.insertReport(trx, {
      id,
      reference,
      reporter_user_id: actor.userId,
      gateway_id: gateway.id,
      text,
      language: parsed.language,
      parsed: JSON.stringify(parsed),
      type: parsed.type,
      place_name: parsed.place?.name ?? null,
      status: incident ? 'incident' : 'unlocated',
      incident_id: incident?.id ?? null,
      sent_at: sentAt,
      located_by: null,
      located_at: null,
      classification: reporter.classification,
      owner_org_id: actor.organisationId,
      created_at: at,
      updated_at: at,
    });
    if (reporter.classification === 'RESTRICTED') await setReleasableTo(trx, 'sms_reports', id, await organisationIdsForCodes(trx, releasableTo));
    return finish(reply, actor, id, trx);
  });
}
