import { randomUUID } from 'node:crypto';
import { AppError, notFound } from '../../shared/errors.ts';
import { Roadblock, RoadblockInput, RoadblockUpdate } from '../../shared/roads.ts';
import type { Db } from '../../db/index.ts';
import type { RoadblocksTable } from '../../db/tables/roads.ts';
import { appendAudit, type Actor, type Viewer } from '../auth/index.ts';
import { runOnce } from '../idempotency/index.ts';
import { isoTime, ownerOf, releaseCodes, writeReleases } from './labels.ts';
import * as repo from './roadblocks.repo.ts';
import { viewerOf } from './roads.policy.ts';

/*
 * Roadblocks and checkpoints. A block counts from its report until it is cleared, or until its
 * stale time has passed since the last report or confirmation: gangs move their barricades, and
 * a block nobody has seen for a day should not keep sending convoys the long way round.
 */

const HOUR_MS = 3_600_000;
/** The longest stale time the input allows, to narrow the query for blocks in force. */
export const MAX_STALE_HOURS = 24 * 90;

/** What a block is at `at`: active, stale for want of confirmation, or cleared. */
export function stateAt(row: RoadblocksTable, at: string): 'active' | 'stale' | 'cleared' {
  if (row.cleared_at !== null && row.cleared_at <= at) return 'cleared';
  // Confirmed after `at`: it was reported before and still there after, so it stood at `at`.
  if (row.confirmed_at !== null && row.confirmed_at >= at) return 'active';
  const since = Date.parse(row.confirmed_at ?? row.reported_at);
  return Date.parse(at) < since + row.stale_after_hours * HOUR_MS ? 'active' : 'stale';
}

function staleAt(row: RoadblocksTable): string {
  return isoTime(Date.parse(row.confirmed_at ?? row.reported_at) + row.stale_after_hours * HOUR_MS);
}

async function present(db: Db, rows: repo.RoadblockRow[], at: string): Promise<Roadblock[]> {
  const lists = await releaseCodes(db, 'roadblocks', rows.map((r) => r.id));
  return rows.map((row) => Roadblock.parse({
    id: row.id, kind: row.kind, status: row.status, state: stateAt(row, at), lon: Number(row.lon), lat: Number(row.lat), radiusMeters: Number(row.radius_m),
    description: row.description, group: row.group_name, reportedAt: row.reported_at, confirmedAt: row.confirmed_at, staleAt: staleAt(row), clearedAt: row.cleared_at,
    incidentId: row.incident_id, illustrative: row.illustrative === 1, version: row.version,
    classification: row.classification, owner: row.owner_code, releasableTo: lists.get(row.id) ?? [], createdAt: row.created_at, updatedAt: row.updated_at,
  }));
}

export interface CreateRoadblockProps {
  db: Db;
  actor: Actor | null;
  input: RoadblockInput;
  /** The owner when the system writes (actor null). */
  ownerCode?: string;
  /** The client's Idempotency-Key: a retry with the same key writes nothing and gets the first answer. */
  idempotencyKey?: string | undefined;
}

/** Records a roadblock or checkpoint. */
export async function createRoadblock(props: CreateRoadblockProps): Promise<Roadblock> {
  return (await reportRoadblock(props)).roadblock;
}

/** Records a roadblock once per idempotency key; `replayed` when the key had been seen. */
export async function reportRoadblock({ db, actor, input, ownerCode, idempotencyKey }: CreateRoadblockProps): Promise<{ roadblock: Roadblock; replayed: boolean }> {
  const parsed = RoadblockInput.parse(input);
  const once = { db, userId: actor?.userId, key: idempotencyKey, operation: 'roadblock.create', request: parsed, statusCode: 201 };
  const { value, replayed } = await runOnce(once, async (trx) => {
    const now = isoTime(Date.now());
    const ownerId = await ownerOf(trx, actor, ownerCode);
    const row: RoadblocksTable = {
      id: randomUUID(), kind: parsed.kind, status: 'active', lon: parsed.lon, lat: parsed.lat, radius_m: parsed.radiusMeters,
      description: parsed.description, group_name: parsed.group, reported_at: isoTime(parsed.reportedAt ?? now), confirmed_at: null,
      stale_after_hours: parsed.staleAfterHours, cleared_at: null, incident_id: parsed.incidentId ?? null, illustrative: parsed.illustrative ? 1 : 0,
      version: 1, classification: parsed.classification, owner_org_id: ownerId, created_by: actor?.userId ?? null, created_at: now, updated_at: now,
    };
    await repo.insert(trx, row);
    await writeReleases(trx, 'roadblocks', row.id, parsed.classification, parsed.releasableTo);
    await appendAudit(trx, { actor, action: 'create', entityType: 'roadblock', entityId: row.id, details: { kind: row.kind, lon: row.lon, lat: row.lat, classification: row.classification } });
    return getRoadblock({ db: trx, viewer: viewerOf(actor, ownerId), id: row.id });
  });
  return { roadblock: value, replayed };
}

