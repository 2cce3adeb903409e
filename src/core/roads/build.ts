// From the raw form of any reader to the routable network: keep drivable ways,
// cut them at junctions so that every edge runs junction to junction, and count
// everything left out so that the import report can say why.

import { NetworkWriter, type EdgeSource } from './network-writer.ts';
import type { RoadImportReport, RoadNetwork } from './network.ts';
import { classifyWay, defaultSpeedProfile, onewayDirection, type SpeedProfile } from './profile.ts';
import type { RawNodeTable, RawRoadData, RawWay } from './raw.ts';
import { SkipTally } from './skips.ts';
import { connectedComponents, UnionFind } from './union-find.ts';

/** Options of buildRoadNetwork. */
export interface BuildRoadNetworkOptions {
  /** Speeds and excluded classes; defaultSpeedProfile when absent. */
  profile?: SpeedProfile;
}

/** A network and the report of how it was built. */
export interface BuiltRoadNetwork {
  network: RoadNetwork;
  report: RoadImportReport;
}

/** A drivable run of a way: consecutive nodes all present in the file. */
interface WayPart {
  wayIndex: number;
  source: EdgeSource;
  direction: -1 | 0 | 1;
  /** Dense indices into the raw node table. */
  path: number[];
}

/**
 * Builds the routable network from a reader's raw form. Never throws on bad
 * data: ways it cannot use are counted in `report.skipped`; an input with no
 * drivable road gives a network with no edges, which the caller should refuse.
 */
export function buildRoadNetwork(raw: RawRoadData, options: BuildRoadNetworkOptions = {}): BuiltRoadNetwork {
  const profile = options.profile ?? defaultSpeedProfile;
  const skips = new SkipTally();
  for (const skip of raw.skipped) skips.add(skip.code, skip.reason, skip.unit, undefined, skip.count);

  const parts = collapseZeroLengthSegments(selectDrivableParts(raw, profile, skips), raw, skips);
  const junction = markJunctions(parts, raw.nodes.size);
  const writer = new NetworkWriter(raw.nodes);
  const usedWays = new Set<number>();
  for (const part of parts) {
    writePart(writer, part, junction);
    usedWays.add(part.wayIndex);
  }
  const network = writer.finish();
  // Ways a reader dropped while reading (no highway tag) were read all the same.
  const waysDroppedByReader = raw.skipped.filter((skip) => skip.unit === 'ways').reduce((sum, skip) => sum + skip.count, 0);
  return { network, report: summarize(network, raw.ways.length + waysDroppedByReader, usedWays.size, skips) };
}

function selectDrivableParts(raw: RawRoadData, profile: SpeedProfile, skips: SkipTally): WayPart[] {
  const parts: WayPart[] = [];
  raw.ways.forEach((way, wayIndex) => {
    const verdict = classifyWay(way.tags, profile);
    if (!verdict.routable) return skips.add(verdict.code, verdict.reason, 'ways', way.id);
    if (way.nodeIds.length < 2) return skips.add('degenerate-way', 'way has fewer than 2 nodes', 'ways', way.id);
    const { runs, missing } = splitAtMissingNodes(way, raw.nodes);
    if (missing > 0) {
      skips.add('dangling-node-ref', 'way refers to a node that is not in the file (clipped extract?); the way is cut there', 'node references', way.id, missing);
    }
    if (runs.length === 0) {
      return skips.add('dangling-way-dropped', 'way dropped: fewer than 2 of its nodes are in the file', 'ways', way.id);
    }
    const source = edgeSource(way, verdict.highway, verdict.kmh);
    const direction = onewayDirection(way.tags);
    for (const path of runs) parts.push({ wayIndex, source, direction, path });
  });
  return parts;
}

