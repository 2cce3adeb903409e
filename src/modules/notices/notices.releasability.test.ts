import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { dbTest } from '../../db/testing.ts';
import { runReleasabilityMatrix } from '../auth/releasability.testing.ts';
import { buildOrganisation, buildUser } from '../auth/testing.ts';
import { buildTestApp } from '../../server/testing.ts';
import { countNotices, createNotice, getNotice, listNotices } from './index.ts';

describe('notices releasability', () => {
  dbTest('every read path returns exactly what each organisation may see', async ({ db }) => {
    const app = await buildTestApp(db);
    const cases = await runReleasabilityMatrix({
      db,
      create: async (record, owner) =>
        (await createNotice({ db, actor: owner, input: { title: record.key, classification: record.classification, releasableTo: record.releasableTo } })).id,
      paths: (ids) => [
        { name: 'service list', kind: 'ids', read: async ({ viewer }) => (await listNotices({ db, viewer, limit: 500 })).map((n) => n.id) },
        { name: 'service count', kind: 'count', read: ({ viewer }) => countNotices({ db, viewer }) },
        {
          name: 'service single read',
          kind: 'ids',
          read: async ({ viewer }) => {
            const seen: string[] = [];
            for (const id of ids.values()) {
              try {
                seen.push((await getNotice({ db, viewer, id })).id);
              } catch (error) {
                assert.equal((error as { code?: string }).code, 'NOT_FOUND');
              }
            }
            return seen;
          },
        },
        {
          name: 'GET /api/v1/notices',
          kind: 'ids',
          read: async ({ user }) => {
            const response = await app.inject({ method: 'GET', url: '/api/v1/notices?limit=500', headers: user?.headers ?? {} });
            assert.equal(response.statusCode, 200);
            return response.json<{ id: string }[]>().map((n) => n.id);
          },
        },
        {
          name: 'GET /api/v1/notices/:id',
          kind: 'ids',
          read: async ({ user }) => {
            const seen: string[] = [];
            for (const id of ids.values()) {
              const response = await app.inject({ method: 'GET', url: `/api/v1/notices/${id}`, headers: user?.headers ?? {} });
              // A refusal and an absence look the same.
              assert.ok(response.statusCode === 200 || response.statusCode === 404, `status ${response.statusCode}`);
              if (response.statusCode === 200) seen.push(response.json<{ id: string }>().id);
            }
            return seen;
          },
        },
      ],
    });
    assert.ok(cases > 1000, `only ${cases} cases checked`);
    await app.close();
  });

  dbTest('a refused single read answers exactly like an absent one', async ({ db }) => {
    const app = await buildTestApp(db);
    await buildOrganisation(db, 'KEN');
    await buildOrganisation(db, 'JAM');
    const ken = await buildUser(db, 'ken', 'KEN', ['commander']);
    const jam = await buildUser(db, 'jam', 'JAM', ['commander']);
    const secret = await createNotice({ db, actor: ken.actor, input: { title: 'Kenyan eyes only', classification: 'RESTRICTED' } });
    const refused = await app.inject({ method: 'GET', url: `/api/v1/notices/${secret.id}`, headers: jam.headers });
    const absent = await app.inject({ method: 'GET', url: '/api/v1/notices/00000000-0000-0000-0000-000000000000', headers: jam.headers });
    assert.equal(refused.statusCode, 404);
    assert.deepEqual(refused.json(), absent.json());
    const owner = await app.inject({ method: 'GET', url: `/api/v1/notices/${secret.id}`, headers: ken.headers });
    assert.equal(owner.json().title, 'Kenyan eyes only');
    await app.close();
  });

  dbTest('releasing to an unknown organisation is refused and nothing is written', async ({ db }) => {
    const app = await buildTestApp(db);
    await buildOrganisation(db, 'KEN');
    const user = await buildUser(db, 'ken', 'KEN', ['commander']);
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/notices',
      headers: user.headers,
      payload: { title: 'Convoy at dawn', classification: 'RESTRICTED', releasableTo: ['XYZ'] },
    });
    assert.equal(response.statusCode, 400);
    assert.match(response.json().error.message, /unknown organisation XYZ in releasableTo/);
    assert.equal(await countNotices({ db, viewer: user.actor }), 0);
    await app.close();
  });
});
