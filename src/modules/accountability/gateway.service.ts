import { randomUUID } from 'node:crypto';
import { COMPLAINT_STATUSES, GatewayInput, GatewayMessage, type Gateway, type GatewayReply } from '../../shared/accountability.ts';
import { AppError, notFound } from '../../shared/errors.ts';
import type { Db } from '../../db/index.ts';
import type { ComplaintGatewaysTable } from '../../db/tables/accountability.ts';
import { appendAudit, type Actor } from '../auth/index.ts';
import { requireOversight } from './accountability.policy.ts';
import * as repo from './complaints.repo.ts';
import { addInformation, complaintStatus, fileComplaint } from './complaints.service.ts';
import { gatewayMessageKey, gatewaySecretMatches, gatewayUnauthorised, isGatewayId, newGatewaySecret } from './gateway-secret.ts';
import { leadingReceipt } from './receipts.ts';

/*
 * SMS and WhatsApp gateways. Each gateway posts the generic payload
 * `{ from, text, received_at, id? }` to its own URL with its own secret,
 * which Konbit keeps only as a sha256 digest and compares in constant time.
 * A message is, in this order: "STATUS <code>" (the reply says the status),
 * "<code> more information…" (added to that complaint), or a new complaint
 * (the reply carries its receipt code). The sender's number is kept as the
 * complaint's contact, for the assigned investigators only.
 */

/** The gateway whose id and secret these are; a 401 for a wrong secret, an unknown id or a disabled gateway alike. */
export async function authenticateGateway({ db, gatewayId, secret }: { db: Db; gatewayId: string; secret: string | undefined }): Promise<ComplaintGatewaysTable> {
  const gateway = isGatewayId(gatewayId) ? await repo.findGateway(db, gatewayId) : undefined;
  if (!gatewaySecretMatches(gateway?.secret_hash, secret) || !gateway || gateway.disabled) throw gatewayUnauthorised();
  return gateway;
}

function reply(action: GatewayReply['action'], replies: GatewayReply['replies']): GatewayReply {
  return { action, reply: replies.ht, replies };
}

/** Takes one message from an authenticated gateway. A replay of the same message is answered without filing it again. */
export async function receiveGatewayMessage({ db, gateway, message, now = new Date() }: { db: Db; gateway: ComplaintGatewaysTable; message: GatewayMessage; now?: Date }): Promise<GatewayReply> {
  const parsed = GatewayMessage.parse(message);
  const fresh = await repo.rememberGatewayMessage(db, gateway.id, gatewayMessageKey(parsed), now.toISOString());
  if (!fresh) return reply('duplicate', { ht: 'Nou te deja resevwa mesaj sa a.', fr: 'Ce message a déjà été reçu.', en: 'This message was already received.' });
  const channel = parsed.channel ?? (gateway.channel === 'whatsapp' ? 'whatsapp' : 'sms');

  const statusCommand = /^\s*(?:STATUS|STATI|ESTATI|STATUT)\s+(.+)$/i.exec(parsed.text);
  if (statusCommand) {
    const view = await complaintStatus({ db, receipt: statusCommand[1]!.trim() }).catch(() => null);
    if (!view) return reply('status', { ht: 'Nou pa jwenn kòd sa a. Tcheke l.', fr: 'Code introuvable. Vérifiez-le.', en: 'Receipt code not found. Please check it.' });
    const label = COMPLAINT_STATUSES[view.status];
    return reply('status', { ht: `Plent ou: ${label.ht}.`, fr: `Votre plainte : ${label.fr}.`, en: `Your complaint: ${label.en}.` });
  }

  const lead = leadingReceipt(parsed.text);
  if (lead && lead.rest) {
    const added = await addInformation({ db, input: { receipt: lead.code, text: lead.rest }, source: channel, now }).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'NOT_FOUND') return null;
      throw error;
    });
    if (added) return reply('added', { ht: 'Nou ajoute enfòmasyon an nan plent ou. Mèsi.', fr: 'Information ajoutée à votre plainte. Merci.', en: 'Added to your complaint. Thank you.' });
  }

  const filed = await fileComplaint({
    db,
    input: { what: parsed.text, contact: { phone: parsed.from, preferred: channel === 'whatsapp' ? 'whatsapp' : 'sms' } },
    channel,
    gatewayId: gateway.id,
    language: null,
    now,
  });
  const code = filed.receipt;
  return reply('filed', {
    ht: `Nou resevwa plent ou. Kòd ou: ${code}. Voye "STATUS ${code}" pou swiv li.`,
    fr: `Plainte reçue. Votre code : ${code}. Envoyez « STATUS ${code} » pour la suivre.`,
    en: `Complaint received. Your code: ${code}. Send "STATUS ${code}" to follow it.`,
  });
}

function present(row: ComplaintGatewaysTable): Gateway {
  return { id: row.id, name: row.name, channel: row.channel, disabled: row.disabled === 1, createdAt: row.created_at };
}

/** Adds a gateway (oversight body only); the secret is returned this once and never stored. */
export async function createGateway({ db, actor, input }: { db: Db; actor: Actor | null; input: GatewayInput }): Promise<{ gateway: Gateway; secret: string; url: string }> {
  const by = await requireOversight(db, actor);
  const parsed = GatewayInput.parse(input);
  const { secret, secretHash } = newGatewaySecret();
  const row = { id: randomUUID(), name: parsed.name, channel: parsed.channel, secret_hash: secretHash, disabled: 0, created_by: by.userId, created_at: new Date().toISOString() };
  await db.transaction().execute(async (trx) => {
    if ((await repo.listGateways(trx)).some((g) => g.name === row.name)) throw new AppError('CONFLICT', `a gateway named ${row.name} exists already`);
    await repo.insertGateway(trx, row);
    await appendAudit(trx, { actor: by, action: 'create', entityType: 'complaint_gateway', entityId: row.id, details: { name: row.name, channel: row.channel } });
  });
  return { gateway: present(row), secret, url: `/api/v1/complaints/gateways/${row.id}/messages` };
}

export async function listGateways({ db, actor }: { db: Db; actor: Actor | null }): Promise<Gateway[]> {
  await requireOversight(db, actor);
  return (await repo.listGateways(db)).map(present);
}

/** Stops (or restarts) a gateway; a leaked secret is answered by disabling its gateway and adding a new one. */
export async function setGatewayDisabled({ db, actor, id, disabled }: { db: Db; actor: Actor | null; id: string; disabled: boolean }): Promise<Gateway> {
  const by = await requireOversight(db, actor);
  return db.transaction().execute(async (trx) => {
    if ((await repo.setGatewayDisabled(trx, id, disabled)) === 0) throw notFound('gateway');
    await appendAudit(trx, { actor: by, action: disabled ? 'disable' : 'enable', entityType: 'complaint_gateway', entityId: id });
    return present((await repo.findGateway(trx, id))!);
  });
}
