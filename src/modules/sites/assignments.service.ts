import { randomUUID } from 'node:crypto';
import { AppError, notFound } from '../../shared/errors.ts';
import { AssignmentInput, AssignmentPatch, CRITICAL_THRESHOLD, type Assignment, type ProtectionGap } from '../../shared/sites.ts';
import { lockForSerialWrite, type Db } from '../../db/index.ts';
import type { SiteAssignmentsTable } from '../../db/tables/sites.ts';
import { appendAudit, organisationIdsForCodes, releasableToCodes, type Actor, type Viewer } from '../auth/index.ts';
import * as repo from './assignments.repo.ts';
import * as sitesRepo from './sites.repo.ts';
import { assertMayChange, assertMayTask, seesProtectionDetail, viewerOf } from './sites.policy.ts';
import { findSiteForWriter, ownerOf, writeReleases } from './sites.service.ts';

/*
 * Protection assignments: which unit guards which site, from when to when,
 * with how many officers. A unit guards one site at a time: a second
 * assignment of the same unit over the same period is refused. Gaps are the
 * critical sites nobody guards and the sites guarded by fewer officers than
 * they need, as the reader may see them.
 */

/** A unit's name as overlap checks compare it: case and spacing do not make another unit. */
export function unitKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Serialises writers of one unit's assignments on PostgreSQL, so two cannot both pass the overlap check. */
async function lockUnit(trx: Db, unitOrgId: string, key: string): Promise<void> {
  let hash = 0x811c9dc5;
  for (const char of `unit:${unitOrgId}:${key}`) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193);
  await lockForSerialWrite(trx, hash | 0);
}

function checkWindow(startsAt: string, endsAt: string | null): void {
  if (endsAt !== null && Date.parse(endsAt) <= Date.parse(startsAt)) {
    throw new AppError('VALIDATION_FAILED', `invalid input: endsAt: the assignment ends (${endsAt}) before it starts (${startsAt})`, [{ path: 'endsAt', message: 'not after startsAt' }]);
  }
}

const iso = (value: string) => new Date(value).toISOString();

/** Refuses a second assignment of the unit over the same period, naming the one in the way as far as the actor may see it. */
async function assertNoOverlap(trx: Db, actor: Actor | null, row: Pick<SiteAssignmentsTable, 'unit_org_id' | 'unit_key' | 'unit_name' | 'starts_at' | 'ends_at'>, unitCode: string, excludeId: string | null): Promise<void> {
  const clash = (await repo.overlapping(trx, row.unit_org_id, row.unit_key, row.starts_at, row.ends_at, excludeId))[0];
  if (!clash) return;
  const seen = actor === null || (await repo.findVisible(trx, actor, clash.id)) !== undefined;
  const period = `from ${clash.starts_at}${clash.ends_at ? ` to ${clash.ends_at}` : ' with no end'}`;
  const where = seen ? `${clash.site_name} ${period} (assignment ${clash.id})` : `another site over that period`;
  throw new AppError('CONFLICT', `unit "${row.unit_name}" of ${unitCode} is already assigned to ${where}: a unit guards one site at a time; end that assignment first or choose other dates`, seen ? { assignmentId: clash.id } : undefined);
}

function present(viewer: Viewer, rows: readonly repo.AssignmentRow[], lists: ReadonlyMap<string, string[]>): Assignment[] {
  return rows.map((row) => ({
    id: row.id, siteId: row.site_id, siteName: row.site_name, unit: { organisation: row.unit_org_code, name: row.unit_name }, strength: row.strength,
    startsAt: row.starts_at, endsAt: row.ends_at, notes: seesProtectionDetail(viewer, row.owner_org_id) ? row.notes : '',
    cancelled: row.cancelled_at ? { at: row.cancelled_at, reason: row.cancel_reason ?? '' } : null,
    classification: row.classification as Assignment['classification'], owner: row.owner_code, releasableTo: lists.get(row.id) ?? [],
    version: row.version, createdAt: row.created_at, updatedAt: row.updated_at,
  }));
}

async function presentRows(db: Db, viewer: Viewer, rows: readonly repo.AssignmentRow[]): Promise<Assignment[]> {
  const lists = rows.length === 0 ? new Map<string, string[]>() : await releasableToCodes(db, 'site_assignments', rows.map((r) => r.id));
  return present(viewer, rows, lists);
}

