import type { Incident } from '../../../shared/incidents.ts';
import type { Db } from '../../../db/index.ts';
import { canSee, type LabelledRecord, type Viewer } from '../../auth/index.ts';
import * as eventsRepo from '../events.repo.ts';
import { redactFor } from '../present.ts';
import { streamBus } from './bus.ts';

/*
 * The live stream of one server: reads committed events from the event log
 * once, and hands each to every connection, which keeps it only if its reader
 * may see the incident (canSee on the label the incident had then) and strips
 * what that reader may not learn. A reader that reconnects with Last-Event-ID
 * first gets what it missed from the log, then joins the live flow; events
 * arriving meanwhile wait in its buffer, and sequence numbers drop repeats.
 */

export interface StreamEvent {
  seq: number;
  type: string;
  labels: LabelledRecord;
  related: LabelledRecord | null;
  incident: Incident;
}

/** Where a connection writes: an HTTP response, in practice. */
export interface StreamSink {
  write(chunk: string): boolean;
  end(): void;
  readonly writableLength: number;
}

export interface StreamHubOptions {
  db: Db;
  /** How often to look for events written by other processes (ms). */
  pollMs?: number;
  /** How often to send a comment so that proxies keep the connection open (ms). */
  heartbeatMs?: number;
  /** Connections are closed after this long, so that a reader's access is checked again on reconnect (ms). */
  maxConnectionMs?: number;
  /** Events older than this are pruned from the log (ms). */
  retentionMs?: number;
}

/** A reader further behind than this many unsent bytes is dropped; it resumes with Last-Event-ID. */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;
const PAGE = 500;

function parse(row: eventsRepo.EventRow): StreamEvent {
  return {
    seq: row.seq,
    type: row.type,
    labels: JSON.parse(row.labels) as LabelledRecord,
    related: row.related_labels ? (JSON.parse(row.related_labels) as LabelledRecord) : null,
    incident: JSON.parse(row.payload) as Incident,
  };
}

export class StreamConnection {
  readonly viewer: Viewer;
  readonly openedAt = Date.now();
  #sink: StreamSink;
  #lastSent: number;
  #buffer: StreamEvent[] | null = [];
  #closed = false;

