import type { Db } from '../../db/index.ts';
import type { NewsOutletsTable } from '../../db/tables/osint.ts';

export type OutletRow = NewsOutletsTable & { articles: number };

function selectOutlets(db: Db) {
  return db
    .selectFrom('news_outlets')
    .selectAll('news_outlets')
    .select((eb) => eb.selectFrom('news_articles').select((e) => e.fn.countAll().as('n')).whereRef('news_articles.outlet_id', '=', 'news_outlets.id').as('articles'));
}

const withCount = (row: NewsOutletsTable & { articles: unknown }): OutletRow => ({ ...row, articles: Number(row.articles ?? 0) });

export async function list(db: Db): Promise<OutletRow[]> {
  return (await selectOutlets(db).orderBy('name_key').execute()).map(withCount);
}

export async function find(db: Db, id: string): Promise<OutletRow | undefined> {
  const row = await selectOutlets(db).where('id', '=', id).executeTakeFirst();
  return row ? withCount(row) : undefined;
}

export async function findByDomainOrName(db: Db, domain: string | null, nameKey: string): Promise<NewsOutletsTable | undefined> {
  if (domain) {
    const byDomain = await db.selectFrom('news_outlets').selectAll().where('domain', '=', domain).executeTakeFirst();
    if (byDomain) return byDomain;
  }
  return db.selectFrom('news_outlets').selectAll().where('name_key', '=', nameKey).executeTakeFirst();
}

export async function insert(db: Db, row: NewsOutletsTable): Promise<void> {
  await db.insertInto('news_outlets').values(row).execute();
}

export async function setDomain(db: Db, id: string, domain: string): Promise<void> {
  await db.updateTable('news_outlets').set({ domain }).where('id', '=', id).where('domain', 'is', null).execute();
}

export async function grade(db: Db, id: string, values: Pick<NewsOutletsTable, 'reliability' | 'note' | 'graded_by' | 'graded_at'>): Promise<void> {
  await db.updateTable('news_outlets').set(values).where('id', '=', id).execute();
}
