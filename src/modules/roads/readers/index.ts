// Road file readers: OSM XML, OSM PBF and GeoJSON to the raw road form of
// src/core/roads, and importRoadNetwork() from a file to a routable network.

export { describeLocation, RoadImportError, type RoadImportErrorCode, type RoadImportErrorLocation } from './errors.ts';
export { readGeoJsonRoads } from './geojson.ts';
export { readOsmPbf } from './osm-pbf.ts';
export { readOsmXml } from './osm-xml.ts';
export {
  describeSkips, formatFromFileName, importRoadNetwork, readRoadFile, sniffFormat,
  type ImportRoadNetworkOptions, type RoadFileFormat,
} from './read-road-file.ts';
export type { ByteSource, ReadOptions, ReadProgress } from './source.ts';
