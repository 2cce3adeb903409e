import assert from 'node:assert/strict';
import { describe } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Incident } from '../../../shared/incidents.ts';
import { dbTest } from '../../../db/testing.ts';
import { buildTestApp } from '../../../server/testing.ts';
import { PUBLIC_VIEWER } from '../../auth/index.ts';
import { decideVerification, mergeIncidents, reportIncident } from '../index.ts';
import { buildIncidentInput, buildMission } from '../incidents.testing.ts';
import { StreamHub, type StreamSink } from './hub.ts';

interface Received {
  id: string | null;
  event: string;
  data: Incident;
}

/** Reads a server-sent event stream with fetch, as a browser's EventSource would. */
async function openStream(app: FastifyInstance, headers: Record<string, string> = {}, query = '') {
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const controller = new AbortController();
  const response = await fetch(`http://127.0.0.1:${port}/api/v1/stream${query}`, { headers, signal: controller.signal });
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type') ?? '', /^text\/event-stream/);
  const events: Received[] = [];
  const comments: string[] = [];
  const reading = (async () => {
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const fields = new Map<string, string>();
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) comments.push(line.slice(1).trim());
            else if (line.includes(':')) fields.set(line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trimStart());
          }
          if (fields.has('data')) events.push({ id: fields.get('id') ?? null, event: fields.get('event') ?? 'message', data: JSON.parse(fields.get('data')!) });
        }
      }
    } catch {
      // aborted by close()
    }
  })();
  return {
    events,
    comments,
    /** Waits until an event about this incident has arrived. */
    async waitFor(incidentId: string, event?: string): Promise<Received> {
      const deadline = Date.now() + 5000;
      for (;;) {
        const found = events.find((e) => e.data.id === incidentId && (!event || e.event === event));
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no ${event ?? 'event'} for ${incidentId}; got ${events.map((e) => `${e.event}:${e.data.title}`).join(', ')}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    async close(): Promise<void> {
      controller.abort();
      await reading;
    },
  };
}

async function listeningApp(db: Parameters<typeof buildTestApp>[0]): Promise<FastifyInstance> {
  const app = await buildTestApp(db);
  await app.listen({ port: 0, host: '127.0.0.1' });
  return app;
}

describe('the live stream', () => {
  dbTest('each reader gets exactly the changes it may see, as it may see them', async ({ db }) => {
    const app = await listeningApp(db);
    const { reporter, jamAnalyst, donor, hnp } = await buildMission(db);
    const streams = {
      ken: await openStream(app, { cookie: reporter.headers.cookie }),
      jam: await openStream(app, { cookie: jamAnalyst.headers.cookie }),
      usa: await openStream(app, { cookie: donor.headers.cookie }),
      public: await openStream(app),
    };
    const report = async (title: string, label: Pick<Incident, 'classification'> & { releasableTo?: string[] }, actor = reporter.actor) =>
      (await reportIncident({ db, actor, areas: null, input: buildIncidentInput({ title, ...label }) })).incident;
    const open = await report('open', { classification: 'PUBLIC' });
    const mission = await report('mission', { classification: 'MISSION' });
    const kenOnly = await report('ken only', { classification: 'RESTRICTED' });
    const toJam = await report('released to JAM', { classification: 'RESTRICTED', releasableTo: ['JAM'] }, hnp.actor);
    await decideVerification({ db, actor: jamAnalyst.actor, id: open.id, decision: { status: 'verified' } });
    const sentinel = await report('sentinel', { classification: 'PUBLIC' });
    for (const stream of Object.values(streams)) await stream.waitFor(sentinel.id);
    const titles = (stream: (typeof streams)['ken']) => stream.events.map((e) => `${e.event}:${e.data.title}`);
    assert.deepEqual(titles(streams.ken), ['incident.created:open', 'incident.created:mission', 'incident.created:ken only', 'incident.verified:open', 'incident.created:sentinel']);
    assert.deepEqual(titles(streams.jam), ['incident.created:open', 'incident.created:mission', 'incident.created:released to JAM', 'incident.verified:open', 'incident.created:sentinel']);
    assert.deepEqual(titles(streams.usa), ['incident.created:open', 'incident.verified:open', 'incident.created:sentinel']);
    assert.deepEqual(titles(streams.public), titles(streams.usa));
    // Usernames only inside the owning organisation.
    assert.equal((await streams.ken.waitFor(open.id)).data.reportedBy.username, 'ken.reporter');
    assert.equal((await streams.jam.waitFor(open.id)).data.reportedBy.username, null);
    assert.deepEqual((await streams.ken.waitFor(open.id, 'incident.verified')).data.verification.by, { organisation: 'JAM', username: 'jam.analyst' });
    assert.deepEqual((await streams.jam.waitFor(open.id, 'incident.verified')).data.verification.by, { organisation: 'JAM', username: null });
    // Ids increase, so a reader can resume from the last one it saw.
    const ids = streams.ken.events.map((e) => Number(e.id));
    assert.deepEqual(ids, [...ids].sort((a, b) => a - b));
    assert.ok(!streams.usa.events.some((e) => [mission.id, kenOnly.id, toJam.id].includes(e.data.id)));
    for (const stream of Object.values(streams)) await stream.close();
    await app.close();
  });

  dbTest('a reader reconnecting with Last-Event-ID gets what it missed, and only what it may see', async ({ db }) => {
    const app = await listeningApp(db);
    const { reporter, hnp } = await buildMission(db);
    const report = async (title: string, overrides: Partial<Parameters<typeof buildIncidentInput>[0]> = {}, actor = reporter.actor) =>
      (await reportIncident({ db, actor, areas: null, input: buildIncidentInput({ title, ...overrides }) })).incident;
    const first = await openStream(app, { cookie: reporter.headers.cookie });
    const seen = await report('seen live');
    const lastId = (await first.waitFor(seen.id)).id!;
    await first.close();
    const missed = await report('missed while away');
    await report('never for KEN', { classification: 'RESTRICTED', releasableTo: ['JAM'] }, hnp.actor);
    const alsoMissed = await report('also missed', { classification: 'MISSION' });
    const resumed = await openStream(app, { cookie: reporter.headers.cookie, 'last-event-id': lastId });
    await resumed.waitFor(alsoMissed.id);
    // A reader without Last-Event-ID starts from now, whatever happened while nobody listened.
    const fresh = await openStream(app, { cookie: reporter.headers.cookie });
    const live = await report('live again');
    await resumed.waitFor(live.id);
    assert.deepEqual(resumed.events.map((e) => e.data.title), ['missed while away', 'also missed', 'live again']);
    await fresh.waitFor(live.id);
    assert.deepEqual(fresh.events.map((e) => e.data.title), ['live again']);
    await fresh.close();
    assert.equal(resumed.events[0]!.data.id, missed.id);
    // The query parameter works where a header cannot be set.
    const byQuery = await openStream(app, { cookie: reporter.headers.cookie }, `?lastEventId=${lastId}`);
    await byQuery.waitFor(live.id);
    assert.deepEqual(byQuery.events.map((e) => e.data.title), ['missed while away', 'also missed', 'live again']);
    await resumed.close();
    await byQuery.close();
    await app.close();
  });

  dbTest('a merge tells only readers of the survivor where the duplicate went', async ({ db }) => {
    const app = await listeningApp(db);
    const { reporter, analyst } = await buildMission(db);
    const publicStream = await openStream(app);
    const kenStream = await openStream(app, { cookie: reporter.headers.cookie });
    const duplicate = (await reportIncident({ db, actor: reporter.actor, areas: null, input: buildIncidentInput({ classification: 'PUBLIC' }) })).incident;
    const survivor = (await reportIncident({ db, actor: reporter.actor, areas: null, input: buildIncidentInput({ classification: 'RESTRICTED' }) })).incident;
    await mergeIncidents({ db, actor: analyst.actor, survivorId: survivor.id, request: { duplicateId: duplicate.id } });
    assert.equal((await kenStream.waitFor(duplicate.id, 'incident.merged')).data.mergedInto, survivor.id);
    assert.equal((await kenStream.waitFor(survivor.id, 'incident.updated')).data.version, 2);
    assert.equal((await publicStream.waitFor(duplicate.id, 'incident.merged')).data.mergedInto, null);
    assert.ok(!publicStream.events.some((e) => e.data.id === survivor.id));
    await publicStream.close();
    await kenStream.close();
    await app.close();
  });

  dbTest('the hub sends heartbeats and tells a reader too far behind to reload', async ({ db }) => {
    const { reporter } = await buildMission(db);
    const hub = new StreamHub({ db, heartbeatMs: 20, pollMs: 20 });
    await hub.start();
    const written: string[] = [];
    const sink: StreamSink = { write: (chunk) => written.push(chunk) > 0, end: () => {}, writableLength: 0 };
    for (let i = 0; i < 3; i += 1) await reportIncident({ db, actor: reporter.actor, areas: null, input: buildIncidentInput() });
    await db.deleteFrom('incident_events').where('seq', '<=', 2).execute();
    const connection = await hub.connect(PUBLIC_VIEWER, sink, 0);
    const messages = written.filter((chunk) => !chunk.startsWith(':'));
    assert.match(messages[0]!, /^event: stream\.reset\n/);
    assert.match(messages[1]!, /^id: 3\nevent: incident\.created\n/);
    await new Promise((resolve) => setTimeout(resolve, 60));
    assert.ok(written.includes(': keep-alive\n\n'));
    assert.equal(hub.connections, 1);
    hub.disconnect(connection);
    assert.equal(hub.connections, 0);
    hub.close();
  });
});
