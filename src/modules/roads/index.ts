/**
 * Roads: road networks imported from OpenStreetMap or GeoJSON, the risk picture over them (areas
 * of gang control, roadblocks and checkpoints, planners' overrides), road status, key roads, and
 * risk-aware routes and reachability that only use what the requester may see.
 */
export { importNetwork, listNetworks, getNetwork, deleteNetwork, type ImportProgress } from './networks.service.ts';
export { loadNetwork, type LoadedNetwork } from './graph-registry.ts';
export { createArea, updateArea, withdrawArea, getArea, listAreas, areaHistory } from './areas.service.ts';
export { areasGeoJson, importAreas } from './areas.geojson.ts';
export { createRoadblock, confirmRoadblock, clearRoadblock, getRoadblock, listRoadblocks, roadblocksGeoJson } from './roadblocks.service.ts';
export { createOverride, liftOverride, getOverride, listOverrides } from './overrides.service.ts';
export { planRoute, reachability } from './routing.service.ts';
export { roadStatusGeoJson, keyRoads } from './status.service.ts';
export { LEVEL_FACTORS, PROFILES } from './profiles.ts';
export { CORRIDORS } from './key-roads.ts';
export { loadRoadsDemo } from './roads.demo.ts';
export { roadsRoutes, type RoadsRoutesOptions } from './roads.routes.ts';
