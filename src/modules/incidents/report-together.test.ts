import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { IncidentInput, type Incident } from '../../shared/incidents.ts';
import { dbTest } from '../../db/testing.ts';
import { verifyAuditChain } from '../auth/index.ts';
import { getIncident, reportIncident } from './incidents.service.ts';
import { buildIncidentInput, buildMission } from './incidents.testing.ts';
import { listIncidents } from './query.service.ts';
import type { QueuedReport } from './report-batch.ts';
import { writeReportsTogether } from './report-together.ts';
import { requestHash } from './write.ts';

/*
 * A batch of field reports written together, a few multi-row statements for all of them: each
 * report must come out exactly as when written alone, indexed, evented and audited.
 */

/** A report naming everything a report can name. */
const rich = (title: string) =>
  buildIncidentInput({
    title,
    classification: 'RESTRICTED',
    releasableTo: ['JAM', 'HNP', 'JAM'],
    actors: [
      { name: 'Baz Grand Ravine', role: 'perpetrator', kind: 'gang' },
      { name: 'Baz Grand Ravine', role: 'perpetrator' },
      { name: 'Commissariat Delmas', role: 'target' },
    ],
    sources: [{ name: 'Patrol 7', reliability: 'B', credibility: 2, url: 'https://example.org/p7' }, { name: 'Radio Kiskeya', reliability: 'C', credibility: 3, reportedAt: '2024-03-05T15:00:00Z' }],
    tags: ['delmas', 'tap-tap', 'delmas'],
  });

/** An incident without what differs between two reports of the same input. */
function content({ id: _id, reportedAt: _reportedAt, updatedAt: _updatedAt, title: _title, actors, ...rest }: Incident) {
  return { ...rest, actors: actors.map(({ id: _actorId, ...actor }) => actor) };
}

describe('a batch of reports written together', () => {
  dbTest('each report reads back as written alone, answers as it reads, and is indexed, evented and audited', async ({ db }) => {
    const { reporter, hnp, jamAnalyst } = await buildMission(db);
    // Alone: a report sharing its batch with one that fails is written one at a time.
    const [alone] = await Promise.all([
      reportIncident({ db, actor: reporter.actor, input: rich('Written alone'), areas: null }),
      reportIncident({ db, actor: reporter.actor, input: buildIncidentInput({ classification: 'RESTRICTED', releasableTo: ['NOPE'] }), areas: null }).catch(() => null),
    ]);
    const queued = (actor: typeof reporter.actor, input: IncidentInput, idempotencyKey?: string): QueuedReport => {
      const parsed = IncidentInput.parse(input);
      return { actor, parsed, hash: idempotencyKey ? requestHash(parsed) : null, idempotencyKey, areas: null };
    };
    const batch = [queued(reporter.actor, rich('Together 1'), 'k-1'), queued(hnp.actor, rich('Together 2')), queued(reporter.actor, rich('Together 3'), 'k-3')];
    const outcomes = await db.transaction().execute((trx) => writeReportsTogether(trx, batch, new Date().toISOString()));
    assert.deepEqual(outcomes.map((o) => o.kind), ['written', 'written', 'written']);
    for (const [at, outcome] of outcomes.entries()) {
      if (outcome.kind !== 'written') continue;
      const read = await getIncident({ db, viewer: batch[at]!.actor, id: outcome.record.row.id });
      assert.deepEqual(JSON.parse(outcome.answer), read, 'the answer is the incident as its owner reads it');
      assert.equal(read.title, `Together ${at + 1}`);
      if (at !== 1) assert.deepEqual(content(read), content(alone!.incident), 'the same input reads the same, written together or alone');
    }
    assert.deepEqual(
      (await listIncidents({ db, viewer: jamAnalyst.actor, filter: { bbox: [-72.31, 18.55, -72.29, 18.56], q: 'together' }, limit: 10 })).items.map((i) => i.title).sort(),
      ['Together 1', 'Together 2', 'Together 3'],
      'found through the space-time and full-text indexes, by a reader the reports are released to',
    );
    const events = await db.selectFrom('incident_events').select(['incident_id', 'payload']).where('type', '=', 'incident.created').execute();
    for (const outcome of outcomes) if (outcome.kind === 'written') assert.equal(events.find((e) => e.incident_id === outcome.record.row.id)?.payload, outcome.answer);
    const audit = await verifyAuditChain(db);
    assert.ok(audit.ok, JSON.stringify(audit));
    const created = await db.selectFrom('audit_log').select(['entity_id', 'actor_user_id']).where('action', '=', 'create').where('entity_type', '=', 'incident').orderBy('seq').execute();
    assert.deepEqual(created.slice(-3), outcomes.map((o, at) => ({ entity_id: o.kind === 'written' ? o.record.row.id : null, actor_user_id: batch[at]!.actor.userId })));
  });

  dbTest('a key used before answers with what it wrote; a key twice in the batch or an unknown organisation fails the whole attempt', async ({ db }) => {
    const { reporter } = await buildMission(db);
    const actor = reporter.actor;
    const firstInput = buildIncidentInput();
    const first = await reportIncident({ db, actor, input: firstInput, idempotencyKey: 'used', areas: null });
    const parsed = IncidentInput.parse(buildIncidentInput());
    const report = (idempotencyKey?: string, input = parsed): QueuedReport => ({ actor, parsed: input, hash: idempotencyKey ? requestHash(input) : null, idempotencyKey, areas: null });
    const outcomes = await db.transaction().execute((trx) => writeReportsTogether(trx, [report('used'), report('new')], new Date().toISOString()));
    assert.deepEqual(outcomes[0], { kind: 'earlier', id: first.incident.id, hash: requestHash(IncidentInput.parse(firstInput)) });
    assert.equal(outcomes[1]!.kind, 'written');
    const before = await db.selectFrom('incidents').select('id').execute();
    await assert.rejects(db.transaction().execute((trx) => writeReportsTogether(trx, [report('twice'), report('twice')], new Date().toISOString())), /twice in one batch/);
    const unknown = IncidentInput.parse(buildIncidentInput({ classification: 'RESTRICTED', releasableTo: ['NOPE'] }));
    await assert.rejects(db.transaction().execute((trx) => writeReportsTogether(trx, [report(), report(undefined, unknown)], new Date().toISOString())), /NOPE/);
    assert.equal((await db.selectFrom('incidents').select('id').execute()).length, before.length, 'a failed attempt leaves nothing');
  });
});
