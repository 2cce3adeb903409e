import { randomUUID } from 'node:crypto';
import {
  AssignInput,
  CaseQuery,
  ComplaintCategory,
  ComplaintStatus,
  NoteInput,
  ReferralInput,
  TransitionInput,
  TriageInput,
  type CaseDetail,
  type CaseSummary,
  type ReferralKind,
} from '../../shared/accountability.ts';
import { AppError, notFound } from '../../shared/errors.ts';
import type { Db } from '../../db/index.ts';
import { appendAudit, type Actor } from '../auth/index.ts';
import { requireOversight, type OversightActor } from './accountability.policy.ts';
import * as repo from './cases.repo.ts';
import { insertTransition } from './complaints.repo.ts';
import { sha256 } from './complaints.service.ts';
import { getSettings } from './settings.service.ts';
import type { AttachmentStore, Variant } from './storage.ts';
import { checkTransition, isOverdue, stageDeadline, survivorReferralNeeded } from './workflow.ts';

/*
 * Case handling, for the oversight body only: every function starts with
 * requireOversight, before any lookup. Audit rows name the case and what
 * changed, with digests in place of free text, and never the contact details.
 */

const OUTCOME = (value: string | null) => (value === null ? null : (value as CaseSummary['outcome']));

function summary(row: repo.CaseRow, assigned: { username: string }[], now: Date): CaseSummary {
  return {
    id: row.id,
    channel: row.channel as CaseSummary['channel'],
    language: row.language,
    status: ComplaintStatus.parse(row.status),
    outcome: OUTCOME(row.outcome),
    category: row.category === null ? null : ComplaintCategory.parse(row.category),
    complainantKind: row.complainant_kind === null ? null : ComplaintCategory.parse(row.complainant_kind),
    severity: row.severity as CaseSummary['severity'],
    concernedOrganisation: row.concerned_code,
    receivedAt: row.received_at,
    updatedAt: row.updated_at,
    stageDueAt: row.stage_due_at,
    overdue: isOverdue(row.status, row.stage_due_at, now),
    assignedTo: assigned.map((a) => a.username),
    illustrative: row.illustrative === 1,
  };
}

export async function listCases({ db, actor, query = {}, now = new Date() }: { db: Db; actor: Actor | null; query?: CaseQuery; now?: Date }): Promise<CaseSummary[]> {
  await requireOversight(db, actor);
  const q = CaseQuery.parse(query);
  const rows = await repo.listCases(db, { status: q.status, category: q.category, overdueAt: q.overdue ? now.toISOString() : undefined, limit: q.limit });
  const assigned = await repo.assignees(db, rows.map((r) => r.id));
  return rows.map((row) => summary(row, assigned.get(row.id) ?? [], now));
}

async function loadCase(db: Db, id: string): Promise<repo.CaseRow> {
  const row = /^[0-9a-f-]{36}$/.test(id) ? await repo.findCase(db, id) : undefined;
  if (!row) throw notFound('case');
  return row;
}

/** A case in full. The complainant's contact details are included only for an investigator assigned to it. */
export async function getCase({ db, actor, id, now = new Date() }: { db: Db; actor: Actor | null; id: string; now?: Date }): Promise<CaseDetail> {
  const by = await requireOversight(db, actor);
  const row = await loadCase(db, id);
  const assigned = (await repo.assignees(db, [id])).get(id) ?? [];
  const isInvestigator = assigned.some((a) => a.userId === by.userId);
  const [contact, parts] = await Promise.all([repo.contactOf(db, id), repo.caseParts(db, id)]);
  if (contact && isInvestigator) {
    await db.transaction().execute((trx) => appendAudit(trx, { actor: by, action: 'view-contact', entityType: 'complaint', entityId: id }));
  }
  const referralKinds = parts.referrals.map((r) => r.kind as ReferralKind);
  return {
    ...summary(row, assigned, now),
    what: row.what,
    when: row.occurred_when,
    occurredOn: row.occurred_on,
    place: row.place,
    point: row.lat !== null && row.lon !== null ? { lat: row.lat, lon: row.lon } : null,
    accused: { contingent: row.accused_contingent, unit: row.accused_unit, vehicle: row.accused_vehicle, description: row.accused_description },
    concernedUnit: row.concerned_unit,
    contact: contact && isInvestigator ? { name: contact.name, phone: contact.phone, email: contact.email, preferred: contact.preferred, notes: contact.notes } : null,
    contactWithheld: contact !== undefined && !isInvestigator,
    additions: parts.additions.map((a) => ({ id: a.id, source: a.source, text: a.text, at: a.created_at })),
    attachments: parts.attachments.map((a) => ({ id: a.id, originalName: a.original_name, mediaType: a.media_type, sizeBytes: Number(a.size_bytes), metadataRemoved: JSON.parse(a.metadata_removed) as string[], at: a.created_at })),
    notes: parts.notes.map((n) => ({ id: n.id, author: n.username, toComplainant: n.to_complainant === 1, text: n.text, at: n.created_at })),
    referrals: parts.referrals.map((r) => ({ id: r.id, kind: r.kind as ReferralKind, recipient: r.recipient, note: r.note, at: r.created_at, by: r.username })),
    history: parts.history.map((h) => ({ from: h.from_status, to: ComplaintStatus.parse(h.to_status), outcome: h.outcome, reason: h.reason, at: h.at, by: h.username })),
    survivorReferralNeeded: survivorReferralNeeded({ category: row.category as ComplaintCategory | null, complainantKind: row.complainant_kind as ComplaintCategory | null, referrals: referralKinds }),
  };
}

