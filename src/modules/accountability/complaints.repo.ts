import type { Db } from '../../db/index.ts';
import type {
  ComplaintAdditionsTable,
  ComplaintAttachmentsTable,
  ComplaintContactsTable,
  ComplaintGatewaysTable,
  ComplaintsTable,
  ComplaintTransitionsTable,
} from '../../db/tables/accountability.ts';

/* SQL of the public side: filing, receipts, additions, attachments, gateways. */

export async function insertComplaint(db: Db, row: ComplaintsTable): Promise<void> {
  await db.insertInto('complaints').values(row).execute();
}

export async function insertContact(db: Db, row: ComplaintContactsTable): Promise<void> {
  await db.insertInto('complaint_contacts').values(row).execute();
}

export async function insertTransition(db: Db, row: ComplaintTransitionsTable): Promise<void> {
  await db.insertInto('complaint_transitions').values(row).execute();
}

export async function findByReceiptHash(db: Db, hash: string): Promise<ComplaintsTable | undefined> {
  return db.selectFrom('complaints').selectAll().where('receipt_hash', '=', hash).executeTakeFirst();
}

export async function receiptHashTaken(db: Db, hash: string): Promise<boolean> {
  return (await db.selectFrom('complaints').select('id').where('receipt_hash', '=', hash).executeTakeFirst()) !== undefined;
}

export async function countAdditions(db: Db, complaintId: string): Promise<number> {
  const row = await db.selectFrom('complaint_additions').select((eb) => eb.fn.countAll().as('count')).where('complaint_id', '=', complaintId).executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function attachmentTotals(db: Db, complaintId: string): Promise<{ count: number; bytes: number }> {
  const row = await db
    .selectFrom('complaint_attachments')
    .select((eb) => [eb.fn.countAll().as('count'), eb.fn.coalesce(eb.fn.sum<number>('size_bytes'), eb.lit(0)).as('bytes')])
    .where('complaint_id', '=', complaintId)
    .executeTakeFirstOrThrow();
  return { count: Number(row.count), bytes: Number(row.bytes) };
}

export async function insertAddition(db: Db, row: ComplaintAdditionsTable): Promise<void> {
  await db.insertInto('complaint_additions').values(row).execute();
}

export async function insertAttachment(db: Db, row: ComplaintAttachmentsTable): Promise<void> {
  await db.insertInto('complaint_attachments').values(row).execute();
}

export async function touchComplaint(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable('complaints').set({ updated_at: at }).where('id', '=', id).execute();
}

export async function messagesToComplainant(db: Db, complaintId: string): Promise<{ at: string; text: string }[]> {
  return db
    .selectFrom('complaint_notes')
    .select(['created_at as at', 'text'])
    .where('complaint_id', '=', complaintId)
    .where('to_complainant', '=', 1)
    .orderBy('created_at')
    .execute();
}

export async function findGateway(db: Db, id: string): Promise<ComplaintGatewaysTable | undefined> {
  return db.selectFrom('complaint_gateways').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertGateway(db: Db, row: ComplaintGatewaysTable): Promise<void> {
  await db.insertInto('complaint_gateways').values(row).execute();
}

export async function listGateways(db: Db): Promise<ComplaintGatewaysTable[]> {
  return db.selectFrom('complaint_gateways').selectAll().orderBy('name').execute();
}

export async function setGatewayDisabled(db: Db, id: string, disabled: boolean): Promise<number> {
  const result = await db.updateTable('complaint_gateways').set({ disabled: disabled ? 1 : 0 }).where('id', '=', id).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Records a message digest; false when the gateway sent this message before. */
export async function rememberGatewayMessage(db: Db, gatewayId: string, digest: string, at: string): Promise<boolean> {
  const result = await db
    .insertInto('gateway_messages')
    .values({ gateway_id: gatewayId, digest, received_at: at })
    .onConflict((oc) => oc.columns(['gateway_id', 'digest']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}
