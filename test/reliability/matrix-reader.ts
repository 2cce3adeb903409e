import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import type { FastifyInstance } from 'fastify';
import type { MatrixSubject, ReadPath } from '../../src/modules/auth/releasability.testing.ts';
import type { Kind, MatrixWorld } from './matrix-world.ts';

/*
 * How the cross-module matrix reads: HTTP requests as a subject with the status asserted, one
 * answer remembered per subject for paths that read parts of it, and the three kinds of path.
 */

export const sum = (values: number[]) => values.reduce((total, v) => total + v, 0);

/** GETs and POSTs as a subject, asserting the status. */
export class Reader {
  readonly app: FastifyInstance;
  constructor(app: FastifyInstance) {
    this.app = app;
  }

  async text(url: string, subject: MatrixSubject, expect = 200): Promise<string> {
    const response = await this.app.inject({ method: 'GET', url, headers: subject.user?.headers ?? {} });
    assert.equal(response.statusCode, expect, `${url} as ${subject.key}: ${response.body.slice(0, 300)}`);
    return response.body;
  }

  async json<T>(url: string, subject: MatrixSubject): Promise<T> {
    return JSON.parse(await this.text(url, subject)) as T;
  }

  /** A route for signed-in users: the public must be refused (401), and gets null. */
  async member<T>(url: string, subject: MatrixSubject): Promise<T | null> {
    if (subject.user === null) {
      await this.text(url, subject, 401);
      return null;
    }
    return this.json<T>(url, subject);
  }

  async csv(url: string, subject: MatrixSubject): Promise<Record<string, string>[]> {
    return parse(await this.text(url, subject), { columns: true, bom: true }) as Record<string, string>[];
  }

  /** Ids of the records of `kind` the subject may read one by one; refusals must be 404s (401s for the public where `signedIn`). */
  async singles(kind: Kind, world: MatrixWorld, subject: MatrixSubject, url: (id: string) => string, signedIn = false): Promise<string[]> {
    const seen: string[] = [];
    const queue = world.ids(kind);
    const answers = signedIn && subject.user === null ? [401] : [200, 404];
    // A few requests at a time: on PostgreSQL each waits mostly on round trips.
    const worker = async () => {
      for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
        const response = await this.app.inject({ method: 'GET', url: url(id), headers: subject.user?.headers ?? {} });
        assert.ok(answers.includes(response.statusCode), `${url(id)} as ${subject.key}: status ${response.statusCode}`);
        if (response.statusCode === 200) seen.push(id);
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    return world.bundles(kind, seen);
  }

  async post<T>(url: string, subject: MatrixSubject, payload: object): Promise<T> {
    const response = await this.app.inject({ method: 'POST', url, headers: subject.user?.headers ?? {}, payload });
    assert.equal(response.statusCode, 200, `${url} as ${subject.key}: ${response.body.slice(0, 300)}`);
    return response.json<T>();
  }
}

/** Remembers one answer per subject, for paths that read different parts of it. */
export function perSubject<T>(read: (subject: MatrixSubject) => Promise<T>): (subject: MatrixSubject) => Promise<T> {
  const answers = new Map<string, Promise<T>>();
  return (subject) => {
    if (!answers.has(subject.key)) answers.set(subject.key, read(subject));
    return answers.get(subject.key)!;
  };
}

/** With KONBIT_MATRIX_TIMES set, prints how long each path takes for each subject. */
export function timed(paths: ReadPath[]): ReadPath[] {
  if (!process.env.KONBIT_MATRIX_TIMES) return paths;
  return paths.map((path) => ({
    ...path,
    read: async (subject: MatrixSubject) => {
      const start = performance.now();
      try {
        return await (path.read as (s: MatrixSubject) => Promise<never>)(subject);
      } finally {
        console.log(`${path.name} as ${subject.key}: ${(performance.now() - start).toFixed(0)} ms`);
      }
    },
  })) as ReadPath[];
}

export const ids = (name: string, read: (subject: MatrixSubject) => Promise<string[]>): ReadPath => ({ name, kind: 'ids', read });
export const count = (name: string, read: (subject: MatrixSubject) => Promise<number>): ReadPath => ({ name, kind: 'count', read });
export const total = (name: string, read: (subject: MatrixSubject) => Promise<number>): ReadPath => ({ name, kind: 'sum', read });