interface ChangeProps<Input> {
  db: Db;
  actor: Actor | null;
  id: string;
  input: Input;
  now?: Date;
}

/** Runs a change to one case in a transaction, after the oversight check and the lookup. */
async function change<T>(db: Db, actor: Actor | null, id: string, body: (trx: Db, by: OversightActor, row: repo.CaseRow) => Promise<T>): Promise<T> {
  const by = await requireOversight(db, actor);
  return db.transaction().execute(async (trx) => body(trx, by, await loadCase(trx, id)));
}

async function moveTo(trx: Db, by: OversightActor, row: repo.CaseRow, to: ComplaintStatus, extra: { outcome?: string | null; reason?: string; category?: string | null; now: Date }) {
  const settings = await getSettings(trx);
  const at = extra.now.toISOString();
  const category = (extra.category !== undefined ? extra.category : row.category) as ComplaintCategory | null;
  await repo.updateCase(trx, row.id, {
    status: to,
    outcome: to === 'closed' ? (extra.outcome ?? null) : null,
    stage_due_at: stageDeadline(to, category, extra.now, settings),
    closed_at: to === 'closed' ? at : null,
    updated_at: at,
  });
  await insertTransition(trx, { id: randomUUID(), complaint_id: row.id, step: (await repo.lastStep(trx, row.id)) + 1, from_status: row.status, to_status: to, outcome: to === 'closed' ? (extra.outcome ?? null) : null, reason: extra.reason ?? '', by_user_id: by.userId, at });
}

/** Records category, severity and the organisation concerned; a received case becomes triaged. */
export async function triageCase({ db, actor, id, input, now = new Date() }: ChangeProps<TriageInput>): Promise<CaseDetail> {
  const parsed = TriageInput.parse(input);
  await change(db, actor, id, async (trx, by, row) => {
    if (row.status === 'closed') throw new AppError('CONFLICT', 'a closed case is not triaged again: reopen it first');
    let concernedOrgId: string | null = null;
    if (parsed.concernedOrganisation) {
      const org = await repo.organisationByCode(trx, parsed.concernedOrganisation);
      if (!org) throw new AppError('VALIDATION_FAILED', `unknown organisation ${parsed.concernedOrganisation}`, [{ path: 'concernedOrganisation', message: 'unknown organisation code' }]);
      concernedOrgId = org.id;
    }
    await repo.updateCase(trx, row.id, { category: parsed.category, severity: parsed.severity, concerned_org_id: concernedOrgId, concerned_unit: parsed.concernedUnit, updated_at: now.toISOString() });
    if (row.status === 'received') await moveTo(trx, by, row, 'triaged', { category: parsed.category, now });
    await appendAudit(trx, {
      actor: by,
      action: 'triage',
      entityType: 'complaint',
      entityId: row.id,
      // The organisation concerned is named by digest only: the audit log is not where it may learn of the case.
      details: { category: parsed.category, severity: parsed.severity, concernedSha256: parsed.concernedOrganisation ? sha256(parsed.concernedOrganisation) : null },
    });
  });
  return getCase({ db, actor, id, now });
}

/** Assigns investigators: users of the oversight body holding the oversight role. */
export async function assignInvestigators({ db, actor, id, input, now = new Date() }: ChangeProps<AssignInput>): Promise<CaseDetail> {
  const parsed = AssignInput.parse(input);
  await change(db, actor, id, async (trx, by, row) => {
    const users = await repo.usersWithRoles(trx, parsed.usernames);
    for (const username of parsed.usernames) {
      const user = users.find((u) => u.username === username);
      if (!user || user.disabled || user.kind !== 'oversight' || !user.roles.includes('oversight')) {
        throw new AppError('VALIDATION_FAILED', `${username} cannot investigate: investigators are active users of the oversight body with the oversight role`, [{ path: 'usernames', message: `not an investigator: ${username}` }]);
      }
      await repo.assign(trx, { complaint_id: row.id, user_id: user.id, assigned_by: by.userId, assigned_at: now.toISOString() });
    }
    await repo.updateCase(trx, row.id, { updated_at: now.toISOString() });
    await appendAudit(trx, { actor: by, action: 'assign', entityType: 'complaint', entityId: row.id, details: { userIds: users.map((u) => u.id) } });
  });
  return getCase({ db, actor, id, now });
}

