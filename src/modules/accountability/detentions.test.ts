import assert from 'node:assert/strict';
import { describe } from 'node:test';
import type { DetentionInput } from '../../shared/accountability.ts';
import { dbTest } from '../../db/testing.ts';
import { runReleasabilityMatrix } from '../auth/releasability.testing.ts';
import { buildOrganisation, buildUser } from '../auth/testing.ts';
import { buildTestApp } from '../../server/testing.ts';
import { PUBLIC_VIEWER } from '../auth/index.ts';
import { buildAccountabilityApp, buildAccountabilityWorld } from './accountability.testing.ts';
import { countDetentions, getDetention, listDetentions, recordDetention, recordHandover, recordRelease } from './detentions.service.ts';
import { updateSettings } from './settings.service.ts';

const HOUR = 3_600_000;
const t0 = new Date('2025-06-01T10:00:00Z');
const at = (hours: number) => new Date(t0.getTime() + hours * HOUR);

function detention(overrides: Partial<DetentionInput> = {}): DetentionInput {
  return {
    unit: 'KEN FPU 1, 2nd platoon',
    detainedAt: t0.toISOString(),
    place: 'Carrefour Aéroport',
    point: { lat: 18.58, lon: -72.29 },
    grounds: 'caught_in_act',
    legalBasis: 'Armed robbery in progress; held for handover to the HNP',
    condition: 'minor cut on the left hand, treated by the unit medic',
    person: { name: 'Jean-Robert Pierre', sex: 'male', age: '24', description: 'red shirt', identityDocument: 'CIN 001-234-567-8' },
    identityReleasableTo: ['HNP'],
    ...overrides,
  };
}

