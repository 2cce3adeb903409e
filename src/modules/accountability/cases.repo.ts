import type { Db } from '../../db/index.ts';
import type { ComplaintContactsTable, ComplaintsTable } from '../../db/tables/accountability.ts';

/* SQL of case handling and public statistics. Only the oversight body's services call the case reads. */

export interface CaseFilter {
  status?: string | undefined;
  category?: string | undefined;
  /** Open cases whose stage deadline is before this instant. */
  overdueAt?: string | undefined;
  limit: number;
}

export type CaseRow = ComplaintsTable & { concerned_code: string | null };

function selectCases(db: Db) {
  return db
    .selectFrom('complaints')
    .leftJoin('organisations', 'organisations.id', 'complaints.concerned_org_id')
    .selectAll('complaints')
    .select('organisations.code as concerned_code');
}

export async function listCases(db: Db, filter: CaseFilter): Promise<CaseRow[]> {
  let query = selectCases(db);
  if (filter.status) query = query.where('complaints.status', '=', filter.status);
  if (filter.category) query = query.where('complaints.category', '=', filter.category);
  if (filter.overdueAt) query = query.where('complaints.status', '<>', 'closed').where('complaints.stage_due_at', '<', filter.overdueAt);
  return query.orderBy('complaints.received_at', 'desc').orderBy('complaints.id').limit(filter.limit).execute();
}

export async function findCase(db: Db, id: string): Promise<CaseRow | undefined> {
  return selectCases(db).where('complaints.id', '=', id).executeTakeFirst();
}

export async function updateCase(db: Db, id: string, changes: Partial<ComplaintsTable>): Promise<void> {
  await db.updateTable('complaints').set(changes).where('id', '=', id).execute();
}

/** Usernames of the investigators assigned to each case. */
export async function assignees(db: Db, complaintIds: readonly string[]): Promise<Map<string, { userId: string; username: string }[]>> {
  const byCase = new Map<string, { userId: string; username: string }[]>();
  if (complaintIds.length === 0) return byCase;
  const rows = await db
    .selectFrom('complaint_assignments')
    .innerJoin('users', 'users.id', 'complaint_assignments.user_id')
    .select(['complaint_assignments.complaint_id', 'users.id', 'users.username'])
    .where('complaint_assignments.complaint_id', 'in', complaintIds)
    .orderBy('users.username')
    .execute();
  for (const row of rows) byCase.set(row.complaint_id, [...(byCase.get(row.complaint_id) ?? []), { userId: row.id, username: row.username }]);
  return byCase;
}

export async function assign(db: Db, row: { complaint_id: string; user_id: string; assigned_by: string; assigned_at: string }): Promise<void> {
  await db
    .insertInto('complaint_assignments')
    .values(row)
    .onConflict((oc) => oc.columns(['complaint_id', 'user_id']).doNothing())
    .execute();
}

