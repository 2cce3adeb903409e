import { existsSync } from 'node:fs';
import path from 'node:path';
import { haversineMeters } from '../../core/geo/index.ts';
import type { AreaInput, RoadblockInput } from '../../shared/roads.ts';
import type { Db } from '../../db/index.ts';
import { createArea } from './areas.service.ts';
import { loadNetwork, type LoadedNetwork } from './graph-registry.ts';
import { isoTime } from './labels.ts';
import { importNetwork } from './networks.service.ts';
import { createRoadblock } from './roadblocks.service.ts';

/*
 * The demo road picture: the 2010 Port-au-Prince metro network from the public datasets, and a
 * few ILLUSTRATIVE areas of control and roadblocks — invented shapes around neighbourhoods the
 * press has reported as held or fought over, not intelligence. Each says so in its source and is
 * flagged illustrative. Roadblocks sit on real roads of the network (the nearest point of the
 * named road to the place meant).
 */

export const DEMO_NETWORK = 'pap-metro';
/** The GeoJSON keeps the one-way tags that the .osm and .osm.pbf exports lost. */
const DEMO_FILES = ['haiti/roads/pap-metro-2010.geojson', 'haiti/roads/pap-metro-2010.osm.pbf'];
const ILLUSTRATIVE_SOURCE = 'Illustrative demo area drawn for Konbit, not an intelligence product';

const box = (west: number, south: number, east: number, north: number): AreaInput['geometry'] =>
  ({ type: 'Polygon', coordinates: [[[west, south], [east, south], [east, north], [west, north], [west, south]]] });

const AREAS: (AreaInput & { owner: string })[] = [
  { owner: 'MSS-HQ', name: 'Cité Soleil', group: 'G9 coalition', level: 'controlled', confidence: 'medium', source: ILLUSTRATIVE_SOURCE, geometry: box(-72.345, 18.572, -72.318, 18.594), validFrom: '2024-03-01T00:00:00Z', classification: 'MISSION', illustrative: true },
  { owner: 'MSS-HQ', name: 'Martissant', group: 'Grand Ravine', level: 'contested', confidence: 'medium', source: ILLUSTRATIVE_SOURCE, geometry: box(-72.384, 18.516, -72.362, 18.534), validFrom: '2024-03-01T00:00:00Z', classification: 'PUBLIC', illustrative: true },
  { owner: 'HNP', name: 'Croix-des-Bouquets', group: '400 Mawozo', level: 'influence', confidence: 'low', source: ILLUSTRATIVE_SOURCE, geometry: box(-72.245, 18.566, -72.195, 18.598), validFrom: '2024-03-01T00:00:00Z', classification: 'RESTRICTED', releasableTo: ['KEN', 'MSS-HQ'], illustrative: true },
];

const BLOCKS: { owner: string; road: RegExp; lon: number; lat: number; input: Omit<RoadblockInput, 'lon' | 'lat'> }[] = [
  { owner: 'HNP', road: /^Nationale No 2$/, lon: -72.373, lat: 18.526, input: { description: 'Illustrative: barricade and illegal toll on RN2 at Martissant', group: 'Grand Ravine', classification: 'RESTRICTED', releasableTo: ['KEN', 'MSS-HQ'], staleAfterHours: 24 * 30, illustrative: true } },
  { owner: 'MSS-HQ', road: /^Nationale No 3$/, lon: -72.215, lat: 18.585, input: { description: 'Illustrative: burning tyres across RN3 east of Croix-des-Bouquets', group: '400 Mawozo', classification: 'MISSION', staleAfterHours: 24 * 30, illustrative: true } },
  { owner: 'MSS-HQ', road: /^Route de Delmas$/, lon: -72.31, lat: 18.545, input: { kind: 'checkpoint', description: 'Illustrative: gang checkpoint on Route de Delmas', classification: 'PUBLIC', staleAfterHours: 24 * 30, illustrative: true } },
];

/** The geometry vertex of a road named `road` nearest to (lon, lat), or null when the network has no such road. */
function pointOnRoad(loaded: LoadedNetwork, road: RegExp, lon: number, lat: number): { lon: number; lat: number } | null {
  const { network } = loaded;
  let best: { lon: number; lat: number; meters: number } | null = null;
  for (let e = 0; e < network.edgeCount; e++) {
    if (!road.test(network.strings[network.edgeName[e]!] ?? '')) continue;
    for (let i = network.geometryOffsets[e]!; i < network.geometryOffsets[e + 1]!; i += 2) {
      const meters = haversineMeters(lon, lat, network.geometry[i]!, network.geometry[i + 1]!);
      if (!best || meters < best.meters) best = { lon: network.geometry[i]!, lat: network.geometry[i + 1]!, meters };
    }
  }
  return best;
}

/** Loads the metro network and the illustrative picture; without the dataset, says what to do. */
export async function loadRoadsDemo({ db, datasetsDir }: { db: Db; datasetsDir: string | null }): Promise<string> {
  const file = datasetsDir ? DEMO_FILES.map((f) => path.join(datasetsDir, f)).find((f) => existsSync(f)) : undefined;
  if (!file) {
    return `roads: no road network loaded — the dataset ${DEMO_FILES[0]} is missing from ${datasetsDir ?? 'the datasets folder (KONBIT_DATASETS is not set)'}; import an OpenStreetMap extract with: konbit roads import FILE --network ${DEMO_NETWORK}`;
  }
  const summary = await importNetwork({ db, actor: null, filePath: file, name: DEMO_NETWORK });
  for (const { owner, ...area } of AREAS) await createArea({ db, actor: null, input: area, ownerCode: owner });
  const loaded = await loadNetwork(db, DEMO_NETWORK);
  let blocks = 0;
  for (const block of BLOCKS) {
    const point = pointOnRoad(loaded, block.road, block.lon, block.lat);
    if (!point) continue;
    await createRoadblock({ db, actor: null, ownerCode: block.owner, input: { ...block.input, lon: point.lon, lat: point.lat, reportedAt: isoTime(Date.now()) } });
    blocks++;
  }
  return `roads: network ${DEMO_NETWORK} from ${path.basename(file)} (${summary.nodes} junctions, ${summary.edges} roads, ${Math.round(summary.totalKm)} km), ${AREAS.length} illustrative areas of control, ${blocks} illustrative roadblocks`;
}
