import { AppError } from '../../shared/errors.ts';
import { MergeRequest, VerificationDecision, type Incident } from '../../shared/incidents.ts';
import type { Db } from '../../db/index.ts';
import { appendAudit, canSee, PUBLIC_VIEWER, type Actor, type LabelledRecord, type Viewer } from '../auth/index.ts';
import * as repo from './incidents.repo.ts';
import { getIncident, inputOf, staleVersion, visibleRecord } from './incidents.service.ts';
import { assertMayMerge, assertMayVerify } from './incidents.policy.ts';
import { labelsOf, presentIncident } from './present.ts';
import { streamBus } from './stream/bus.ts';
import { applyToSummary, contributionsOf } from './summary.ts';
import { historyRow, recordsById, searchTextFor, writeEvents } from './write.ts';

/*
 * What analysts decide about reports: verified, disputed, rejected (or back
 * to unverified), always by someone other than the reporter; and which
 * reports are duplicates of which.
 */

export interface DecideProps {
  db: Db;
  actor: Actor;
  id: string;
  decision: VerificationDecision;
}

export async function decideVerification({ db, actor, id, decision }: DecideProps): Promise<Incident> {
  const { status, note, version } = VerificationDecision.parse(decision);
  await db.transaction().execute(async (trx) => {
    const before = await visibleRecord(trx, actor, id);
    assertMayVerify(actor, before.row);
    if (before.row.merged_into) throw new AppError('CONFLICT', 'this incident was merged into another; decide on that one instead');
    if (version !== undefined && version !== before.row.version) throw staleVersion(before.row.version, version);
    const now = new Date().toISOString();
    const decided = status !== 'unverified';
    const applied = await repo.updateIfVersion(trx, id, before.row.version, {
      verification: status,
      verified_by: decided ? actor.userId : null,
      verified_at: decided ? now : null,
      verification_note: note ?? null,
      version: before.row.version + 1,
      updated_at: now,
    });
    if (!applied) throw staleVersion((await repo.currentVersion(trx, id)) ?? before.row.version, before.row.version);
    const after = (await recordsById(trx, [id])).get(id)!;
    await repo.insertHistory(trx, [historyRow(presentIncident(before), presentIncident(after), `verification.${status}`, actor, now)]);
    await writeEvents(trx, [{ type: 'incident.verified', record: after }], now);
    await appendAudit(trx, { actor, action: `verification.${status}`, entityType: 'incident', entityId: id, details: { version: before.row.version + 1, status, note: note ?? null } });
  });
  streamBus.wake();
  return getIncident({ db, viewer: actor, id });
}

/**
 * Organisations (by code, 'the public' for anyone) that may see the survivor
 * but not the duplicate: moving the duplicate's sources would show them to these.
 */
async function wouldLearnDuplicate(db: Db, survivor: LabelledRecord, duplicate: LabelledRecord): Promise<string[]> {
  const viewers: { name: string; viewer: Viewer }[] = [
    { name: 'the public', viewer: PUBLIC_VIEWER },
    ...(await repo.allOrganisations(db)).map((o) => ({ name: o.code, viewer: { organisationId: o.id, isMissionMember: o.is_mission_member === 1 } })),
  ];
  return viewers.filter(({ viewer }) => canSee(viewer, survivor) && !canSee(viewer, duplicate)).map((v) => v.name);
}

export interface MergeProps {
  db: Db;
  actor: Actor;
  /** The incident that remains. */
  survivorId: string;
  request: { duplicateId: string; note?: string | undefined };
}

/** Marks the duplicate as merged into the survivor and moves its sources, actors and tags there. */
export async function mergeIncidents({ db, actor, survivorId, request }: MergeProps): Promise<Incident> {
  assertMayMerge(actor);
  const { duplicateId, note } = MergeRequest.parse(request);
  if (duplicateId === survivorId) throw new AppError('VALIDATION_FAILED', 'an incident cannot be merged into itself: give the id of its duplicate', [{ path: 'duplicateId', message: 'same as the survivor' }]);
  await db.transaction().execute(async (trx) => {
    const survivor = await visibleRecord(trx, actor, survivorId);
    const duplicate = await visibleRecord(trx, actor, duplicateId);
    if (survivor.row.merged_into) throw new AppError('CONFLICT', 'the survivor was itself merged into another incident; merge into that one');
    if (duplicate.row.merged_into) throw new AppError('CONFLICT', 'the duplicate was merged already');
    const exposed = await wouldLearnDuplicate(trx, labelsOf(survivor), labelsOf(duplicate));
    if (exposed.length > 0) {
      throw new AppError('CONFLICT', `merging would show the duplicate's sources to ${exposed.join(', ')}, who may not see it: merge the other way round, or release the duplicate to them first`);
    }
    const now = new Date().toISOString();
    const known = new Set(survivor.sources.map((s) => `${s.name}\u0000${s.url ?? ''}`));
    const movedSources = duplicate.sources.filter((s) => !known.has(`${s.name}\u0000${s.url ?? ''}`));
    const links = new Set(survivor.actors.map((a) => `${a.id} ${a.role}`));
    const movedActors = duplicate.actors.filter((a) => !links.has(`${a.id} ${a.role}`));
    const movedTags = duplicate.tags.filter((t) => !survivor.tags.includes(t));
    await repo.deleteDetails(trx, [duplicateId]);
    await repo.insertDetails(trx, {
      sources: movedSources.map((s, i) => ({ ...s, incident_id: survivorId, position: survivor.sources.length + i })),
      actors: movedActors.map((a) => ({ incident_id: survivorId, actor_id: a.id, role: a.role })),
      tags: movedTags.map((tag) => ({ incident_id: survivorId, tag })),
    });
    const grown = (await recordsById(trx, [survivorId])).get(survivorId)!;
    const survivorApplied = await repo.updateIfVersion(trx, survivorId, survivor.row.version, {
      version: survivor.row.version + 1,
      search_text: searchTextFor(inputOf(grown), presentIncident(grown).admin),
      updated_at: now,
    });
    const duplicateApplied = await repo.updateIfVersion(trx, duplicateId, duplicate.row.version, { merged_into: survivorId, version: duplicate.row.version + 1, updated_at: now });
    if (!survivorApplied || !duplicateApplied) throw new AppError('CONFLICT', 'one of the incidents changed while merging: try again');
    const after = await recordsById(trx, [survivorId, duplicateId]);
    const survivorAfter = after.get(survivorId)!;
    const duplicateAfter = after.get(duplicateId)!;
    await repo.insertHistory(trx, [
      historyRow(presentIncident(survivor), presentIncident(survivorAfter), 'merge', actor, now),
      historyRow(presentIncident(duplicate), presentIncident(duplicateAfter), 'merged-into', actor, now),
    ]);
    await writeEvents(trx, [{ type: 'incident.merged', record: duplicateAfter, survivor: survivorAfter }, { type: 'incident.updated', record: survivorAfter }], now);
    await applyToSummary(trx, await contributionsOf(trx, [duplicate]), await contributionsOf(trx, [duplicateAfter]));
    await appendAudit(trx, { actor, action: 'merge', entityType: 'incident', entityId: survivorId, details: { duplicate: duplicateId, note: note ?? null, version: survivor.row.version + 1 } });
    await appendAudit(trx, { actor, action: 'merged-into', entityType: 'incident', entityId: duplicateId, details: { survivor: survivorId, version: duplicate.row.version + 1 } });
  });
  streamBus.wake();
  return getIncident({ db, viewer: actor, id: survivorId });
}
