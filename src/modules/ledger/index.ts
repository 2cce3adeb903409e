/** The mission ledger: pledges of officers, funds and in-kind support, their fulfilment, and the mandate's milestones. */
export { listPledges, getPledge, countPledges, createPledge, correctPledge } from './pledges.service.ts';
export { recordEvent, voidEvent, listEvents } from './events.service.ts';
export { listMilestones, getMilestone, countMilestones, createMilestone, correctMilestone } from './milestones.service.ts';
export { getSummary, getSeries } from './summary.service.ts';
export { exportHxl, exportFts, HXL_COLUMNS, FTS_HEADER } from './export.service.ts';
export { loadLedgerDemo } from './ledger.demo.ts';
export { ledgerRoutes } from './ledger.routes.ts';
