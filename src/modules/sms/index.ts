/**
 * SMS: incident reports sent by text message from registered reporters'
 * phones, in Kreyòl, French or English, through a gateway's webhook; the
 * reporters' registry; the queue of reports an analyst places.
 */
export { smsRoutes, type SmsRoutesOptions } from './sms.routes.ts';
export { createSmsGateway, listSmsGateways, setSmsGatewayDisabled, findSmsGateway, authenticateSmsGateway } from './gateways.service.ts';
export { addReporter, listReporters, removeReporter, actorFor as smsActorFor } from './reporters.service.ts';
export { receiveSmsMessage } from './receive.service.ts';
export { listSmsReports, locateSmsReport } from './reports.service.ts';
export { parseSms } from './parse.ts';
export { smsPlacesIn, SmsPlaces } from './places.ts';
export { normalisePhone } from './phone.ts';
export { measureAccuracy, accuracyTable, readCorpus, type AccuracyReport } from './accuracy.ts';
