import type { Db } from '../../db/index.ts';
import type { TraineesTable, VettingFlagsTable } from '../../db/tables/sites.ts';
import { visibleTo, type Viewer } from '../auth/index.ts';

/** SQL for trainees and the vetting flags on them. Every read of a trainee goes through visibleTo. */

export type TraineeRow = TraineesTable & { owner_code: string };

function selectRows(db: Db) {
  return db.selectFrom('trainees').innerJoin('organisations as owner', 'owner.id', 'trainees.owner_org_id').selectAll('trainees').select('owner.code as owner_code');
}

export interface TraineeFilter {
  unit?: string | undefined;
  serviceNumber?: string | undefined;
  limit: number;
}

export async function listVisible(db: Db, viewer: Viewer, filter: TraineeFilter): Promise<TraineeRow[]> {
  let query = selectRows(db).where(visibleTo(viewer, 'trainees'));
  if (filter.unit) query = query.where('trainees.unit', '=', filter.unit);
  if (filter.serviceNumber) query = query.where('trainees.service_number', '=', filter.serviceNumber);
  return query.orderBy('trainees.unit').orderBy('trainees.full_name').orderBy('trainees.id').limit(filter.limit).execute();
}

export async function findVisible(db: Db, viewer: Viewer, id: string): Promise<TraineeRow | undefined> {
  return selectRows(db).where(visibleTo(viewer, 'trainees')).where('trainees.id', '=', id).executeTakeFirst();
}

export async function findAny(db: Db, id: string): Promise<TraineeRow | undefined> {
  return selectRows(db).where('trainees.id', '=', id).executeTakeFirst();
}

export async function countVisible(db: Db, viewer: Viewer): Promise<number> {
  const row = await db.selectFrom('trainees').select((eb) => eb.fn.countAll().as('count')).where(visibleTo(viewer, 'trainees')).executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function serviceNumberTaken(db: Db, serviceNumber: string): Promise<boolean> {
  return (await db.selectFrom('trainees').select('id').where('service_number', '=', serviceNumber).executeTakeFirst()) !== undefined;
}

export async function insert(db: Db, row: TraineesTable): Promise<void> {
  await db.insertInto('trainees').values(row).execute();
}

/** Flags standing (not cleared) on the trainees, for trainees the caller already found visible. */
export async function activeFlags(db: Db, traineeIds: readonly string[]): Promise<VettingFlagsTable[]> {
  if (traineeIds.length === 0) return [];
  const rows: VettingFlagsTable[] = [];
  for (let start = 0; start < traineeIds.length; start += 500) {
    rows.push(...(await db.selectFrom('vetting_flags').selectAll().where('trainee_id', 'in', traineeIds.slice(start, start + 500)).where('cleared_at', 'is', null).orderBy('raised_at').execute()));
  }
  return rows;
}

export async function flagsOf(db: Db, traineeId: string): Promise<(VettingFlagsTable & { raised_by_code: string })[]> {
  return db
    .selectFrom('vetting_flags')
    .innerJoin('organisations', 'organisations.id', 'vetting_flags.raised_by_org_id')
    .selectAll('vetting_flags')
    .select('organisations.code as raised_by_code')
    .where('trainee_id', '=', traineeId)
    .orderBy('raised_at')
    .execute();
}

export async function findFlag(db: Db, traineeId: string, flagId: string): Promise<VettingFlagsTable | undefined> {
  return db.selectFrom('vetting_flags').selectAll().where('trainee_id', '=', traineeId).where('id', '=', flagId).executeTakeFirst();
}

export async function insertFlag(db: Db, row: VettingFlagsTable): Promise<void> {
  await db.insertInto('vetting_flags').values(row).execute();
}

export async function clearFlag(db: Db, id: string, changes: Pick<VettingFlagsTable, 'cleared_at' | 'cleared_by' | 'clearance_note'>): Promise<boolean> {
  const result = await db.updateTable('vetting_flags').set(changes).where('id', '=', id).where('cleared_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function organisationKind(db: Db, id: string): Promise<string | undefined> {
  return (await db.selectFrom('organisations').select('kind').where('id', '=', id).executeTakeFirst())?.kind;
}
