import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { datasetsDir } from '../../../test/datasets.ts';
import { dbTest } from '../../db/testing.ts';
import { adminAreasIn } from './admin-areas.ts';
import { decideVerification, editIncident, getIncident, incidentHistory, listIncidents, mergeIncidents, reportIncident } from './index.ts';
import { buildIncidentInput, buildMission } from './incidents.testing.ts';

const areas = await adminAreasIn(datasetsDir);

function rejects(code: string, message?: RegExp) {
  return (error: unknown) => {
    assert.equal((error as { code?: string }).code, code, String(error));
    if (message) assert.match((error as Error).message, message);
    return true;
  };
}

describe('reporting incidents', () => {
  dbTest('a report is stored with its admin areas, actors, sources, owner and an audit row', async ({ db }) => {
    const { reporter } = await buildMission(db);
    const { incident, replayed } = await reportIncident({
      db,
      actor: reporter.actor,
      areas,
      input: buildIncidentInput({
        actors: [{ name: '400 Mawozo', role: 'perpetrator', kind: 'gang' }, { name: 'Civilians (Haiti)', role: 'target' }],
        sources: [{ name: 'HNP situation report', reliability: 'B', credibility: 2, url: 'https://example.org/sitrep' }],
        tags: ['rn8', 'rn8'],
        location: { lon: -72.227, lat: 18.577, placeName: 'Croix-des-Bouquets', precision: 'near' },
      }),
    });
    assert.equal(replayed, false);
    assert.equal(incident.version, 1);
    assert.equal(incident.owner, 'KEN');
    assert.deepEqual(incident.reportedBy, { organisation: 'KEN', username: 'ken.reporter' });
    assert.equal(incident.admin?.adm1Pcode, 'HT01');
    assert.equal(incident.admin?.adm2Name, 'Croix-Des-Bouquets');
    assert.match(incident.admin!.adm3Pcode, /^HT0131-\d\d$/);
    assert.deepEqual(incident.actors.map((a) => [a.name, a.role, a.kind]), [['400 Mawozo', 'perpetrator', 'gang'], ['Civilians (Haiti)', 'target', 'other']]);
    assert.equal(incident.sources[0]!.url, 'https://example.org/sitrep');
    assert.deepEqual(incident.tags, ['rn8']);
    assert.equal(incident.verification.status, 'unverified');
    const audit = await db.selectFrom('audit_log').select(['action', 'entity_id']).where('entity_type', '=', 'incident').execute();
    assert.deepEqual(audit, [{ action: 'create', entity_id: incident.id }]);
  });

  dbTest('without admin boundaries the admin areas stay empty and nothing fails', async ({ db }) => {
    const { reporter } = await buildMission(db);
    const { incident } = await reportIncident({ db, actor: reporter.actor, areas: null, input: buildIncidentInput() });
    assert.equal(incident.admin, null);
  });

  dbTest('impossible places, future dates and unknown organisations are refused before anything is written', async ({ db }) => {
    const { reporter } = await buildMission(db);
    await assert.rejects(reportIncident({ db, actor: reporter.actor, areas, input: buildIncidentInput({ location: { lon: 18.555, lat: -72.3 } }) }), rejects('VALIDATION_FAILED', /location: latitude and longitude look swapped/));
    await assert.rejects(reportIncident({ db, actor: reporter.actor, areas, input: buildIncidentInput({ location: { lon: 0, lat: 0 } }) }), rejects('VALIDATION_FAILED', /\(0, 0\)/));
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
    await assert.rejects(reportIncident({ db, actor: reporter.actor, areas, input: buildIncidentInput({ occurredAt: tomorrow }) }), rejects('VALIDATION_FAILED', /occurredAt .* is in the future/));
    await assert.rejects(
      reportIncident({ db, actor: reporter.actor, areas, input: buildIncidentInput({ classification: 'RESTRICTED', releasableTo: ['XYZ'] }) }),
      rejects('VALIDATION_FAILED', /unknown organisation XYZ in releasableTo/),
    );
    const count = await db.selectFrom('incidents').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(count.n), 0);
  });

  dbTest('only reporters, analysts and commanders report', async ({ db }) => {
    const { donor } = await buildMission(db);
    await assert.rejects(reportIncident({ db, actor: donor.actor, areas, input: buildIncidentInput() }), rejects('FORBIDDEN', /reporter, analyst, commander/));
  });

  dbTest('a retry with the same Idempotency-Key returns the first incident; another request under it is refused', async ({ db }) => {
    const { reporter, hnp } = await buildMission(db);
    const input = buildIncidentInput();
    const first = await reportIncident({ db, actor: reporter.actor, areas, input, idempotencyKey: 'tap-7f3a' });
    const retry = await reportIncident({ db, actor: reporter.actor, areas, input, idempotencyKey: 'tap-7f3a' });
    assert.equal(retry.replayed, true);
    assert.equal(retry.incident.id, first.incident.id);
    await assert.rejects(
      reportIncident({ db, actor: reporter.actor, areas, input: { ...input, title: 'Something else' }, idempotencyKey: 'tap-7f3a' }),
      rejects('CONFLICT', /Idempotency-Key was used for a different report/),
    );
    // Keys belong to their reporter: another user's identical key is another report.
    const other = await reportIncident({ db, actor: hnp.actor, areas, input, idempotencyKey: 'tap-7f3a' });
    assert.notEqual(other.incident.id, first.incident.id);
    assert.equal((await listIncidents({ db, viewer: reporter.actor })).items.length, 2);
  });

  dbTest('usernames are shown only inside the owning organisation', async ({ db }) => {
    const { reporter, jamAnalyst, analyst } = await buildMission(db);
    const { incident } = await reportIncident({ db, actor: reporter.actor, areas, input: buildIncidentInput() });
    await decideVerification({ db, actor: jamAnalyst.actor, id: incident.id, decision: { status: 'verified' } });
    const outside = await getIncident({ db, viewer: jamAnalyst.actor, id: incident.id });
    assert.deepEqual(outside.reportedBy, { organisation: 'KEN', username: null });
    assert.deepEqual(outside.verification.by, { organisation: 'JAM', username: null });
    const inside = await getIncident({ db, viewer: analyst.actor, id: incident.id });
    assert.deepEqual(inside.reportedBy, { organisation: 'KEN', username: 'ken.reporter' });
    assert.deepEqual(inside.verification.by, { organisation: 'JAM', username: 'jam.analyst' });
  });
});

