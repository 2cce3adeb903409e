import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fastifyHelmet from '@fastify/helmet';
import Fastify, { type FastifyInstance } from 'fastify';
import { SECURITY_POLICY, securityHeaders, securityHeadersOf } from './security-headers.ts';

/** A small app answering a constant, a hijacked raw answer (as the event stream does) and an error. */
async function appWith(register: (app: FastifyInstance) => PromiseLike<unknown>): Promise<FastifyInstance> {
  const app = Fastify();
  await register(app);
  app.get('/constant', async () => ({ ok: true }));
  app.get('/raw', (_request, reply) => {
    reply.hijack();
    reply.raw.writeHead(200, { 'content-type': 'text/event-stream' });
    reply.raw.end('data: x\n\n');
  });
  app.get('/fails', async () => {
    throw new Error('boom');
  });
  await app.ready();
  return app;
}

/** The headers helmet is responsible for: everything but what Fastify itself sets. */
function securityPart(headers: Record<string, unknown>): Record<string, unknown> {
  const { date: _date, connection: _connection, 'content-type': _type, 'content-length': _length, ...rest } = headers;
  return rest;
}

describe('security headers', () => {
  test('every answer carries exactly the headers @fastify/helmet would set under the same policy', async () => {
    const reference = await appWith((app) => app.register(fastifyHelmet, SECURITY_POLICY as never));
    const konbit = await appWith((app) => app.register(securityHeaders, SECURITY_POLICY));
    for (const url of ['/constant', '/raw', '/fails', '/missing']) {
      const expected = securityPart((await reference.inject(url)).headers);
      const actual = securityPart((await konbit.inject(url)).headers);
      assert.ok(Object.keys(expected).length >= 10, `${url}: helmet set ${Object.keys(expected).join(', ')}`);
      assert.deepEqual(actual, expected, url);
    }
    await reference.close();
    await konbit.close();
  });

  test('the policy keeps scripts to the app itself and frames to the same origin', () => {
    const { set, removed } = securityHeadersOf(SECURITY_POLICY);
    const headers = new Map(set.map(([name, value]) => [name.toLowerCase(), value]));
    assert.match(headers.get('content-security-policy') ?? '', /script-src 'self';/);
    assert.match(headers.get('content-security-policy') ?? '', /object-src 'none'/);
    assert.equal(headers.get('x-frame-options'), 'SAMEORIGIN');
    assert.equal(headers.get('x-content-type-options'), 'nosniff');
    assert.deepEqual(removed, ['X-Powered-By']);
  });
});
