import { writeFileSync } from 'node:fs';
import fc from 'fast-check';
import type { FuzzWorld } from './world.ts';
import { fromSchema, hostileJson, nastyString } from './inputs.ts';
import type { Case, Target } from './targets.ts';

/* The API's own targets (built from its OpenAPI document) and the loop that runs any target. */

/** Routes the fuzzers leave alone: raw-body uploads (their own targets), ending the session, and news intake that fetches URLs (only loopback may be reached). */
const SKIPPED = [/\/import(\/|$)/, /^\/api\/v1\/roads\/networks$/, /\/auth\/logout$/, /^\/api\/v1\/news\/(articles|feeds)/, /^\/api\/v1\/stream$/];

type Spec = { paths: Record<string, Record<string, { parameters?: { in: string; name: string; schema?: Record<string, unknown> }[]; requestBody?: { content?: Record<string, { schema?: Record<string, unknown> }> } }>>; components?: { schemas?: Record<string, Record<string, unknown>> } };

export async function apiTargets(world: FuzzWorld): Promise<Target[]> {
  const spec = (await world.app.inject('/docs/json')).json<Spec>();
  const resolve = (ref: string) => spec.components?.schemas?.[ref.split('/').at(-1)!];
  const routes = world.app.routeAccessTable.filter((r) => r.url.startsWith('/api/') && !SKIPPED.some((skip) => skip.test(r.url)));
  const operation = (url: string, method: string) => spec.paths[url.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()];
  const pathOf = (url: string, method: string) => {
    const parameters = (operation(url, method)?.parameters ?? []).filter((p) => p.in === 'path');
    const names = [...url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
    const values = names.map((name) => fc.oneof(fc.constantFrom(...world.ids), fromSchema(parameters.find((p) => p.name === name)?.schema, resolve).map(String), nastyString));
    return fc.tuple(...values).map((chosen) => {
      let i = 0;
      // Every byte percent-encoded: a lone surrogate becomes U+FFFD instead of a URIError.
      return url.replace(/:(\w+)/g, () => [...Buffer.from(chosen[i++] ?? '')].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join(''));
    });
  };
  const headersFor = (access: unknown) => (Array.isArray(access) && access.length === 1 && access[0] === 'oversight' ? world.oversight.headers : world.user.headers);

  const mutations = routes.filter((r) => ['POST', 'PATCH', 'PUT', 'DELETE'].includes(r.method));
  const reads = routes.filter((r) => r.method === 'GET');
  return [
    {
      name: `JSON request bodies (${mutations.length} routes)`,
      arbitrary: () =>
        fc.constantFrom(...mutations).chain((route) => {
          const schema = operation(route.url, route.method)?.requestBody?.content?.['application/json']?.schema;
          const body = fc.oneof({ weight: 9, arbitrary: hostileJson(schema, resolve).map((v) => JSON.stringify(v)) }, { weight: 1, arbitrary: nastyString });
          return fc.tuple(pathOf(route.url, route.method), body).map(([url, payload]): Case => ({
            request: { method: route.method as 'POST', url, headers: { ...headersFor(route.access), 'content-type': 'application/json' }, payload },
            ...(route.url === '/api/v1/auth/login' ? { refusalWrites: ['audit_log', 'audit_head'] } : {}),
          }));
        }),
    },
    {
      name: `query strings (${reads.length} routes)`,
      arbitrary: () =>
        fc.constantFrom(...reads).chain((route) => {
          const parameters = (operation(route.url, route.method)?.parameters ?? []).filter((p) => p.in === 'query');
          const query = fc.tuple(...parameters.map((p) => fc.option(fc.oneof(fromSchema(p.schema, resolve), nastyString), { nil: undefined })));
          return fc.tuple(pathOf(route.url, route.method), query, fc.boolean()).map(([url, values, signedIn]): Case => {
            const search = new URLSearchParams();
            parameters.forEach((p, i) => {
              const value = values[i];
              if (value !== undefined) search.set(p.name, Array.isArray(value) ? value.join(',') : typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value));
            });
            return { request: { method: 'GET', url: `${url}${search.size > 0 ? `?${search}` : ''}`, headers: signedIn ? headersFor(route.access) : {} } };
          });
        }),
    },
  ];
}

export interface TargetResult {
  name: string;
  cases: number;
  /** Answers by status. */
  statuses: Record<string, number>;
  /** The first case that broke a rule, and how. */
  failure: string | null;
}

/** Sends `cases` generated cases of the target; stops at the first broken rule. */
export async function runTarget(world: FuzzWorld, target: Target, cases: number, seed: number): Promise<TargetResult> {
  const statuses: Record<string, number> = {};
  let ran = 0;
  const result = await fc.check(
    fc.asyncProperty(target.arbitrary(world), async (c) => {
      ran++;
      const failure = await checkCase(world, c, statuses);
      if (failure) throw new Error(failure);
    }),
    { numRuns: cases, seed, endOnFailure: true },
  );
  const counterexample = result.counterexample?.[0] as Case | undefined;
  // KONBIT_FUZZ_DUMP=FILE keeps the whole failing request body, to replay it by hand.
  if (counterexample && process.env.KONBIT_FUZZ_DUMP) writeFileSync(process.env.KONBIT_FUZZ_DUMP, String(counterexample.request.payload ?? ''));
  const failure = result.failed
    ? `${result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance)} — ${counterexample?.request.method} ${counterexample?.request.url} ${String(counterexample?.request.payload ?? '').slice(0, 400)}`
    : null;
  return { name: target.name, cases: ran, statuses, failure };
}

async function checkCase(world: FuzzWorld, c: Case, statuses: Record<string, number>): Promise<string | null> {
  const before = await world.fingerprint();
  const response = await world.app.inject(c.request);
  const status = response.statusCode;
  statuses[status] = (statuses[status] ?? 0) + 1;
  if (status >= 500) return `answered ${status}: ${response.body.slice(0, 300)}`;
  if (status >= 400) {
    let error: { code?: unknown; message?: unknown } | undefined;
    try {
      error = (JSON.parse(response.body) as { error?: typeof error }).error;
    } catch {
      return `answered ${status} without a JSON error body: ${response.body.slice(0, 200)}`;
    }
    if (typeof error?.code !== 'string' || typeof error.message !== 'string' || error.message.trim() === '') return `answered ${status} without a code and a message: ${response.body.slice(0, 200)}`;
    const after = await world.fingerprint();
    if (changedTables(before, after, c.refusalWrites) !== '') return `refused with ${status} ${error.code} (${error.message.slice(0, 200)}) but wrote to the database: ${changedTables(before, after, c.refusalWrites)}`;
    return null;
  }
  if (c.importMode && status === 200) {
    const answer = JSON.parse(response.body) as { created: number; rejected: unknown[] };
    if (c.importMode === 'all-or-nothing' && answer.rejected.length > 0) return `all-or-nothing import answered 200 with ${answer.rejected.length} rejected rows`;
    const gained = (JSON.parse(await world.fingerprint()) as { incidents: number }).incidents - (JSON.parse(before) as { incidents: number }).incidents;
    if (gained !== answer.created) return `import said it created ${answer.created} incidents but the database gained ${gained}`;
  }
  return null;
}

function changedTables(before: string, after: string, allowed: readonly string[] = []): string {
  const [a, b] = [JSON.parse(before) as Record<string, number>, JSON.parse(after) as Record<string, number>];
  return Object.keys(b).filter((table) => a[table] !== b[table] && !allowed.includes(table)).map((table) => `${table} ${a[table]} -> ${b[table]}`).join(', ');
}
