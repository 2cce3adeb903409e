import type { Db } from '../../db/index.ts';
import type { NoticesTable } from '../../db/schema.ts';
import { visibleTo, type Viewer } from '../auth/index.ts';

export type NoticeRow = NoticesTable & { owner_code: string };

function selectNotices(db: Db, viewer: Viewer) {
  return db
    .selectFrom('notices')
    .innerJoin('organisations', 'organisations.id', 'notices.owner_org_id')
    .selectAll('notices')
    .select('organisations.code as owner_code')
    .where(visibleTo(viewer, 'notices'));
}

export async function listVisible(db: Db, viewer: Viewer, limit: number): Promise<NoticeRow[]> {
  return selectNotices(db, viewer).orderBy('notices.created_at', 'desc').orderBy('notices.id').limit(limit).execute();
}

export async function findVisible(db: Db, viewer: Viewer, id: string): Promise<NoticeRow | undefined> {
  return selectNotices(db, viewer).where('notices.id', '=', id).executeTakeFirst();
}

export async function countVisible(db: Db, viewer: Viewer): Promise<number> {
  const row = await db.selectFrom('notices').select((eb) => eb.fn.countAll().as('count')).where(visibleTo(viewer, 'notices')).executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function insert(db: Db, row: NoticesTable): Promise<void> {
  await db.insertInto('notices').values(row).execute();
}
