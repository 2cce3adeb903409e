import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import Fastify from 'fastify';
import { OneLineRequestLog } from './request-log.ts';

/** An app whose log lines are kept, parsed. */
async function loggedApp(): Promise<{ app: ReturnType<typeof Fastify>; lines: Record<string, unknown>[] }> {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      callback();
    },
  });
  const app = Fastify({ logger: { level: 'info', stream }, logController: new OneLineRequestLog() });
  app.get('/constant', async () => ({ ok: true }));
  app.get('/quiet', { logLevel: 'warn' }, async () => ({ ok: true }));
  await app.ready();
  return { app, lines };
}

test('a request leaves one line: method, URL, status and time, under its request id', async () => {
  const { app, lines } = await loggedApp();
  const response = await app.inject('/constant?x=1');
  const missing = await app.inject('/missing');
  await app.inject('/quiet');
  const requestLines = lines.filter((line) => line.reqId !== undefined);
  assert.equal(requestLines.filter((line) => line.msg === 'incoming request').length, 0);
  const completed = requestLines.filter((line) => line.msg === 'request completed');
  assert.deepEqual(
    completed.map(({ method, url, statusCode }) => ({ method, url, statusCode })),
    [
      { method: 'GET', url: '/constant?x=1', statusCode: response.statusCode },
      { method: 'GET', url: '/missing', statusCode: missing.statusCode },
    ],
    'a route logged at warn leaves no line',
  );
  for (const line of completed) assert.equal(typeof line.responseTime, 'number');
  assert.notEqual(completed[0]!.reqId, completed[1]!.reqId);
  await app.close();
});
