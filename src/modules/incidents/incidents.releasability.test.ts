import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { dbTest } from '../../db/testing.ts';
import { runReleasabilityMatrix, type MatrixSubject } from '../auth/releasability.testing.ts';
import { buildTestApp } from '../../server/testing.ts';
import type { Db } from '../../db/index.ts';
import type { Actor } from '../auth/index.ts';
import {
  aggregateIncidents,
  exportIncidents,
  getIncident,
  incidentHistory,
  incidentsGeoJson,
  listActors,
  listIncidents,
  reportIncident,
  StreamHub,
} from './index.ts';
import { buildIncidentInput } from './incidents.testing.ts';

const RANGE = { from: '2024-01-01T00:00:00Z', to: '2025-01-01T00:00:00Z' };

/** Reads every id one by one: the ones answered, the others refused exactly as absent. */
async function singleReads(ids: ReadonlyMap<string, string>, read: (id: string) => Promise<string | null>): Promise<string[]> {
  const seen: string[] = [];
  for (const id of ids.values()) {
    const got = await read(id);
    if (got) seen.push(got);
  }
  return seen;
}

/** What a reader gets from the stream when it replays the whole log. */
async function streamedIds(db: Db, subject: MatrixSubject): Promise<string[]> {
  const hub = new StreamHub({ db });
  await hub.start();
  const chunks: string[] = [];
  await hub.connect(subject.viewer, { write: (chunk) => chunks.push(chunk) > 0, end: () => {}, writableLength: 0 }, 0);
  hub.close();
  return chunks.filter((c) => c.includes('event: incident.created')).map((c) => (JSON.parse(c.slice(c.indexOf('data: ') + 6)) as { id: string }).id);
}

describe('incidents releasability', () => {
  dbTest('every read path returns exactly what each organisation may see', async ({ db }) => {
    const app = await buildTestApp(db);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const port = (app.server.address() as { port: number }).port;
    const actorNames = new Map<string, string>();
    let sentinel: Promise<string> | null = null;
    let owner: Actor | null = null;
    const cases = await runReleasabilityMatrix({
      db,
      create: async (record, actor) => {
        owner ??= actor;
        const { incident } = await reportIncident({
          db,
          actor,
          areas: null,
          input: buildIncidentInput({
            title: record.key,
            classification: record.classification,
            releasableTo: record.releasableTo,
            counts: { killed: 0, injured: 0, abducted: 0, displaced: record.weight },
            actors: [{ name: `Baz ${record.key}`, role: 'perpetrator', kind: 'gang' }],
            occurredAt: '2024-06-01T12:00:00Z',
          }),
        });
        actorNames.set(`Baz ${record.key}`, incident.id);
        return incident.id;
      },
      paths: (ids) => [
        { name: 'service list', kind: 'ids', read: async ({ viewer }) => (await listIncidents({ db, viewer, limit: 500 })).items.map((i) => i.id) },
        { name: 'service single read', kind: 'ids', read: ({ viewer }) => singleReads(ids, async (id) => getIncident({ db, viewer, id }).then((i) => i.id, () => null)) },
        { name: 'service history', kind: 'ids', read: ({ viewer }) => singleReads(ids, async (id) => incidentHistory({ db, viewer, id }).then((h) => h[0]!.after.id, () => null)) },
        { name: 'service map layer', kind: 'ids', read: async ({ viewer }) => (await incidentsGeoJson({ db, viewer })).features.map((f) => f.id) },
        { name: 'service aggregates (count)', kind: 'count', read: async ({ viewer }) => (await aggregateIncidents({ db, viewer, filter: RANGE })).totals.incidents },
        { name: 'service aggregates (sum)', kind: 'sum', read: async ({ viewer }) => (await aggregateIncidents({ db, viewer, filter: RANGE })).totals.displaced },
        {
          name: 'service export',
          kind: 'ids',
          read: async ({ viewer }) => {
            const seen: string[] = [];
            for await (const incident of exportIncidents({ db, viewer, pageSize: 7 })) seen.push(incident.id);
            return seen;
          },
        },
        { name: 'actor registry', kind: 'ids', read: async ({ viewer }) => (await listActors({ db, viewer })).map((a) => actorNames.get(a.name) ?? `unknown actor ${a.name}`) },
        { name: 'stream replay', kind: 'ids', read: (subject) => streamedIds(db, subject) },
        {
          name: 'GET /api/v1/incidents',
          kind: 'ids',
          read: async ({ user }) => {
            const response = await app.inject({ method: 'GET', url: '/api/v1/incidents?limit=500', headers: user?.headers ?? {} });
            assert.equal(response.statusCode, 200);
            return response.json<{ items: { id: string }[] }>().items.map((i) => i.id);
          },
        },
        {
          name: 'GET /api/v1/incidents/:id',
          kind: 'ids',
          read: ({ user }) =>
            singleReads(ids, async (id) => {
              const response = await app.inject({ method: 'GET', url: `/api/v1/incidents/${id}`, headers: user?.headers ?? {} });
              assert.ok(response.statusCode === 200 || response.statusCode === 404, `status ${response.statusCode}`);
              return response.statusCode === 200 ? response.json<{ id: string }>().id : null;
            }),
        },
        {
          name: 'GET /api/v1/incidents.geojson',
          kind: 'ids',
          read: async ({ user }) => (await app.inject({ method: 'GET', url: '/api/v1/incidents.geojson', headers: user?.headers ?? {} })).json<{ features: { id: string }[] }>().features.map((f) => f.id),
        },
        {
          name: 'GET /api/v1/incidents/aggregates',
          kind: 'count',
          read: async ({ user }) =>
            (await app.inject({ method: 'GET', url: `/api/v1/incidents/aggregates?from=${RANGE.from}&to=${RANGE.to}`, headers: user?.headers ?? {} })).json<{ totals: { incidents: number } }>().totals.incidents,
        },
        {
          name: 'GET /api/v1/stream',
          kind: 'ids',
          read: async ({ user }) => {
            // A public report made after the matrix: once it arrives, the replay is complete.
            sentinel ??= reportIncident({ db, actor: owner!, areas: null, input: buildIncidentInput({ title: 'sentinel', classification: 'PUBLIC', occurredAt: '2023-01-01T00:00:00Z' }) }).then((r) => r.incident.id);
            const sentinelId = await sentinel;
            const controller = new AbortController();
            const response = await fetch(`http://127.0.0.1:${port}/api/v1/stream`, { headers: { ...(user ? { cookie: user.headers.cookie } : {}), 'last-event-id': '0' }, signal: controller.signal });
            const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
            let text = '';
            while (!text.includes(`"id":"${sentinelId}"`)) {
              const { value, done } = await reader.read();
              if (done) break;
              text += value;
            }
            controller.abort();
            const seen = [...text.matchAll(/^data: (.*)$/gm)].map((m) => (JSON.parse(m[1]!) as { id: string }).id);
            return seen.filter((id) => id !== sentinelId);
          },
        },
      ],
    });
    assert.ok(cases > 5000, `only ${cases} cases checked`);
    await app.close();
  });
});