/** Runs of consecutive nodes present in the table; runs shorter than 2 nodes are dropped. */
function splitAtMissingNodes(way: RawWay, nodes: RawNodeTable): { runs: number[][]; missing: number } {
  const runs: number[][] = [];
  let current: number[] = [];
  let missing = 0;
  for (const id of way.nodeIds) {
    const index = nodes.indexOf(id);
    if (index !== undefined) {
      current.push(index);
      continue;
    }
    missing += 1;
    if (current.length >= 2) runs.push(current);
    current = [];
  }
  if (current.length >= 2) runs.push(current);
  return { runs, missing };
}

function edgeSource(way: RawWay, highway: string, kmh: number): EdgeSource {
  const bridge = way.tags['bridge'];
  return {
    wayId: way.id, highway, kmh,
    name: way.tags['name'] ?? '',
    ref: way.tags['ref'] ?? '',
    bridge: bridge !== undefined && bridge !== 'no' && bridge !== '0',
  };
}

/**
 * Merges consecutive nodes at the same point (a node repeated, or two nodes
 * stacked on each other) into one, so that no edge has zero length and no
 * junction is lost: every way through either node now goes through the merged one.
 */
function collapseZeroLengthSegments(parts: WayPart[], raw: RawRoadData, skips: SkipTally): WayPart[] {
  const { nodes } = raw;
  let merged: UnionFind | undefined;
  for (const part of parts) {
    for (let i = 1; i < part.path.length; i++) {
      const a = part.path[i - 1] ?? 0;
      const b = part.path[i] ?? 0;
      if (a !== b && (nodes.lonAt(a) !== nodes.lonAt(b) || nodes.latAt(a) !== nodes.latAt(b))) continue;
      merged ??= new UnionFind(nodes.size);
      merged.union(a, b);
      skips.add('zero-length-segment', 'segment of zero length (repeated or stacked node) removed', 'segments', part.source.wayId);
    }
  }
  if (!merged) return parts;
  const sets = merged;
  return parts.filter((part) => {
    part.path = withoutRepeats(part.path.map((node) => sets.find(node)));
    if (part.path.length >= 2) return true;
    skips.add('degenerate-way', 'way has fewer than 2 distinct points', 'ways', part.source.wayId);
    return false;
  });
}

function withoutRepeats(path: number[]): number[] {
  return path.filter((node, i) => i === 0 || node !== path[i - 1]);
}

/** A node is a junction where a part ends or where two or more parts (or one part twice) pass. */
function markJunctions(parts: readonly WayPart[], nodeCount: number): Uint8Array {
  const uses = new Uint8Array(nodeCount);
  const junction = new Uint8Array(nodeCount);
  for (const part of parts) {
    for (const node of part.path) uses[node] = Math.min(2, (uses[node] ?? 0) + 1);
    junction[part.path[0] ?? 0] = 1;
    junction[part.path[part.path.length - 1] ?? 0] = 1;
  }
  for (let node = 0; node < nodeCount; node++) if ((uses[node] ?? 0) >= 2) junction[node] = 1;
  return junction;
}

function writePart(writer: NetworkWriter, part: WayPart, junction: Uint8Array): void {
  const last = part.path.length - 1;
  let start = 0;
  for (let i = 1; i <= last; i++) {
    if (i < last && junction[part.path[i] ?? 0] !== 1) continue;
    writer.addEdge(part.path, start, i, part.direction === -1, part.direction !== 0, part.source);
    start = i;
  }
}

function summarize(network: RoadNetwork, waysRead: number, waysUsed: number, skips: SkipTally): RoadImportReport {
  let meters = 0;
  let onewayEdges = 0;
  for (let e = 0; e < network.edgeCount; e++) {
    meters += network.edgeMeters[e] ?? 0;
    onewayEdges += network.edgeOneway[e] ?? 0;
  }
  const components = connectedComponents(network.nodeCount, network.edgeFrom, network.edgeTo);
  return {
    waysRead, waysUsed,
    nodes: network.nodeCount,
    edges: network.edgeCount,
    onewayEdges,
    totalKm: meters / 1000,
    components: components.count,
    largestComponentNodes: components.largest,
    skipped: skips.list(),
  };
}
