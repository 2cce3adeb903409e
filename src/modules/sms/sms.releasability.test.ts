import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { dbTest } from '../../db/testing.ts';
import type { SmsGatewaysTable } from '../../db/tables/sms.ts';
import { runReleasabilityMatrix } from '../auth/releasability.testing.ts';
import { buildTestApp } from '../../server/testing.ts';
import { addReporter, createSmsGateway, listSmsReports, receiveSmsMessage, smsPlacesIn } from './index.ts';

describe('SMS reports releasability', () => {
  dbTest('the reports list returns exactly what each organisation may see, by the label of the sender’s registration', async ({ db }) => {
    const app = await buildTestApp(db);
    const places = await smsPlacesIn(null);
    let gateway: SmsGatewaysTable | undefined;
    let phone = 37_000_000;
    const cases = await runReleasabilityMatrix({
      db,
      roles: ['admin', 'analyst', 'reporter', 'viewer'],
      create: async (record, owner) => {
        if (!gateway) {
          const created = await createSmsGateway({ db, actor: owner, input: { name: 'matrix-sms' } });
          gateway = await db.selectFrom('sms_gateways').selectAll().where('id', '=', created.gateway.id).executeTakeFirstOrThrow();
        }
        phone += 1;
        await addReporter({ db, actor: owner, input: { phone: `+509${phone}`, username: owner.username, classification: record.classification, releasableTo: record.releasableTo } });
        const reply = await receiveSmsMessage({ db, gateway, message: { from: `+509${phone}`, text: `kidnapin ${record.key}`, received_at: '2026-03-01T14:30:00Z' }, places, perHour: 10 });
        assert.equal(reply.action, 'unlocated');
        return (await db.selectFrom('sms_reports').select('id').where('reference', '=', reply.reference!).executeTakeFirstOrThrow()).id;
      },
      paths: () => [
        { name: 'service list', kind: 'ids', read: async ({ viewer }) => (await listSmsReports({ db, viewer, query: { limit: 500 } })).map((r) => r.id) },
        { name: 'service queue', kind: 'ids', read: async ({ viewer }) => (await listSmsReports({ db, viewer, query: { status: 'unlocated', limit: 500 } })).map((r) => r.id) },
        {
          name: 'GET /api/v1/sms/reports',
          kind: 'ids',
          read: async ({ user }) => {
            const response = await app.inject({ method: 'GET', url: '/api/v1/sms/reports?limit=500', headers: user?.headers ?? {} });
            // The public has no account, so no SMS reports: it is asked to sign in.
            if (!user) {
              assert.equal(response.statusCode, 401);
              return (await listSmsReports({ db, viewer: { organisationId: null, isMissionMember: false }, query: { limit: 500 } })).map((r) => r.id);
            }
            assert.equal(response.statusCode, 200, response.body);
            return response.json<{ id: string }[]>().map((r) => r.id);
          },
        },
      ],
    });
    assert.ok(cases > 1000, `only ${cases} cases checked`);
    await app.close();
  });
});