export interface CreateAssignmentProps {
  db: Db;
  actor: Actor | null;
  input: AssignmentInput;
  ownerCode?: string | undefined;
}

export async function createAssignment({ db, actor, input, ownerCode }: CreateAssignmentProps): Promise<Assignment> {
  const parsed = AssignmentInput.parse(input);
  const startsAt = iso(parsed.startsAt);
  const endsAt = parsed.endsAt === null ? null : iso(parsed.endsAt);
  checkWindow(startsAt, endsAt);
  const ownerId = await ownerOf(db, actor, ownerCode);
  const id = await db.transaction().execute(async (trx) => {
    const site = await findSiteForWriter(trx, actor, parsed.siteId);
    const [unitOrgId] = await organisationIdsForCodes(trx, [parsed.unit.organisation], 'unit.organisation');
    await assertMayTask(trx, actor, unitOrgId!, parsed.unit.organisation);
    const key = unitKey(parsed.unit.name);
    await lockUnit(trx, unitOrgId!, key);
    const now = new Date().toISOString();
    const row: SiteAssignmentsTable = {
      id: randomUUID(), site_id: site.id, unit_org_id: unitOrgId!, unit_name: parsed.unit.name.replace(/\s+/g, ' '), unit_key: key, strength: parsed.strength,
      starts_at: startsAt, ends_at: endsAt, notes: parsed.notes, cancelled_at: null, cancel_reason: null, version: 1,
      classification: parsed.classification, owner_org_id: ownerId, created_by: actor?.userId ?? null, created_at: now, updated_at: now,
    };
    await assertNoOverlap(trx, actor, row, parsed.unit.organisation, null);
    await repo.insert(trx, row);
    await writeReleases(trx, 'site_assignments', row.id, parsed.classification, parsed.releasableTo);
    await appendAudit(trx, { actor, action: 'create', entityType: 'site_assignment', entityId: row.id, details: { siteId: site.id, unit: parsed.unit, strength: row.strength, startsAt, endsAt } });
    return row.id;
  });
  return getAssignment({ db, viewer: viewerOf(actor, ownerId), id });
}

async function findForWriter(db: Db, actor: Actor | null, id: string): Promise<repo.AssignmentRow> {
  const row = actor ? await repo.findVisible(db, actor, id) : await repo.findAny(db, id);
  if (!row) throw notFound('assignment');
  return row;
}

/** Changes strength, dates or notes, if nobody changed the assignment since `version`. */
export async function updateAssignment({ db, actor, id, patch }: { db: Db; actor: Actor | null; id: string; patch: AssignmentPatch }): Promise<Assignment> {
  const { version, changes } = AssignmentPatch.parse(patch);
  const ownerId = await db.transaction().execute(async (trx) => {
    const before = await findForWriter(trx, actor, id);
    assertMayChange(actor, before, 'assignment');
    if (before.cancelled_at) throw new AppError('CONFLICT', `the assignment was cancelled on ${before.cancelled_at}; record a new one instead`);
    if (before.version !== version) throw new AppError('CONFLICT', `the assignment was changed by someone else (it is now at version ${before.version}): reload it and make your change again`);
    const after = {
      strength: changes.strength ?? before.strength,
      starts_at: changes.startsAt !== undefined ? iso(changes.startsAt) : before.starts_at,
      ends_at: changes.endsAt === undefined ? before.ends_at : changes.endsAt === null ? null : iso(changes.endsAt),
      notes: changes.notes ?? before.notes,
    };
    checkWindow(after.starts_at, after.ends_at);
    await lockUnit(trx, before.unit_org_id, before.unit_key);
    await assertNoOverlap(trx, actor, { ...before, ...after }, before.unit_org_code, id);
    await repo.update(trx, id, { ...after, version: version + 1, updated_at: new Date().toISOString() });
    await appendAudit(trx, { actor, action: 'update', entityType: 'site_assignment', entityId: id, details: { version: version + 1, changes } });
    return before.owner_org_id;
  });
  return getAssignment({ db, viewer: viewerOf(actor, ownerId), id });
}

