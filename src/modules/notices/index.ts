/** Notices: short messages from an organisation to the mission, chosen nations or the public. */
export { listNotices, getNotice, countNotices, createNotice } from './notices.service.ts';
export { noticesRoutes } from './notices.routes.ts';
