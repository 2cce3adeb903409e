import { createHash, randomUUID } from 'node:crypto';
import { ComplaintInput, ComplaintStatusView, AdditionInput, type ComplaintReceipt, type Channel, type ComplaintLanguage } from '../../shared/accountability.ts';
import { AppError } from '../../shared/errors.ts';
import type { Db } from '../../db/index.ts';
import { appendAudit } from '../auth/index.ts';
import * as repo from './complaints.repo.ts';
import { MediaError, displayName, sniffMediaType, stripMetadata } from './media.ts';
import { newReceiptCode, normaliseReceipt, receiptHash } from './receipts.ts';
import { getSettings } from './settings.service.ts';
import type { AttachmentStore } from './storage.ts';
import { stageDeadline } from './workflow.ts';

/*
 * The public side: anyone may file a complaint, with or without contact
 * details, and later check its status or add information and files with the
 * receipt code alone. Nothing here records who the caller is: no user id (a
 * signed-in caller files as the public does), no address. The audit rows say
 * that a complaint was filed or added to, with digests of the content, and
 * never the contact details.
 */

export const LIMITS = {
  additionsPerComplaint: 100,
  attachmentsPerComplaint: 10,
  attachmentBytes: 5 * 1024 * 1024,
  attachmentBytesPerComplaint: 25 * 1024 * 1024,
} as const;

export function sha256(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex');
}

interface FileProps {
  db: Db;
  input: ComplaintInput;
  channel: Channel;
  gatewayId?: string | null;
  /** The language the complaint came in, when the input does not say (SMS). */
  language?: ComplaintLanguage | null;
  /** Demo records: marked so that no one takes them for real complaints. */
  illustrative?: boolean;
  now?: Date;
}

/** Files a complaint and returns its receipt code: the only time the code exists outside the complainant's hands. */
export async function fileComplaint({ db, input, channel, gatewayId = null, language, illustrative = false, now = new Date() }: FileProps): Promise<ComplaintReceipt> {
  const parsed = ComplaintInput.parse(input);
  const settings = await getSettings(db);
  const receipt = newReceiptCode();
  const at = now.toISOString();
  const id = randomUUID();
  const row = {
    id,
    receipt_hash: receiptHash(receipt),
    channel,
    gateway_id: gatewayId,
    language: language === undefined ? parsed.language : language,
    complainant_kind: parsed.kind ?? null,
    what: parsed.what,
    occurred_when: parsed.when ?? '',
    occurred_on: parsed.occurredOn ?? null,
    place: parsed.where?.place ?? '',
    lat: parsed.where?.point?.lat ?? null,
    lon: parsed.where?.point?.lon ?? null,
    accused_contingent: parsed.who?.contingent ?? '',
    accused_unit: parsed.who?.unit ?? '',
    accused_vehicle: parsed.who?.vehicle ?? '',
    accused_description: parsed.who?.description ?? '',
    status: 'received',
    outcome: null,
    category: null,
    severity: null,
    concerned_org_id: null,
    concerned_unit: null,
    stage_due_at: stageDeadline('received', parsed.kind ?? null, now, settings),
    received_at: at,
    closed_at: null,
    updated_at: at,
    illustrative: illustrative ? 1 : 0,
  };
  const contact = parsed.contact;
  const hasContact = contact !== undefined && Boolean(contact.name || contact.phone || contact.email || contact.notes);
  await db.transaction().execute(async (trx) => {
    await repo.insertComplaint(trx, row);
    if (hasContact) {
      await repo.insertContact(trx, { complaint_id: id, name: contact.name ?? '', phone: contact.phone ?? '', email: contact.email ?? '', preferred: contact.preferred, notes: contact.notes ?? '', created_at: at });
    }
    await repo.insertTransition(trx, { id: randomUUID(), complaint_id: id, step: 1, from_status: null, to_status: 'received', outcome: null, reason: '', by_user_id: null, at });
    const { id: _id, receipt_hash: _hash, ...content } = row;
    await appendAudit(trx, {
      actor: null,
      action: 'file',
      entityType: 'complaint',
      entityId: id,
      details: { channel, contact: hasContact ? 'given' : 'none', contentSha256: sha256(JSON.stringify(content)) },
    });
  });
  return { receipt, status: 'received', filedAt: at };
}

/** The complaint a receipt code opens, or the same 404 for a wrong code and a malformed one. */
export async function complaintForReceipt(db: Db, typed: string) {
  const code = normaliseReceipt(typed);
  const row = code ? await repo.findByReceiptHash(db, receiptHash(code)) : undefined;
  if (!row) throw new AppError('NOT_FOUND', 'no complaint has this receipt code: check it as written (12 letters and digits, e.g. K7Q2-9XJD-M4TP)');
  return row;
}

