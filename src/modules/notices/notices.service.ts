import { randomUUID } from 'node:crypto';
import { Notice, NoticeInput } from '../../shared/notices.ts';
import { notFound } from '../../shared/errors.ts';
import type { Db } from '../../db/index.ts';
import { appendAudit, organisationIdsForCodes, releasableToCodes, setReleasableTo, type Actor, type Viewer } from '../auth/index.ts';
import * as repo from './notices.repo.ts';

async function present(db: Db, rows: repo.NoticeRow[]): Promise<Notice[]> {
  const lists = await releasableToCodes(db, 'notices', rows.map((r) => r.id));
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    body: row.body,
    classification: Notice.shape.classification.parse(row.classification),
    owner: row.owner_code,
    releasableTo: lists.get(row.id) ?? [],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }));
}

export async function listNotices({ db, viewer, limit = 100 }: { db: Db; viewer: Viewer; limit?: number }): Promise<Notice[]> {
  return present(db, await repo.listVisible(db, viewer, limit));
}

export async function getNotice({ db, viewer, id }: { db: Db; viewer: Viewer; id: string }): Promise<Notice> {
  const row = await repo.findVisible(db, viewer, id);
  if (!row) throw notFound('notice');
  return (await present(db, [row]))[0]!;
}

export async function countNotices({ db, viewer }: { db: Db; viewer: Viewer }): Promise<number> {
  return repo.countVisible(db, viewer);
}

export interface CreateNoticeProps {
  db: Db;
  actor: Actor;
  input: NoticeInput;
}

export async function createNotice({ db, actor, input }: CreateNoticeProps): Promise<Notice> {
  const parsed = NoticeInput.parse(input);
  const id = await db.transaction().execute(async (trx) => {
    const releaseIds = await organisationIdsForCodes(trx, parsed.classification === 'RESTRICTED' ? parsed.releasableTo : []);
    const now = new Date().toISOString();
    const row = { id: randomUUID(), title: parsed.title, body: parsed.body, classification: parsed.classification, owner_org_id: actor.organisationId, created_by: actor.userId, created_at: now, updated_at: now };
    await repo.insert(trx, row);
    await setReleasableTo(trx, 'notices', row.id, releaseIds);
    await appendAudit(trx, { actor, action: 'create', entityType: 'notice', entityId: row.id, details: { after: { ...parsed } } });
    return row.id;
  });
  return getNotice({ db, viewer: actor, id });
}