describe('detention register', () => {
  dbTest('persons held past the handover deadline are flagged; late handovers stay flagged', async ({ db }) => {
    const world = await buildAccountabilityWorld(db);
    const actor = world.kenCommander.actor;
    const held = await recordDetention({ db, actor, input: detention(), now: at(1) });
    assert.equal(held.handoverDueAt, at(24).toISOString());
    assert.equal(held.status, 'held');
    assert.equal((await getDetention({ db, viewer: actor, id: held.id, now: at(23) })).overdue, false);
    assert.equal((await getDetention({ db, viewer: actor, id: held.id, now: at(25) })).overdue, true);
    const overdueForCommander = await listDetentions({ db, viewer: world.kenCommander.actor, query: { overdue: true }, now: at(25) });
    assert.deepEqual(overdueForCommander.map((d) => d.id), [held.id]);
    const overdueForOversight = await listDetentions({ db, viewer: world.investigator.actor, query: { overdue: 'true' }, now: at(25) });
    assert.deepEqual(overdueForOversight.map((d) => d.id), [held.id]);

    const handed = await recordHandover({ db, actor: world.kenReporter.actor, id: held.id, input: { handedOverAt: at(30).toISOString(), handedOverTo: 'HNP Commissariat de Delmas 33, Insp. Joseph' }, now: at(31) });
    assert.equal(handed.status, 'handed_over');
    assert.equal(handed.overdue, false);
    assert.equal(handed.late, true);
    assert.deepEqual(await listDetentions({ db, viewer: actor, query: { overdue: true }, now: at(40) }), []);
    await assert.rejects(() => recordHandover({ db, actor, id: held.id, input: { handedOverAt: at(32).toISOString(), handedOverTo: 'again' } }), { code: 'CONFLICT' });

    const inTime = await recordDetention({ db, actor, input: detention({ detainedAt: at(2).toISOString() }), now: at(2) });
    const done = await recordHandover({ db, actor, id: inTime.id, input: { handedOverAt: at(10).toISOString(), handedOverTo: 'HNP Tabarre' }, now: at(10) });
    assert.equal(done.late, false);
    const another = await recordDetention({ db, actor, input: detention(), now: at(1) });
    await assert.rejects(() => recordHandover({ db, actor, id: another.id, input: { handedOverAt: at(-5).toISOString(), handedOverTo: 'x' } }), /before the detention/);

    const released = await recordDetention({ db, actor, input: detention(), now: at(1) });
    const freed = await recordRelease({ db, actor, id: released.id, input: { releasedAt: at(48).toISOString(), reason: 'mistaken identity' }, now: at(48) });
    assert.equal(freed.status, 'released');
    assert.equal(freed.late, true);
  });

  dbTest('who was detained is seen by the detaining contingent, the HNP it names and the oversight body only', async ({ db }) => {
    const world = await buildAccountabilityWorld(db);
    const record = await recordDetention({ db, actor: world.kenCommander.actor, input: detention(), now: at(1) });
    const personSeenBy = async (viewer: Parameters<typeof getDetention>[0]['viewer']) => (await getDetention({ db, viewer, id: record.id, now: at(2) })).person?.name ?? null;
    assert.equal(await personSeenBy(world.kenCommander.actor), 'Jean-Robert Pierre');
    assert.equal(await personSeenBy(world.hnpOfficer.actor), 'Jean-Robert Pierre');
    assert.equal(await personSeenBy(world.investigator.actor), 'Jean-Robert Pierre');
    assert.equal(await personSeenBy(world.jamCommander.actor), null, 'another contingent sees the detention but not who');
    assert.equal(await personSeenBy(world.hqAdmin.actor), null);
    assert.equal(await personSeenBy(world.kenOversightRole.actor), 'Jean-Robert Pierre', 'the detaining contingent itself');
    await assert.rejects(() => getDetention({ db, viewer: PUBLIC_VIEWER, id: record.id }), { code: 'NOT_FOUND' });

    // Only the detaining contingent closes its own detentions.
    await assert.rejects(() => recordHandover({ db, actor: world.jamCommander.actor, id: record.id, input: { handedOverAt: at(3).toISOString(), handedOverTo: 'x' } }), { code: 'FORBIDDEN' });
    await assert.rejects(() => recordHandover({ db, actor: world.investigator.actor, id: record.id, input: { handedOverAt: at(3).toISOString(), handedOverTo: 'x' } }), { code: 'FORBIDDEN' });
    // The audit log has a digest of the person, never the name or document.
    const audit = JSON.stringify(await db.selectFrom('audit_log').selectAll().execute());
    assert.ok(!audit.includes('Jean-Robert') && !audit.includes('001-234'));
  });

  dbTest('over HTTP: contingents record, others may not, and bad input is refused clearly', async ({ db }) => {
    const { app, close } = await buildAccountabilityApp(db);
    const world = await buildAccountabilityWorld(db);
    const input = detention({ detainedAt: new Date(Date.now() - 2 * HOUR).toISOString() });
    const created = await app.inject({ method: 'POST', url: '/api/v1/detentions', headers: world.kenCommander.headers, payload: input });
    assert.equal(created.statusCode, 201, created.body);
    assert.equal(created.json().owner, 'KEN');
    assert.equal((await app.inject({ method: 'POST', url: '/api/v1/detentions', headers: world.hnpOfficer.headers, payload: input })).statusCode, 403);
    assert.equal((await app.inject({ method: 'POST', url: '/api/v1/detentions', headers: world.investigator.headers, payload: input })).statusCode, 403);
    assert.equal((await app.inject({ method: 'POST', url: '/api/v1/detentions', payload: input })).statusCode, 401);
    const future = await app.inject({ method: 'POST', url: '/api/v1/detentions', headers: world.kenCommander.headers, payload: { ...input, detainedAt: new Date(Date.now() + 5 * HOUR).toISOString() } });
    assert.equal(future.statusCode, 400);
    const noBasis = await app.inject({ method: 'POST', url: '/api/v1/detentions', headers: world.kenCommander.headers, payload: { ...input, legalBasis: '' } });
    assert.equal(noBasis.statusCode, 400);
    assert.match(noBasis.json().error.message, /legal basis/);
    const list = await app.inject({ method: 'GET', url: '/api/v1/detentions', headers: world.jamCommander.headers });
    assert.deepEqual(list.json().map((d: { person: unknown }) => d.person), [null]);
    const handover = await app.inject({ method: 'POST', url: `/api/v1/detentions/${created.json().id}/handover`, headers: world.kenCommander.headers, payload: { handedOverAt: new Date().toISOString(), handedOverTo: 'HNP Delmas 33' } });
    assert.equal(handover.statusCode, 200, handover.body);
    assert.equal(handover.json().late, false);
    await close();
  });

  dbTest('the handover deadline is the oversight body’s to set', async ({ db }) => {
    const world = await buildAccountabilityWorld(db);
    await updateSettings({ db, actor: world.investigator.actor, input: { handoverDeadlineHours: 48 } });
    const record = await recordDetention({ db, actor: world.kenCommander.actor, input: detention(), now: at(1) });
    assert.equal(record.handoverDueAt, at(48).toISOString());
    await assert.rejects(() => updateSettings({ db, actor: world.kenAdmin.actor, input: { handoverDeadlineHours: 240 } }), { code: 'FORBIDDEN' });
  });

  dbTest('every read path of the register returns exactly what releasability allows', async ({ db }) => {
    const app = await buildTestApp(db);
    const cases = await runReleasabilityMatrix({
      db,
      roles: ['analyst', 'commander', 'reporter', 'viewer', 'donor'],
      create: async (record, owner) =>
        (await recordDetention({ db, actor: null, ownerOrgId: owner.organisationId, input: detention({ unit: record.key, classification: record.classification, releasableTo: record.releasableTo, identityReleasableTo: [] }), now: at(1) })).id,
      paths: (ids) => [
        { name: 'service list', kind: 'ids', read: async ({ viewer }) => (await listDetentions({ db, viewer, query: { limit: 500 } })).map((d) => d.id) },
        { name: 'service count', kind: 'count', read: ({ viewer }) => countDetentions({ db, viewer }) },
        {
          name: 'service single read',
          kind: 'ids',
          read: async ({ viewer }) => {
            const seen: string[] = [];
            for (const id of ids.values()) {
              const found = await getDetention({ db, viewer, id }).catch((error: { code?: string }) => {
                assert.equal(error.code, 'NOT_FOUND');
                return null;
              });
              if (found) seen.push(found.id);
            }
            return seen;
          },
        },
        {
          name: 'GET /api/v1/detentions',
          kind: 'ids',
          read: async ({ user }) => {
            const response = await app.inject({ method: 'GET', url: '/api/v1/detentions?limit=500', headers: user?.headers ?? {} });
            assert.equal(response.statusCode, 200);
            const list = response.json<{ id: string; person: { name: string } | null; owner: string }[]>();
            // The identity is RESTRICTED to the detaining organisation (no one else was named here).
            for (const d of list) if (d.person && user) assert.equal(d.owner, user.actor.organisationCode);
            return list.map((d) => d.id);
          },
        },
        {
          name: 'GET /api/v1/detentions/:id',
          kind: 'ids',
          read: async ({ user }) => {
            const seen: string[] = [];
            for (const id of ids.values()) {
              const response = await app.inject({ method: 'GET', url: `/api/v1/detentions/${id}`, headers: user?.headers ?? {} });
              assert.ok(response.statusCode === 200 || response.statusCode === 404, `status ${response.statusCode}`);
              if (response.statusCode === 200) seen.push(response.json<{ id: string }>().id);
            }
            return seen;
          },
        },
      ],
    });
    assert.ok(cases > 1000, `only ${cases} cases checked`);

    // The oversight body reads the whole register, identities included.
    await buildOrganisation(db, 'WATCH', 'oversight');
    const watcher = await buildUser(db, 'watcher', 'WATCH', ['oversight']);
    const all = await listDetentions({ db, viewer: watcher.actor, query: { limit: 500 } });
    assert.equal(all.length, await db.selectFrom('detentions').select('id').execute().then((r) => r.length));
    assert.ok(all.every((d) => d.person !== null));
    await app.close();
  });
});