/** Cancels an assignment entered by mistake or called off: kept, never counted again. */
export async function cancelAssignment({ db, actor, id, reason }: { db: Db; actor: Actor | null; id: string; reason: string }): Promise<Assignment> {
  const ownerId = await db.transaction().execute(async (trx) => {
    const before = await findForWriter(trx, actor, id);
    assertMayChange(actor, before, 'assignment');
    if (before.cancelled_at) throw new AppError('CONFLICT', `the assignment was cancelled already, on ${before.cancelled_at}`);
    const now = new Date().toISOString();
    await repo.update(trx, id, { cancelled_at: now, cancel_reason: reason, version: before.version + 1, updated_at: now });
    await appendAudit(trx, { actor, action: 'cancel', entityType: 'site_assignment', entityId: id, details: { reason } });
    return before.owner_org_id;
  });
  return getAssignment({ db, viewer: viewerOf(actor, ownerId), id });
}

export async function getAssignment({ db, viewer, id }: { db: Db; viewer: Viewer; id: string }): Promise<Assignment> {
  const row = await repo.findVisible(db, viewer, id);
  if (!row) throw notFound('assignment');
  return (await presentRows(db, viewer, [row]))[0]!;
}

export interface ListAssignmentsProps {
  db: Db;
  viewer: Viewer;
  siteId?: string | undefined;
  unitOrganisation?: string | undefined;
  activeAt?: string | undefined;
  includeCancelled?: boolean | undefined;
  limit?: number;
}

export async function listAssignments({ db, viewer, siteId, unitOrganisation, activeAt, includeCancelled, limit = 1000 }: ListAssignmentsProps): Promise<Assignment[]> {
  const unitOrgId = unitOrganisation ? (await organisationIdsForCodes(db, [unitOrganisation], 'unitOrganisation'))[0] : undefined;
  const rows = await repo.listVisible(db, viewer, { siteIds: siteId ? [siteId] : undefined, unitOrgId, activeAt: activeAt ? iso(activeAt) : undefined, includeCancelled, limit });
  return presentRows(db, viewer, rows);
}

export async function countAssignments({ db, viewer }: { db: Db; viewer: Viewer }): Promise<number> {
  return repo.countVisible(db, viewer);
}

export interface GapsProps {
  db: Db;
  viewer: Viewer;
  /** The instant to check (default now). */
  asOf?: string | undefined;
  /** Sites at or above this criticality must be guarded (default 4). */
  minCriticality?: number | undefined;
}

/**
 * Critical sites (and sites with a required strength) with no assignment in
 * force, and sites whose assignments in force add up to fewer officers than
 * they require — from the sites and
 * assignments the reader may see. Readers outside the mission see none: the
 * protection posture is not theirs to know.
 */
export async function protectionGaps({ db, viewer, asOf, minCriticality = CRITICAL_THRESHOLD }: GapsProps): Promise<ProtectionGap[]> {
  const at = iso(asOf ?? new Date().toISOString());
  const sites = await sitesRepo.listVisible(db, viewer, { limit: 100_000 });
  const assignments = await repo.listVisible(db, viewer, { activeAt: at, limit: 100_000 });
  const bySite = new Map<string, repo.AssignmentRow[]>();
  for (const a of assignments) bySite.set(a.site_id, [...(bySite.get(a.site_id) ?? []), a]);
  const gaps: ProtectionGap[] = [];
  for (const site of sites) {
    if (!seesProtectionDetail(viewer, site.owner_org_id)) continue;
    const guards = bySite.get(site.id) ?? [];
    const assigned = guards.reduce((sum, a) => sum + a.strength, 0);
    const units = guards.map((a) => `${a.unit_name} (${a.unit_org_code})`);
    const base = { siteId: site.id, siteName: site.name, kind: site.kind as ProtectionGap['kind'], criticality: site.criticality, requiredStrength: site.required_strength, assignedStrength: assigned, units };
    if (guards.length === 0 && (site.criticality >= minCriticality || site.required_strength > 0)) gaps.push({ ...base, gap: 'unassigned', shortfall: Math.max(site.required_strength, 1) });
    else if (guards.length > 0 && assigned < site.required_strength) gaps.push({ ...base, gap: 'under_strength', shortfall: site.required_strength - assigned });
  }
  return gaps.sort((a, b) => b.criticality - a.criticality || b.shortfall - a.shortfall || a.siteName.localeCompare(b.siteName));
}
