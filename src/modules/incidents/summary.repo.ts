import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { DB, Db } from '../../db/index.ts';
import type { IncidentLabelsTable, IncidentWeeklyTable } from '../../db/tables/incidents.ts';
import { visibleTo, type Viewer } from '../auth/index.ts';
import { chunks } from './incidents.repo.ts';

/*
 * The weekly summary and the labels it is filed under. Who may see a
 * summary row is decided by visibleTo on its label, the same predicate as
 * for the incidents themselves.
 */

export async function findLabels(db: Db, keys: readonly { classification: string; owner_org_id: string; releases: string }[]): Promise<IncidentLabelsTable[]> {
  const found: IncidentLabelsTable[] = [];
  for (const chunk of chunks(keys, 200)) {
    const rows = await db
      .selectFrom('incident_labels')
      .selectAll()
      .where((eb) => eb.or(chunk.map((k) => eb.and([eb('classification', '=', k.classification), eb('owner_org_id', '=', k.owner_org_id), eb('releases', '=', k.releases)]))))
      .execute();
    found.push(...rows);
  }
  return found;
}

export async function insertLabels(trx: Db, rows: readonly IncidentLabelsTable[]): Promise<void> {
  for (const chunk of chunks(rows, 200)) await trx.insertInto('incident_labels').values(chunk).execute();
}

/** Adds the deltas to the weekly rows (creating them as needed); keys must be distinct. */
export async function addToWeekly(trx: Db, deltas: readonly IncidentWeeklyTable[]): Promise<void> {
  for (const chunk of chunks(deltas, 400)) {
    await trx
      .insertInto('incident_weekly')
      .values(chunk)
      .onConflict((oc) =>
        oc.columns(['week', 'type', 'adm2_pcode', 'label_id', 'survivor_label_id']).doUpdateSet((eb) => ({
          incidents: eb(eb.ref('incident_weekly.incidents'), '+', eb.ref('excluded.incidents')),
          killed: eb(eb.ref('incident_weekly.killed'), '+', eb.ref('excluded.killed')),
          injured: eb(eb.ref('incident_weekly.injured'), '+', eb.ref('excluded.injured')),
          abducted: eb(eb.ref('incident_weekly.abducted'), '+', eb.ref('excluded.abducted')),
          displaced: eb(eb.ref('incident_weekly.displaced'), '+', eb.ref('excluded.displaced')),
        })),
      )
      .execute();
  }
}

export interface WeeklyFilter {
  /** Mondays, YYYY-MM-DD: from inclusive, to exclusive. */
  fromWeek: string;
  toWeek: string;
  types?: readonly string[] | undefined;
  area?: { level: 1 | 2; pcode: string } | undefined;
  includeMerged?: boolean | undefined;
}

/** The labels the viewer may see: few, so the weekly rows are then filtered by a plain list. */
async function visibleLabelIds(db: Db, viewer: Viewer): Promise<string[]> {
  const rows = await db.selectFrom('incident_labels as l').select('l.id').where(visibleTo(viewer, 'incident_labels', 'l')).execute();
  return rows.map((row) => row.id);
}

/** The weekly rows the viewer may count, grouped by type, week and commune. */
export async function aggregateWeekly(db: Db, viewer: Viewer, filter: WeeklyFilter) {
  const labels = await visibleLabelIds(db, viewer);
  if (labels.length === 0) return [];
  const rows = await db
    .selectFrom('incident_weekly as w')
    .select(['w.type', 'w.week', 'w.adm2_pcode'])
    .select((eb) => [
      eb.fn.max('w.adm2_name').as('adm2_name'),
      eb.fn.sum<number>('w.incidents').as('incidents'),
      eb.fn.sum<number>('w.killed').as('killed'),
      eb.fn.sum<number>('w.injured').as('injured'),
      eb.fn.sum<number>('w.abducted').as('abducted'),
      eb.fn.sum<number>('w.displaced').as('displaced'),
    ])
    .where(weeklyFilter(labels, filter))
    .groupBy(['w.type', 'w.week', 'w.adm2_pcode'])
    .having((eb) => eb.fn.sum('w.incidents'), '>', 0)
    .execute();
  return rows.map((row) => ({
    type: row.type,
    occurred_week: row.week,
    adm2_pcode: row.adm2_pcode === '' ? null : row.adm2_pcode,
    adm2_name: row.adm2_name === '' || row.adm2_name === null ? null : row.adm2_name,
    incidents: Number(row.incidents),
    killed: Number(row.killed),
    injured: Number(row.injured),
    abducted: Number(row.abducted),
    displaced: Number(row.displaced),
  }));
}

type Eb = ExpressionBuilder<DB & { w: IncidentWeeklyTable }, 'w'>;

function weeklyFilter(visibleLabels: readonly string[], filter: WeeklyFilter) {
  return (eb: Eb): Expression<SqlBool> => {
    const all: Expression<SqlBool>[] = [eb('w.label_id', 'in', visibleLabels), eb('w.week', '>=', filter.fromWeek), eb('w.week', '<', filter.toWeek)];
    if (filter.types?.length) all.push(eb('w.type', 'in', filter.types));
    if (filter.area) all.push(eb(filter.area.level === 1 ? 'w.adm1_pcode' : 'w.adm2_pcode', '=', filter.area.pcode));
    // A merged duplicate counts only for readers who may not see its survivor.
    if (!filter.includeMerged) all.push(eb('w.survivor_label_id', 'not in', visibleLabels));
    return eb.and(all);
  };
}

/** Ids of incidents merged into these. */
export async function mergedInto(db: Db, survivorIds: readonly string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const chunk of chunks(survivorIds)) {
    ids.push(...(await db.selectFrom('incidents').select('id').where('merged_into', 'in', chunk).execute()).map((r) => r.id));
  }
  return ids;
}

/** Empties the summary (before rebuilding it). */
export async function clearWeekly(trx: Db): Promise<void> {
  await trx.deleteFrom('incident_weekly').execute();
}

/** Incident ids in seq order, a page at a time. */
export async function idsPage(db: Db, afterSeq: number, limit: number): Promise<{ seq: number; id: string }[]> {
  return db.selectFrom('incidents').select(['seq', 'id']).where('seq', '>', afterSeq).orderBy('seq').limit(limit).execute();
}