/** What the holder of a receipt code may know: status and messages addressed to them, never the content. */
export async function complaintStatus({ db, receipt }: { db: Db; receipt: string }): Promise<ComplaintStatusView> {
  const row = await complaintForReceipt(db, receipt);
  const [additions, files, messages] = await Promise.all([repo.countAdditions(db, row.id), repo.attachmentTotals(db, row.id), repo.messagesToComplainant(db, row.id)]);
  return ComplaintStatusView.parse({
    status: row.status,
    outcome: row.outcome,
    filedAt: row.received_at,
    updatedAt: row.updated_at,
    additions,
    attachments: files.count,
    messages,
  });
}

/** Adds information to a complaint; the receipt code is the only credential. */
export async function addInformation({ db, input, source = 'web', now = new Date() }: { db: Db; input: AdditionInput; source?: Channel; now?: Date }): Promise<{ added: true; additions: number }> {
  const parsed = AdditionInput.parse(input);
  const complaint = await complaintForReceipt(db, parsed.receipt);
  return db.transaction().execute(async (trx) => {
    const count = await repo.countAdditions(trx, complaint.id);
    if (count >= LIMITS.additionsPerComplaint) {
      throw new AppError('RATE_LIMITED', `this complaint already has ${LIMITS.additionsPerComplaint} additions: contact the oversight body another way`);
    }
    const at = now.toISOString();
    const id = randomUUID();
    await repo.insertAddition(trx, { id, complaint_id: complaint.id, source, text: parsed.text, created_at: at });
    await repo.touchComplaint(trx, complaint.id, at);
    await appendAudit(trx, { actor: null, action: 'add-information', entityType: 'complaint', entityId: complaint.id, details: { additionId: id, source, textSha256: sha256(parsed.text) } });
    return { added: true as const, additions: count + 1 };
  });
}

export interface AddAttachmentProps {
  db: Db;
  store: AttachmentStore;
  receipt: string;
  bytes: Uint8Array;
  /** The name the sender gave (shown to investigators, cleaned; never a path). */
  fileName?: string | undefined;
  now?: Date;
}

/** Checks a file by its content, removes its metadata and stores both versions outside the web root. */
export async function addAttachment({ db, store, receipt, bytes, fileName, now = new Date() }: AddAttachmentProps) {
  const complaint = await complaintForReceipt(db, receipt);
  if (bytes.length === 0) throw new AppError('VALIDATION_FAILED', 'the file is empty: send the file itself as the request body');
  if (bytes.length > LIMITS.attachmentBytes) throw new AppError('BODY_TOO_LARGE', `a file may be at most ${LIMITS.attachmentBytes / 1024 / 1024} MB`);
  const mediaType = sniffMediaType(bytes);
  if (!mediaType) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'only photos (JPEG, PNG) and PDF documents are accepted; the file’s content is none of these, whatever its name says');
  let clean;
  try {
    clean = stripMetadata(mediaType, bytes);
  } catch (error) {
    if (error instanceof MediaError) throw new AppError('VALIDATION_FAILED', `the file could not be read as ${mediaType}: ${error.message}`);
    throw error;
  }
  const totals = await repo.attachmentTotals(db, complaint.id);
  if (totals.count >= LIMITS.attachmentsPerComplaint) throw new AppError('RATE_LIMITED', `a complaint may have at most ${LIMITS.attachmentsPerComplaint} files`);
  if (totals.bytes + bytes.length > LIMITS.attachmentBytesPerComplaint) throw new AppError('RATE_LIMITED', `a complaint's files may total at most ${LIMITS.attachmentBytesPerComplaint / 1024 / 1024} MB`);
  const key = await store.put(bytes, clean.bytes);
  const id = randomUUID();
  const at = now.toISOString();
  try {
    await db.transaction().execute(async (trx) => {
      await repo.insertAttachment(trx, {
        id,
        complaint_id: complaint.id,
        original_name: displayName(fileName),
        media_type: mediaType,
        size_bytes: bytes.length,
        sha256: sha256(bytes),
        clean_size_bytes: clean.bytes.length,
        metadata_removed: JSON.stringify(clean.removed),
        stored_key: key,
        created_at: at,
      });
      await repo.touchComplaint(trx, complaint.id, at);
      await appendAudit(trx, { actor: null, action: 'add-attachment', entityType: 'complaint', entityId: complaint.id, details: { attachmentId: id, mediaType, sizeBytes: bytes.length, sha256: sha256(bytes), metadataRemoved: clean.removed } });
    });
  } catch (error) {
    await store.remove(key);
    throw error;
  }
  return { id, mediaType, sizeBytes: bytes.length, metadataRemoved: clean.removed };
}
