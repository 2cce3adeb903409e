// Road network building: pure functions from a reader's raw form to the typed
// arrays the routing engine consumes. No I/O here; the readers live in
// src/modules/roads/readers.

export { buildRoadNetwork, type BuildRoadNetworkOptions, type BuiltRoadNetwork } from './build.ts';
export {
  edgeGeometry, edgeHighwayOf, edgeNameOf,
  type RoadImportReport, type RoadNetwork, type SkipEntry, type SkipUnit,
} from './network.ts';
export { classifyWay, defaultSpeedProfile, NO_HIGHWAY_REASON, onewayDirection, type SpeedProfile, type WayClass } from './profile.ts';
export {
  addRawWay, countRawSkip, createRawRoadData, keepTag, KEPT_TAGS, RawNodeTable,
  type RawRoadData, type RawSkip, type RawWay,
} from './raw.ts';
export { connectedComponents, UnionFind } from './union-find.ts';
