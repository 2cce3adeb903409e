import assert from 'node:assert/strict';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { createDb, migrateToLatest } from '../../db/index.ts';
import { buildOrganisation, buildUser } from '../../modules/auth/testing.ts';
import { konbitCli } from '../testing.ts';

const { dataDir, run } = konbitCli('cli-sms');

describe('konbit sms [sqlite]', () => {
  before(async () => {
    const db = createDb({ url: `sqlite:${path.join(dataDir, 'konbit.db')}` });
    await migrateToLatest(db);
    await buildOrganisation(db, 'HNP', 'host_police');
    await buildUser(db, 'hnp.admin', 'HNP', ['admin']);
    await buildUser(db, 'hnp.officer', 'HNP', ['reporter']);
    await db.destroy();
  });

  test('an administrator registers, lists and removes reporters’ numbers and adds a gateway', () => {
    const added = run(['sms', 'reporters', 'add', '3700 1234', 'hnp.officer', '--as', 'hnp.admin', '--reliability', 'c', '--credibility', '3']);
    assert.equal(added.code, 0, added.err);
    assert.match(added.out, /registered \+50937001234 to hnp.officer \(HNP\), reports MISSION, graded C3/);
    const malformed = run(['sms', 'reporters', 'add', '+509 3700 123', 'hnp.officer', '--as', 'hnp.admin']);
    assert.equal(malformed.code, 1);
    assert.match(malformed.err, /phone: .*exactly 8 digits/);
    assert.match(run(['sms', 'reporters', 'add', '+50937009999', 'hnp.officer', '--as', 'hnp.officer']).err, /admin role/);
    const listed = run(['sms', 'reporters', 'list', '--as', 'hnp.admin', '--json']);
    assert.deepEqual(JSON.parse(listed.out).map((r: { phone: string }) => r.phone), ['+50937001234']);
    assert.equal(run(['sms', 'reporters', 'remove', '+50937001234', '--as', 'hnp.admin']).code, 0);
    assert.match(run(['sms', 'reporters', 'list', '--as', 'hnp.admin']).out, /no numbers registered/);

    const gateway = run(['sms', 'gateway', 'add', 'digicel-sms', '--as', 'hnp.admin']);
    assert.match(gateway.out, /url\s+\/api\/v1\/sms\/gateways\/[0-9a-f-]{36}\/incidents/);
    assert.match(gateway.out, /secret\s+\S{40,}/);
    assert.match(run(['sms', 'gateway', 'disable', 'digicel-sms', '--as', 'hnp.admin']).out, /digicel-sms disabled/);
  });

  test('the parser can be tried and measured from the command line', () => {
    const parsed = run(['sms', 'parse', '2 mò fiziyad Granravin']);
    assert.equal(parsed.code, 0, parsed.err);
    assert.deepEqual(JSON.parse(parsed.out).counts, { killed: 2, injured: 0, abducted: 0, displaced: 0 });
    const accuracy = run(['sms', 'accuracy']);
    assert.match(accuracy.out, /\| all \| \d{3} \|/);
  });
});
