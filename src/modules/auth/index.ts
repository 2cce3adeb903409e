/** Users, organisations, sessions, roles, releasability and the audit log. */
export { PUBLIC_VIEWER, hasRole, type Actor, type Viewer } from './actor.ts';
export { canSee, visibleTo, setReleasableTo, releasableToCodes, type LabelledRecord } from './releasability.ts';
export { appendAudit, appendAuditEntries, verifyAuditChain, type AuditEntry, type AuditVerdict } from './audit.ts';
export { createOrganisation, listOrganisations, organisationIdsForCodes, presentOrganisation } from './organisations.service.ts';
export { createUser, changePassword } from './users.service.ts';
export { login, logout, authenticate, SESSION_COOKIE, type Session } from './sessions.service.ts';
export { sessionCache, SessionCache, SESSION_CACHE_MS, type CachedSession, type Revocation } from './session-cache.ts';
export { httpAccess, actorOf, sessionOf, requireAccessDeclaration, type Access } from './http-access.ts';
export { authRoutes } from './auth.routes.ts';