export async function unassign(db: Db, complaintId: string, userId: string): Promise<number> {
  const result = await db.deleteFrom('complaint_assignments').where('complaint_id', '=', complaintId).where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function contactOf(db: Db, complaintId: string): Promise<ComplaintContactsTable | undefined> {
  return db.selectFrom('complaint_contacts').selectAll().where('complaint_id', '=', complaintId).executeTakeFirst();
}

export async function caseParts(db: Db, complaintId: string) {
  const [additions, attachments, notes, referrals, history] = await Promise.all([
    db.selectFrom('complaint_additions').selectAll().where('complaint_id', '=', complaintId).orderBy('created_at').orderBy('id').execute(),
    db.selectFrom('complaint_attachments').selectAll().where('complaint_id', '=', complaintId).orderBy('created_at').orderBy('id').execute(),
    db
      .selectFrom('complaint_notes')
      .innerJoin('users', 'users.id', 'complaint_notes.author_id')
      .selectAll('complaint_notes')
      .select('users.username')
      .where('complaint_id', '=', complaintId)
      .orderBy('complaint_notes.created_at')
      .orderBy('complaint_notes.id')
      .execute(),
    db
      .selectFrom('complaint_referrals')
      .innerJoin('users', 'users.id', 'complaint_referrals.created_by')
      .selectAll('complaint_referrals')
      .select('users.username')
      .where('complaint_id', '=', complaintId)
      .orderBy('complaint_referrals.created_at')
      .orderBy('complaint_referrals.id')
      .execute(),
    db
      .selectFrom('complaint_transitions')
      .leftJoin('users', 'users.id', 'complaint_transitions.by_user_id')
      .selectAll('complaint_transitions')
      .select('users.username')
      .where('complaint_id', '=', complaintId)
      .orderBy('complaint_transitions.step')
      .execute(),
  ]);
  return { additions, attachments, notes, referrals, history };
}

export async function referralKinds(db: Db, complaintId: string): Promise<string[]> {
  return (await db.selectFrom('complaint_referrals').select('kind').where('complaint_id', '=', complaintId).execute()).map((r) => r.kind);
}

export async function insertNote(db: Db, row: { id: string; complaint_id: string; author_id: string; to_complainant: number; text: string; created_at: string }): Promise<void> {
  await db.insertInto('complaint_notes').values(row).execute();
}

export async function insertReferral(db: Db, row: { id: string; complaint_id: string; kind: string; recipient: string; note: string; created_by: string; created_at: string }): Promise<void> {
  await db.insertInto('complaint_referrals').values(row).execute();
}

export async function findAttachment(db: Db, complaintId: string, attachmentId: string) {
  return db.selectFrom('complaint_attachments').selectAll().where('complaint_id', '=', complaintId).where('id', '=', attachmentId).executeTakeFirst();
}

/** Users by username with their organisation's kind and their roles. */
export async function usersWithRoles(db: Db, usernames: readonly string[]) {
  if (usernames.length === 0) return [];
  const users = await db
    .selectFrom('users')
    .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
    .select(['users.id', 'users.username', 'users.disabled', 'organisations.kind'])
    .where('users.username', 'in', usernames)
    .execute();
  const roles = users.length === 0 ? [] : await db.selectFrom('user_roles').select(['user_id', 'role']).where('user_id', 'in', users.map((u) => u.id)).execute();
  return users.map((u) => ({ ...u, roles: roles.filter((r) => r.user_id === u.id).map((r) => r.role) }));
}

export async function organisationKind(db: Db, organisationId: string): Promise<string | undefined> {
  return (await db.selectFrom('organisations').select('kind').where('id', '=', organisationId).executeTakeFirst())?.kind;
}

export async function organisationByCode(db: Db, code: string) {
  return db.selectFrom('organisations').select(['id', 'code']).where('code', '=', code).executeTakeFirst();
}

/** Counts since `from` grouped by one column, for public statistics. */
export async function countsBy(db: Db, column: 'category' | 'status' | 'outcome', from: string): Promise<{ key: string | null; count: number }[]> {
  const rows = await db
    .selectFrom('complaints')
    .select((eb) => [eb.ref(column).as('key'), eb.fn.countAll().as('count')])
    .where('received_at', '>=', from)
    .groupBy(column)
    .execute();
  return rows.map((r) => ({ key: r.key as string | null, count: Number(r.count) }));
}

/** Counts since `from` by month of receipt (YYYY-MM). */
export async function countsByMonth(db: Db, from: string): Promise<{ month: string; count: number }[]> {
  const rows = await db
    .selectFrom('complaints')
    .select((eb) => [eb.fn<string>('substr', [eb.ref('received_at'), eb.lit(1), eb.lit(7)]).as('month'), eb.fn.countAll().as('count')])
    .where('received_at', '>=', from)
    .groupBy((eb) => eb.fn<string>('substr', [eb.ref('received_at'), eb.lit(1), eb.lit(7)]))
    .execute();
  return rows.map((r) => ({ month: r.month, count: Number(r.count) }));
}

/** A user as an actor, for the demo loader and the command line. */
export async function actorRow(db: Db, username: string) {
  return db
    .selectFrom('users')
    .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
    .select(['users.id', 'users.username', 'users.disabled', 'users.organisation_id', 'organisations.code', 'organisations.is_mission_member'])
    .where('users.username', '=', username)
    .executeTakeFirst();
}

export async function lastStep(db: Db, complaintId: string): Promise<number> {
  const row = await db.selectFrom('complaint_transitions').select((eb) => eb.fn.max('step').as('step')).where('complaint_id', '=', complaintId).executeTakeFirst();
  return Number(row?.step ?? 0);
}