  constructor(viewer: Viewer, sink: StreamSink, lastSent: number) {
    this.viewer = viewer;
    this.#sink = sink;
    this.#lastSent = lastSent;
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** An event from the live flow: held back while the connection is still catching up. */
  offer(event: StreamEvent): void {
    if (this.#buffer) this.#buffer.push(event);
    else this.deliver(event);
  }

  /** Sends the event if it is new and the reader may see it, as the reader may see it. */
  deliver(event: StreamEvent): void {
    if (this.#closed || event.seq <= this.#lastSent) return;
    this.#lastSent = event.seq;
    if (!canSee(this.viewer, event.labels)) return;
    const survivorVisible = event.related !== null && canSee(this.viewer, event.related);
    const incident = redactFor(this.viewer, event.incident, event.labels.ownerOrgId, survivorVisible);
    this.#send(`id: ${event.seq}\nevent: ${event.type}\ndata: ${JSON.stringify(incident)}\n\n`);
  }

  /** Ends catching up: sends what arrived meanwhile, then follows the live flow. */
  goLive(): void {
    const waiting = this.#buffer ?? [];
    this.#buffer = null;
    for (const event of waiting) this.deliver(event);
  }

  notice(type: string, data: unknown): void {
    this.#send(`event: ${type}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  comment(text: string): void {
    this.#send(`: ${text}\n\n`);
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#sink.end();
  }

  #send(chunk: string): void {
    if (this.#closed) return;
    this.#sink.write(chunk);
    if (this.#sink.writableLength > MAX_BUFFERED_BYTES) this.close();
  }
}

export class StreamHub {
  readonly #db: Db;
  readonly #options: Required<Omit<StreamHubOptions, 'db'>>;
  readonly #connections = new Set<StreamConnection>();
  #lastSeq = 0;
  #pumping = false;
  #again = false;
  #timers: NodeJS.Timeout[] = [];
  #unsubscribe: (() => void) | null = null;

  constructor({ db, pollMs = 1000, heartbeatMs = 15_000, maxConnectionMs = 30 * 60_000, retentionMs = 7 * 86_400_000 }: StreamHubOptions) {
    this.#db = db;
    this.#options = { pollMs, heartbeatMs, maxConnectionMs, retentionMs };
  }

  /** Starts following the event log from its current end. */
  async start(): Promise<void> {
    this.#lastSeq = (await eventsRepo.seqRange(this.#db)).max;
    this.#unsubscribe = streamBus.subscribe(() => void this.pump());
    this.#timers.push(setInterval(() => void this.pump(), this.#options.pollMs));
    this.#timers.push(setInterval(() => this.#heartbeat(), this.#options.heartbeatMs));
    this.#timers.push(setInterval(() => void this.#prune(), Math.min(this.#options.retentionMs, 3_600_000)));
    for (const timer of this.#timers) timer.unref();
  }

  get connections(): number {
    return this.#connections.size;
  }

  /**
   * Opens a connection for a reader. With lastEventId, it first replays what
   * the reader missed; the returned promise settles when it is live.
   */
  async connect(viewer: Viewer, sink: StreamSink, lastEventId: number | null): Promise<StreamConnection> {
    const connection = new StreamConnection(viewer, sink, lastEventId ?? this.#lastSeq);
    this.#connections.add(connection);
    if (lastEventId !== null) {
      const { min } = await eventsRepo.seqRange(this.#db);
      if (min > lastEventId + 1) connection.notice('stream.reset', { reason: 'some events you missed are no longer kept: reload the picture, then follow the stream again' });
      let after = lastEventId;
      while (!connection.closed) {
        const rows = await eventsRepo.eventsAfter(this.#db, after, PAGE);
        for (const row of rows) connection.deliver(parse(row));
        if (rows.length < PAGE) break;
        after = rows.at(-1)!.seq;
      }
    }
    connection.goLive();
    return connection;
  }

  disconnect(connection: StreamConnection): void {
    connection.close();
    this.#connections.delete(connection);
  }

  /** Reads new events from the log and offers them to every connection. */
  async pump(): Promise<void> {
    if (this.#pumping) {
      this.#again = true;
      return;
    }
    this.#pumping = true;
    try {
      do {
        this.#again = false;
        if (this.#connections.size === 0 && (await this.#skipUnread())) continue;
        for (;;) {
          const rows = await eventsRepo.eventsAfter(this.#db, this.#lastSeq, PAGE);
          for (const row of rows) {
            const event = parse(row);
            this.#lastSeq = event.seq;
            for (const connection of this.#connections) connection.offer(event);
          }
          if (rows.length < PAGE) break;
        }
      } while (this.#again);
    } catch {
      // The database is away: the next wake or poll tries again.
    } finally {
      this.#pumping = false;
    }
  }

  // Nobody follows this server's stream: the events are skipped rather than read and parsed (a
  // burst of reports would otherwise cost each one a read of its event). False when a reader
  // connected meanwhile, so that the events are read for it.
  async #skipUnread(): Promise<boolean> {
    const { max } = await eventsRepo.seqRange(this.#db);
    if (this.#connections.size > 0) return false;
    this.#lastSeq = Math.max(this.#lastSeq, max);
    return true;
  }

  #heartbeat(): void {
    const now = Date.now();
    for (const connection of this.#connections) {
      if (now - connection.openedAt > this.#options.maxConnectionMs) this.disconnect(connection);
      else if (connection.closed) this.#connections.delete(connection);
      else connection.comment('keep-alive');
    }
  }

  async #prune(): Promise<void> {
    try {
      await eventsRepo.pruneBefore(this.#db, new Date(Date.now() - this.#options.retentionMs).toISOString());
    } catch {
      // pruning is housekeeping: a failure waits for the next hour
    }
  }

  /** Ends every connection and stops following the log. */
  close(): void {
    for (const timer of this.#timers) clearInterval(timer);
    this.#timers = [];
    this.#unsubscribe?.();
    for (const connection of this.#connections) connection.close();
    this.#connections.clear();
  }
}