describe('editing incidents', () => {
  dbTest('an edit replaces the fields given at the version read; a stale version is a conflict', async ({ db }) => {
    const { reporter, analyst } = await buildMission(db);
    const { incident } = await reportIncident({ db, actor: reporter.actor, areas, input: buildIncidentInput({ sources: [{ name: 'Radio', reliability: 'C', credibility: 3 }] }) });
    const edited = await editIncident({ db, actor: reporter.actor, id: incident.id, areas, patch: { version: 1, changes: { title: 'Kidnapping at Delmas 33', counts: { abducted: 3 } } } });
    assert.equal(edited.version, 2);
    assert.equal(edited.title, 'Kidnapping at Delmas 33');
    assert.equal(edited.counts.abducted, 3);
    assert.equal(edited.sources.length, 1, 'fields not given are kept');
    await assert.rejects(
      editIncident({ db, actor: analyst.actor, id: incident.id, areas, patch: { version: 1, changes: { title: 'Lost update' } } }),
      (error: unknown) => {
        assert.equal((error as { code?: string }).code, 'CONFLICT');
        assert.match((error as Error).message, /changed since you read it \(you sent version 1, it is now at version 2\)/);
        assert.deepEqual((error as { details?: unknown }).details, { currentVersion: 2 });
        return true;
      },
    );
    assert.equal((await getIncident({ db, viewer: reporter.actor, id: incident.id })).title, 'Kidnapping at Delmas 33');
  });

  dbTest('a move re-derives the admin areas; a content change reopens a verified report', async ({ db }) => {
    const { reporter, jamAnalyst } = await buildMission(db);
    const { incident } = await reportIncident({ db, actor: reporter.actor, areas, input: buildIncidentInput() });
    await decideVerification({ db, actor: jamAnalyst.actor, id: incident.id, decision: { status: 'verified' } });
    const moved = await editIncident({ db, actor: reporter.actor, id: incident.id, areas, patch: { version: 2, changes: { location: { lon: -72.4, lat: 18.534, placeName: 'Carrefour' } } } });
    assert.equal(moved.admin?.adm2Name, 'Carrefour');
    assert.equal(moved.verification.status, 'unverified');
    const relabelled = await editIncident({ db, actor: reporter.actor, id: incident.id, areas, patch: { version: 3, changes: { tags: ['convoy'] } } });
    assert.deepEqual(relabelled.tags, ['convoy']);
  });

  dbTest('only the reporter or an analyst or commander of the owner may edit', async ({ db }) => {
    const { reporter, jamAnalyst, donor } = await buildMission(db);
    const { incident } = await reportIncident({ db, actor: reporter.actor, areas, input: buildIncidentInput() });
    await assert.rejects(editIncident({ db, actor: jamAnalyst.actor, id: incident.id, areas, patch: { version: 1, changes: { title: 'x' } } }), rejects('FORBIDDEN', /only the reporter/));
    const secret = await reportIncident({ db, actor: reporter.actor, areas, input: buildIncidentInput({ classification: 'RESTRICTED' }) });
    // One who may not see it hears that it does not exist.
    await assert.rejects(editIncident({ db, actor: donor.actor, id: secret.incident.id, areas, patch: { version: 1, changes: { title: 'x' } } }), rejects('NOT_FOUND'));
  });

  dbTest('the history holds every version with the incident before and after', async ({ db }) => {
    const { reporter, jamAnalyst } = await buildMission(db);
    const { incident } = await reportIncident({ db, actor: reporter.actor, areas, input: buildIncidentInput({ title: 'First title' }) });
    await editIncident({ db, actor: reporter.actor, id: incident.id, areas, patch: { version: 1, changes: { title: 'Second title' } } });
    await decideVerification({ db, actor: jamAnalyst.actor, id: incident.id, decision: { status: 'disputed', note: 'two sources disagree' } });
    const history = await incidentHistory({ db, viewer: reporter.actor, id: incident.id });
    assert.deepEqual(history.map((h) => [h.version, h.action, h.by?.organisation]), [[1, 'create', 'KEN'], [2, 'update', 'KEN'], [3, 'verification.disputed', 'JAM']]);
    assert.equal(history[0]!.after.title, 'First title');
    assert.equal(history[1]!.before!.title, 'First title');
    assert.equal(history[1]!.after.title, 'Second title');
    assert.equal(history[2]!.after.verification.status, 'disputed');
    assert.equal(history[2]!.after.verification.note, 'two sources disagree');
    assert.equal(history[1]!.by?.username, 'ken.reporter');
    const fromOutside = await incidentHistory({ db, viewer: jamAnalyst.actor, id: incident.id });
    assert.equal(fromOutside[1]!.by?.username, null);
    assert.equal(fromOutside[1]!.after.reportedBy.username, null);
  });
});

