import type { Db } from '../../db/index.ts';
import type { FetchPolicy } from './intake/fetch.ts';
import { pollDueFeeds } from './feeds.service.ts';

/*
 * The schedule: every minute, poll the feeds that are due. Several server
 * instances may run it: each feed's poll is claimed in the database first
 * (feeds.repo claim), so only one instance polls it.
 */

export interface FeedPoller {
  stop(): Promise<void>;
}

export interface PollerOptions {
  db: Db;
  datasetsDir: string | null;
  fetchPolicy?: FetchPolicy;
  everyMs?: number;
  /** Where failures of a whole round go (one feed's failure is in its own status). */
  onError?: (error: unknown) => void;
}

export function startFeedPoller({ db, datasetsDir, fetchPolicy, everyMs = 60_000, onError = () => {} }: PollerOptions): FeedPoller {
  let running: Promise<void> | null = null;
  const round = () => {
    if (running) return; // a slow round is not overlapped by the next
    running = pollDueFeeds({ db, datasetsDir, ...(fetchPolicy ? { fetchPolicy } : {}) })
      .then(() => undefined, onError)
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(round, everyMs);
  timer.unref();
  round();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
