// Accumulates junctions and edges while the builder walks the ways, then packs
// them into the typed arrays of a RoadNetwork in one pass.

import { haversineMeters } from '../geo/index.ts';
import type { RoadNetwork } from './network.ts';
import type { RawNodeTable } from './raw.ts';

/** What the builder knows about the way an edge comes from. */
export interface EdgeSource {
  wayId: number;
  highway: string;
  name: string;
  ref: string;
  bridge: boolean;
  kmh: number;
}

/** Growable Float64 buffer: geometry of a country can be tens of millions of numbers. */
class Float64Builder {
  private data = new Float64Array(4096);
  length = 0;

  push2(a: number, b: number): void {
    if (this.length + 2 > this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = a;
    this.data[this.length++] = b;
  }

  toArray(): Float64Array {
    return this.data.slice(0, this.length);
  }
}

/** Interns strings so that a name shared by 40 edges is stored once. */
class StringTable {
  private readonly indexByValue: Map<string, number>;

  constructor(readonly values: string[]) {
    this.indexByValue = new Map(values.map((value, index) => [value, index]));
  }

  indexOf(value: string): number {
    let index = this.indexByValue.get(value);
    if (index === undefined) {
      index = this.values.length;
      this.values.push(value);
      this.indexByValue.set(value, index);
    }
    return index;
  }
}

/** Writes junction nodes and edges of a network under construction. */
export class NetworkWriter {
  private readonly graphIdByRawIndex: Int32Array;
  private readonly nodeRawIndex: number[] = [];
  private readonly from: number[] = [];
  private readonly to: number[] = [];
  private readonly meters: number[] = [];
  private readonly seconds: number[] = [];
  private readonly oneway: number[] = [];
  private readonly wayIds: number[] = [];
  private readonly highways: number[] = [];
  private readonly names: number[] = [];
  private readonly refs: number[] = [];
  private readonly bridges: number[] = [];
  private readonly offsets: number[] = [0];
  private readonly geometry = new Float64Builder();
  private readonly strings = new StringTable(['']);
  private readonly highwayClasses = new StringTable([]);

  constructor(private readonly nodes: RawNodeTable) {
    this.graphIdByRawIndex = new Int32Array(nodes.size).fill(-1);
  }

  /**
   * Adds the edge through raw nodes `path[start..end]`, in that order, or in
   * reverse when `reversed` (for `oneway=-1`). Returns its length in metres.
   */
  addEdge(path: readonly number[], start: number, end: number, reversed: boolean, oneway: boolean, source: EdgeSource): number {
    const first = reversed ? end : start;
    const step = reversed ? -1 : 1;
    let length = 0;
    let previous = -1;
    for (let i = first; reversed ? i >= start : i <= end; i += step) {
      const node = path[i] ?? 0;
      const lon = this.nodes.lonAt(node);
      const lat = this.nodes.latAt(node);
      if (previous >= 0) length += haversineMeters(this.nodes.lonAt(previous), this.nodes.latAt(previous), lon, lat);
      this.geometry.push2(lon, lat);
      previous = node;
    }
    this.from.push(this.graphNode(path[first] ?? 0));
    this.to.push(this.graphNode(path[reversed ? start : end] ?? 0));
    this.meters.push(length);
    this.seconds.push(length / (source.kmh / 3.6));
    this.oneway.push(oneway ? 1 : 0);
    this.wayIds.push(source.wayId);
    this.highways.push(this.highwayClasses.indexOf(source.highway));
    this.names.push(this.strings.indexOf(source.name));
    this.refs.push(this.strings.indexOf(source.ref));
    this.bridges.push(source.bridge ? 1 : 0);
    this.offsets.push(this.geometry.length);
    return length;
  }

  /** Packs everything written so far into a RoadNetwork. */
  finish(): RoadNetwork {
    const nodeCount = this.nodeRawIndex.length;
    const lon = new Float64Array(nodeCount);
    const lat = new Float64Array(nodeCount);
    const nodeOsmId = new Float64Array(nodeCount);
    this.nodeRawIndex.forEach((rawIndex, node) => {
      lon[node] = this.nodes.lonAt(rawIndex);
      lat[node] = this.nodes.latAt(rawIndex);
      nodeOsmId[node] = this.nodes.idAt(rawIndex);
    });
    return {
      nodeCount, lon, lat, nodeOsmId,
      edgeCount: this.from.length,
      edgeFrom: Uint32Array.from(this.from),
      edgeTo: Uint32Array.from(this.to),
      edgeSeconds: Float64Array.from(this.seconds),
      edgeMeters: Float64Array.from(this.meters),
      edgeOneway: Uint8Array.from(this.oneway),
      edgeWayId: Float64Array.from(this.wayIds),
      edgeHighway: Uint16Array.from(this.highways),
      highwayClasses: this.highwayClasses.values,
      edgeName: Uint32Array.from(this.names),
      edgeRef: Uint32Array.from(this.refs),
      strings: this.strings.values,
      edgeBridge: Uint8Array.from(this.bridges),
      geometryOffsets: Uint32Array.from(this.offsets),
      geometry: this.geometry.toArray(),
    };
  }

  /** Graph node id of a raw node, numbered in order of first use so neighbours sit close in memory. */
  private graphNode(rawIndex: number): number {
    let id = this.graphIdByRawIndex[rawIndex] ?? -1;
    if (id < 0) {
      id = this.nodeRawIndex.length;
      this.graphIdByRawIndex[rawIndex] = id;
      this.nodeRawIndex.push(rawIndex);
    }
    return id;
  }
}