describe('verification', () => {
  dbTest('a report is verified by an analyst other than its reporter', async ({ db }) => {
    const { hnp, reporter, analyst } = await buildMission(db);
    const { incident } = await reportIncident({ db, actor: hnp.actor, areas, input: buildIncidentInput() });
    await assert.rejects(
      decideVerification({ db, actor: hnp.actor, id: incident.id, decision: { status: 'verified' } }),
      rejects('FORBIDDEN', /you reported this incident, so you may not verify/),
    );
    await assert.rejects(decideVerification({ db, actor: reporter.actor, id: incident.id, decision: { status: 'verified' } }), rejects('FORBIDDEN', /analyst role/));
    const verified = await decideVerification({ db, actor: analyst.actor, id: incident.id, decision: { status: 'verified', note: 'seen by patrol' } });
    assert.equal(verified.verification.status, 'verified');
    assert.equal(verified.verification.by?.organisation, 'KEN');
    assert.ok(verified.verification.at);
    const rejected = await decideVerification({ db, actor: analyst.actor, id: incident.id, decision: { status: 'rejected', version: 2 } });
    assert.equal(rejected.verification.status, 'rejected');
    await assert.rejects(decideVerification({ db, actor: analyst.actor, id: incident.id, decision: { status: 'verified', version: 2 } }), rejects('CONFLICT'));
    const reopened = await decideVerification({ db, actor: analyst.actor, id: incident.id, decision: { status: 'unverified' } });
    assert.equal(reopened.verification.by, null);
  });
});

