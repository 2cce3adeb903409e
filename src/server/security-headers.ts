import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import helmet, { type HelmetOptions } from 'helmet';

/*
 * The security headers of every answer, as helmet defines them. @fastify/helmet
 * builds helmet's middleware again on every request (parsing the CSP directives
 * each time), which cost more than a whole constant answer. Konbit's headers do
 * not vary by request (no CSP nonces, no per-route options), so helmet runs once
 * here against a recorder, and each request gets the recorded headers.
 */

/** Konbit's policy: the web app loads only its own scripts, styles may be inline (MapLibre), workers from blobs. */
export const SECURITY_POLICY: HelmetOptions = {
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      workerSrc: ["'self'", 'blob:'],
      connectSrc: ["'self'"],
    },
  },
};

export interface SecurityHeaders {
  /** Headers helmet sets, name and value, in its order. */
  set: [name: string, value: string][];
  /** Headers helmet removes (X-Powered-By). */
  removed: string[];
}

/** What helmet does to a response under these options, recorded once. */
export function securityHeadersOf(options: HelmetOptions): SecurityHeaders {
  const recorded: SecurityHeaders = { set: [], removed: [] };
  const recorder = {
    setHeader: (name: string, value: string) => void recorded.set.push([name, String(value)]),
    removeHeader: (name: string) => void recorded.removed.push(name),
  };
  helmet(options)({} as never, recorder as never, (error?: unknown) => {
    if (error) throw error;
  });
  return recorded;
}

/** Sets the recorded headers on every answer (errors, 404s and the event stream included), before any route runs. */
export const securityHeaders = fp(async (app: FastifyInstance, options: HelmetOptions) => {
  const { set, removed } = securityHeadersOf(options);
  app.addHook('onRequest', (_request, reply, done) => {
    const raw = reply.raw;
    for (const [name, value] of set) raw.setHeader(name, value);
    for (const name of removed) raw.removeHeader(name);
    done();
  });
});
