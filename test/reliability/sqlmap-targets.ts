// The targets of scripts/sqlmap-scan.sh: every route of the OpenAPI document that takes a
// parameter (path, query or JSON body), with a sample request sqlmap can vary. Prints one JSON line
// per target: { method, url, data? }, path parameters marked with sqlmap's `*`.
//   node bin/run-ts.js test/reliability/sqlmap-targets.ts BASE_URL COOKIE
import { fromSchemaExample } from './sqlmap-examples.ts';

const [base, cookie] = process.argv.slice(2);
if (!base?.startsWith('http://127.0.0.1:')) throw new Error('give the loopback base URL of a Konbit server (http://127.0.0.1:PORT)');

/** Left out: the stream never ends, news intake fetches URLs (only loopback may be reached), uploads are raw files, signing out ends the scan's session. */
const SKIPPED = [/^\/api\/v1\/stream$/, /^\/api\/v1\/news\/(articles|feeds)/, /\/import(\/|$)/, /^\/api\/v1\/roads\/networks$/, /\/attachments$/, /\/auth\/logout$/, /^\/docs/];

type Operation = { parameters?: { in: string; name: string; schema?: Record<string, unknown> }[]; requestBody?: { content?: Record<string, { schema?: Record<string, unknown> }> } };
const spec = (await (await fetch(`${base}/docs/json`)).json()) as { paths: Record<string, Record<string, Operation>> };
const headers = { cookie: cookie ?? '' };
const firstId = async (url: string): Promise<string> => {
  const body = (await (await fetch(`${base}${url}`, { headers })).json()) as { items?: { id: string }[] } | { id: string }[];
  return (Array.isArray(body) ? body[0]?.id : body.items?.[0]?.id) ?? '1';
};
// Real ids where the demo has them, so that sqlmap's true and false answers differ.
const ids: Record<string, string> = {
  incidents: await firstId('/api/v1/incidents?limit=1'),
  pledges: await firstId('/api/v1/ledger/pledges?limit=1'),
  roadblocks: await firstId('/api/v1/roads/roadblocks'),
  areas: await firstId('/api/v1/roads/areas'),
  detentions: await firstId('/api/v1/detentions?limit=1'),
};
const KNOWN_GOOD: Record<string, string> = {
  bbox: '-72.5,18.4,-72.2,18.7', types: 'kidnapping', actors: 'G9', area: 'HT0111', verification: 'verified', tags: 'demo', network: 'pap-metro',
  kind: 'personnel', organisation: 'KEN', from: '2024-01-01', to: '2025-01-01', asOf: '2025-01-01', q: 'delmas', status: 'held',
};
const status = async (method: string, url: string) => (await fetch(url, { method, headers })).status;
const idFor = (path: string) => Object.entries(ids).find(([segment]) => path.includes(`/${segment}/`))?.[1] ?? '1';

for (const [path, operations] of Object.entries(spec.paths)) {
  if (SKIPPED.some((skip) => skip.test(path))) continue;
  for (const [method, operation] of Object.entries(operations)) {
    const parameters = operation.parameters ?? [];
    const body = operation.requestBody?.content?.['application/json']?.schema;
    if (parameters.length === 0 && !body) continue;
    const url = path.replace(/\{(\w+)\}/g, (_, name: string) => {
      const schema = parameters.find((p) => p.in === 'path' && p.name === name)?.schema;
      const sample = name === 'id' ? idFor(path) : name === 'name' ? 'pap-metro' : String(fromSchemaExample(schema) ?? '1');
      return `${encodeURIComponent(sample)}*`;
    });
    // Each query parameter is kept only if the server accepts its sample: sqlmap varies one
    // parameter at a time, and a refused neighbour would make every answer the same 400.
    const query = new URLSearchParams();
    for (const p of parameters.filter((p) => p.in === 'query')) {
      const sample = KNOWN_GOOD[p.name] ?? fromSchemaExample(p.schema);
      if (sample === undefined) continue;
      query.set(p.name, Array.isArray(sample) ? sample.join(',') : String(sample));
      if (method === 'get' && (await status('GET', `${base}${url.replaceAll('*', '')}?${query}`)) >= 400) query.delete(p.name);
    }
    const full = `${base}${url}${query.size > 0 ? `?${query}` : ''}`;
    const data = body ? JSON.stringify(fromSchemaExample(body) ?? {}) : undefined;
    const baseline = method === 'get' ? await status('GET', full.replaceAll('*', '')) : null;
    console.log(JSON.stringify({ method: method.toUpperCase(), url: full, ...(data ? { data } : {}), ...(baseline ? { baseline } : {}) }));
  }
}
