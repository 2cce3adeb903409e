import { notFound } from '../../shared/errors.ts';
import { OutletGrade, Reliability, type Outlet } from '../../shared/osint.ts';
import type { Db } from '../../db/index.ts';
import { appendAudit, type Actor } from '../auth/index.ts';
import { assertMayCurate } from './osint.policy.ts';
import * as repo from './outlets.repo.ts';
import { usernames } from './present.ts';

/** Outlets and their Admiralty reliability grade, which analysts set. */

async function present(db: Db, rows: repo.OutletRow[]): Promise<Outlet[]> {
  const names = await usernames(db, rows.map((r) => r.graded_by));
  return rows.map((row) => ({
    id: row.id, name: row.name, domain: row.domain, reliability: Reliability.parse(row.reliability), note: row.note,
    gradedBy: row.graded_by ? (names.get(row.graded_by) ?? null) : null, gradedAt: row.graded_at, articles: row.articles,
  }));
}

export async function listOutlets({ db }: { db: Db }): Promise<Outlet[]> {
  return present(db, await repo.list(db));
}

/** One outlet by id, or by name or domain (for the command line). */
export async function getOutlet({ db, id }: { db: Db; id: string }): Promise<Outlet> {
  const row = (await repo.find(db, id)) ?? (await repo.list(db)).find((o) => o.domain === id.toLowerCase() || o.name_key === id.toLowerCase() || o.name.toLowerCase() === id.toLowerCase());
  if (!row) throw notFound('outlet');
  return (await present(db, [row]))[0]!;
}

export async function gradeOutlet({ db, actor, id, input }: { db: Db; actor: Actor | null; id: string; input: OutletGrade }): Promise<Outlet> {
  assertMayCurate(actor);
  const grade = OutletGrade.parse(input);
  const outlet = await getOutlet({ db, id });
  await db.transaction().execute(async (trx) => {
    await repo.grade(trx, outlet.id, { reliability: grade.reliability, note: grade.note, graded_by: actor?.userId ?? null, graded_at: new Date().toISOString() });
    await appendAudit(trx, { actor, action: 'grade', entityType: 'news_outlet', entityId: outlet.id, details: { before: outlet.reliability, after: grade.reliability, note: grade.note } });
  });
  return getOutlet({ db, id: outlet.id });
}
