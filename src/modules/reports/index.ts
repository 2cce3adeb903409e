/**
 * Situation reports: for a period and an audience, the figures of every module read as that
 * audience may see them, as JSON, as a self-contained HTML page with charts and a map, and as a PDF
 * printed from that page by Chromium.
 */
export { buildSitrep, type BuildSitrepProps } from './sitrep.service.ts';
export { produceSitrep, type ProducedReport, type ProduceSitrepProps } from './produce.service.ts';
export { resolveAudience, MISSION_AUDIENCE_VIEWER, type ResolvedAudience } from './audience.ts';
export { mayProduce, assertMayProduce, type Requester } from './reports.policy.ts';
export { renderSitrepHtml } from './render/html.ts';
export { htmlToPdf, chromiumAvailable, CHROMIUM_PATH } from './render/pdf.ts';
export { reportPeriod } from './period.ts';
export { reportsRoutes, type ReportsRoutesOptions } from './reports.routes.ts';
