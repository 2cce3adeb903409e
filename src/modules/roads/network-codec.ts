// Between a RoadNetwork's typed arrays and its database rows. Geometry is stored per edge as
// packed little-endian float64 pairs: exact (the rebuilt graph equals the imported one) and a
// third the size of the same numbers as JSON text.

import type { RoadNetwork } from '../../core/roads/index.ts';
import type { RoadEdgesTable, RoadNodesTable } from '../../db/tables/roads.ts';

/** The packed geometry of one edge. */
export function packGeometry(coordinates: Float64Array): Uint8Array {
  const bytes = Buffer.alloc(coordinates.length * 8);
  for (let i = 0; i < coordinates.length; i++) bytes.writeDoubleLE(coordinates[i]!, i * 8);
  return bytes;
}

/** The coordinates of a packed geometry. */
export function unpackGeometry(bytes: Uint8Array): Float64Array {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const coordinates = new Float64Array(bytes.byteLength / 8);
  for (let i = 0; i < coordinates.length; i++) coordinates[i] = buffer.readDoubleLE(i * 8);
  return coordinates;
}

/** Node rows of a network. */
export function nodeRows(networkId: string, network: RoadNetwork): RoadNodesTable[] {
  return Array.from({ length: network.nodeCount }, (_, idx) => ({
    network_id: networkId, idx, lon: network.lon[idx]!, lat: network.lat[idx]!, osm_id: network.nodeOsmId[idx]!,
  }));
}

/** Edge rows of a network, geometry packed. */
export function edgeRows(networkId: string, network: RoadNetwork): RoadEdgesTable[] {
  return Array.from({ length: network.edgeCount }, (_, idx) => ({
    network_id: networkId,
    idx,
    from_node: network.edgeFrom[idx]!,
    to_node: network.edgeTo[idx]!,
    oneway: network.edgeOneway[idx]!,
    meters: network.edgeMeters[idx]!,
    seconds: network.edgeSeconds[idx]!,
    highway: network.highwayClasses[network.edgeHighway[idx]!] ?? '',
    name: network.strings[network.edgeName[idx]!] ?? '',
    ref: network.strings[network.edgeRef[idx]!] ?? '',
    bridge: network.edgeBridge[idx]!,
    way_id: network.edgeWayId[idx]!,
    geometry: packGeometry(network.geometry.subarray(network.geometryOffsets[idx]!, network.geometryOffsets[idx + 1]!)),
  }));
}

/** Rebuilds the network from its rows (each sorted by idx). */
export function networkFromRows(nodes: readonly RoadNodesTable[], edges: readonly RoadEdgesTable[]): RoadNetwork {
  const strings = new Interner(['']);
  const classes = new Interner([]);
  const edgeCount = edges.length;
  const network: RoadNetwork = {
    nodeCount: nodes.length,
    lon: Float64Array.from(nodes, (n) => Number(n.lon)),
    lat: Float64Array.from(nodes, (n) => Number(n.lat)),
    nodeOsmId: Float64Array.from(nodes, (n) => Number(n.osm_id)),
    edgeCount,
    edgeFrom: Uint32Array.from(edges, (e) => e.from_node),
    edgeTo: Uint32Array.from(edges, (e) => e.to_node),
    edgeSeconds: Float64Array.from(edges, (e) => Number(e.seconds)),
    edgeMeters: Float64Array.from(edges, (e) => Number(e.meters)),
    edgeOneway: Uint8Array.from(edges, (e) => e.oneway),
    edgeWayId: Float64Array.from(edges, (e) => Number(e.way_id)),
    edgeHighway: Uint16Array.from(edges, (e) => classes.indexOf(e.highway)),
    highwayClasses: classes.values,
    edgeName: Uint32Array.from(edges, (e) => strings.indexOf(e.name)),
    edgeRef: Uint32Array.from(edges, (e) => strings.indexOf(e.ref)),
    strings: strings.values,
    edgeBridge: Uint8Array.from(edges, (e) => e.bridge),
    geometryOffsets: new Uint32Array(edgeCount + 1),
    geometry: new Float64Array(0),
  };
  const pieces = edges.map((e) => unpackGeometry(e.geometry));
  let offset = 0;
  pieces.forEach((piece, e) => {
    network.geometryOffsets[e] = offset;
    offset += piece.length;
  });
  network.geometryOffsets[edgeCount] = offset;
  network.geometry = new Float64Array(offset);
  pieces.forEach((piece, e) => network.geometry.set(piece, network.geometryOffsets[e]!));
  return network;
}

class Interner {
  private readonly index: Map<string, number>;

  constructor(readonly values: string[]) {
    this.index = new Map(values.map((value, i) => [value, i]));
  }

  indexOf(value: string): number {
    let i = this.index.get(value);
    if (i === undefined) {
      i = this.values.length;
      this.values.push(value);
      this.index.set(value, i);
    }
    return i;
  }
}
