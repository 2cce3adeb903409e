import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { konbitCli } from '../testing.ts';

const { dataDir, run } = konbitCli('ledger-cli', { KONBIT_DEMO_PASSWORD: 'demo-password-1' });

describe('konbit ledger [sqlite]', () => {
  test('the demo ledger is there; pledges, events, milestones, summary and exports work from the command line', () => {
    const demo = run(['demo', '--yes']);
    assert.equal(demo.code, 0, demo.err);
    assert.match(demo.out, /demo: ledger: 9 pledges/);

    const summary = run(['ledger', 'summary', '--as-of', '2025-06-01', '--as-org', 'MSS-HQ', '--json']);
    assert.equal(summary.code, 0, summary.err);
    assert.deepEqual(JSON.parse(summary.out).mission.officers, { pledged: 1000, unspecifiedPledges: 3, confirmed: 1000, deployed: 600 });

    const added = run(['ledger', 'pledge', 'add', '--org', 'JAM', '--kind', 'personnel', '--officers', '200', '--title', 'Jamaica Constabulary Force officers', '--date', '2024-01-10',
      '--announced-by', 'Konbit test', '--source-title', 'CLI test', '--illustrative', '--classification', 'PUBLIC']);
    assert.equal(added.code, 0, added.err);
    const pledgeId = added.out.trim();
    assert.match(pledgeId, /^[0-9a-f-]{36}$/);
    const wave = run(['ledger', 'event', 'add', pledgeId, '--kind', 'deployed', '--date', '2024-09-01', '--officers', '150']);
    assert.equal(wave.code, 0, wave.err);
    const beyond = run(['ledger', 'event', 'add', pledgeId, '--kind', 'deployed', '--date', '2024-09-02', '--officers', '100']);
    assert.equal(beyond.code, 1);
    assert.match(beyond.err, /konbit: on 2024-09-02, deploying 100 officers would bring strength under this pledge to 250, beyond the 200 pledged: set overPledge to true .*\(OVER_PLEDGE\)/);
    assert.equal(run(['ledger', 'event', 'add', pledgeId, '--kind', 'deployed', '--date', '2024-09-02', '--officers', '100', '--over-pledge']).code, 0);
    const negative = run(['ledger', 'event', 'add', pledgeId, '--kind', 'repatriated', '--date', '2024-09-03', '--officers', '-4']);
    assert.match(negative.err, /officers: officers must be at least 1/);

    const ioc = run(['ledger', 'milestone', 'add', '--kind', 'initial_operating_capability', '--title', 'IOC', '--status', 'planned', '--owner', 'MSS-HQ', '--planned-start', '2024-09-30',
      '--announced-by', 'Konbit test', '--source-title', 'CLI test', '--illustrative']);
    assert.equal(ioc.code, 0, ioc.err);
    const late = run(['ledger', 'milestones', '--as-of', '2024-10-10', '--as-org', 'MSS-HQ']);
    assert.match(late.out, /LATE 10d IOC/);
    const updated = run(['ledger', 'milestone', 'update', ioc.out.trim(), '--status', 'completed', '--actual-start', '2024-10-05', '--reason', 'reached']);
    assert.equal(updated.code, 0, updated.err);

    const text = run(['ledger', 'summary', '--as-of', '2025-06-01']);
    assert.match(text.out, /JAM +officers pledged 200 \(\+1 unspecified\), confirmed 0, deployed 250/);

    const out = path.join(dataDir, 'ledger.csv');
    assert.equal(run(['ledger', 'export', 'hxl', '--out', out]).code, 0);
    const [, hashtags, ...rows] = parse(readFileSync(out, 'utf8')) as string[][];
    assert.equal(hashtags![1], '#org+name');
    assert.equal(rows.length, 10);
    const fts = parse(run(['ledger', 'export', 'fts']).out, { columns: true }) as Record<string, string>[];
    assert.deepEqual(fts.filter((r) => r['Contribution type'] === 'financial').map((r) => r['Flow status']), ['pledge', 'commitment', 'paid']);

    const verify = run(['audit', 'verify', '--json']);
    assert.equal(JSON.parse(verify.out).ok, true);
  });
});
