import { randomUUID } from 'node:crypto';
import { AppError, notFound } from '../../shared/errors.ts';
import type { Db } from '../../db/index.ts';
import type { SmsGatewaysTable } from '../../db/tables/sms.ts';
import { gatewaySecretMatches, gatewayUnauthorised, isGatewayId, newGatewaySecret } from '../accountability/index.ts';
import { appendAudit, type Actor } from '../auth/index.ts';
import { SmsGatewayInput, type SmsGateway } from './sms.schema.ts';
import { assertAdmin } from './sms.policy.ts';
import * as repo from './sms.repo.ts';

/*
 * The SMS gateways that post incident reports. Each has its own URL and
 * secret, checked the way the complaints gateways' are (one helper for both):
 * the secret is shown once and kept only as a digest.
 */

/** The gateway whose id and secret these are; a 401 for a wrong secret, an unknown id or a disabled gateway alike. */
export async function authenticateSmsGateway({ db, gatewayId, secret }: { db: Db; gatewayId: string; secret: string | undefined }): Promise<SmsGatewaysTable> {
  const gateway = isGatewayId(gatewayId) ? await repo.findGateway(db, gatewayId) : undefined;
  if (!gatewaySecretMatches(gateway?.secret_hash, secret) || !gateway || gateway.disabled) throw gatewayUnauthorised();
  return gateway;
}

const present = (row: SmsGatewaysTable): SmsGateway => ({ id: row.id, name: row.name, disabled: row.disabled === 1, createdAt: row.created_at });

export const webhookUrl = (id: string) => `/api/v1/sms/gateways/${id}/incidents`;

/** Adds a gateway; its secret is returned this once and never stored. */
export async function createSmsGateway({ db, actor, input }: { db: Db; actor: Actor; input: SmsGatewayInput }): Promise<{ gateway: SmsGateway; secret: string; url: string }> {
  assertAdmin(actor, 'adding an SMS gateway');
  const { name } = SmsGatewayInput.parse(input);
  const { secret, secretHash } = newGatewaySecret();
  const row: SmsGatewaysTable = { id: randomUUID(), name, secret_hash: secretHash, disabled: 0, created_by: actor.userId, created_at: new Date().toISOString() };
  await db.transaction().execute(async (trx) => {
    if (await repo.findGatewayByName(trx, name)) throw new AppError('CONFLICT', `an SMS gateway named ${name} exists already: choose another name, or disable that one`);
    await repo.insertGateway(trx, row);
    await appendAudit(trx, { actor, action: 'create', entityType: 'sms_gateway', entityId: row.id, details: { name } });
  });
  return { gateway: present(row), secret, url: webhookUrl(row.id) };
}

export async function listSmsGateways({ db, actor }: { db: Db; actor: Actor }): Promise<SmsGateway[]> {
  assertAdmin(actor, 'listing SMS gateways');
  return (await repo.listGateways(db)).map(present);
}

/** Stops (or restarts) a gateway: a leaked secret is answered by disabling its gateway and adding another. */
export async function setSmsGatewayDisabled({ db, actor, id, disabled }: { db: Db; actor: Actor; id: string; disabled: boolean }): Promise<SmsGateway> {
  assertAdmin(actor, 'disabling an SMS gateway');
  return db.transaction().execute(async (trx) => {
    if ((await repo.setGatewayDisabled(trx, id, disabled)) === 0) throw notFound('SMS gateway');
    await appendAudit(trx, { actor, action: disabled ? 'disable' : 'enable', entityType: 'sms_gateway', entityId: id });
    return present((await repo.findGateway(trx, id))!);
  });
}

/** The gateway with this id or name, for the command line. */
export async function findSmsGateway({ db, actor, idOrName }: { db: Db; actor: Actor; idOrName: string }): Promise<SmsGateway> {
  assertAdmin(actor, 'reading an SMS gateway');
  const row = (isGatewayId(idOrName) ? await repo.findGateway(db, idOrName) : undefined) ?? (await repo.findGatewayByName(db, idOrName));
  if (!row) throw notFound('SMS gateway');
  return present(row);
}
