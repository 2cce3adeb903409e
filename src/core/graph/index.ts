// The road-routing engine's front door: everything other code may use from src/core/graph.
// Router bundles the prepared structures; the functions below it are the parts, for callers
// (and benches) that need one of them alone.
export { Router } from './router.ts';
export type { RouterOptions, Weights } from './router.ts';
export { Weighting } from './weighting.ts';
export { CchTopology } from './cch.ts';
export { RoadGraph, reverseAdjacency, adjacencyBytes } from './road-graph.ts';
export type { RoadGraphInput, Adjacency } from './road-graph.ts';
export { createMultipliers, setMultiplier, assertMultipliers, EdgeAreaIndex } from './multipliers.ts';
export { dijkstra, reachableFrom } from './dijkstra.ts';
export { buildLandmarks, Landmarks } from './landmarks.ts';
export type { LandmarkOptions } from './landmarks.ts';
export { altRoute } from './alt.ts';
export type { AltOptions } from './alt.ts';
export { ChainGraph } from './chains.ts';
export { chainRoute } from './chain-route.ts';
export { alternativeRoutes } from './alternatives.ts';
export type { AlternativeOptions, RouteSearch } from './alternatives.ts';
export { NodeIndex } from './node-index.ts';
export type { NearestNode } from './node-index.ts';
export { isCutOff } from './islands.ts';
export type { Route } from './search-space.ts';
export { syntheticRoadGraph, mulberry32 } from './synthetic.ts';
export type { SyntheticOptions } from './synthetic.ts';
export { haversineMeters } from './geo.ts';
