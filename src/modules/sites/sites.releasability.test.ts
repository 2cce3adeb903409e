import assert from 'node:assert/strict';
import { describe } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { dbTest } from '../../db/testing.ts';
import { PUBLIC_VIEWER } from '../auth/index.ts';
import { runReleasabilityMatrix, type MatrixSubject, type ReadPath } from '../auth/releasability.testing.ts';
import { buildOrganisation } from '../auth/testing.ts';
import { buildTestApp } from '../../server/testing.ts';
import {
  countAssignments, countSites, countTasks, createAssignment, createSite, createTask, getAssignment, getSite, getTask, listAssignments, listSites,
  listSiteThreats, listTasks, sitesGeoJson, tasksGeoJson,
} from './index.ts';
import { patrolInput, siteInput } from './sites.testing.ts';

/*
 * Sites, tasks and assignments through every read path, for every reader:
 * each returns exactly what that reader may see.
 */

/** Single reads of every id: a refusal must look exactly like an absence. */
function singleReads(ids: ReadonlyMap<string, string>, name: string, read: (subject: MatrixSubject, id: string) => Promise<string | null>): ReadPath {
  return {
    name, kind: 'ids',
    read: async (subject) => {
      const seen: string[] = [];
      for (const id of ids.values()) {
        const got = await read(subject, id);
        if (got !== null) seen.push(got);
      }
      return seen;
    },
  };
}

const serviceRead = (read: () => Promise<{ id: string }>) => read().then((r) => r.id, (error: { code?: string }) => {
  assert.equal(error.code, 'NOT_FOUND');
  return null;
});

function httpRead(app: FastifyInstance, url: (id: string) => string) {
  return async (subject: MatrixSubject, id: string): Promise<string | null> => {
    const response = await app.inject({ method: 'GET', url: url(id), headers: subject.user?.headers ?? {} });
    assert.ok(response.statusCode === 200 || response.statusCode === 404, `status ${response.statusCode}`);
    return response.statusCode === 200 ? (response.json<{ id?: string; siteId?: string }>().id ?? response.json<{ siteId: string }>().siteId) : null;
  };
}

function httpList(app: FastifyInstance, url: string, pick: (body: any) => string[] = (body: { id: string }[]) => body.map((r) => r.id)) {
  return async ({ user }: MatrixSubject): Promise<string[]> => {
    const response = await app.inject({ method: 'GET', url, headers: user?.headers ?? {} });
    assert.equal(response.statusCode, 200, response.body);
    return pick(response.json());
  };
}

