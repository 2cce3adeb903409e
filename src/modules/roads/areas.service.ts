import { randomUUID } from 'node:crypto';
import { polygonBbox, validatePolygon, type AreaGeometry } from '../../core/geo/index.ts';
import { AppError, notFound } from '../../shared/errors.ts';
import { Area, AreaHistoryEntry, AreaInput, AreaPatch, type ControlLevel } from '../../shared/roads.ts';
import type { Db } from '../../db/index.ts';
import type { ControlAreasTable } from '../../db/tables/roads.ts';
import { appendAudit, type Actor, type Viewer } from '../auth/index.ts';
import * as repo from './areas.repo.ts';
import { isoTime, ownerOf, releaseCodes, writeReleases } from './labels.ts';
import { assertMayChange, viewerOf } from './roads.policy.ts';

/*
 * Areas of gang control. Each record is in force from valid_from until valid_to, so the picture
 * can be asked "as of" any time; a change on the ground is a new area that supersedes the old one
 * (which then ends where the new one begins), a correction is an edit with a reason, and every
 * change is kept in the area's history.
 */

/** A drawn polygon, validated and repaired, or INVALID_POLYGON saying what is wrong and where. */
export function checkedPolygon(geometry: unknown, what = 'the area'): { polygon: AreaGeometry; repairs: string[]; bbox: [number, number, number, number] } {
  const result = validatePolygon(geometry);
  if (!result.ok) {
    throw new AppError('INVALID_POLYGON', `${what}'s polygon is refused: ${result.message}; redraw it`, { reason: result.reason, where: result.where });
  }
  return { polygon: result.polygon, repairs: [...result.repairs], bbox: polygonBbox(result.polygon) as [number, number, number, number] };
}

function checkValidity(validFrom: string, validTo: string | null): void {
  if (validTo !== null && validTo <= validFrom) {
    throw new AppError('VALIDATION_FAILED', `validTo (${validTo}) must be after validFrom (${validFrom})`, [{ path: 'validTo', message: 'not after validFrom' }]);
  }
}

function snapshot(row: ControlAreasTable): Record<string, unknown> {
  return {
    name: row.name, group: row.group_name, level: row.level, confidence: row.confidence, source: row.source, geometry: JSON.parse(row.geometry) as unknown,
    validFrom: row.valid_from, validTo: row.valid_to, supersedes: row.supersedes_id, withdrawnAt: row.withdrawn_at, withdrawnReason: row.withdrawn_reason, classification: row.classification,
  };
}

async function present(db: Db, rows: repo.AreaRow[]): Promise<Area[]> {
  const lists = await releaseCodes(db, 'control_areas', rows.map((r) => r.id));
  return rows.map((row) => Area.parse({
    id: row.id, name: row.name, group: row.group_name, level: row.level, confidence: row.confidence, source: row.source,
    geometry: JSON.parse(row.geometry) as unknown, validFrom: row.valid_from, validTo: row.valid_to, supersedes: row.supersedes_id,
    withdrawnAt: row.withdrawn_at, withdrawnReason: row.withdrawn_reason, illustrative: row.illustrative === 1, version: row.version,
    classification: row.classification, owner: row.owner_code, releasableTo: lists.get(row.id) ?? [], createdAt: row.created_at, updatedAt: row.updated_at,
  }));
}

async function findForWriter(db: Db, actor: Actor | null, id: string): Promise<repo.AreaRow> {
  const row = actor ? await repo.findVisible(db, actor, id) : await repo.findAny(db, id);
  if (!row) throw notFound('area');
  return row;
}

async function recordChange(trx: Db, actor: Actor | null, before: ControlAreasTable, after: ControlAreasTable, action: string, reason: string): Promise<void> {
  await repo.insertHistory(trx, { area_id: after.id, version: after.version, action, at: after.updated_at, actor_user_id: actor?.userId ?? null, before: JSON.stringify(snapshot(before)), after: JSON.stringify(snapshot(after)) });
  await appendAudit(trx, { actor, action, entityType: 'control_area', entityId: after.id, details: { reason, version: after.version } });
}

