import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { konbitCli } from '../testing.ts';

const { run } = konbitCli('incidents-cli');

describe('konbit incidents [sqlite]', () => {
  test('report, list, show and verify from the command line', () => {
    assert.equal(run(['org', 'add', 'KEN', 'Kenya', '--kind', 'contingent']).code, 0);
    assert.equal(run(['org', 'add', 'HNP', 'Haitian National Police', '--kind', 'host_police']).code, 0);
    assert.equal(run(['user', 'add', 'ken.reporter', '--org', 'KEN', '--roles', 'reporter'], 'a-long-password\n').code, 0);
    assert.equal(run(['user', 'add', 'hnp.analyst', '--org', 'HNP', '--roles', 'analyst'], 'a-long-password\n').code, 0);

    const reported = run([
      'incidents', 'report', '--as', 'ken.reporter', '--type', 'roadblock', '--title', 'Baraj sou RN2 nan Martissant', '--at', '2024-03-05T06:00:00Z',
      '--lon', '-72.355', '--lat', '18.53', '--place', 'Martissant', '--classification', 'PUBLIC', '--actor', 'Grand Ravine:perpetrator', '--source', 'HNP sitrep:B2', '--json',
    ]);
    assert.equal(reported.code, 0, reported.err);
    const incident = JSON.parse(reported.out);
    assert.equal(incident.admin?.adm2Name ?? 'no datasets', incident.admin ? 'Port-au-Prince' : 'no datasets');
    assert.deepEqual(incident.sources.map((s: { reliability: string; credibility: number }) => `${s.reliability}${s.credibility}`), ['B2']);

    const swapped = run(['incidents', 'report', '--as', 'ken.reporter', '--type', 'killing', '--title', 'x', '--lon', '18.53', '--lat', '-72.355']);
    assert.equal(swapped.code, 1);
    assert.match(swapped.err, /^konbit: .*latitude and longitude look swapped.*\(VALIDATION_FAILED\)/);

    const listed = run(['incidents', 'list', '--types', 'roadblock', '-q', 'martissant']);
    assert.equal(listed.code, 0, listed.err);
    assert.match(listed.out, new RegExp(`^${incident.id}  2024-03-05 06:00  roadblock`));

    assert.match(run(['incidents', 'verify', incident.id, '--as', 'ken.reporter']).err, /analyst role/);
    const verified = run(['incidents', 'verify', incident.id, '--as', 'hnp.analyst', '--note', 'seen by patrol']);
    assert.equal(verified.code, 0, verified.err);
    assert.match(verified.out, /^verified: /);

    const shown = run(['incidents', 'show', incident.id, '--as', 'ken.reporter', '--history']);
    assert.equal(shown.code, 0, shown.err);
    assert.match(shown.out, /Baraj sou RN2 nan Martissant \(roadblock, verified, version 2\)/);
    assert.match(shown.out, /v2 .* verification\.verified by hnp\.analyst \(HNP\)/);
    assert.match(run(['incidents', 'show', '00000000-0000-0000-0000-000000000000']).err, /incident not found \(NOT_FOUND\)/);
  });
});
