/**
 * Incidents: reports, verification, duplicates, history, queries, the map
 * layer, aggregates, the actor registry, bulk import/export for the format
 * readers, and the live stream.
 */
export { reportIncident, getIncident, editIncident, incidentHistory, type ReportIncidentProps, type ReportResult } from './incidents.service.ts';
export { decideVerification, mergeIncidents } from './verification.service.ts';
export { listIncidents, incidentsGeoJson, aggregateIncidents, exportIncidents, type ExportIncidentsProps } from './query.service.ts';
export { importIncidents, type ImportIncidentsProps } from './import.service.ts';
export { listActors, getActor, createActor, updateActor } from './actors.service.ts';
export { adminAreasIn, useDatasets, type AdminAreaLookup } from './admin-areas.ts';
export { locationProblem, checkIncident, CLOCK_SKEW_MS } from './validate.ts';
export { incidentsRoutes, type IncidentsRoutesOptions } from './incidents.routes.ts';
export { incidentTilesRoutes } from './tiles.routes.ts';
export { streamBus, StreamBus } from './stream/bus.ts';
export { StreamHub } from './stream/hub.ts';
export { loadDemoIncidents } from './demo.ts';
export { rebuildSummary } from './summary.ts';
export { actorForUsername } from './act-as.ts';
