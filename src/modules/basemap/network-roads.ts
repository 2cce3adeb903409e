import type { RoadNetwork } from '../../core/roads/index.ts';
import type { Db } from '../../db/index.ts';
import { listNetworks, loadNetwork } from '../roads/index.ts';
import { simplifyLine } from './simplify.ts';
import { roadClassOf } from './road-class.ts';

/** An imported road network, by the id that changes when it is imported again. */
export interface ImportedRoads {
  key: string;
  name: string;
  network: RoadNetwork;
}

/** The first imported road network (the demo loads one), or null when none has been imported. */
export function importedRoads(db: Db): () => Promise<ImportedRoads | null> {
  return async () => {
    const [first] = await listNetworks({ db });
    if (!first) return null;
    const loaded = await loadNetwork(db, first.name);
    return { key: `${loaded.id}`, name: loaded.name, network: loaded.network };
  };
}

/** The network's edges as GeoJSON lines with a drawing class and the street name, thinned. */
export function networkFeatures(network: RoadNetwork, tolerance: number, decimals: number): unknown[] {
  const features: unknown[] = [];
  for (let e = 0; e < network.edgeCount; e++) {
    const start = network.geometryOffsets[e]!;
    const end = network.geometryOffsets[e + 1]!;
    const line: [number, number][] = [];
    for (let i = start; i < end; i += 2) line.push([network.geometry[i]!, network.geometry[i + 1]!]);
    const coordinates = simplifyLine(line, tolerance, decimals);
    if (coordinates.length < 2) continue;
    const name = network.strings[network.edgeName[e]!] || network.strings[network.edgeRef[e]!] || '';
    const properties: Record<string, string> = { class: roadClassOf(network.highwayClasses[network.edgeHighway[e]!] ?? '') };
    if (name) properties.name = name;
    features.push({ type: 'Feature', properties, geometry: { type: 'LineString', coordinates } });
  }
  return features;
}
