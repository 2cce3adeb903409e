import assert from 'node:assert/strict';
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { RouteResponse } from '../../src/shared/roads.ts';
import { createTestDb, TEST_DIALECTS, type TestDb } from '../../src/db/testing.ts';
import { buildOrganisation, buildUser, TEST_PASSWORD } from '../../src/modules/auth/testing.ts';
import { buildIncidentInput } from '../../src/modules/incidents/incidents.testing.ts';
import { importNetwork } from '../../src/modules/roads/index.ts';
import { ladderCell, ladderFile } from '../../src/modules/roads/roads.testing.ts';
import type { FanoutStats } from '../../src/server/fanout.ts';
import { buildTestApp } from '../../src/server/testing.ts';
import { sessionHeaders, signIn, SseClient, type Session } from './support.ts';

/*
 * Two Konbit instances against one PostgreSQL schema, as behind a load balancer: instance A in
 * this process, instance B in a process of its own (its own stream bus, routing graphs and caches,
 * as on another machine). A session made on one is good on the other; an incident posted to
 * either reaches a stream reader of the other within a second, through LISTEN/NOTIFY (the hubs'
 * own polling would take up to a second), also after the listening connections were cut; a
 * roadblock applied on A changes the routes B computes.
 */

const skip = TEST_DIALECTS.includes('postgres') ? false : 'two instances share a PostgreSQL database: set KONBIT_TEST_PG_URL to run this test';

interface Instance {
  base: string;
  stats(): Promise<FanoutStats>;
  close(): Promise<void>;
}

