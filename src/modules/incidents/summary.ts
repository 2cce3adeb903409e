import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/index.ts';
import type { IncidentWeeklyTable } from '../../db/tables/incidents.ts';
import { setReleasableTo, type LabelledRecord } from '../auth/index.ts';
import * as repo from './incidents.repo.ts';
import { labelsOf, loadRecords, type IncidentRecord } from './present.ts';
import * as summaryRepo from './summary.repo.ts';
import { isoWeekMonday } from './time.ts';

/*
 * Keeping the weekly summary in step. Every change that can move an
 * incident's week, type, commune, counts, label or survivor computes what
 * the incidents it touches contributed before and after, in its own
 * transaction, and files the difference.
 */

/** What one incident adds to the summary. */
export interface Contribution {
  week: string;
  type: string;
  adm1: string;
  adm2: string;
  adm2Name: string;
  label: LabelledRecord;
  survivor: LabelledRecord | null;
  killed: number;
  injured: number;
  abducted: number;
  displaced: number;
}

function contribution(record: IncidentRecord, survivor: LabelledRecord | null): Contribution {
  const { row } = record;
  return {
    week: isoWeekMonday(Number(row.occurred_ms)),
    type: row.type,
    adm1: row.adm1_pcode ?? '',
    adm2: row.adm2_pcode ?? '',
    adm2Name: row.adm2_name ?? '',
    label: labelsOf(record),
    survivor,
    killed: row.killed,
    injured: row.injured,
    abducted: row.abducted,
    displaced: row.displaced,
  };
}

/** What these incidents contribute now (their survivors' labels read as they stand). */
export async function contributionsOf(db: Db, records: readonly IncidentRecord[]): Promise<Contribution[]> {
  const survivorIds = [...new Set(records.map((r) => r.row.merged_into).filter((id): id is string => id !== null))];
  const survivors = new Map((await loadRecords(db, await repo.findRows(db, survivorIds, null))).map((r) => [r.row.id, labelsOf(r)]));
  return records.map((record) => contribution(record, record.row.merged_into ? (survivors.get(record.row.merged_into) ?? null) : null));
}

/** The incidents whose contributions a change of these can alter: themselves and what was merged into them. */
export async function affectedBy(db: Db, ids: readonly string[]): Promise<string[]> {
  return [...new Set([...ids, ...(await summaryRepo.mergedInto(db, ids))])];
}

/** Records of incidents by id (inside a change, regardless of releasability). */
export async function recordsOf(db: Db, ids: readonly string[]): Promise<IncidentRecord[]> {
  return loadRecords(db, await repo.findRows(db, ids, null));
}

function labelKey(label: LabelledRecord) {
  const releases = label.classification === 'RESTRICTED' ? [...new Set(label.releasableTo)].sort().join(',') : '';
  return { classification: String(label.classification), owner_org_id: label.ownerOrgId, releases };
}

const keyString = (key: { classification: string; owner_org_id: string; releases: string }) => `${key.classification}\u0000${key.owner_org_id}\u0000${key.releases}`;

/** Label ids for these labels, registering new ones with their releasable-to lists. */
async function labelIds(trx: Db, labels: readonly LabelledRecord[]): Promise<Map<string, string>> {
  const keys = new Map(labels.map((label) => [keyString(labelKey(label)), labelKey(label)]));
  const ids = new Map((await summaryRepo.findLabels(trx, [...keys.values()])).map((row) => [keyString(row), row.id]));
  const fresh = [...keys].filter(([k]) => !ids.has(k)).map(([k, key]) => ({ k, row: { id: randomUUID(), ...key, created_at: new Date().toISOString() } }));
  await summaryRepo.insertLabels(trx, fresh.map((f) => f.row));
  for (const { k, row } of fresh) {
    ids.set(k, row.id);
    if (row.releases) await setReleasableTo(trx, 'incident_labels', row.id, row.releases.split(','));
  }
  return ids;
}

/**
 * Files the difference between what incidents contributed before a change
 * and after it. Call it after writeEvents: its lock keeps two writers from
 * registering the same label at once.
 */
export async function applyToSummary(trx: Db, before: readonly Contribution[], after: readonly Contribution[]): Promise<void> {
  if (before.length + after.length === 0) return;
  const all = [...before, ...after];
  const ids = await labelIds(trx, [...all.map((c) => c.label), ...all.flatMap((c) => (c.survivor ? [c.survivor] : []))]);
  const deltas = new Map<string, IncidentWeeklyTable>();
  const add = (c: Contribution, sign: 1 | -1) => {
    const labelId = ids.get(keyString(labelKey(c.label)))!;
    const survivorId = c.survivor ? ids.get(keyString(labelKey(c.survivor)))! : '';
    const key = [c.week, c.type, c.adm2, labelId, survivorId].join('\u0000');
    const delta = deltas.get(key) ?? { week: c.week, type: c.type, adm1_pcode: c.adm1, adm2_pcode: c.adm2, adm2_name: c.adm2Name, label_id: labelId, survivor_label_id: survivorId, incidents: 0, killed: 0, injured: 0, abducted: 0, displaced: 0 };
    delta.incidents += sign;
    delta.killed += sign * c.killed;
    delta.injured += sign * c.injured;
    delta.abducted += sign * c.abducted;
    delta.displaced += sign * c.displaced;
    deltas.set(key, delta);
  };
  for (const c of before) add(c, -1);
  for (const c of after) add(c, 1);
  const changed = [...deltas.values()].filter((d) => d.incidents !== 0 || d.killed !== 0 || d.injured !== 0 || d.abducted !== 0 || d.displaced !== 0);
  await summaryRepo.addToWeekly(trx, changed);
}

/** Builds the summary again from the incidents (after a bulk load, or to repair it). */
export async function rebuildSummary(db: Db, pageSize = 5000): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await summaryRepo.clearWeekly(trx);
    let after = 0;
    for (;;) {
      const page = await summaryRepo.idsPage(trx, after, pageSize);
      if (page.length === 0) return;
      const records = await recordsOf(trx, page.map((r) => r.id));
      await applyToSummary(trx, [], await contributionsOf(trx, records));
      after = Number(page.at(-1)!.seq);
    }
  });
}