describe('sites releasability', () => {
  dbTest('sites: every read path returns exactly what each organisation may see', async ({ db }) => {
    const app = await buildTestApp(db);
    const cases = await runReleasabilityMatrix({
      db,
      create: async (record, owner) => (await createSite({ db, actor: owner, input: siteInput({ name: record.key, classification: record.classification, releasableTo: record.releasableTo }), areas: null })).id,
      paths: (ids) => [
        { name: 'service list', kind: 'ids', read: async ({ viewer }) => (await listSites({ db, viewer, query: { limit: 5000 } })).map((s) => s.id) },
        { name: 'service count', kind: 'count', read: ({ viewer }) => countSites({ db, viewer }) },
        singleReads(ids, 'service single read', ({ viewer }, id) => serviceRead(() => getSite({ db, viewer, id }))),
        { name: 'service map layer', kind: 'ids', read: async ({ viewer }) => (await sitesGeoJson({ db, viewer })).features.map((f) => f.id) },
        { name: 'service threats', kind: 'ids', read: async ({ viewer }) => (await listSiteThreats({ db, viewer })).map((t) => t.siteId) },
        { name: 'GET /api/v1/sites', kind: 'ids', read: httpList(app, '/api/v1/sites?limit=5000') },
        { name: 'GET /api/v1/sites.geojson', kind: 'ids', read: httpList(app, '/api/v1/sites.geojson', (body: { features: { id: string }[] }) => body.features.map((f) => f.id)) },
        { name: 'GET /api/v1/sites/threats', kind: 'ids', read: httpList(app, '/api/v1/sites/threats', (body: { siteId: string }[]) => body.map((t) => t.siteId)) },
        singleReads(ids, 'GET /api/v1/sites/:id', httpRead(app, (id) => `/api/v1/sites/${id}`)),
        singleReads(ids, 'GET /api/v1/sites/:id/threat', httpRead(app, (id) => `/api/v1/sites/${id}/threat`)),
      ],
    });
    assert.ok(cases > 3000, `only ${cases} cases checked`);
    await app.close();
  });

  dbTest('tasks: every read path returns exactly what each organisation may see', async ({ db }) => {
    const app = await buildTestApp(db);
    const cases = await runReleasabilityMatrix({
      db,
      create: async (record, owner) =>
        (await createTask({ db, actor: owner, input: patrolInput({ title: record.key, unit: { organisation: owner.organisationCode, name: record.key }, classification: record.classification, releasableTo: record.releasableTo }) })).id,
      paths: (ids) => [
        { name: 'service list', kind: 'ids', read: async ({ viewer }) => (await listTasks({ db, viewer, query: { limit: 5000 } })).map((t) => t.id) },
        { name: 'service count', kind: 'count', read: ({ viewer }) => countTasks({ db, viewer }) },
        singleReads(ids, 'service single read', ({ viewer }, id) => serviceRead(() => getTask({ db, viewer, id }))),
        { name: 'service map layer', kind: 'ids', read: async ({ viewer }) => (await tasksGeoJson({ db, viewer })).features.map((f) => f.id) },
        { name: 'GET /api/v1/sites/tasks', kind: 'ids', read: httpList(app, '/api/v1/sites/tasks?limit=5000') },
        { name: 'GET /api/v1/sites/tasks.geojson', kind: 'ids', read: httpList(app, '/api/v1/sites/tasks.geojson', (body: { features: { id: string }[] }) => body.features.map((f) => f.id)) },
        singleReads(ids, 'GET /api/v1/sites/tasks/:id', httpRead(app, (id) => `/api/v1/sites/tasks/${id}`)),
      ],
    });
    assert.ok(cases > 2000, `only ${cases} cases checked`);
    await app.close();
  });

  dbTest('assignments on a public site: every read path returns exactly what each organisation may see', async ({ db }) => {
    const app = await buildTestApp(db);
    let siteId: string | null = null;
    const cases = await runReleasabilityMatrix({
      db,
      create: async (record, owner) => {
        siteId ??= (await createSite({ db, actor: owner, input: siteInput({ name: 'Shared public site', classification: 'PUBLIC' }), areas: null })).id;
        const input = { siteId, unit: { organisation: owner.organisationCode, name: record.key }, strength: 5, startsAt: '2024-01-01T00:00:00Z', classification: record.classification, releasableTo: record.releasableTo };
        return (await createAssignment({ db, actor: owner, input })).id;
      },
      paths: (ids) => [
        { name: 'service list', kind: 'ids', read: async ({ viewer }) => (await listAssignments({ db, viewer })).map((a) => a.id) },
        { name: 'service count', kind: 'count', read: ({ viewer }) => countAssignments({ db, viewer }) },
        singleReads(ids, 'service single read', ({ viewer }, id) => serviceRead(() => getAssignment({ db, viewer, id }))),
        { name: 'GET /api/v1/sites/assignments', kind: 'ids', read: httpList(app, '/api/v1/sites/assignments') },
        singleReads(ids, 'GET /api/v1/sites/assignments/:id', httpRead(app, (id) => `/api/v1/sites/assignments/${id}`)),
      ],
    });
    assert.ok(cases > 1000, `only ${cases} cases checked`);
    await app.close();
  });

  dbTest('an assignment or a task never reveals a site the reader may not see; contacts stay inside the mission', async ({ db }) => {
    const owner = { organisationId: (await buildOrganisation(db, 'AAA')).id, isMissionMember: true };
    const member = { organisationId: (await buildOrganisation(db, 'BBB')).id, isMissionMember: true };
    const site = await createSite({ db, actor: null, ownerCode: 'AAA', input: siteInput({ name: 'Restricted depot', classification: 'RESTRICTED', contacts: [{ name: 'Depot manager', phone: '+509 0000 0000' }], requiredStrength: 12 }), areas: null });
    await createAssignment({ db, actor: null, ownerCode: 'AAA', input: { siteId: site.id, unit: { organisation: 'AAA', name: 'AAA unit' }, strength: 3, startsAt: '2024-01-01T00:00:00Z', classification: 'PUBLIC' } });
    await createTask({ db, actor: null, ownerCode: 'AAA', input: patrolInput({ kind: 'guard_site', geometry: null, siteId: site.id, unit: { organisation: 'AAA', name: 'AAA unit' }, classification: 'PUBLIC' }) });
    assert.deepEqual(await listAssignments({ db, viewer: PUBLIC_VIEWER }), [], 'a public assignment on a restricted site stays hidden');
    assert.deepEqual(await listTasks({ db, viewer: PUBLIC_VIEWER }), []);
    assert.equal((await listTasks({ db, viewer: owner })).length, 1);

    const open = await createSite({ db, actor: null, ownerCode: 'AAA', input: siteInput({ name: 'Public clinic', classification: 'PUBLIC', contacts: [{ name: 'Clinic director', phone: '+509 1111 1111' }], requiredStrength: 4 }), areas: null });
    const asPublic = await getSite({ db, viewer: PUBLIC_VIEWER, id: open.id });
    assert.deepEqual([asPublic.contacts, asPublic.requiredStrength], [[], null]);
    const asMember = await getSite({ db, viewer: member, id: open.id });
    assert.equal(asMember.contacts[0]?.name, 'Clinic director');
    assert.equal(asMember.requiredStrength, 4);
  });
});
