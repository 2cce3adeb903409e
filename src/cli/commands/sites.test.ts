import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { konbitCli } from '../testing.ts';

const { dataDir, run } = konbitCli('sites-cli');

function ok(args: string[], input?: string): string {
  const result = run(args, input);
  assert.equal(result.code, 0, `${args.join(' ')}: ${result.err}`);
  return result.out;
}

describe('konbit sites and konbit training [sqlite]', () => {
  test('sites, assignments, gaps, tasks and training from the command line', () => {
    ok(['org', 'add', 'KEN', 'Kenya', '--kind', 'contingent']);
    ok(['org', 'add', 'HNP', 'Haitian National Police', '--kind', 'host_police']);
    ok(['user', 'add', 'ken.commander', '--org', 'KEN', '--roles', 'commander'], 'a-long-password\n');

    const port = JSON.parse(ok(['sites', 'add', '--as', 'ken.commander', '--name', 'Port', '--kind', 'port', '--lon', '-72.349', '--lat', '18.551', '--criticality', '5', '--required-strength', '40', '--json']));
    assert.equal(port.criticality, 5);
    const csv = path.join(dataDir, 'sites.csv');
    writeFileSync(csv, 'name,kind,criticality,lon,lat\nVarreux,fuel_terminal,5,-72.339,18.568\nNowhere,school,2,,\n');
    const refused = run(['sites', 'import', csv, '--as', 'ken.commander']);
    assert.equal(refused.code, 1);
    assert.match(refused.err, /^konbit: 1 row was rejected, so nothing was imported.*row 3 lon: give lon and lat/);
    assert.match(ok(['sites', 'import', csv, '--as', 'ken.commander', '--mode', 'commit-valid']), /csv: 1 created, 0 updated, 0 unchanged, 1 rejected\n {2}row 3 lon: give lon and lat/);

    assert.match(ok(['sites', 'assign', port.id, '--as', 'ken.commander', '--unit-org', 'KEN', '--unit', 'KEN FPU 1', '--strength', '30', '--from', '2024-01-01T00:00:00Z']), /assigned: KEN FPU 1 \(KEN\), 30 officers, to Port/);
    const overlap = run(['sites', 'assign', port.id, '--as', 'ken.commander', '--unit-org', 'KEN', '--unit', 'KEN FPU 1', '--strength', '5', '--from', '2024-06-01T00:00:00Z']);
    assert.match(overlap.err, /already assigned to Port.*\(CONFLICT\)/);
    const gaps = ok(['sites', 'gaps', '--as', 'ken.commander']);
    assert.match(gaps, /under_strength +c5 +30\/40 \(short 10\) +Port — KEN FPU 1 \(KEN\)/);
    assert.match(gaps, /unassigned +c5 +0\/0 \(short 1\) +Varreux/);
    assert.equal(ok(['sites', 'gaps']).trim(), 'no gaps', 'the public does not see the protection posture');

    const task = JSON.parse(ok(['sites', 'tasks', 'add', '--as', 'ken.commander', '--kind', 'guard_site', '--title', 'Guard the port', '--unit-org', 'KEN', '--unit', 'KEN FPU 2', '--site', port.id, '--from', '2024-03-01T06:00:00Z', '--to', '2024-03-01T18:00:00Z', '--json']));
    ok(['sites', 'tasks', 'status', task.id, '--as', 'ken.commander', '--status', 'under_way']);
    assert.match(ok(['sites', 'tasks', 'status', task.id, '--as', 'ken.commander', '--status', 'done', '--note', 'quiet shift']), /done +guard_site/);
    assert.match(ok(['sites', 'show', port.id, '--as', 'ken.commander']), /threat: LOW/);

    ok(['training', 'add-course', '--as', 'ken.commander', '--title', 'Crowd control', '--topic', 'crowd_control', '--from', '2024-03-04', '--to', '2024-03-08']);
    const backwards = run(['training', 'add-course', '--as', 'ken.commander', '--title', 'x', '--topic', 'first_aid', '--from', '2024-03-08', '--to', '2024-03-04']);
    assert.match(backwards.err, /the course ends \(2024-03-04\) before it starts \(2024-03-08\)/);
    ok(['training', 'add-trainee', '--as', 'ken.commander', '--service-number', '04-12345', '--name', 'Jean Test', '--unit', 'UDMO']);
    const publicTrainee = run(['training', 'add-trainee', '--as', 'ken.commander', '--service-number', '04-99999', '--name', 'x', '--unit', 'UDMO', '--classification', 'PUBLIC']);
    assert.match(publicTrainee.err, /never PUBLIC/);
    const [course] = JSON.parse(ok(['training', 'courses', '--as', 'ken.commander', '--json']));
    const [trainee] = JSON.parse(ok(['training', 'trainees', '--as', 'ken.commander', '--json']));
    assert.match(ok(['training', 'trainees']), /no trainees visible/);
    ok(['training', 'enrol', course.id, trainee.id, '--as', 'ken.commander']);
    assert.match(ok(['training', 'certify', course.id, trainee.id, '--as', 'ken.commander', '--on', '2024-03-08']), /certified on 2024-03-08: 04-12345 Jean Test/);
    assert.match(run(['training', 'certify', course.id, trainee.id, '--as', 'ken.commander', '--on', '2024-03-09']).err, /certified on this course already, on 2024-03-08.*\(CONFLICT\)/);
    assert.match(ok(['training', 'totals', '--as', 'ken.commander']), /2024-03 +crowd_control +UDMO +enrolled 1, attended 0, certified 1/);
  });
});
