import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { dbTest } from '../../db/testing.ts';
import type { Db } from '../../db/index.ts';
import { buildOrganisation, buildUser } from '../auth/testing.ts';
import { buildTestApp } from '../../server/testing.ts';
import { addSession, certify, clearVettingFlag, createCourse, enrol, getTrainee, listEnrolments, periodOf, raiseVettingFlag, recordAttendance, registerTrainee, trainingTotals } from './index.ts';
import { courseInput, traineeInput } from './training.testing.ts';

/*
 * Training the national police: a course's sessions, attendance and
 * certification; the oversight body's vetting flag, which blocks
 * certification in sensitive topics and whose reason only oversight reads;
 * totals by topic and unit over time.
 */

async function mission(db: Db) {
  await buildOrganisation(db, 'KEN');
  await buildOrganisation(db, 'HNP', 'host_police');
  await buildOrganisation(db, 'OVS', 'oversight');
  await buildOrganisation(db, 'USA', 'donor');
  return {
    ken: await buildUser(db, 'ken.trainer', 'KEN', ['commander']),
    hnp: await buildUser(db, 'hnp.registrar', 'HNP', ['analyst']),
    ovs: await buildUser(db, 'ovs.officer', 'OVS', ['oversight']),
    kenOversight: await buildUser(db, 'ken.oversight', 'KEN', ['oversight']),
    usa: await buildUser(db, 'usa.donor', 'USA', ['donor']),
  };
}