export async function unassignInvestigator({ db, actor, id, username, now = new Date() }: { db: Db; actor: Actor | null; id: string; username: string; now?: Date }): Promise<CaseDetail> {
  await change(db, actor, id, async (trx, by, row) => {
    const [user] = await repo.usersWithRoles(trx, [username]);
    if (!user || (await repo.unassign(trx, row.id, user.id)) === 0) throw notFound('assignment');
    await appendAudit(trx, { actor: by, action: 'unassign', entityType: 'complaint', entityId: row.id, details: { userId: user.id } });
  });
  return getCase({ db, actor, id, now });
}

/** Moves a case along the workflow; see workflow.ts for what each step needs. */
export async function transitionCase({ db, actor, id, input, now = new Date() }: ChangeProps<TransitionInput>): Promise<CaseDetail> {
  const parsed = TransitionInput.parse(input);
  await change(db, actor, id, async (trx, by, row) => {
    const assigned = (await repo.assignees(trx, [row.id])).get(row.id) ?? [];
    const referrals = (await repo.referralKinds(trx, row.id)) as ReferralKind[];
    checkTransition(
      { status: ComplaintStatus.parse(row.status), category: row.category as ComplaintCategory | null, complainantKind: row.complainant_kind as ComplaintCategory | null, investigators: assigned.length, referrals },
      parsed.to,
      parsed.outcome,
    );
    await moveTo(trx, by, row, parsed.to, { outcome: parsed.outcome ?? null, reason: parsed.reason ?? '', now });
    await appendAudit(trx, { actor: by, action: 'transition', entityType: 'complaint', entityId: row.id, details: { from: row.status, to: parsed.to, outcome: parsed.outcome ?? null, reasonSha256: parsed.reason ? sha256(parsed.reason) : null } });
  });
  return getCase({ db, actor, id, now });
}

/** A note on the case; `toComplainant` notes are shown to whoever holds the receipt code. */
export async function addNote({ db, actor, id, input, now = new Date() }: ChangeProps<NoteInput>): Promise<CaseDetail> {
  const parsed = NoteInput.parse(input);
  await change(db, actor, id, async (trx, by, row) => {
    const noteId = randomUUID();
    await repo.insertNote(trx, { id: noteId, complaint_id: row.id, author_id: by.userId, to_complainant: parsed.toComplainant ? 1 : 0, text: parsed.text, created_at: now.toISOString() });
    await repo.updateCase(trx, row.id, { updated_at: now.toISOString() });
    await appendAudit(trx, { actor: by, action: 'note', entityType: 'complaint', entityId: row.id, details: { noteId, toComplainant: parsed.toComplainant, textSha256: sha256(parsed.text) } });
  });
  return getCase({ db, actor, id, now });
}

/** Records a referral: of the case to an authority, or of a survivor to medical, psychosocial or legal services. */
export async function addReferral({ db, actor, id, input, now = new Date() }: ChangeProps<ReferralInput>): Promise<CaseDetail> {
  const parsed = ReferralInput.parse(input);
  await change(db, actor, id, async (trx, by, row) => {
    if (row.status === 'closed') throw new AppError('CONFLICT', 'the case is closed: reopen it to record a referral');
    const referralId = randomUUID();
    await repo.insertReferral(trx, { id: referralId, complaint_id: row.id, kind: parsed.kind, recipient: parsed.recipient, note: parsed.note, created_by: by.userId, created_at: now.toISOString() });
    await repo.updateCase(trx, row.id, { updated_at: now.toISOString() });
    await appendAudit(trx, { actor: by, action: 'refer', entityType: 'complaint', entityId: row.id, details: { referralId, kind: parsed.kind, recipientSha256: sha256(parsed.recipient) } });
  });
  return getCase({ db, actor, id, now });
}

/**
 * An attachment's bytes. 'clean' (metadata removed) by default; the
 * 'original' as received is evidence and each reading of it is audited.
 */
export async function readAttachment({ db, store, actor, id, attachmentId, variant = 'clean' }: { db: Db; store: AttachmentStore; actor: Actor | null; id: string; attachmentId: string; variant?: Variant }) {
  const by = await requireOversight(db, actor);
  await loadCase(db, id);
  const row = /^[0-9a-f-]{36}$/.test(attachmentId) ? await repo.findAttachment(db, id, attachmentId) : undefined;
  if (!row) throw notFound('attachment');
  const bytes = await store.read(row.stored_key, variant);
  if (variant === 'original') {
    await db.transaction().execute((trx) => appendAudit(trx, { actor: by, action: 'read-original', entityType: 'complaint_attachment', entityId: row.id, details: { complaintId: id } }));
  }
  return { bytes, mediaType: row.media_type, sizeBytes: bytes.length };
}
