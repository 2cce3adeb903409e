// The routing graphs held in memory, one per imported network and database handle. A graph is
// built from the database on first use (and straight from the import that wrote it), then kept:
// queries never touch the network's rows again. Each use checks the network's id in the
// database, so a network deleted or re-imported by another Konbit instance is rebuilt here too.

import { createMultipliers, Router, type Weighting } from '../../core/graph/index.ts';
import type { RoadNetwork } from '../../core/roads/index.ts';
import type { Db } from '../../db/index.ts';
import type { RoadNetworksTable } from '../../db/tables/roads.ts';
import { notFound } from '../../shared/errors.ts';
import { networkFromRows } from './network-codec.ts';
import * as repo from './networks.repo.ts';
import type { ItemSegments, RiskWeights } from './risk-weights.ts';
import { buildSegmentGraph, type SegmentGraph } from './segment-graph.ts';

/** A network ready for routing, and the risk weights computed for it so far. */
export interface LoadedNetwork {
  id: string;
  name: string;
  network: RoadNetwork;
  segments: SegmentGraph;
  router: Router;
  /** Every segment open: the "no blocks at all" picture, prepared for queries. */
  open: Weighting;
  /** Risk weights by picture key (see risk-weights.ts), most recently used last. */
  weights: Map<string, RiskWeights>;
  /** The segments each picture record (by kind, id and version) weighs on, found once. */
  itemSegments: Map<string, ItemSegments>;
}

const registries = new WeakMap<Db, Map<string, Promise<LoadedNetwork>>>();

function registryOf(db: Db): Map<string, Promise<LoadedNetwork>> {
  let registry = registries.get(db);
  if (!registry) registries.set(db, (registry = new Map()));
  return registry;
}

/** Prepares a network for routing: segment graph, junction graph, landmarks and contraction hierarchy. */
export function prepareNetwork(id: string, name: string, network: RoadNetwork): LoadedNetwork {
  const segments = buildSegmentGraph(network);
  const router = new Router(segments.graph);
  return { id, name, network, segments, router, open: router.prepare(createMultipliers(segments.graph)), weights: new Map(), itemSegments: new Map() };
}

/** Holds a freshly imported network, so the first route does not read it back. */
export function registerNetwork(db: Db, loaded: LoadedNetwork): void {
  registryOf(db).set(loaded.name, Promise.resolve(loaded));
}

/** Drops a network from memory (after it is deleted). */
export function forgetNetwork(db: Db, name: string): void {
  registryOf(db).delete(name);
}

/** The network's row, or NOT_FOUND naming the command that imports one. */
export async function networkRow(db: Db, name: string): Promise<RoadNetworksTable> {
  const row = await repo.findByName(db, name);
  if (!row) throw notFound(`road network ${name} (import one with: konbit roads import FILE --network ${name})`);
  return row;
}

/** The network ready for routing, built from the database when this process has not yet. */
export async function loadNetwork(db: Db, name: string): Promise<LoadedNetwork> {
  const row = await networkRow(db, name);
  const registry = registryOf(db);
  const held = registry.get(name);
  if (held) {
    const loaded = await held.catch(() => null);
    if (loaded && loaded.id === row.id) return loaded;
  }
  const building = (async () => {
    const [nodes, edges] = [await repo.loadNodes(db, row.id), await repo.loadEdges(db, row.id)];
    return prepareNetwork(row.id, row.name, networkFromRows(nodes, edges));
  })();
  registry.set(name, building);
  building.catch(() => registry.delete(name));
  return building;
}