describe('training', () => {
  test('periods of a day', () => {
    assert.deepEqual(['month', 'quarter', 'year'].map((i) => periodOf('2024-08-15', i as 'month')), ['2024-08', '2024-Q3', '2024']);
  });

  dbTest('sessions, attendance and certification; a vetting flag blocks sensitive topics and only oversight reads why', async ({ db }) => {
    const { ken, hnp, ovs, kenOversight, usa } = await mission(db);
    const app = await buildTestApp(db);
    const crowd = await createCourse({ db, actor: ken.actor, input: courseInput({ minAttendancePercent: 60 }) });
    assert.deepEqual([crowd.sensitive, crowd.trainer], [true, 'KEN']);
    const rights = await createCourse({ db, actor: ken.actor, input: courseInput({ title: 'Human rights', topic: 'human_rights_use_of_force', startsOn: '2024-04-01', endsOn: '2024-04-02' }) });
    assert.equal(rights.sensitive, false);
    let withSessions = crowd;
    for (const heldOn of ['2024-03-04', '2024-03-05', '2024-03-06']) withSessions = await addSession({ db, actor: ken.actor, courseId: crowd.id, input: { heldOn, hours: 6 } });
    const [a, b, c] = [
      await registerTrainee({ db, actor: hnp.actor, input: traineeInput({ serviceNumber: '04-11111', fullName: 'Jean Test', unit: 'UDMO' }) }),
      await registerTrainee({ db, actor: hnp.actor, input: traineeInput({ serviceNumber: '04-22222', fullName: 'Marie Test', unit: 'BLTS' }) }),
      await registerTrainee({ db, actor: hnp.actor, input: traineeInput({ serviceNumber: '04-33333', fullName: 'Paul Test', unit: 'UDMO' }) }),
    ];
    assert.equal(a.classification, 'MISSION', 'personal data is MISSION by default');
    for (const t of [a, b, c]) await enrol({ db, actor: ken.actor, courseId: crowd.id, traineeId: t.id });
    for (const [i, session] of withSessions.sessions.entries()) {
      await recordAttendance({ db, actor: ken.actor, courseId: crowd.id, sessionId: session.id, input: { records: [{ traineeId: a.id, status: 'present' }, { traineeId: b.id, status: i === 0 ? 'present' : 'absent' }, { traineeId: c.id, status: 'present' }] } });
    }
    const enrolments = await listEnrolments({ db, viewer: ken.actor, courseId: crowd.id });
    assert.deepEqual(enrolments.map((e) => [e.serviceNumber, e.attended, e.sessions]), [['04-22222', 1, 3], ['04-11111', 3, 3], ['04-33333', 3, 3]]);

    const certified = await certify({ db, actor: ken.actor, courseId: crowd.id, input: { traineeId: a.id, certifiedOn: '2024-03-08' } });
    assert.equal(certified.certifiedOn, '2024-03-08');
    await assert.rejects(certify({ db, actor: ken.actor, courseId: crowd.id, input: { traineeId: b.id, certifiedOn: '2024-03-08' } }), (error: { message?: string }) => /attended 1 of 3 sessions \(33%\), below the course's 60%/.test(error.message ?? ''));

    // Oversight flags C: certification in crowd control stops; the reason stays with oversight.
    await assert.rejects(raiseVettingFlag({ db, actor: kenOversight.actor, traineeId: c.id, input: { reason: 'x' } }), { code: 'FORBIDDEN' }, 'the oversight role outside the oversight body');
    const flag = await raiseVettingFlag({ db, actor: ovs.actor, traineeId: c.id, input: { reason: 'Substantiated complaint of excessive force, case 12' } });
    const blocked = await app.inject({ method: 'POST', url: `/api/v1/training/courses/${crowd.id}/certifications`, headers: ken.headers, payload: { traineeId: c.id, certifiedOn: '2024-03-08' } });
    assert.equal(blocked.statusCode, 409);
    assert.equal(blocked.json().error.code, 'VETTING_BLOCKED');
    assert.match(blocked.json().error.message, /certification in crowd control is blocked: the oversight body has flagged trainee 04-33333.*visible to oversight only/);
    assert.doesNotMatch(blocked.body, /excessive force/);

    const asKen = await getTrainee({ db, viewer: ken.actor, id: c.id });
    assert.deepEqual(asKen.vetting, { flagged: true, since: flag.raisedAt, reason: null });
    const asOversight = await getTrainee({ db, viewer: ovs.actor, id: c.id });
    assert.equal(asOversight.vetting.reason, 'Substantiated complaint of excessive force, case 12');
    const kenReads = await app.inject({ method: 'GET', url: `/api/v1/training/trainees/${c.id}`, headers: ken.headers });
    assert.doesNotMatch(kenReads.body, /excessive force/);
    assert.equal((await app.inject({ method: 'GET', url: `/api/v1/training/trainees/${c.id}/vetting`, headers: ken.headers })).statusCode, 403);
    assert.equal((await app.inject({ method: 'GET', url: `/api/v1/training/trainees/${c.id}/vetting`, headers: kenOversight.headers })).statusCode, 403);
    const flags = await app.inject({ method: 'GET', url: `/api/v1/training/trainees/${c.id}/vetting`, headers: ovs.headers });
    assert.equal(flags.json<{ reason: string }[]>()[0]!.reason, 'Substantiated complaint of excessive force, case 12');
    const audit = await db.selectFrom('audit_log').select('details').execute();
    assert.ok(!audit.some((row) => row.details.includes('excessive force')), 'the audit log keeps only a digest of the reason');

    // A topic that is not sensitive is not blocked; clearing the flag unblocks the sensitive one.
    await enrol({ db, actor: ken.actor, courseId: rights.id, traineeId: c.id });
    assert.equal((await certify({ db, actor: ken.actor, courseId: rights.id, input: { traineeId: c.id, certifiedOn: '2024-04-02' } })).certifiedOn, '2024-04-02');
    await clearVettingFlag({ db, actor: ovs.actor, traineeId: c.id, flagId: flag.id, input: { note: 'Complaint closed after review' } });
    assert.equal((await getTrainee({ db, viewer: ken.actor, id: c.id })).vetting.flagged, false);
    assert.equal((await certify({ db, actor: ken.actor, courseId: crowd.id, input: { traineeId: c.id, certifiedOn: '2024-03-09' } })).certifiedOn, '2024-03-09');

    // Totals by topic and unit over time, over what the reader may see.
    const totals = await trainingTotals({ db, viewer: ken.actor, query: { interval: 'month' } });
    assert.deepEqual(totals.rows.map((r) => `${r.period} ${r.topic} ${r.unit}: ${r.enrolled}/${r.attendances}/${r.certified}`), [
      '2024-03 crowd_control BLTS: 1/1/0',
      '2024-03 crowd_control UDMO: 2/6/2',
      '2024-04 human_rights_use_of_force UDMO: 1/0/1',
    ]);
    assert.deepEqual(totals.totals, { enrolled: 4, attendances: 7, certified: 3, trainees: 3 });
    const quarterly = await app.inject({ method: 'GET', url: '/api/v1/training/totals?interval=quarter&from=2024-04-01', headers: hnp.headers });
    assert.deepEqual(quarterly.json<{ rows: { period: string }[] }>().rows.map((r) => r.period), ['2024-Q2']);
    const donorTotals = await trainingTotals({ db, viewer: usa.actor });
    assert.deepEqual(donorTotals.totals, { enrolled: 0, attendances: 0, certified: 0, trainees: 0 }, 'a donor sees no officer’s record, so counts none');
    await app.close();
  });
});