async function forkInstance(t: TestDb): Promise<Instance> {
  const child: ChildProcess = fork(path.join(import.meta.dirname, 'instance.ts'), [JSON.stringify({ url: t.url, searchPath: t.searchPath })], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  const [first] = (await Promise.race([once(child, 'message'), once(child, 'exit').then(() => Promise.reject(new Error('instance B exited before listening')))])) as [{ port: number }];
  return {
    base: `http://127.0.0.1:${first.port}`,
    stats: async () => {
      child.send('stats');
      const [reply] = (await once(child, 'message')) as [{ stats: FanoutStats }];
      return reply.stats;
    },
    close: async () => {
      child.send('close');
      await once(child, 'exit');
    },
  };
}

test('two instances on one PostgreSQL share sessions, live events and the road picture [postgres]', { skip }, async () => {
  const t = await createTestDb('postgres');
  let a: FastifyInstance | null = null;
  let b: Instance | null = null;
  try {
    a = await buildTestApp(t.db);
    await a.listen({ host: '127.0.0.1', port: 0 });
    const baseA = `http://127.0.0.1:${(a.server.address() as { port: number }).port}`;
    b = await forkInstance(t);
    await buildOrganisation(t.db, 'KEN');
    await buildUser(t.db, 'ken.analyst', 'KEN', ['analyst', 'reporter']);

    // A session made on A is good on B, and ending it on B ends it on A.
    const session = await signIn(baseA, 'ken.analyst', TEST_PASSWORD);
    const me = await fetch(`${b.base}/api/v1/auth/me`, { headers: { cookie: session.cookie } });
    assert.equal(me.status, 200);
    assert.equal(((await me.json()) as { username: string }).username, 'ken.analyst');

    const fromAtoB = await liveLatencies(baseA, b.base, session, 6);
    const fromBtoA = await liveLatencies(b.base, baseA, session, 4);
    const all = [...fromAtoB, ...fromBtoA].sort((x, y) => x - y);
    const median = all[all.length >> 1]!;
    console.log(`live event from one instance to a reader of the other: median ${median.toFixed(0)} ms, max ${all.at(-1)!.toFixed(0)} ms after the writer answered (${all.length} reports)`);
    assert.ok(all.at(-1)! < 1000, `an event took ${all.at(-1)!.toFixed(0)} ms`);
    // Polling alone would deliver half a second after the commit on average.
    assert.ok(median < 250, `median ${median.toFixed(0)} ms: the notification did not carry the event`);
    assert.ok((await b.stats()).received >= fromAtoB.length, 'instance B heard the notifications');

    // The listening connections are cut (as by a database restart): they listen again by themselves.
    await sql`select pg_terminate_backend(pid) from pg_stat_activity where query = ${`listen "konbit_changes:${t.searchPath!.split(',')[0]}"`}`.execute(t.db);
    await until(async () => (await b!.stats()).reconnects >= 1, 5000, 'instance B listens again');
    const afterCut = await liveLatencies(baseA, b.base, session, 2);
    assert.ok(Math.max(...afterCut) < 1000, `after the cut an event took ${Math.max(...afterCut).toFixed(0)} ms`);

    await roadblockAcrossInstances(t, baseA, b.base, session);

    const logout = await fetch(`${b.base}/api/v1/auth/logout`, { method: 'POST', headers: { cookie: session.cookie, 'x-csrf-token': session.csrf } });
    assert.equal(logout.status, 204);
    // Instance A keeps sessions a few seconds; the change channel's notification ends this one there.
    const signedOutOnA = async () => (await fetch(`${baseA}/api/v1/auth/me`, { headers: { cookie: session.cookie } })).status === 401;
    await until(signedOutOnA, 1000, 'instance A ends the session signed out on B');
  } finally {
    await b?.close();
    await a?.close();
    await t.drop();
  }
});

async function until(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function expectJson<T>(response: Response, status: number): Promise<T> {
  const text = await response.text();
  assert.equal(response.status, status, text);
  return JSON.parse(text) as T;
}

/** Posts `count` incidents to one instance; how long after the answer each reached a stream reader of the other (ms). */
async function liveLatencies(writer: string, reader: string, session: Session, count: number): Promise<number[]> {
  const stream = new SseClient(`${reader}/api/v1/stream`, { cookie: session.cookie });
  await stream.opened;
  const latencies: number[] = [];
  try {
    for (let i = 0; i < count; i++) {
      // Spread the posts over the reader's polling second, so that a pass cannot be polling's luck.
      await new Promise((resolve) => setTimeout(resolve, 50 + ((i * 137) % 300)));
      const title = `Across instances ${writer} ${i}`;
      const response = await fetch(`${writer}/api/v1/incidents`, { method: 'POST', headers: sessionHeaders(session), body: JSON.stringify(buildIncidentInput({ title, classification: 'MISSION' })) });
      const answered = performance.now();
      const { id } = await expectJson<{ id: string }>(response, 201);
      const event = await stream.waitFor((e) => e.type === 'incident.created' && e.data.includes(`"id":"${id}"`), 5000);
      // The report is committed before A answers; the event may even reach B's reader first.
      latencies.push(Math.max(0, event.at - answered));
    }
  } finally {
    stream.close();
  }
  return latencies;
}

/** A roadblock applied on A changes B's routes, and clearing it on A opens them again on B. */
async function roadblockAcrossInstances(t: TestDb, baseA: string, baseB: string, session: Session): Promise<void> {
  await importNetwork({ db: t.db, actor: null, filePath: ladderFile(1), name: 'ladder' });
  const { a: from, b: to, middle } = ladderCell(0);
  const routeOnB = async () => {
    const response = await fetch(`${baseB}/api/v1/routes`, { method: 'POST', headers: sessionHeaders(session), body: JSON.stringify({ network: 'ladder', from, to, alternatives: 0 }) });
    return (await expectJson<RouteResponse>(response, 200)).routes[0]!;
  };
  const open = await routeOnB();
  assert.deepEqual(open.blocksAvoided, []);

  const created = await fetch(`${baseA}/api/v1/roads/roadblocks`, { method: 'POST', headers: sessionHeaders(session), body: JSON.stringify({ ...middle, description: 'applied on A', classification: 'MISSION' }) });
  const block = await expectJson<{ id: string }>(created, 201);
  const blocked = await routeOnB();
  assert.deepEqual(blocked.blocksAvoided.map((item) => item.id), [block.id], 'B goes round the block applied on A');
  assert.ok(blocked.distanceMeters > open.distanceMeters);

  const cleared = await fetch(`${baseA}/api/v1/roads/roadblocks/${block.id}/clear`, { method: 'POST', headers: sessionHeaders(session), body: '{}' });
  await expectJson(cleared, 200);
  assert.equal((await routeOnB()).distanceMeters, open.distanceMeters, 'B takes the direct road again once A cleared the block');
}
