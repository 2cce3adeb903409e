import assert from 'node:assert/strict';
import type { FastifyInstance, InjectOptions } from 'fastify';
import type { Db } from '../db/index.ts';
import type { DB } from '../db/schema.ts';

/*
 * What the modules' bad-input tests share: counting the rows a refused request must leave as they
 * were, and sending each bad request to check that it gets its status, its error code and a
 * message naming the field or the rule — and writes nothing.
 */

export interface BadCase {
  name: string;
  request: InjectOptions;
  status: number;
  code: string;
  message: RegExp;
  /** A field the error's details must name. */
  path?: string;
}

/** Rows in each of the tables. */
export async function countRows<T extends keyof DB & string>(db: Db, tables: readonly T[]): Promise<Record<T, number>> {
  const counts = {} as Record<T, number>;
  for (const table of tables) {
    const row = await db.selectFrom(table as keyof DB).select((eb) => eb.fn.countAll().as('count')).executeTakeFirstOrThrow();
    counts[table] = Number(row.count);
  }
  return counts;
}

/** Sends each case in turn; each must be refused as it says, and leave `counts()` unchanged. */
export async function assertRefusedWithoutWrites(app: FastifyInstance, cases: readonly BadCase[], counts: () => Promise<object>): Promise<void> {
  const before = await counts();
  for (const c of cases) {
    const response = await app.inject(c.request);
    assert.equal(response.statusCode, c.status, `${c.name}: ${response.body}`);
    const { error } = response.json<{ error: { code: string; message: string; details?: { path: string }[] | null } }>();
    assert.equal(error.code, c.code, `${c.name}: ${error.message}`);
    assert.match(error.message, c.message, c.name);
    if (c.path) assert.ok(error.details?.some((d) => d.path === c.path), `${c.name}: details ${JSON.stringify(error.details)} name ${c.path}`);
    assert.deepEqual(await counts(), before, `${c.name} wrote something`);
  }
}
