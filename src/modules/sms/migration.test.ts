import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { Migrator } from 'kysely';
import { dbTest } from '../../db/testing.ts';
import { migrationProvider } from '../../db/migrations/index.ts';
import { buildSmsWorld, smsMessage } from './sms.testing.ts';

describe('SMS migration', () => {
  dbTest('goes down with reports, releases and messages in it, and up again', async ({ db }) => {
    const world = await buildSmsWorld(db);
    await world.app.inject({ method: 'POST', url: '/api/v1/sms/reporters', headers: world.hnpAdmin.headers, payload: { phone: '+50937001234', username: 'hnp.officer', classification: 'RESTRICTED', releasableTo: ['KEN'] } });
    assert.equal((await world.send(smsMessage({ text: 'kidnapin' }))).json().action, 'unlocated');
    assert.equal((await world.send(smsMessage({ text: 'kidnapin Matisan' }))).json().action, 'incident');
    await world.app.close();
    const migrator = new Migrator({ db, provider: migrationProvider });
    const down = await migrator.migrateTo('0007_sites');
    assert.equal(down.error, undefined);
    assert.ok(down.results?.some((r) => r.migrationName === '0008_sms' && r.direction === 'Down' && r.status === 'Success'));
    assert.equal((await db.selectFrom('record_releases').selectAll().where('entity_type', '=', 'sms_reports').execute()).length, 0);
    assert.equal((await db.selectFrom('incidents').selectAll().execute()).length, 1, 'the incidents stay');
    const up = await migrator.migrateToLatest();
    assert.equal(up.error, undefined);
    assert.equal((await db.selectFrom('sms_reports').selectAll().execute()).length, 0);
  });
});
