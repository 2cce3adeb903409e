import { randomUUID } from 'node:crypto';
import { Classification } from '../../shared/access.ts';
import { AppError, notFound } from '../../shared/errors.ts';
import {
  DatePrecision, MilestoneInput, MilestoneKind, MilestonePatch, MilestoneStatus,
  type Milestone, type MilestoneInputParsed,
} from '../../shared/ledger.ts';
import type { Db } from '../../db/index.ts';
import type { MandateMilestonesTable } from '../../db/tables/ledger.ts';
import { appendAudit, organisationIdsForCodes, releasableToCodes, setReleasableTo, type Actor, type Viewer } from '../auth/index.ts';
import { lateness, today } from './derive.ts';
import { assertMayChange, assertMayRecordFor } from './ledger.policy.ts';
import { sourceOf } from './present.ts';
import * as repo from './milestones.repo.ts';

/** The mandate's milestones: planned and actual dates, status, and what is late. */

function present(row: repo.MilestoneRow, releasableTo: string[], asOf: string): Milestone {
  const timing = { status: row.status, plannedStart: row.planned_start, plannedEnd: row.planned_end, actualStart: row.actual_start, actualEnd: row.actual_end };
  return {
    id: row.id,
    kind: MilestoneKind.parse(row.kind),
    title: row.title,
    description: row.description,
    organisation: row.organisation_code,
    location: row.location,
    metWith: JSON.parse(row.met_with) as string[],
    resolution: row.resolution,
    ...timing,
    status: MilestoneStatus.parse(row.status),
    datePrecision: DatePrecision.parse(row.date_precision),
    source: sourceOf(row)!,
    ...lateness(timing, asOf),
    classification: Classification.parse(row.classification),
    owner: row.owner_code,
    releasableTo,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

async function presentAll(db: Db, rows: repo.MilestoneRow[], asOf: string): Promise<Milestone[]> {
  const lists = await releasableToCodes(db, 'mandate_milestones', rows.map((r) => r.id));
  return rows.map((row) => present(row, lists.get(row.id) ?? [], asOf));
}

export async function listMilestones({ db, viewer, asOf = today(), limit = 500 }: { db: Db; viewer: Viewer; asOf?: string; limit?: number }): Promise<Milestone[]> {
  return presentAll(db, await repo.listVisible(db, viewer, limit), asOf);
}

export async function getMilestone({ db, viewer, id, asOf = today() }: { db: Db; viewer: Viewer; id: string; asOf?: string }): Promise<Milestone> {
  const row = await repo.findVisible(db, viewer, id);
  if (!row) throw notFound('milestone');
  return (await presentAll(db, [row], asOf))[0]!;
}

export async function countMilestones({ db, viewer }: { db: Db; viewer: Viewer }): Promise<number> {
  return repo.countVisible(db, viewer);
}

type MilestoneColumns = Omit<MandateMilestonesTable, 'id' | 'owner_org_id' | 'created_by' | 'created_at' | 'updated_at'>;

function columnsOf(parsed: MilestoneInputParsed, organisationId: string | null): MilestoneColumns {
  return {
    kind: parsed.kind,
    title: parsed.title,
    description: parsed.description,
    status: parsed.status,
    organisation_id: organisationId,
    location: parsed.location,
    met_with: JSON.stringify(parsed.metWith),
    resolution: parsed.resolution,
    planned_start: parsed.plannedStart,
    planned_end: parsed.plannedEnd,
    actual_start: parsed.actualStart,
    actual_end: parsed.actualEnd,
    date_precision: parsed.datePrecision,
    source_announced_by: parsed.source.announcedBy,
    source_title: parsed.source.title,
    source_url: parsed.source.url,
    illustrative: parsed.source.illustrative ? 1 : 0,
    classification: parsed.classification,
  };
}

export interface CreateMilestoneProps {
  db: Db;
  /** null for the system (command line, demo): then `owner` names the owning organisation. */
  actor: Actor | null;
  input: MilestoneInput;
  owner?: string;
}

export async function createMilestone({ db, actor, input, owner }: CreateMilestoneProps): Promise<Milestone> {
  const parsed = MilestoneInput.parse(input);
  const ownerCode = actor?.organisationCode ?? owner ?? parsed.organisation;
  if (!ownerCode) throw new AppError('VALIDATION_FAILED', 'invalid input: organisation: name the organisation that owns this milestone', [{ path: 'organisation', message: 'name the organisation that owns this milestone' }]);
  const { id, ownerId } = await db.transaction().execute(async (trx) => {
    const organisationId = parsed.organisation ? (await organisationIdsForCodes(trx, [parsed.organisation], 'organisation'))[0]! : null;
    const ownerId = actor?.organisationId ?? (await organisationIdsForCodes(trx, [ownerCode], 'owner'))[0]!;
    if (organisationId) assertMayRecordFor(actor, organisationId, parsed.organisation!);
    const now = new Date().toISOString();
    const row: MandateMilestonesTable = { id: randomUUID(), ...columnsOf(parsed, organisationId), owner_org_id: ownerId, created_by: actor?.userId ?? null, created_at: now, updated_at: now };
    await repo.insert(trx, row);
    const releaseIds = parsed.classification === 'RESTRICTED' ? await organisationIdsForCodes(trx, parsed.releasableTo, 'releasableTo') : [];
    await setReleasableTo(trx, 'mandate_milestones', row.id, releaseIds);
    await appendAudit(trx, { actor, action: 'create', entityType: 'milestone', entityId: row.id, details: { after: parsed } });
    return { id: row.id, ownerId };
  });
  return getMilestone({ db, viewer: actor ?? { organisationId: ownerId, isMissionMember: false }, id });
}

export interface CorrectMilestoneProps {
  db: Db;
  actor: Actor | null;
  id: string;
  input: MilestonePatch;
}

/** Updates a milestone (status, dates, whom it met…); the whole result obeys the same rules as a new one. */
export async function correctMilestone({ db, actor, id, input }: CorrectMilestoneProps): Promise<Milestone> {
  const { reason, ...patch } = MilestonePatch.parse(input);
  const ownerId = await db.transaction().execute(async (trx) => {
    const before = actor ? await repo.findVisible(trx, actor, id) : await repo.findAnyForSystem(trx, id);
    if (!before) throw notFound('milestone');
    assertMayChange(actor, before, 'milestone');
    const current = {
      kind: before.kind, title: before.title, description: before.description, status: before.status, organisation: before.organisation_code,
      location: before.location, metWith: JSON.parse(before.met_with) as string[], resolution: before.resolution,
      plannedStart: before.planned_start, plannedEnd: before.planned_end, actualStart: before.actual_start, actualEnd: before.actual_end,
      datePrecision: before.date_precision, source: sourceOf(before), classification: before.classification,
      releasableTo: (await releasableToCodes(trx, 'mandate_milestones', [id])).get(id) ?? [],
    };
    const parsed = MilestoneInput.parse({ ...current, ...patch });
    const organisationId = parsed.organisation ? (await organisationIdsForCodes(trx, [parsed.organisation], 'organisation'))[0]! : null;
    await repo.update(trx, id, { ...columnsOf(parsed, organisationId), updated_at: new Date().toISOString() });
    const releaseIds = parsed.classification === 'RESTRICTED' ? await organisationIdsForCodes(trx, parsed.releasableTo, 'releasableTo') : [];
    await setReleasableTo(trx, 'mandate_milestones', id, releaseIds);
    await appendAudit(trx, { actor, action: 'correct', entityType: 'milestone', entityId: id, details: { before: current, after: parsed, reason } });
    return before.owner_org_id;
  });
  return getMilestone({ db, viewer: actor ?? { organisationId: ownerId, isMissionMember: false }, id });
}
