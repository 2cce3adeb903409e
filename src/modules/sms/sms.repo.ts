import type { Db } from '../../db/index.ts';
import type { SmsGatewaysTable, SmsMessagesTable, SmsReportersTable, SmsReportsTable } from '../../db/tables/sms.ts';
import { visibleTo, type Viewer } from '../auth/index.ts';

/* The SMS module's SQL: gateways, the reporters' registry, messages and reports. */

export async function findGateway(db: Db, id: string): Promise<SmsGatewaysTable | undefined> {
  return db.selectFrom('sms_gateways').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findGatewayByName(db: Db, name: string): Promise<SmsGatewaysTable | undefined> {
  return db.selectFrom('sms_gateways').selectAll().where('name', '=', name).executeTakeFirst();
}

export async function insertGateway(db: Db, row: SmsGatewaysTable): Promise<void> {
  await db.insertInto('sms_gateways').values(row).execute();
}

export async function listGateways(db: Db): Promise<SmsGatewaysTable[]> {
  return db.selectFrom('sms_gateways').selectAll().orderBy('name').execute();
}

export async function setGatewayDisabled(db: Db, id: string, disabled: boolean): Promise<number> {
  const result = await db.updateTable('sms_gateways').set({ disabled: disabled ? 1 : 0 }).where('id', '=', id).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export type ReporterRow = SmsReportersTable & { username: string; organisation_id: string; org_code: string; disabled: number };

const reporters = (db: Db) =>
  db
    .selectFrom('sms_reporters')
    .innerJoin('users', 'users.id', 'sms_reporters.user_id')
    .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
    .selectAll('sms_reporters')
    .select(['users.username', 'users.organisation_id', 'organisations.code as org_code', 'users.disabled']);

export async function findReporter(db: Db, phone: string): Promise<ReporterRow | undefined> {
  return reporters(db).where('sms_reporters.phone', '=', phone).executeTakeFirst();
}

export async function listReporters(db: Db, organisationId: string): Promise<ReporterRow[]> {
  return reporters(db).where('users.organisation_id', '=', organisationId).orderBy('users.username').orderBy('sms_reporters.phone').execute();
}

/** A registration of the account's (the oldest): how it is graded as a source. */
export async function findReporterOfUser(db: Db, userId: string): Promise<SmsReportersTable | undefined> {
  return db.selectFrom('sms_reporters').selectAll().where('user_id', '=', userId).orderBy('created_at').orderBy('phone').executeTakeFirst();
}

export async function insertReporter(db: Db, row: SmsReportersTable): Promise<void> {
  await db.insertInto('sms_reporters').values(row).execute();
}

export async function deleteReporter(db: Db, phone: string): Promise<void> {
  await db.deleteFrom('sms_reporters').where('phone', '=', phone).execute();
}

/** A user with organisation and roles, to act as the reporter of a number. */
export async function findUserWithRoles(db: Db, where: { id: string } | { username: string }) {
  const user = await db
    .selectFrom('users')
    .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
    .select(['users.id', 'users.username', 'users.disabled', 'users.organisation_id', 'organisations.code', 'organisations.is_mission_member'])
    .where((eb) => ('id' in where ? eb('users.id', '=', where.id) : eb('users.username', '=', where.username)))
    .executeTakeFirst();
  if (!user) return undefined;
  const roles = await db.selectFrom('user_roles').select('role').where('user_id', '=', user.id).execute();
  return { user, roles: roles.map((r) => r.role) };
}

/** Records a message as pending; false when the gateway sent it before. */
export async function claimMessage(db: Db, row: SmsMessagesTable): Promise<boolean> {
  const result = await db.insertInto('sms_messages').values(row).onConflict((oc) => oc.columns(['gateway_id', 'digest']).doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function findMessage(db: Db, gatewayId: string, digest: string): Promise<SmsMessagesTable | undefined> {
  return db.selectFrom('sms_messages').selectAll().where('gateway_id', '=', gatewayId).where('digest', '=', digest).executeTakeFirst();
}

export async function finishMessage(db: Db, gatewayId: string, digest: string, done: Pick<SmsMessagesTable, 'action' | 'replies' | 'report_id'>): Promise<void> {
  await db.updateTable('sms_messages').set(done).where('gateway_id', '=', gatewayId).where('digest', '=', digest).execute();
}

export async function forgetMessage(db: Db, gatewayId: string, digest: string): Promise<void> {
  await db.deleteFrom('sms_messages').where('gateway_id', '=', gatewayId).where('digest', '=', digest).execute();
}

/** Messages from one sender since a time, on every gateway (this one included). */
export async function countSince(db: Db, senderKey: string, since: string): Promise<number> {
  const row = await db.selectFrom('sms_messages').select((eb) => eb.fn.countAll().as('n')).where('sender_key', '=', senderKey).where('received_at', '>', since).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertReport(db: Db, row: SmsReportsTable): Promise<void> {
  await db.insertInto('sms_reports').values(row).execute();
}

export async function findReport(db: Db, id: string, viewer: Viewer | null): Promise<SmsReportsTable | undefined> {
  let query = db.selectFrom('sms_reports').selectAll().where('id', '=', id);
  if (viewer) query = query.where(visibleTo(viewer, 'sms_reports'));
  return query.executeTakeFirst();
}

export type ReportRow = SmsReportsTable & { reporter_username: string; org_code: string };

export async function listReports(db: Db, viewer: Viewer, filter: { status?: string | undefined; id?: string; limit: number }): Promise<ReportRow[]> {
  let query = db
    .selectFrom('sms_reports')
    .innerJoin('users', 'users.id', 'sms_reports.reporter_user_id')
    .innerJoin('organisations', 'organisations.id', 'sms_reports.owner_org_id')
    .selectAll('sms_reports')
    .select(['users.username as reporter_username', 'organisations.code as org_code'])
    .where(visibleTo(viewer, 'sms_reports'));
  if (filter.status) query = query.where('sms_reports.status', '=', filter.status);
  if (filter.id) query = query.where('sms_reports.id', '=', filter.id);
  return query.orderBy('sms_reports.created_at', 'desc').orderBy('sms_reports.id').limit(filter.limit).execute();
}

export async function markLocated(db: Db, id: string, change: Pick<SmsReportsTable, 'incident_id' | 'located_by' | 'located_at' | 'updated_at'>): Promise<number> {
  const result = await db.updateTable('sms_reports').set({ ...change, status: 'located' }).where('id', '=', id).where('status', '=', 'unlocated').executeTakeFirst();
  return Number(result.numUpdatedRows);
}
