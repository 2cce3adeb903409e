import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { changeChannel, type Db } from '../db/index.ts';
import { sessionCache as processSessions, type Revocation, type SessionCache } from '../modules/auth/index.ts';
import { streamBus, type StreamBus } from '../modules/incidents/index.ts';

/*
 * Live events between Konbit instances that share one PostgreSQL database. Each instance's
 * writers wake its stream bus after they commit; the fan-out relays each wake to the other
 * instances through the database's change channel (LISTEN/NOTIFY), where it wakes their buses, so
 * that their stream hubs read the new events at once instead of at their next poll. A wake relayed
 * from elsewhere is not sent on again. On SQLite there is no channel and nothing to do: one server
 * writes the file, and the hubs' polling finds what the command line wrote.
 *
 * Session revocations (logout, password change) travel the same channel: each instance keeps the
 * sessions it read for a few seconds (modules/auth/session-cache.ts), and forgets a revoked one
 * the moment the message arrives. Incident reads cached per reader (incidents/read-cache.ts) are
 * dropped on every wake, relayed ones included.
 *
 * Routes need no message: each request reads the risk picture it may see, and the routing cache
 * is keyed by the ids and versions of the records in it, so a roadblock written by another
 * instance changes the key and the next route on this instance weighs it.
 */

const INCIDENT_EVENTS = 'incidents';
const SESSION_REVOCATIONS = 'sessions';

export interface FanoutStats {
  /** Wakes sent to the other instances. */
  sent: number;
  /** Wakes received from other instances. */
  received: number;
  /** Times the listening connection was opened again after a loss. */
  reconnects: number;
}

/** This process's figures, for tests and diagnostics. */
export const fanoutStats: FanoutStats = { sent: 0, received: 0, reconnects: 0 };

export interface Fanout {
  close(): Promise<void>;
}

/** Starts relaying the bus through the database's change channel; null where there is none. */
export interface FanoutOptions {
  db: Db;
  bus?: StreamBus;
  sessions?: SessionCache;
  log?: FastifyBaseLogger;
}

/** A revocation as one word: `session:<digest>` or `user:<id>`. */
function revocationWord(revocation: Revocation): string {
  return revocation.kind === 'session' ? `session:${revocation.digest}` : `user:${revocation.userId}`;
}

function revocationOf(word: string | undefined): Revocation | null {
  const [kind, value] = word?.split(':') ?? [];
  if (!value) return null;
  if (kind === 'session') return { kind, digest: value };
  if (kind === 'user') return { kind, userId: value };
  return null;
}

export async function startFanout({ db, bus = streamBus, sessions = processSessions, log }: FanoutOptions): Promise<Fanout | null> {
  const channel = changeChannel(db);
  if (!channel) return null;
  const origin = randomUUID();
  let relaying = false;
  const wakeHere = () => {
    relaying = true;
    try {
      bus.wake();
    } finally {
      relaying = false;
    }
  };
  const listener = await channel.listen(
    (message) => {
      const [topic, from, word] = message.split(' ');
      if (from === origin) return;
      if (topic === SESSION_REVOCATIONS) {
        const revocation = revocationOf(word);
        if (revocation) sessions.revoke(revocation, { relay: false });
        return;
      }
      if (topic !== INCIDENT_EVENTS) return;
      fanoutStats.received++;
      wakeHere();
    },
    () => {
      fanoutStats.reconnects++;
      log?.info('change channel listening again');
      // Revocations announced while the connection was down are lost: read every session again.
      sessions.clear();
      // Whatever was announced while the connection was down is waiting in the event log.
      wakeHere();
    },
  );

  // Wakes that come while a notification is on its way are sent as one more, afterwards.
  let sending = false;
  let again = false;
  const send = async () => {
    if (sending) {
      again = true;
      return;
    }
    sending = true;
    try {
      do {
        again = false;
        await channel.notify(`${INCIDENT_EVENTS} ${origin}`);
        fanoutStats.sent++;
      } while (again);
    } catch (error) {
      // The other instances' hubs poll the event log too: a lost notification only delays them.
      log?.warn({ err: error }, 'could not notify the other instances');
    } finally {
      sending = false;
    }
  };
  const unsubscribe = bus.subscribe(() => {
    if (!relaying) void send();
  });
  // A revocation is sent at once, one message each: none may be folded into another.
  const stopRevocations = sessions.onRevoke((revocation) => {
    channel.notify(`${SESSION_REVOCATIONS} ${origin} ${revocationWord(revocation)}`).catch((error: unknown) => {
      // The other instances drop cached sessions within SESSION_CACHE_MS anyway.
      log?.warn({ err: error }, 'could not tell the other instances of a revoked session');
    });
  });
  return {
    close: async () => {
      unsubscribe();
      stopRevocations();
      await listener.close();
    },
  };
}

/** Fastify plugin: the fan-out for the app's lifetime. */
export async function fanoutPlugin(app: FastifyInstance, { db }: { db: Db }): Promise<void> {
  const fanout = await startFanout({ db, log: app.log });
  if (fanout) app.addHook('onClose', async () => fanout.close());
}
