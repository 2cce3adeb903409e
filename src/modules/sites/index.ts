/**
 * Critical sites and their protection: sites (points or areas, imported from GeoJSON and CSV),
 * the threat derived for each from incidents and areas of control, with its history; protection
 * assignments and their gaps; patrol tasking; the map layers and the situation report's numbers.
 */
export { createSite, updateSite, getSite, listSites, countSites } from './sites.service.ts';
export { importSites, type ImportSitesProps } from './import.service.ts';
export { getSiteThreat, listSiteThreats, threatHistory, refreshThreatHistory, watchThreats, type ThreatWatcher } from './threat.service.ts';
export { assessThreat, TYPE_WEIGHTS, AREA_WEIGHTS, LEVEL_THRESHOLDS, DEFAULT_RADIUS_METERS, DEFAULT_WINDOW_DAYS, DEFAULT_HALF_LIFE_DAYS } from './threat.ts';
export { createAssignment, updateAssignment, cancelAssignment, getAssignment, listAssignments, countAssignments, protectionGaps } from './assignments.service.ts';
export { createTask, changeTaskStatus, getTask, listTasks, countTasks, tasksGeoJson } from './tasks.service.ts';
export { sitesGeoJson, sitesSitrep } from './picture.service.ts';
export { loadSitesDemo } from './sites.demo.ts';
export { sitesRoutes, type SitesRoutesOptions } from './sites.routes.ts';
