import type { Db } from '../../db/index.ts';

/*
 * Accepting a proposal writes the ledger or incident record through that
 * module's own service, and marks the proposal accepted: both or neither.
 * Those services open their own transaction (db.transaction().execute(fn));
 * handed this view of the open transaction, their "transaction" runs fn
 * inside it instead, so their writes, their audit rows and ours commit or
 * roll back together. Everything else is the transaction itself.
 */

interface JoinedBuilder {
  execute<T>(body: (trx: Db) => Promise<T>): Promise<T>;
  setIsolationLevel(): JoinedBuilder;
  setAccessMode(): JoinedBuilder;
}

export function joinTransaction(trx: Db): Db {
  const joined: Db = new Proxy(trx, {
    get(target, property) {
      if (property === 'transaction') {
        const builder: JoinedBuilder = { execute: (body) => body(joined), setIsolationLevel: () => builder, setAccessMode: () => builder };
        return () => builder;
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return joined;
}
