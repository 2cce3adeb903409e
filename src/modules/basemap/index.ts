/** The basemap: administrative boundaries and roads from Konbit's own datasets, for a map without a tile server. */
export { basemapRoutes } from './basemap.routes.ts';
export { createBasemap, BASEMAP_LAYERS, type Basemap, type BasemapLayerName, type BasemapLayerInfo, type BasemapSources } from './basemap.service.ts';
