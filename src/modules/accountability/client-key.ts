import { createHmac, randomBytes } from 'node:crypto';

/*
 * Keys for rate limits that do not identify anyone. A client (an IP address,
 * or an SMS sender) is counted under an HMAC of its address with a random salt
 * that lives only in this process's memory and is replaced every day: the
 * counters cannot be turned back into addresses, even by someone who reads
 * the process's memory after the salt has rotated, and nothing is written to
 * disk or to the database.
 */

const ROTATE_MS = 24 * 60 * 60 * 1000;

export class RotatingSalt {
  #salt = randomBytes(32);
  #since: number;
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
    this.#since = now();
  }

  /** An opaque key for the value, stable within a day. */
  key(scope: string, value: string): string {
    if (this.#now() - this.#since >= ROTATE_MS) {
      this.#salt = randomBytes(32);
      this.#since = this.#now();
    }
    return `${scope}:${createHmac('sha256', this.#salt).update(value).digest('base64url').slice(0, 22)}`;
  }
}