async function change(db: Db, actor: Actor | null, id: string, action: 'confirm' | 'clear', input: unknown): Promise<Roadblock> {
  const { at, note } = RoadblockUpdate.parse(input ?? {});
  const when = isoTime(at ?? Date.now());
  const ownerId = await db.transaction().execute(async (trx) => {
    const row = actor ? await repo.findVisible(trx, actor, id) : await repo.findAny(trx, id);
    if (!row) throw notFound('roadblock');
    // Anyone who may report may say a block they can see is still there or gone: that is news
    // from the road, not an edit of someone else's record.
    if (row.status === 'cleared') throw new AppError('CONFLICT', `the roadblock was cleared already, at ${row.cleared_at}: report a new one if it is back`);
    if (when < row.reported_at) throw new AppError('VALIDATION_FAILED', `the time given (${when}) is before the block was reported (${row.reported_at})`);
    const changes: Partial<RoadblocksTable> = action === 'confirm' ? { confirmed_at: when } : { status: 'cleared', cleared_at: when };
    await repo.update(trx, id, { ...changes, version: row.version + 1, updated_at: isoTime(Date.now()) });
    await appendAudit(trx, { actor, action, entityType: 'roadblock', entityId: id, details: { at: when, note: note ?? null } });
    return row.owner_org_id;
  });
  return getRoadblock({ db, viewer: viewerOf(actor, ownerId), id });
}

/** Says the block is still there (at `at`, default now): its stale time starts again. */
export function confirmRoadblock({ db, actor, id, input }: { db: Db; actor: Actor | null; id: string; input?: unknown }): Promise<Roadblock> {
  return change(db, actor, id, 'confirm', input);
}

/** Says the block is gone (since `at`, default now). */
export function clearRoadblock({ db, actor, id, input }: { db: Db; actor: Actor | null; id: string; input?: unknown }): Promise<Roadblock> {
  return change(db, actor, id, 'clear', input);
}

export async function getRoadblock({ db, viewer, id, asOf }: { db: Db; viewer: Viewer; id: string; asOf?: string }): Promise<Roadblock> {
  const row = await repo.findVisible(db, viewer, id);
  if (!row) throw notFound('roadblock');
  return (await present(db, [row], isoTime(asOf ?? Date.now())))[0]!;
}

/** Roadblocks reported by `asOf` (default now), with their state then; `inForce` keeps the active ones. */
export async function listRoadblocks({ db, viewer, asOf, inForce = false, limit = 2000 }: { db: Db; viewer: Viewer; asOf?: string | undefined; inForce?: boolean; limit?: number }): Promise<Roadblock[]> {
  const at = isoTime(asOf ?? Date.now());
  const blocks = await present(db, await repo.listVisible(db, viewer, { asOf: asOf === undefined ? undefined : at, limit }), at);
  return inForce ? blocks.filter((b) => b.state === 'active') : blocks;
}

/** The blocks that count at `asOf` for this viewer: the routing picture's points. */
export async function roadblocksInForce(db: Db, viewer: Viewer, asOf: string): Promise<repo.RoadblockRow[]> {
  const since = isoTime(Date.parse(asOf) - MAX_STALE_HOURS * HOUR_MS);
  return (await repo.candidatesAt(db, viewer, asOf, since)).filter((row) => stateAt(row, asOf) === 'active');
}

/** The roadblocks as map points, with their state at `asOf` (default now). */
export async function roadblocksGeoJson({ db, viewer, asOf }: { db: Db; viewer: Viewer; asOf?: string | undefined }) {
  const blocks = await listRoadblocks({ db, viewer, asOf });
  return {
    type: 'FeatureCollection' as const,
    asOf: isoTime(asOf ?? Date.now()),
    features: blocks.map((block) => ({ type: 'Feature' as const, id: block.id, geometry: { type: 'Point' as const, coordinates: [block.lon, block.lat] }, properties: block })),
  };
}
