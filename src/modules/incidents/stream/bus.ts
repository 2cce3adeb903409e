/*
 * Wakes the live stream when changes commit. Writers call wake() after their
 * transaction; each stream hub of the process then reads the new events from
 * the database. Events written by another process (the command line, another
 * instance) reach a hub through its polling, or through a PostgreSQL
 * LISTEN/NOTIFY listener that calls wake() on each notification.
 */

export type Wakeable = () => void;

export class StreamBus {
  readonly #listeners = new Set<Wakeable>();

  /** Calls listener on every wake(); returns the function that stops it. */
  subscribe(listener: Wakeable): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Tells every listener that new events may be waiting. */
  wake(): void {
    for (const listener of this.#listeners) listener();
  }
}

/** The process's bus: writers wake it, hubs listen. */
export const streamBus = new StreamBus();
