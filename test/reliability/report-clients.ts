import type { IncidentInput } from '../../src/shared/incidents.ts';
import { buildIncidentInput } from '../../src/modules/incidents/incidents.testing.ts';
import { sessionHeaders, type Session } from './support.ts';

/*
 * Field officers' clients reporting incidents over an unreliable link: each report has its own
 * Idempotency-Key and is sent again (same key, same body) until the server acknowledges it, through
 * refused connections, cut connections and 503s. What they saw is kept to check the database with.
 */

export interface Acknowledged {
  key: string;
  id: string;
  attempts: number;
  /** The server had it already (Idempotent-Replayed): committed before an answer that was lost. */
  replayed: boolean;
}

export interface ReportRun {
  acknowledged: Map<string, Acknowledged>;
  /** How many answers of each kind were seen: HTTP statuses, and 'network' for a failed connection. */
  answers: Map<string, number>;
  /** Bodies of the 503 answers seen (the first few). */
  unavailable: string[];
  /** performance.now() at each acknowledgement, in order. */
  ackTimes: number[];
}

export interface ReportOptions {
  /** The server's base URL at the time of the request (it may move). */
  base: () => string;
  session: Session;
  keys: readonly string[];
  concurrency: number;
  /** Called after each acknowledgement (e.g. to kill the server mid-way). */
  onAck?: (count: number) => void;
  /** Gives up on a report after this long (ms). */
  patienceMs?: number;
}

/** The body each key is reported with, the same on every attempt. */
export function reportFor(key: string): IncidentInput {
  return buildIncidentInput({
    title: `Reliability report ${key}`,
    occurredAt: '2024-06-01T12:00:00Z',
    classification: 'MISSION',
    actors: [{ name: 'Baz Reliability', role: 'perpetrator', kind: 'gang' }],
    sources: [{ name: `Patrol ${key}`, reliability: 'B', credibility: 2 }],
    tags: ['reliability'],
  });
}

export async function sendReports({ base, session, keys, concurrency, onAck, patienceMs = 120_000 }: ReportOptions): Promise<ReportRun> {
  const run: ReportRun = { acknowledged: new Map(), answers: new Map(), unavailable: [], ackTimes: [] };
  const count = (answer: string) => run.answers.set(answer, (run.answers.get(answer) ?? 0) + 1);
  const queue = [...keys].reverse();
  const client = async () => {
    for (let key = queue.pop(); key !== undefined; key = queue.pop()) {
      const body = JSON.stringify(reportFor(key));
      const deadline = performance.now() + patienceMs;
      for (let attempt = 1; ; attempt++) {
        if (performance.now() > deadline) throw new Error(`report ${key} not acknowledged after ${attempt - 1} attempts`);
        let response: Response;
        let text: string;
        try {
          response = await fetch(`${base()}/api/v1/incidents`, { method: 'POST', headers: sessionHeaders(session, { 'idempotency-key': key }), body, signal: AbortSignal.timeout(15_000) });
          text = await response.text();
        } catch {
          count('network');
          await pause();
          continue;
        }
        count(String(response.status));
        if (response.status === 201) {
          const { id } = JSON.parse(text) as { id: string };
          run.acknowledged.set(key, { key, id, attempts: attempt, replayed: response.headers.get('idempotent-replayed') === 'true' });
          run.ackTimes.push(performance.now());
          onAck?.(run.acknowledged.size);
          break;
        }
        if (response.status === 503) {
          if (run.unavailable.length < 5) run.unavailable.push(text);
          await pause();
          continue;
        }
        throw new Error(`report ${key}: unexpected ${response.status} ${text}`);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  return run;
}

const pause = () => new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 100));
