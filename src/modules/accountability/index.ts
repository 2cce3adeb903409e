/** Accountability: complaints from the public, their handling by the oversight body, and the detention register. */
export { fileComplaint, complaintStatus, addInformation, addAttachment, LIMITS as COMPLAINT_LIMITS } from './complaints.service.ts';
export { newGatewaySecret, gatewaySecretMatches, gatewayUnauthorised, isGatewayId, presentedSecret, gatewayMessageKey } from './gateway-secret.ts';
export { createGateway, listGateways, setGatewayDisabled, authenticateGateway, receiveGatewayMessage } from './gateway.service.ts';
export { listCases, getCase, triageCase, assignInvestigators, unassignInvestigator, transitionCase, addNote, addReferral, readAttachment } from './cases.service.ts';
export { complaintStatistics } from './statistics.service.ts';
export { listDetentions, getDetention, countDetentions, recordDetention, recordHandover, recordRelease } from './detentions.service.ts';
export { getSettings, updateSettings } from './settings.service.ts';
export { isOversight, requireOversight } from './accountability.policy.ts';
export { AttachmentStore } from './storage.ts';
export { actorForUsername } from './act-as.ts';
export { loadAccountabilityDemo } from './accountability.demo.ts';
export { accountabilityRoutes, type AccountabilityRoutesOptions } from './accountability.routes.ts';
