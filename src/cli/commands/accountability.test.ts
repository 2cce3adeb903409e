import assert from 'node:assert/strict';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { createDb, migrateToLatest } from '../../db/index.ts';
import { fileComplaint } from '../../modules/accountability/index.ts';
import { buildOrganisation, buildUser } from '../../modules/auth/testing.ts';
import { konbitCli } from '../testing.ts';

const { dataDir, run } = konbitCli('cli-accountability');

describe('konbit complaints and konbit detentions [sqlite]', () => {
  before(async () => {
    const db = createDb({ url: `sqlite:${path.join(dataDir, 'konbit.db')}` });
    await migrateToLatest(db);
    await buildOrganisation(db, 'OVERSIGHT', 'oversight');
    await buildOrganisation(db, 'KEN', 'contingent');
    await buildUser(db, 'investigator', 'OVERSIGHT', ['oversight']);
    await buildUser(db, 'ken.admin', 'KEN', ['admin', 'oversight']);
    await fileComplaint({ db, input: { what: 'Checkpoint officers demanded money', contact: { phone: '+509 1111 2222' } }, channel: 'web' });
    await db.destroy();
  });

  test('the oversight body handles a case; no one else gets in', () => {
    const listed = run(['complaints', 'list', '--as', 'investigator', '--json']);
    assert.equal(listed.code, 0, listed.err);
    const [entry] = JSON.parse(listed.out) as { id: string }[];
    const triaged = run(['complaints', 'triage', entry!.id, '--as', 'investigator', '--category', 'corruption_extortion', '--severity', 'medium', '--org', 'KEN']);
    assert.equal(triaged.code, 0, triaged.err);
    assert.match(triaged.out, /triaged\s+corruption_extortion/);
    assert.equal(run(['complaints', 'assign', entry!.id, 'investigator', '--as', 'investigator']).code, 0);
    const shown = run(['complaints', 'show', entry!.id, '--as', 'investigator']);
    assert.match(shown.out, /\+509 1111 2222/);
    assert.match(shown.out, /demanded money/);

    const refused = run(['complaints', 'list', '--as', 'ken.admin']);
    assert.equal(refused.code, 1);
    assert.match(refused.err, /oversight body only/);
    assert.ok(!refused.out.includes('money'));
    assert.equal(run(['complaints', 'list']).code !== 0, true, '--as is required');

    const stats = run(['complaints', 'stats', '--months', '2']);
    assert.equal(stats.code, 0, stats.err);
    assert.match(stats.out, /<5/);

    const gateway = run(['complaints', 'gateway', 'add', 'sms-1', '--channel', 'sms', '--as', 'investigator']);
    assert.match(gateway.out, /secret\s+\S{40,}/);
    const deadlines = run(['complaints', 'deadlines', '--as', 'investigator', '--handover-hours', '48']);
    assert.match(deadlines.out, /handover within 48 h/);
    const overdue = run(['detentions', 'overdue', '--as', 'investigator']);
    assert.equal(overdue.code, 0, overdue.err);
    assert.match(overdue.out, /no one is held past the handover deadline/);
  });
});
