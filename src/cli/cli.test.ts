import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, test } from 'node:test';
import SQLite from 'better-sqlite3';
import { konbit, konbitCli } from './testing.ts';

const { dataDir, run } = konbitCli('cli', { KONBIT_DEMO_PASSWORD: 'demo-password-1' });

describe('the konbit command line [sqlite]', () => {
  test('demo, user add, org add and audit verify work end to end; tampering is found', () => {
    assert.match(run(['--help']).out, /audit/);
    assert.equal(run(['demo']).code, 1, 'demo refuses without --yes');
    const demo = run(['demo', '--yes']);
    assert.equal(demo.code, 0, demo.err);
    assert.match(demo.out, /admin, hq\.analyst, ken\.commander/);

    assert.equal(run(['org', 'add', 'SLV', 'El Salvador', '--kind', 'contingent', '--iso3', 'SLV']).code, 0);
    const added = run(['user', 'add', 'slv.commander', '--org', 'SLV', '--roles', 'commander,reporter'], 'a-long-password\n');
    assert.equal(added.code, 0, added.err);
    const badRole = run(['user', 'add', 'x.y', '--org', 'SLV', '--roles', 'general'], 'a-long-password\n');
    assert.equal(badRole.code, 1);
    assert.match(badRole.err, /konbit: .*general|invalid/i);
    const unknownOrg = run(['user', 'add', 'x.z', '--org', 'NOPE', '--roles', 'viewer'], 'a-long-password\n');
    assert.match(unknownOrg.err, /unknown organisation NOPE/);
    assert.equal(run(['user', 'passwd', 'slv.commander', '--password', 'another-long-password']).code, 0);

    const intact = run(['audit', 'verify', '--json']);
    assert.equal(intact.code, 0, intact.err);
    const verdict = JSON.parse(intact.out);
    assert.equal(verdict.ok, true);
    assert.ok(verdict.rows >= 21, `${verdict.rows} audit rows`);

    const database = new SQLite(path.join(dataDir, 'konbit.db'));
    database.prepare("update audit_log set action = 'nothing' where seq = 5").run();
    database.close();
    const broken = run(['audit', 'verify']);
    assert.equal(broken.code, 1);
    assert.match(broken.out, /BROKEN at row 5/);
  });

  test('a bad environment value stops with one line naming it', () => {
    const result = spawnSync(process.execPath, [konbit, 'migrate'], { env: { PATH: process.env.PATH, PORT: 'x', KONBIT_DATA_DIR: dataDir }, encoding: 'utf8' });
    assert.equal(result.status, 1);
    assert.equal(result.stderr.trim().split('\n').length, 1);
    assert.match(result.stderr, /invalid PORT="x"/);
  });
});
