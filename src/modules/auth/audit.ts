import { createHash } from 'node:crypto';
import { lockForSerialWrite, type Db } from '../../db/index.ts';
import { GENESIS_HASH } from '../../db/audit-genesis.ts';
import type { AuditLogTable } from '../../db/schema.ts';

/*
 * The append-only, hash-chained audit log. Each row stores the hash of the row
 * before it and the hash of its own content with that link, so editing,
 * deleting or reordering rows breaks the chain at the first row touched;
 * audit_head keeps the newest link, so cutting the tail shows too.
 */

const AUDIT_CHAIN_LOCK = 0x6b6f6e62; // "konb": serialises appenders on PostgreSQL

export interface AuditEntry {
  actor: { userId: string | null; organisationId: string | null; requestId?: string | undefined } | null;
  action: string;
  entityType: string;
  entityId: string | null;
  /** What changed: before/after values or their digest. Never secrets. */
  details?: Record<string, unknown>;
}

/** Appends one row inside the caller's transaction, so the change and its record commit together. */
export async function appendAudit(trx: Db, entry: AuditEntry): Promise<void> {
  await appendAuditEntries(trx, [entry]);
}

/**
 * Appends rows in the order given, each linked to the one before, exactly as
 * that many appendAudit calls would: one read of the head, one multi-row
 * insert and one update of the head for all of them (a group commit of field
 * reports audits each report this way).
 */
export async function appendAuditEntries(trx: Db, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await lockForSerialWrite(trx, AUDIT_CHAIN_LOCK);
  const head = await trx.selectFrom('audit_head').select(['last_seq', 'last_hash']).where('id', '=', 1).executeTakeFirstOrThrow();
  let seq = Number(head.last_seq);
  let prevHash = head.last_hash;
  const at = new Date().toISOString();
  const rows: AuditLogTable[] = entries.map((entry) => {
    const row: Omit<AuditLogTable, 'hash'> = {
      seq: ++seq,
      at,
      actor_user_id: entry.actor?.userId ?? null,
      actor_org_id: entry.actor?.organisationId ?? null,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      request_id: entry.actor?.requestId ?? null,
      details: JSON.stringify(entry.details ?? {}),
      prev_hash: prevHash,
    };
    prevHash = hashRow(row);
    return { ...row, hash: prevHash };
  });
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) await trx.insertInto('audit_log').values(rows.slice(start, start + ROWS_PER_INSERT)).execute();
  await trx.updateTable('audit_head').set({ last_seq: seq, last_hash: prevHash }).where('id', '=', 1).execute();
}

/** Eleven columns a row: within SQLite's parameter limit. */
const ROWS_PER_INSERT = 500;

function hashRow(row: Omit<AuditLogTable, 'hash'>): string {
  const content = [row.seq, row.at, row.actor_user_id, row.actor_org_id, row.action, row.entity_type, row.entity_id, row.request_id, row.details, row.prev_hash];
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

export type AuditVerdict =
  | { ok: true; rows: number; lastHash: string }
  | { ok: false; rows: number; brokenAtSeq: number; reason: string };

/** Walks the chain in order and reports the first broken link. */
export async function verifyAuditChain(db: Db): Promise<AuditVerdict> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  const pageSize = 2000;
  for (;;) {
    const rows = await db.selectFrom('audit_log').selectAll().where('seq', '>=', expectedSeq).orderBy('seq').limit(pageSize).execute();
    for (const raw of rows) {
      const row = { ...raw, seq: Number(raw.seq) };
      const checked = expectedSeq - 1;
      if (row.seq !== expectedSeq) return broken(checked, expectedSeq, `row ${expectedSeq} is missing (next row is ${row.seq})`);
      if (row.prev_hash !== prevHash) return broken(checked, row.seq, `row ${row.seq} does not link to the row before it`);
      const { hash, ...content } = row;
      if (hashRow(content) !== hash) return broken(checked, row.seq, `row ${row.seq} was altered after it was written`);
      prevHash = hash;
      expectedSeq += 1;
    }
    if (rows.length < pageSize) break;
  }
  const head = await db.selectFrom('audit_head').select(['last_seq', 'last_hash']).where('id', '=', 1).executeTakeFirstOrThrow();
  const rowCount = expectedSeq - 1;
  if (Number(head.last_seq) !== rowCount || head.last_hash !== prevHash) {
    return broken(rowCount, rowCount + 1, `the log ends at row ${rowCount} but its head says ${head.last_seq}: rows were removed from the end`);
  }
  return { ok: true, rows: rowCount, lastHash: prevHash };
}

function broken(rows: number, brokenAtSeq: number, reason: string): AuditVerdict {
  return { ok: false, rows, brokenAtSeq, reason };
}
