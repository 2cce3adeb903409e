import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Db } from '../../db/index.ts';
import { buildOrganisation, buildUser, type TestUser } from '../auth/testing.ts';
import { buildTestApp } from '../../server/testing.ts';

/*
 * Test factories: a mission with an HNP officer who reports by SMS, an
 * administrator and an analyst of the HNP, a KEN administrator, and one SMS
 * gateway with its secret.
 */

export interface SmsWorld {
  app: FastifyInstance;
  hnpAdmin: TestUser;
  hnpOfficer: TestUser;
  hnpAnalyst: TestUser;
  hnpViewer: TestUser;
  kenAdmin: TestUser;
  gateway: { id: string; url: string; secret: string };
  /** Sends a message to the gateway's webhook with its secret. */
  send(message: Record<string, unknown>, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

export async function buildSmsWorld(db: Db): Promise<SmsWorld> {
  await buildOrganisation(db, 'HNP', 'host_police');
  await buildOrganisation(db, 'KEN', 'contingent');
  await buildOrganisation(db, 'USA', 'donor');
  const app = await buildTestApp(db);
  const world = {
    app,
    hnpAdmin: await buildUser(db, 'hnp.admin', 'HNP', ['admin']),
    hnpOfficer: await buildUser(db, 'hnp.officer', 'HNP', ['reporter']),
    hnpAnalyst: await buildUser(db, 'hnp.analyst', 'HNP', ['analyst']),
    hnpViewer: await buildUser(db, 'hnp.viewer', 'HNP', ['viewer']),
    kenAdmin: await buildUser(db, 'ken.admin', 'KEN', ['admin']),
  };
  const created = await app.inject({ method: 'POST', url: '/api/v1/sms/gateways', headers: world.hnpAdmin.headers, payload: { name: 'digicel-sms' } });
  if (created.statusCode !== 201) throw new Error(`gateway: ${created.body}`);
  const { gateway, secret, url } = created.json<{ gateway: { id: string }; secret: string; url: string }>();
  return {
    ...world,
    gateway: { id: gateway.id, url, secret },
    send: (message, headers = { authorization: `Bearer ${secret}` }) => app.inject({ method: 'POST', url, headers, payload: message }),
  };
}

let counter = 0;
/** A message as a gateway posts it; a fresh id each time unless given. */
export function smsMessage(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  counter += 1;
  return { id: `msg-${counter}`, from: '+50937001234', text: 'kidnapin Matisan 3 moun', received_at: '2026-03-01T14:30:00Z', ...overrides };
}
