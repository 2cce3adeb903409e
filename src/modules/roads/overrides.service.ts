import { randomUUID } from 'node:crypto';
import { metersToDegrees } from '../../core/geo/index.ts';
import { AppError, notFound } from '../../shared/errors.ts';
import { Override, OverrideInput, type LineStringGeometry } from '../../shared/roads.ts';
import type { Db } from '../../db/index.ts';
import type { RoadOverridesTable } from '../../db/tables/roads.ts';
import { appendAudit, type Actor, type Viewer } from '../auth/index.ts';
import { loadNetwork, networkRow, type LoadedNetwork } from './graph-registry.ts';
import { isoTime, ownerOf, releaseCodes, writeReleases } from './labels.ts';
import * as repo from './overrides.repo.ts';
import { pointLineMeters } from './planar.ts';
import { assertMayChange, viewerOf } from './roads.policy.ts';

/*
 * Planners' overrides: "this bridge is down" closes road segments, "this road reopened" opens
 * them whatever areas or blocks lie over them, each until it expires or is lifted. Segments are
 * given as the network's edge numbers (the road status layer shows them) or as a line drawn along
 * the road.
 */

/** How far from a drawn line a road may run and still be taken as the one meant. */
export const LINE_MATCH_METERS = 25;

function present(rows: repo.OverrideRow[], lists: Map<string, string[]>, at: string): Override[] {
  return rows.map((row) => Override.parse({
    id: row.id, network: row.network_name, action: row.action, reason: row.reason, edges: JSON.parse(row.edge_ids) as number[],
    line: row.geometry === null ? null : (JSON.parse(row.geometry) as unknown), startsAt: row.starts_at, expiresAt: row.expires_at, liftedAt: row.lifted_at,
    inForce: row.starts_at <= at && (row.expires_at === null || row.expires_at > at) && (row.lifted_at === null || row.lifted_at > at),
    version: row.version, classification: row.classification, owner: row.owner_code, releasableTo: lists.get(row.id) ?? [], createdAt: row.created_at, updatedAt: row.updated_at,
  }));
}

/** The network edges whose whole geometry runs within LINE_MATCH_METERS of the line. */
export function edgesAlongLine(loaded: LoadedNetwork, line: LineStringGeometry): number[] {
  const coords = line.coordinates;
  let minLon = Infinity, minLat = Infinity, maxLon = -Infinity, maxLat = -Infinity;
  for (const [lon, lat] of coords as [number, number][]) {
    minLon = Math.min(minLon, lon); maxLon = Math.max(maxLon, lon); minLat = Math.min(minLat, lat); maxLat = Math.max(maxLat, lat);
  }
  const { dLon, dLat } = metersToDegrees(LINE_MATCH_METERS, (minLat + maxLat) / 2);
  const candidates = new Set(loaded.router.areas.edgesInBox(minLon - dLon, minLat - dLat, maxLon + dLon, maxLat + dLat).map((s) => loaded.segments.segmentEdge[s]!));
  const { geometry, geometryOffsets } = loaded.network;
  return [...candidates].filter((e) => {
    for (let i = geometryOffsets[e]!; i < geometryOffsets[e + 1]!; i += 2) {
      if (pointLineMeters(geometry[i]!, geometry[i + 1]!, coords) > LINE_MATCH_METERS) return false;
    }
    return true;
  }).sort((a, b) => a - b);
}

function resolveEdges(loaded: LoadedNetwork, input: ReturnType<typeof OverrideInput.parse>): number[] {
  if ((input.edges === undefined) === (input.line === undefined)) {
    throw new AppError('VALIDATION_FAILED', 'give the segments either as edges (edge numbers) or as a line drawn along the road, not both or neither');
  }
  if (input.edges) {
    const outside = input.edges.filter((e) => e >= loaded.network.edgeCount);
    if (outside.length > 0) throw new AppError('VALIDATION_FAILED', `edges ${outside.slice(0, 5).join(', ')} are not in network ${loaded.name} (0..${loaded.network.edgeCount - 1})`);
    return [...new Set(input.edges)].sort((a, b) => a - b);
  }
  const edges = edgesAlongLine(loaded, input.line!);
  if (edges.length === 0) throw new AppError('VALIDATION_FAILED', `the line runs along no road of network ${loaded.name} (within ${LINE_MATCH_METERS} m): draw it along the road`);
  return edges;
}

