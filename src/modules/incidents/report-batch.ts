import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { IncidentInputParsed } from '../../shared/incidents.ts';
import type { Db } from '../../db/index.ts';
import { organisationIdsForCodes, setReleasableTo, type Actor } from '../auth/index.ts';
import type { AdminAreaLookup } from './admin-areas.ts';
import * as repo from './incidents.repo.ts';
import type { IncidentRecord } from './present.ts';
import { recordReports, writeReportsTogether } from './report-together.ts';
import { streamBus } from './stream/bus.ts';
import { contentColumns, detailRows, newIncidentColumns, resolveActors } from './write.ts';

/*
 * Group commit for field reports. A durable commit costs an fsync; under load
 * many reports arrive while one commits. Reports are queued and written
 * together, in one transaction, while the previous batch commits: one fsync
 * for the lot. Each report is acknowledged only after the transaction that
 * holds it has committed.
 *
 * A batch is first written as a whole, a few multi-row statements for all its
 * reports (report-together.ts). When that fails (a report that cannot be
 * written: an Idempotency-Key or external id taken, an unknown organisation),
 * the attempt is rolled back and the batch written again one report at a
 * time, each inside a savepoint of its own, so that the one at fault is undone
 * alone and rejected with its own error while the others commit.
 *
 * Either way the stream events, the weekly summary and the audit rows of the
 * reports written follow in the same transaction, in that order (the event
 * writers' lock before the audit chain's, as everywhere); the audit chain gets
 * one row per report, each linked to the one before, so `konbit audit verify`
 * holds.
 */

/** Reports written per transaction, at most: a batch bounds how long the first of them waits. */
const MAX_BATCH = 100;

export interface QueuedReport {
  actor: Actor;
  parsed: IncidentInputParsed;
  /** sha256 of the request, kept with its Idempotency-Key; null without a key. */
  hash: string | null;
  idempotencyKey: string | undefined;
  areas: AdminAreaLookup | null;
}

/**
 * What became of a report: written (the incident as read back, and its JSON as
 * its owner sees it), or written before under the same Idempotency-Key.
 */
export type ReportOutcome = WrittenReport | { kind: 'earlier'; id: string; hash: string | null };
export interface WrittenReport {
  kind: 'written';
  record: IncidentRecord;
  answer: string;
}

interface Pending extends QueuedReport {
  resolve: (outcome: ReportOutcome) => void;
  reject: (error: unknown) => void;
}

class ReportQueue {
  readonly #db: Db;
  #waiting: Pending[] = [];
  #writing = false;

  constructor(db: Db) {
    this.#db = db;
  }

  submit(report: QueuedReport): Promise<ReportOutcome> {
    return new Promise((resolve, reject) => {
      this.#waiting.push({ ...report, resolve, reject });
      if (!this.#writing) void this.#drain();
    });
  }

  /** Writes batches until nothing waits; reports that come meanwhile form the next batch. */
  async #drain(): Promise<void> {
    this.#writing = true;
    try {
      // Reports sent in the same tick join the first batch too.
      await new Promise<void>((resolve) => setImmediate(resolve));
      while (this.#waiting.length > 0) {
        const batch = this.#waiting.splice(0, MAX_BATCH);
        await writeBatch(this.#db, batch);
      }
    } finally {
      this.#writing = false;
    }
  }
}

const queues = new WeakMap<Db, ReportQueue>();

/** Writes a report in the next batch; resolves once that batch has committed. */
export function writeReport(db: Db, report: QueuedReport): Promise<ReportOutcome> {
  let queue = queues.get(db);
  if (!queue) queues.set(db, (queue = new ReportQueue(db)));
  return queue.submit(report);
}

async function writeBatch(db: Db, batch: readonly Pending[]): Promise<void> {
  let outcomes: ReportOutcome[];
  try {
    outcomes = await db.transaction().execute((trx) => writeReportsTogether(trx, batch, new Date().toISOString()));
  } catch {
    // Rolled back: one of the reports cannot be written with the others (or the database refused).
    await writeOneByOne(db, batch);
    return;
  }
  if (outcomes.some((outcome) => outcome.kind === 'written')) streamBus.wake();
  batch.forEach((pending, at) => pending.resolve(outcomes[at]!));
}

/** The batch again, each report in a savepoint of its own: one that fails is rejected alone. */
async function writeOneByOne(db: Db, batch: readonly Pending[]): Promise<void> {
  const failed = new Map<Pending, unknown>();
  let written: { pending: Pending; outcome: ReportOutcome }[] = [];
  try {
    written = await db.transaction().execute(async (trx) => {
      const now = new Date().toISOString();
      const ids = new Map<Pending, string>();
      for (const pending of batch) {
        await sql`savepoint konbit_report`.execute(trx);
        try {
          ids.set(pending, await insertReport(trx, pending, now));
          await sql`release savepoint konbit_report`.execute(trx);
        } catch (error) {
          await sql`rollback to savepoint konbit_report`.execute(trx);
          await sql`release savepoint konbit_report`.execute(trx);
          failed.set(pending, error);
        }
      }
      if (ids.size === 0) return [];
      const inserted = [...ids];
      const outcomes = await recordReports(trx, inserted.map(([{ actor, parsed }, id]) => ({ actor, parsed, id })), now);
      return inserted.map(([pending], at) => ({ pending, outcome: outcomes[at]! }));
    });
  } catch (error) {
    // The transaction did not commit: no report of the batch was written.
    for (const pending of batch) pending.reject(error);
    return;
  }
  if (written.length > 0) streamBus.wake();
  for (const { pending, outcome } of written) pending.resolve(outcome);
  for (const [pending, error] of failed) pending.reject(error);
}

/** One report's rows (incident, details, releases); its events and audit row come after the batch's reports. */
async function insertReport(trx: Db, { actor, parsed, hash, idempotencyKey, areas }: Pending, now: string): Promise<string> {
  const id = randomUUID();
  const actorRefs = await resolveActors(trx, parsed.actors, now);
  const releaseIds = await organisationIdsForCodes(trx, parsed.classification === 'RESTRICTED' ? parsed.releasableTo : []);
  await repo.insertIncidents(trx, [
    {
      ...contentColumns(parsed, { areas, now }),
      ...newIncidentColumns(actor, now),
      id,
      idempotency_key: idempotencyKey ?? null,
      idempotency_hash: idempotencyKey ? hash : null,
    },
  ]);
  await repo.insertDetails(trx, detailRows(id, parsed, actorRefs));
  await setReleasableTo(trx, 'incidents', id, releaseIds);
  return id;
}
