import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/index.ts';
import { forgetKeysBefore } from './idempotency.service.ts';

/*
 * A key and its first answer are kept for a retention period, then forgotten.
 * A retry comes within seconds, or days later from a device whose outbox
 * waited out a spell without a signal; not after a month, the default
 * (KONBIT_IDEMPOTENCY_RETENTION_DAYS). A server that listens prunes when it
 * starts and every hour; `konbit idempotency prune` does it by hand. Instances
 * pruning at the same time delete the same rows, which is harmless.
 */

const DAY_MS = 86_400_000;

/** How often a listening server prunes: the table grows by hours of writes between two rounds. */
export const PRUNE_EVERY_MS = 3_600_000;

export interface PruneProps {
  db: Db;
  /** Keys stored more than this many days before `now` are forgotten. */
  retentionDays: number;
  /** The time the retention is counted back from (the clock's now by default). */
  now?: Date;
}

export interface PruneResult {
  /** How many keys were forgotten. */
  forgotten: number;
  /** The cut-off (ISO time): keys stored before it were forgotten, the others kept. */
  before: string;
}

/** Forgets the keys stored more than `retentionDays` before `now`. */
export async function pruneIdempotencyKeys({ db, retentionDays, now = new Date() }: PruneProps): Promise<PruneResult> {
  const before = new Date(now.getTime() - retentionDays * DAY_MS).toISOString();
  return { forgotten: await forgetKeysBefore(db, before), before };
}

export interface KeyPruner {
  /** Stops the timer and waits for a round under way. */
  stop(): Promise<void>;
}

export interface KeyPrunerOptions {
  db: Db;
  retentionDays: number;
  everyMs?: number;
  /** Now, for each round (tests pass a fixed time). */
  clock?: () => Date;
  onPruned?: (result: PruneResult) => void;
  onError?: (error: unknown) => void;
}

/** Prunes now and then every `everyMs`, on a timer that does not keep the process alive. */
export function startKeyPruning({ db, retentionDays, everyMs = PRUNE_EVERY_MS, clock = () => new Date(), onPruned = () => {}, onError = () => {} }: KeyPrunerOptions): KeyPruner {
  // Rounds queue behind each other, so a slow one is never overlapped and stop() can wait for the last.
  let rounds: Promise<void> = Promise.resolve();
  const prune = () => {
    rounds = rounds.then(() => pruneIdempotencyKeys({ db, retentionDays, now: clock() })).then(onPruned).catch(onError);
  };
  const timer = setInterval(prune, everyMs);
  timer.unref();
  prune();
  return {
    async stop() {
      clearInterval(timer);
      await rounds;
    },
  };
}

export interface IdempotencyPruningOptions {
  db: Db;
  retentionDays: number;
  clock?: () => Date;
}

/**
 * Fastify plugin: prunes the keys while the server listens (never in an app built for tests that
 * only injects requests), and stops when the server closes.
 */
export async function idempotencyPruning(app: FastifyInstance, { db, retentionDays, clock }: IdempotencyPruningOptions): Promise<void> {
  let pruner: KeyPruner | null = null;
  app.addHook('onListen', async () => {
    pruner = startKeyPruning({
      db, retentionDays, ...(clock ? { clock } : {}),
      onPruned: ({ forgotten, before }) => {
        if (forgotten > 0) app.log.info({ forgotten, before }, 'idempotency keys past their retention forgotten');
      },
      onError: (error) => app.log.error({ err: error }, 'pruning idempotency keys failed'),
    });
  });
  app.addHook('onClose', async () => pruner?.stop());
}
