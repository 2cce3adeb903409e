import { createHash, randomUUID } from 'node:crypto';
import { AppError, notFound } from '../../shared/errors.ts';
import { ServiceNumber, TraineeInput, VettingClearInput, VettingFlagInput, type Trainee, type VettingFlag } from '../../shared/training.ts';
import type { Db } from '../../db/index.ts';
import type { TraineesTable } from '../../db/tables/sites.ts';
import { appendAudit, type Actor, type Viewer } from '../auth/index.ts';
import { ownerOf, releaseCodes, writeReleases } from './labels.ts';
import * as repo from './trainees.repo.ts';
import { assertOversight, isOversight, viewerOf } from './training.policy.ts';

/*
 * Trainees: officers of the national police, known by service number. Their
 * records are personal data: MISSION or RESTRICTED, never PUBLIC (the schema
 * refuses it and the database holds it). Vetting flags are the oversight
 * body's: any reader of a trainee learns that a flag stands, only oversight
 * learns why.
 */

async function present(db: Db, viewer: Viewer, rows: readonly repo.TraineeRow[]): Promise<Trainee[]> {
  const ids = rows.map((r) => r.id);
  const [lists, flags, oversight] = await Promise.all([releaseCodes(db, 'trainees', ids), repo.activeFlags(db, ids), isOversight(db, viewer)]);
  return rows.map((row) => {
    const standing = flags.filter((f) => f.trainee_id === row.id);
    return {
      id: row.id, serviceNumber: row.service_number, fullName: row.full_name, unit: row.unit, rank: row.rank, illustrative: row.illustrative === 1,
      vetting: { flagged: standing.length > 0, since: standing[0]?.raised_at ?? null, reason: oversight && standing.length > 0 ? standing.map((f) => f.reason).join('\n') : null },
      classification: row.classification as Trainee['classification'], owner: row.owner_code, releasableTo: lists.get(row.id) ?? [], createdAt: row.created_at,
    };
  });
}

export interface RegisterTraineeProps {
  db: Db;
  actor: Actor | null;
  input: TraineeInput;
  ownerCode?: string | undefined;
}

export async function registerTrainee({ db, actor, input, ownerCode }: RegisterTraineeProps): Promise<Trainee> {
  const parsed = TraineeInput.parse(input);
  const ownerId = await ownerOf(db, actor, ownerCode);
  const id = await db.transaction().execute(async (trx) => {
    // Says only that the number is taken, not whose record holds it.
    if (await repo.serviceNumberTaken(trx, parsed.serviceNumber)) throw new AppError('CONFLICT', `service number ${parsed.serviceNumber} is registered already: look the trainee up, or check the number`);
    const now = new Date().toISOString();
    const row: TraineesTable = {
      id: randomUUID(), service_number: parsed.serviceNumber, full_name: parsed.fullName, unit: parsed.unit, rank: parsed.rank, illustrative: parsed.illustrative ? 1 : 0,
      classification: parsed.classification, owner_org_id: ownerId, created_by: actor?.userId ?? null, created_at: now, updated_at: now,
    };
    await repo.insert(trx, row);
    await writeReleases(trx, 'trainees', row.id, parsed.classification, parsed.releasableTo);
    // Personal data stays out of the audit log: the record's id and label say what happened.
    await appendAudit(trx, { actor, action: 'create', entityType: 'trainee', entityId: row.id, details: { classification: row.classification } });
    return row.id;
  });
  return getTrainee({ db, viewer: viewerOf(actor, ownerId), id });
}

export async function findTraineeForWriter(db: Db, actor: Actor | null, id: string): Promise<repo.TraineeRow> {
  const row = actor ? await repo.findVisible(db, actor, id) : await repo.findAny(db, id);
  if (!row) throw notFound('trainee');
  return row;
}

export async function getTrainee({ db, viewer, id }: { db: Db; viewer: Viewer; id: string }): Promise<Trainee> {
  const row = await repo.findVisible(db, viewer, id);
  if (!row) throw notFound('trainee');
  return (await present(db, viewer, [row]))[0]!;
}

export async function listTrainees({ db, viewer, unit, serviceNumber, limit = 1000 }: { db: Db; viewer: Viewer; unit?: string | undefined; serviceNumber?: string | undefined; limit?: number }): Promise<Trainee[]> {
  const number = serviceNumber === undefined ? undefined : ServiceNumber.parse(serviceNumber);
  return present(db, viewer, await repo.listVisible(db, viewer, { unit, serviceNumber: number, limit }));
}

export async function countTrainees({ db, viewer }: { db: Db; viewer: Viewer }): Promise<number> {
  return repo.countVisible(db, viewer);
}

const digest = (text: string) => createHash('sha256').update(text).digest('hex');

/** The oversight body flags a trainee; certification in sensitive topics stops until it clears the flag. */
export async function raiseVettingFlag({ db, actor, traineeId, input }: { db: Db; actor: Actor | null; traineeId: string; input: { reason: string } }): Promise<VettingFlag> {
  const { reason } = VettingFlagInput.parse(input);
  await assertOversight(db, actor);
  const id = await db.transaction().execute(async (trx) => {
    const trainee = await findTraineeForWriter(trx, actor, traineeId);
    const flagId = randomUUID();
    const raisedBy = actor?.organisationId ?? trainee.owner_org_id;
    await repo.insertFlag(trx, { id: flagId, trainee_id: trainee.id, reason, raised_by_org_id: raisedBy, raised_by: actor?.userId ?? null, raised_at: new Date().toISOString(), cleared_at: null, cleared_by: null, clearance_note: null });
    // The reason is the oversight body's: the audit row keeps only its digest.
    await appendAudit(trx, { actor, action: 'vetting_flag', entityType: 'trainee', entityId: trainee.id, details: { flagId, reasonSha256: digest(reason) } });
    return flagId;
  });
  return (await listVettingFlags({ db, actor, traineeId })).find((f) => f.id === id)!;
}

export async function clearVettingFlag({ db, actor, traineeId, flagId, input }: { db: Db; actor: Actor | null; traineeId: string; flagId: string; input: { note: string } }): Promise<VettingFlag> {
  const { note } = VettingClearInput.parse(input);
  await assertOversight(db, actor);
  await db.transaction().execute(async (trx) => {
    await findTraineeForWriter(trx, actor, traineeId);
    const flag = await repo.findFlag(trx, traineeId, flagId);
    if (!flag) throw notFound('vetting flag');
    const cleared = await repo.clearFlag(trx, flagId, { cleared_at: new Date().toISOString(), cleared_by: actor?.userId ?? null, clearance_note: note });
    if (!cleared) throw new AppError('CONFLICT', `the flag was cleared already, on ${flag.cleared_at}`);
    await appendAudit(trx, { actor, action: 'vetting_clear', entityType: 'trainee', entityId: traineeId, details: { flagId, noteSha256: digest(note) } });
  });
  return (await listVettingFlags({ db, actor, traineeId })).find((f) => f.id === flagId)!;
}

/** A trainee's flags with their reasons: for the oversight body only. */
export async function listVettingFlags({ db, actor, traineeId }: { db: Db; actor: Actor | null; traineeId: string }): Promise<VettingFlag[]> {
  await assertOversight(db, actor);
  await findTraineeForWriter(db, actor, traineeId);
  return (await repo.flagsOf(db, traineeId)).map((f) => ({
    id: f.id, traineeId: f.trainee_id, reason: f.reason, raisedAt: f.raised_at, raisedBy: f.raised_by_code, clearedAt: f.cleared_at, clearanceNote: f.clearance_note,
  }));
}