/** Ends the area being superseded where the new one begins. */
async function endSuperseded(trx: Db, actor: Actor | null, id: string, at: string): Promise<void> {
  const before = await findForWriter(trx, actor, id);
  assertMayChange(actor, before, 'area');
  if (before.valid_from >= at) throw new AppError('VALIDATION_FAILED', `the new area must begin after the area it supersedes (which begins ${before.valid_from})`, [{ path: 'validFrom', message: 'not after the superseded area' }]);
  if (before.valid_to !== null && before.valid_to <= at) return;
  const after: ControlAreasTable = { ...before, valid_to: at, version: before.version + 1, updated_at: isoTime(Date.now()) };
  await repo.update(trx, id, { valid_to: at, version: after.version, updated_at: after.updated_at });
  await recordChange(trx, actor, before, after, 'supersede', 'superseded by a newer area');
}

/** Inserts one checked area with its label and history (inside the caller's transaction). */
async function insertArea(trx: Db, actor: Actor | null, ownerId: string, input: ReturnType<typeof AreaInput.parse>, polygon: ReturnType<typeof checkedPolygon>): Promise<string> {
  const now = isoTime(Date.now());
  const validFrom = isoTime(input.validFrom ?? now);
  const validTo = input.validTo ? isoTime(input.validTo) : null;
  checkValidity(validFrom, validTo);
  if (input.supersedes) await endSuperseded(trx, actor, input.supersedes, validFrom);
  const [minLon, minLat, maxLon, maxLat] = polygon.bbox;
  const row: ControlAreasTable = {
    id: randomUUID(), name: input.name, group_name: input.group, level: input.level, confidence: input.confidence, source: input.source,
    geometry: JSON.stringify(polygon.polygon), min_lon: minLon, min_lat: minLat, max_lon: maxLon, max_lat: maxLat,
    valid_from: validFrom, valid_to: validTo, supersedes_id: input.supersedes ?? null, withdrawn_at: null, withdrawn_reason: null,
    illustrative: input.illustrative ? 1 : 0, version: 1, classification: input.classification, owner_org_id: ownerId,
    created_by: actor?.userId ?? null, created_at: now, updated_at: now,
  };
  await repo.insert(trx, row);
  await writeReleases(trx, 'control_areas', row.id, input.classification, input.releasableTo);
  await repo.insertHistory(trx, { area_id: row.id, version: 1, action: 'create', at: now, actor_user_id: actor?.userId ?? null, before: null, after: JSON.stringify(snapshot(row)) });
  await appendAudit(trx, { actor, action: 'create', entityType: 'control_area', entityId: row.id, details: { name: row.name, level: row.level, classification: row.classification, repairs: polygon.repairs } });
  return row.id;
}

export interface CreateAreaProps {
  db: Db;
  actor: Actor | null;
  input: AreaInput;
  /** The owner when the system writes (actor null). */
  ownerCode?: string;
}

/** Records an area; a slightly wrong polygon is repaired (said in `repairs`), a broken one refused. */
export async function createArea({ db, actor, input, ownerCode }: CreateAreaProps): Promise<Area> {
  const parsed = AreaInput.parse(input);
  const polygon = checkedPolygon(parsed.geometry);
  const ownerId = await ownerOf(db, actor, ownerCode);
  const id = await db.transaction().execute((trx) => insertArea(trx, actor, ownerId, parsed, polygon));
  return { ...(await getArea({ db, viewer: viewerOf(actor, ownerId), id })), repairs: polygon.repairs };
}

