import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { AppError } from '../../shared/errors.ts';

/*
 * What every message gateway (complaints, SMS incident reports) shares: a
 * secret per gateway, kept only as a sha256 digest and compared in constant
 * time, read from the request's headers; and the key that tells a gateway's
 * retry of a message from a new message.
 */

function digest(secret: string): Buffer {
  return createHash('sha256').update(secret).digest();
}

// Compared against when the gateway does not exist, so that an unknown id costs the same time as a known one.
const DUMMY_DIGEST = digest(randomBytes(32).toString('hex'));

/** A new gateway secret (shown once) and the digest to store in its place. */
export function newGatewaySecret(): { secret: string; secretHash: string } {
  const secret = randomBytes(32).toString('base64url');
  return { secret, secretHash: digest(secret).toString('hex') };
}

export const gatewayUnauthorised = () => new AppError('UNAUTHENTICATED', 'wrong or missing gateway secret: send it as "Authorization: Bearer <secret>"');

/** Whether the secret presented matches the stored digest; as slow for an unknown gateway (no digest) as for a known one. */
export function gatewaySecretMatches(storedHash: string | undefined, secret: string | undefined): boolean {
  const expected = storedHash ? Buffer.from(storedHash, 'hex') : DUMMY_DIGEST;
  const presented = digest(secret ?? '');
  const matches = expected.length === presented.length && timingSafeEqual(expected, presented);
  return Boolean(storedHash && secret && matches);
}

/** Gateway ids are UUIDs: anything else is refused before the database is asked. */
export const isGatewayId = (id: string): boolean => /^[0-9a-f-]{36}$/.test(id);

/** The secret from an `Authorization: Bearer` or `X-Konbit-Gateway-Secret` header. */
export function presentedSecret(headers: Record<string, string | string[] | undefined>): string | undefined {
  const authorization = headers.authorization;
  if (typeof authorization === 'string' && /^Bearer /i.test(authorization)) return authorization.slice(7).trim();
  const header = headers['x-konbit-gateway-secret'];
  return typeof header === 'string' ? header : undefined;
}

/** The digest that identifies a message for replay protection: its gateway id when it has one, else its content. */
export function gatewayMessageKey(message: { id?: string | undefined; from: string; received_at: string; text: string }): string {
  const identity = message.id !== undefined ? `id:${message.id}` : `${message.from}\n${message.received_at}\n${message.text}`;
  return createHash('sha256').update(identity).digest('hex');
}
