import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { AppError } from '../../shared/errors.ts';
import { NetworkName, RoadNetworkSummary } from '../../shared/roads.ts';
import type { RoadImportReport } from '../../core/roads/index.ts';
import type { Db } from '../../db/index.ts';
import type { RoadNetworksTable } from '../../db/tables/roads.ts';
import { appendAudit, type Actor } from '../auth/index.ts';
import { forgetNetwork, networkRow, prepareNetwork, registerNetwork } from './graph-registry.ts';
import { edgeRows, nodeRows } from './network-codec.ts';
import * as repo from './networks.repo.ts';
import { describeLocation, formatFromFileName, importRoadNetwork, RoadImportError } from './readers/index.ts';

/** Where an import has got: reading the file (bytes), then writing rows. */
export interface ImportProgress {
  phase: 'read' | 'write';
  done: number;
  total: number | undefined;
}

export interface ImportNetworkProps {
  db: Db;
  /** null for the system (the command line, the demo). */
  actor: Actor | null;
  filePath: string;
  name: string;
  /** The name to report for the file (an upload's original name); defaults to the path's base name. */
  fileName?: string;
  onProgress?: (progress: ImportProgress) => void;
}

function present(row: RoadNetworksTable): RoadNetworkSummary {
  return RoadNetworkSummary.parse({
    name: row.name, sourceFile: row.source_file, format: row.format, importedAt: row.imported_at,
    nodes: row.node_count, edges: row.edge_count, totalKm: Number(row.total_km), report: JSON.parse(row.report) as RoadImportReport,
  });
}

/** A reader's failure as the error the API and the command line show. */
function importFailure(error: unknown): unknown {
  if (!(error instanceof RoadImportError)) return error;
  const located = error.location && (error.location.line !== undefined || error.location.offset !== undefined);
  const where = located ? ` (${describeLocation(error.location!)})` : '';
  return new AppError(error.code, `${error.message}${where}; nothing was imported`, { location: error.location ?? null });
}

/**
 * Reads a road file (OSM XML, OSM PBF or GeoJSON), builds its network and stores it under a new
 * name in one transaction: a broken file, a file without roads, or a failure while writing leaves
 * nothing behind. The network is then ready for routing in this process.
 */
export async function importNetwork({ db, actor, filePath, name, fileName, onProgress }: ImportNetworkProps): Promise<RoadNetworkSummary> {
  const networkName = NetworkName.parse(name);
  const sourceFile = fileName ?? path.basename(filePath);
  const format = formatFromFileName(sourceFile) ?? formatFromFileName(filePath);
  if (await repo.findByName(db, networkName)) {
    throw new AppError('CONFLICT', `a road network named ${networkName} exists already: choose another name, or delete it first (konbit roads delete ${networkName})`);
  }
  const built = await importRoadNetwork(filePath, {
    name: sourceFile,
    onProgress: ({ bytesRead, totalBytes }) => onProgress?.({ phase: 'read', done: bytesRead, total: totalBytes }),
  }).catch((error: unknown) => {
    throw importFailure(error);
  });
  const { network, report } = built;
  const row: RoadNetworksTable = {
    id: randomUUID(), name: networkName, source_file: sourceFile, format: format ?? 'unknown', report: JSON.stringify(report),
    node_count: report.nodes, edge_count: report.edges, total_km: report.totalKm, imported_at: new Date().toISOString(), imported_by: actor?.userId ?? null,
  };
  const total = network.nodeCount + network.edgeCount;
  await db.transaction().execute(async (trx) => {
    await repo.insertNetwork(trx, row);
    await repo.insertNodes(trx, nodeRows(row.id, network), (written) => onProgress?.({ phase: 'write', done: written, total }));
    await repo.insertEdges(trx, edgeRows(row.id, network), (written) => onProgress?.({ phase: 'write', done: network.nodeCount + written, total }));
    await appendAudit(trx, {
      actor, action: 'import', entityType: 'road_network', entityId: row.id,
      details: { name: networkName, sourceFile, nodes: report.nodes, edges: report.edges, totalKm: report.totalKm, components: report.components },
    });
  });
  registerNetwork(db, prepareNetwork(row.id, row.name, network));
  return present(row);
}

export async function listNetworks({ db }: { db: Db }): Promise<RoadNetworkSummary[]> {
  return (await repo.list(db)).map(present);
}

export async function getNetwork({ db, name }: { db: Db; name: string }): Promise<RoadNetworkSummary> {
  return present(await networkRow(db, name));
}

/** Deletes a network and the overrides drawn on it; returns how many overrides went with it. */
export async function deleteNetwork({ db, actor, name }: { db: Db; actor: Actor | null; name: string }): Promise<{ overridesDeleted: number }> {
  const row = await networkRow(db, name);
  const overridesDeleted = await db.transaction().execute(async (trx) => {
    const count = await repo.deleteNetwork(trx, row.id);
    await appendAudit(trx, { actor, action: 'delete', entityType: 'road_network', entityId: row.id, details: { name, overridesDeleted: count } });
    return count;
  });
  forgetNetwork(db, name);
  return { overridesDeleted };
}
