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
  await lockForSerialWrite(trx, AUDIT_CHAIN_LOCK);
  const head = await trx.selectFrom('audit_head').select(['last_seq', 'last_hash']).where('id', '=', 1).executeTakeFirstOrThrow();
  const row: Omit<AuditLogTable, 'hash'> = {
    seq: Number(head.last_seq) + 1,
    at: new Date().toISOString(),
    actor_user_id: entry.actor?.userId ?? null,
    actor_org_id: entry.actor?.organisationId ?? null,
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: entry.entityId,
    request_id: entry.actor?.requestId ?? null,
    details: JSON.stringify(entry.details ?? {}),
    prev_hash: head.last_hash,
  };
  const hash = hashRow(row);
  await trx.insertInto('audit_log').values({ ...row, hash }).execute();
  await trx.updateTable('audit_head').set({ last_seq: row.seq, last_hash: hash }).where('id', '=', 1).execute();
}

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