/** Corrects an area (with a reason), if nobody changed it since `version`. */
export async function updateArea({ db, actor, id, input }: { db: Db; actor: Actor | null; id: string; input: AreaPatch }): Promise<Area> {
  const { version, reason, changes } = AreaPatch.parse(input);
  let repairs: string[] = [];
  const ownerId = await db.transaction().execute(async (trx) => {
    const before = await findForWriter(trx, actor, id);
    assertMayChange(actor, before, 'area');
    if (before.version !== version) throw new AppError('CONFLICT', `the area was changed by someone else (it is now at version ${before.version}): reload it and make your change again`);
    const after: ControlAreasTable = { ...before, version: before.version + 1, updated_at: isoTime(Date.now()) };
    if (changes.name !== undefined) after.name = changes.name;
    if (changes.group !== undefined) after.group_name = changes.group;
    if (changes.level !== undefined) after.level = changes.level satisfies ControlLevel;
    if (changes.confidence !== undefined) after.confidence = changes.confidence;
    if (changes.source !== undefined) after.source = changes.source;
    if (changes.validFrom !== undefined) after.valid_from = isoTime(changes.validFrom);
    if (changes.validTo !== undefined) after.valid_to = changes.validTo === null ? null : isoTime(changes.validTo);
    if (changes.geometry !== undefined) {
      const polygon = checkedPolygon(changes.geometry);
      repairs = polygon.repairs;
      [after.min_lon, after.min_lat, after.max_lon, after.max_lat] = polygon.bbox;
      after.geometry = JSON.stringify(polygon.polygon);
    }
    checkValidity(after.valid_from, after.valid_to);
    const { id: _id, owner_code: _owner, ...columns } = after as repo.AreaRow;
    await repo.update(trx, id, columns);
    await recordChange(trx, actor, before, after, 'update', reason);
    return before.owner_org_id;
  });
  return { ...(await getArea({ db, viewer: viewerOf(actor, ownerId), id })), repairs };
}

/** Withdraws an area entered by mistake: kept with its history, never in any picture again. */
export async function withdrawArea({ db, actor, id, reason }: { db: Db; actor: Actor | null; id: string; reason: string }): Promise<Area> {
  const ownerId = await db.transaction().execute(async (trx) => {
    const before = await findForWriter(trx, actor, id);
    assertMayChange(actor, before, 'area');
    if (before.withdrawn_at !== null) throw new AppError('CONFLICT', `the area was withdrawn already, on ${before.withdrawn_at}`);
    const now = isoTime(Date.now());
    const after: ControlAreasTable = { ...before, withdrawn_at: now, withdrawn_reason: reason, version: before.version + 1, updated_at: now };
    await repo.update(trx, id, { withdrawn_at: now, withdrawn_reason: reason, version: after.version, updated_at: now });
    await recordChange(trx, actor, before, after, 'withdraw', reason);
    return before.owner_org_id;
  });
  return getArea({ db, viewer: viewerOf(actor, ownerId), id });
}

export async function getArea({ db, viewer, id }: { db: Db; viewer: Viewer; id: string }): Promise<Area> {
  const row = await repo.findVisible(db, viewer, id);
  if (!row) throw notFound('area');
  return (await present(db, [row]))[0]!;
}

export interface ListAreasProps {
  db: Db;
  viewer: Viewer;
  /** Only the areas in force then; every area (withdrawn ones aside) when absent. */
  asOf?: string | undefined;
  includeWithdrawn?: boolean | undefined;
  limit?: number;
}

export async function listAreas({ db, viewer, asOf, includeWithdrawn, limit = 2000 }: ListAreasProps): Promise<Area[]> {
  return present(db, await repo.listVisible(db, viewer, { asOf: asOf === undefined ? undefined : isoTime(asOf), includeWithdrawn, limit }));
}

/** Every version of an area the viewer may see, oldest first. */
export async function areaHistory({ db, viewer, id }: { db: Db; viewer: Viewer; id: string }): Promise<AreaHistoryEntry[]> {
  if (!(await repo.findVisible(db, viewer, id))) throw notFound('area');
  return (await repo.history(db, id)).map((h) => AreaHistoryEntry.parse({
    version: h.version, action: h.action, at: h.at, by: h.by_org, before: h.before === null ? null : JSON.parse(h.before), after: JSON.parse(h.after),
  }));
}

export { insertArea };