export interface CreateOverrideProps {
  db: Db;
  actor: Actor | null;
  input: OverrideInput;
  ownerCode?: string;
}

/** Closes or reopens road segments from `startsAt` (default now) until `expiresAt` (none: until lifted). */
export async function createOverride({ db, actor, input, ownerCode }: CreateOverrideProps): Promise<Override> {
  const parsed = OverrideInput.parse(input);
  const loaded = await loadNetwork(db, parsed.network);
  const edges = resolveEdges(loaded, parsed);
  const now = isoTime(Date.now());
  const startsAt = isoTime(parsed.startsAt ?? now);
  const expiresAt = parsed.expiresAt ? isoTime(parsed.expiresAt) : null;
  if (expiresAt !== null && expiresAt <= startsAt) throw new AppError('VALIDATION_FAILED', `expiresAt (${expiresAt}) must be after startsAt (${startsAt})`);
  const ownerId = await ownerOf(db, actor, ownerCode);
  const row: RoadOverridesTable = {
    id: randomUUID(), network_id: loaded.id, action: parsed.action, reason: parsed.reason, edge_ids: JSON.stringify(edges),
    geometry: parsed.line ? JSON.stringify(parsed.line) : null, starts_at: startsAt, expires_at: expiresAt, lifted_at: null, version: 1,
    classification: parsed.classification, owner_org_id: ownerId, created_by: actor?.userId ?? null, created_at: now, updated_at: now,
  };
  await db.transaction().execute(async (trx) => {
    await repo.insert(trx, row);
    await writeReleases(trx, 'road_overrides', row.id, parsed.classification, parsed.releasableTo);
    await appendAudit(trx, { actor, action: 'create', entityType: 'road_override', entityId: row.id, details: { network: loaded.name, action: row.action, edges: edges.length, reason: row.reason, expiresAt } });
  });
  return getOverride({ db, viewer: viewerOf(actor, ownerId), id: row.id });
}

/** Ends an override now, before its expiry. */
export async function liftOverride({ db, actor, id }: { db: Db; actor: Actor | null; id: string }): Promise<Override> {
  const ownerId = await db.transaction().execute(async (trx) => {
    const row = actor ? await repo.findVisible(trx, actor, id) : await repo.findAny(trx, id);
    if (!row) throw notFound('override');
    assertMayChange(actor, row, 'override');
    const now = isoTime(Date.now());
    if (row.lifted_at !== null || (row.expires_at !== null && row.expires_at <= now)) throw new AppError('CONFLICT', 'the override has ended already');
    await repo.update(trx, id, { lifted_at: now, version: row.version + 1, updated_at: now });
    await appendAudit(trx, { actor, action: 'lift', entityType: 'road_override', entityId: id, details: {} });
    return row.owner_org_id;
  });
  return getOverride({ db, viewer: viewerOf(actor, ownerId), id });
}

export async function getOverride({ db, viewer, id }: { db: Db; viewer: Viewer; id: string }): Promise<Override> {
  const row = await repo.findVisible(db, viewer, id);
  if (!row) throw notFound('override');
  return present([row], await releaseCodes(db, 'road_overrides', [row.id]), isoTime(Date.now()))[0]!;
}

/** Overrides the viewer may see, of one network or all, newest first. */
export async function listOverrides({ db, viewer, network, limit = 2000 }: { db: Db; viewer: Viewer; network?: string | undefined; limit?: number }): Promise<Override[]> {
  const networkId = network === undefined ? undefined : (await networkRow(db, network)).id;
  const rows = await repo.listVisible(db, viewer, { networkId, limit });
  return present(rows, await releaseCodes(db, 'road_overrides', rows.map((r) => r.id)), isoTime(Date.now()));
}
