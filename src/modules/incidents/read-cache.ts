import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest, preValidationHookHandler } from 'fastify';
import type { Actor, Viewer } from '../auth/index.ts';

/*
 * Answers to incident reads (lists, the map layer, aggregates), kept as the
 * bytes sent, per query and per visibility scope: the map polls the same
 * query over and over, and many readers of one contingent ask the same.
 *
 * A scope is what decides what a reader may see and how it is presented to
 * them: the organisation, whether it is a mission member, and the roles. Two
 * readers share an answer only when all three match, so no reader ever gets
 * an answer built for another scope.
 *
 * Every incident write wakes the stream bus after it commits, on this
 * instance directly and on the others through the fan-out (server/fanout.ts);
 * each wake drops every answer. A read that started before a wake is not kept
 * (its generation is gone), so a reader never sees an answer older than a
 * write that was acknowledged before the read began. What no wake announces
 * (an actor renamed, rows written by another process on SQLite) shows within
 * MAX_AGE_MS.
 */

const MAX_AGE_MS = 5_000;
const MAX_BYTES = 64 * 1024 * 1024;
/** Bodies smaller than this leave uncompressed, as @fastify/compress's threshold would. */
const GZIP_THRESHOLD = 1024;

export interface CachedAnswer {
  /** The answer's UTF-8 bytes, encoded once rather than on every send. */
  body: Buffer;
  /** A strong validator from the body's content, the same on every instance. */
  etag: string;
  contentType: string;
  gzipped: Buffer | null;
  cachedAtMs: number;
}

/** The visibility scope a reader reads in: organisation, mission membership and roles. */
export function scopeOf(viewer: Viewer): string {
  const roles = (viewer as Partial<Actor>).roles;
  return `${viewer.organisationId ?? '-'}|${viewer.isMissionMember ? 'm' : '-'}|${roles ? [...roles].sort().join(',') : ''}`;
}

export class ReadCache {
  readonly #entries = new Map<string, CachedAnswer>();
  readonly #building = new Map<string, Promise<CachedAnswer>>();
  #generation = 0;
  #bytes = 0;

  /** Drops every answer: an incident changed. */
  invalidate(): void {
    this.#generation++;
    this.#entries.clear();
    this.#building.clear();
    this.#bytes = 0;
  }

  get size(): number {
    return this.#entries.size;
  }

  /** The kept answer for key, if it is fresh. */
  fresh(key: string): CachedAnswer | undefined {
    const found = this.#entries.get(key);
    return found && Date.now() - found.cachedAtMs <= MAX_AGE_MS ? found : undefined;
  }

  /** The answer for key, built once by build() and shared by the requests that wait for it meanwhile. */
  async answer(key: string, contentType: string, build: () => Promise<string>): Promise<CachedAnswer> {
    const found = this.fresh(key);
    if (found) return found;
    const pending = this.#building.get(key);
    if (pending) return pending;
    const generation = this.#generation;
    const building = build().then((text) => {
      const body = Buffer.from(text, 'utf8');
      const answer: CachedAnswer = { body, etag: `"${createHash('sha1').update(body).digest('base64url')}"`, contentType, gzipped: null, cachedAtMs: Date.now() };
      if (generation === this.#generation) this.#keep(key, answer);
      return answer;
    });
    this.#building.set(key, building);
    try {
      return await building;
    } finally {
      if (this.#building.get(key) === building) this.#building.delete(key);
    }
  }

  #keep(key: string, answer: CachedAnswer): void {
    const old = this.#entries.get(key);
    if (old) {
      this.#bytes -= old.body.length;
      this.#entries.delete(key);
    }
    this.#entries.set(key, answer);
    this.#bytes += answer.body.length;
    for (const [oldest, entry] of this.#entries) {
      if (this.#bytes <= MAX_BYTES) break;
      this.#entries.delete(oldest);
      this.#bytes -= entry.body.length;
    }
  }
}

/** The cache key of a GET: its scope, path and query string as sent. */
export function readKey(request: FastifyRequest): string {
  return `${scopeOf(request.viewer)} ${request.url}`;
}

/**
 * A preValidation hook for the cached public GET routes: a fresh answer is sent
 * at once, before the query string is parsed and validated again. That is sound
 * because an answer is kept only under the exact URL (and scope) of a request
 * that passed validation, and because a public GET has nothing else to check:
 * the reader's session was opened by the access hook just before, and its
 * policy refuses no one. Any other route goes on as usual.
 */
export function sendFreshAnswer(cache: ReadCache): preValidationHookHandler {
  return (request, reply, done) => {
    const hit = request.routeOptions.config.access === 'public' && SAFE_METHODS.has(request.method) ? cache.fresh(readKey(request)) : undefined;
    if (hit) void sendAnswer(request, reply, hit);
    else done();
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD']);

/**
 * Sends a cached answer: 304 when the client holds it already (If-None-Match),
 * gzipped once and kept when the client accepts gzip.
 */
export function sendAnswer(request: FastifyRequest, reply: FastifyReply, answer: CachedAnswer): FastifyReply {
  // private: the answer depends on the reader's session; no-cache: ask each time, with the ETag.
  void reply.header('etag', answer.etag).header('cache-control', 'private, no-cache');
  const held = request.headers['if-none-match'];
  if (held !== undefined && held.split(/\s*,\s*/).includes(answer.etag)) return reply.code(304).send();
  void reply.type(answer.contentType);
  const accepts = request.headers['accept-encoding'];
  if (answer.body.length >= GZIP_THRESHOLD && accepts !== undefined && /\bgzip\b/.test(accepts)) {
    answer.gzipped ??= gzipSync(answer.body, { level: 6 });
    void reply.header('content-encoding', 'gzip').header('vary', 'accept-encoding');
    return reply.send(answer.gzipped);
  }
  return reply.send(answer.body);
}
