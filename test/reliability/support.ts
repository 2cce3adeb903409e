import { createServer } from 'node:net';

/*
 * Helpers for the tests and benches that talk to Konbit over real sockets, on loopback only:
 * free ports, signing in, and server-sent event clients.
 */

export const LOOPBACK = '127.0.0.1';

/** A port free on loopback right now (the kernel's pick). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, LOOPBACK, () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface Session {
  cookie: string;
  csrf: string;
}

/** Signs in over HTTP; the session cookie and the CSRF token to send with mutations. */
export async function signIn(base: string, username: string, password: string): Promise<Session> {
  const response = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (response.status !== 200) throw new Error(`sign-in as ${username} on ${base}: ${response.status} ${await response.text()}`);
  const cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('konbit_session='));
  if (!cookie) throw new Error('sign-in set no session cookie');
  const me = (await response.json()) as { csrfToken: string };
  return { cookie, csrf: me.csrfToken };
}

/** The headers of a JSON request in a session. */
export function sessionHeaders(session: Session, extra: Record<string, string> = {}): Record<string, string> {
  return { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'application/json', ...extra };
}

export interface StreamEvent {
  id: string;
  type: string;
  data: string;
  /** performance.now() when it arrived. */
  at: number;
}

/** A server-sent events client that keeps every event it receives. */
export class SseClient {
  readonly events: StreamEvent[] = [];
  readonly #controller = new AbortController();
  #waiters: (() => void)[] = [];
  #open: Promise<void>;

  constructor(url: string, headers: Record<string, string> = {}) {
    this.#open = this.#read(url, headers);
  }

  /** Resolves when the response headers have arrived. */
  get opened(): Promise<void> {
    return this.#open;
  }

  async #read(url: string, headers: Record<string, string>): Promise<void> {
    const response = await fetch(url, { headers, signal: this.#controller.signal });
    if (response.status !== 200) throw new Error(`stream ${url}: ${response.status}`);
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    void (async () => {
      let buffer = '';
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          buffer += value;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            this.#parse(buffer.slice(0, end));
            buffer = buffer.slice(end + 2);
          }
        }
      } catch {
        // aborted
      }
    })();
  }

  #parse(block: string): void {
    const field = (name: string) => block.split('\n').find((line) => line.startsWith(`${name}: `))?.slice(name.length + 2);
    const data = field('data');
    if (data === undefined) return;
    this.events.push({ id: field('id') ?? '', type: field('event') ?? 'message', data, at: performance.now() });
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const wake of waiters) wake();
  }

  /** The first event matching, waiting for it up to timeoutMs. */
  async waitFor(match: (event: StreamEvent) => boolean, timeoutMs: number): Promise<StreamEvent> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const found = this.events.find(match);
      if (found) return found;
      const left = deadline - performance.now();
      if (left <= 0) throw new Error(`no matching stream event within ${timeoutMs} ms (${this.events.length} received)`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.#waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  close(): void {
    this.#controller.abort();
  }
}