describe('merging duplicates', () => {
  dbTest('the duplicate points to the survivor; its sources, actors and tags move there', async ({ db }) => {
    const { reporter, hnp, analyst } = await buildMission(db);
    const survivor = await reportIncident({
      db,
      actor: reporter.actor,
      areas,
      input: buildIncidentInput({ sources: [{ name: 'MSS patrol', reliability: 'A', credibility: 2 }], actors: [{ name: 'G-Pep', role: 'perpetrator' }] }),
    });
    const duplicate = await reportIncident({
      db,
      actor: hnp.actor,
      areas,
      input: buildIncidentInput({
        sources: [{ name: 'MSS patrol', reliability: 'A', credibility: 2 }, { name: 'Local radio', reliability: 'C', credibility: 3 }],
        actors: [{ name: 'G-Pèp', role: 'perpetrator' }, { name: 'Viv Ansanm', role: 'associated' }],
        tags: ['tap-tap'],
      }),
    });
    const merged = await mergeIncidents({ db, actor: analyst.actor, survivorId: survivor.incident.id, request: { duplicateId: duplicate.incident.id } });
    assert.deepEqual(merged.sources.map((s) => s.name), ['MSS patrol', 'Local radio']);
    assert.deepEqual(merged.actors.map((a) => a.name).sort(), ['G-Pep', 'Viv Ansanm']);
    assert.deepEqual(merged.tags, ['tap-tap']);
    assert.equal(merged.version, 2);
    const gone = await getIncident({ db, viewer: analyst.actor, id: duplicate.incident.id });
    assert.equal(gone.mergedInto, survivor.incident.id);
    assert.deepEqual(gone.sources, []);
    const listed = (await listIncidents({ db, viewer: analyst.actor })).items.map((i) => i.id);
    assert.deepEqual(listed, [survivor.incident.id]);
    const everything = (await listIncidents({ db, viewer: analyst.actor, filter: { includeMerged: true } })).items.length;
    assert.equal(everything, 2);
    const search = await listIncidents({ db, viewer: analyst.actor, filter: { q: 'ansanm' } });
    assert.deepEqual(search.items.map((i) => i.id), [survivor.incident.id], 'the survivor is found by the moved actor');
    await assert.rejects(editIncident({ db, actor: hnp.actor, id: duplicate.incident.id, areas, patch: { version: 2, changes: { title: 'x' } } }), rejects('CONFLICT', /merged into another/));
    await assert.rejects(mergeIncidents({ db, actor: analyst.actor, survivorId: survivor.incident.id, request: { duplicateId: duplicate.incident.id } }), rejects('CONFLICT', /merged already/));
  });

  dbTest('a merge that would show a duplicate to readers it is not released to is refused', async ({ db }) => {
    const { reporter, analyst, hnp } = await buildMission(db);
    const open = await reportIncident({ db, actor: reporter.actor, areas, input: buildIncidentInput({ classification: 'PUBLIC' }) });
    const kept = await reportIncident({ db, actor: reporter.actor, areas, input: buildIncidentInput({ classification: 'RESTRICTED' }) });
    await assert.rejects(
      mergeIncidents({ db, actor: analyst.actor, survivorId: open.incident.id, request: { duplicateId: kept.incident.id } }),
      rejects('CONFLICT', /would show the duplicate's sources to the public, JAM, HNP, USA/),
    );
    await assert.rejects(mergeIncidents({ db, actor: analyst.actor, survivorId: open.incident.id, request: { duplicateId: open.incident.id } }), rejects('VALIDATION_FAILED', /into itself/));
    // The other way round is fine: the restricted one absorbs the public one's sources.
    await mergeIncidents({ db, actor: analyst.actor, survivorId: kept.incident.id, request: { duplicateId: open.incident.id } });
    // Readers who may not see the survivor keep seeing the duplicate, with no pointer to the survivor.
    const outside = await listIncidents({ db, viewer: hnp.actor });
    assert.deepEqual(outside.items.map((i) => [i.id, i.mergedInto]), [[open.incident.id, null]]);
  });

  dbTest('merging needs the analyst role', async ({ db }) => {
    const { reporter } = await buildMission(db);
    const a = await reportIncident({ db, actor: reporter.actor, areas, input: buildIncidentInput() });
    const b = await reportIncident({ db, actor: reporter.actor, areas, input: buildIncidentInput() });
    await assert.rejects(mergeIncidents({ db, actor: reporter.actor, survivorId: a.incident.id, request: { duplicateId: b.incident.id } }), rejects('FORBIDDEN', /analyst role/));
  });
});
