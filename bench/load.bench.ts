// Load bench: Konbit (`node bin/konbit.js serve`, demo mission, SQLite) on loopback under autocannon,
// with a bare Fastify endpoint returning a constant as the ceiling, in the same run:
//   - ceiling: GET / on a Fastify server that answers {"ok":true}
//   - bbox: GET /api/v1/incidents?bbox=…&limit=50 (public; signed in; signed in asking for gzip as browsers do)
//   - map polling: GET /api/v1/incidents.geojson?bbox=… with the ETag of the last answer (304s)
//   - route: POST /api/v1/routes on the demo's pap-metro network (signed in)
//   - field report: POST /api/v1/incidents, a new Idempotency-Key each (durable commit)
//   - live stream: 500 connected readers, then a burst of reports; delivery latency per event
// Goals: field report ≥ 40 % of the ceiling's rate, bbox ≥ 30 %.
//   node bin/run-ts.js bench/load.bench.ts [--seconds 10] [--connections 10] [--readers 500] [--burst 100]
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import http from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { reportFor } from '../test/reliability/report-clients.ts';
import { KONBIT_BIN } from '../test/reliability/server-process.ts';
import { freePort, LOOPBACK, signIn, type Session } from '../test/reliability/support.ts';

const argv = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const at = argv.indexOf(name);
  return at >= 0 ? Number(argv[at + 1]) : fallback;
};
const SECONDS = option('--seconds', 10);
const CONNECTIONS = option('--connections', 10);
const READERS = option('--readers', 500);
const BURST = option('--burst', 100);
const PASSWORD = 'load-bench-password';

/** The part of autocannon's result used here (the package ships no types). */
interface CannonResult { requests: { average: number; total: number }; latency: { p50: number; p99: number }; errors: number; non2xx: number; statusCodeStats?: Record<string, { count: number }> }
const autocannon = createRequire(import.meta.url)('autocannon') as (options: Record<string, unknown>) => Promise<CannonResult>;

interface Figure { name: string; rps: number; p50: number; p99: number; errors: number; cpuMs: number }

/** CPU time (user + system) a process has used so far, in ms, from /proc: per request, it does not depend on how busy the machine is. */
function cpuMsOf(child: ChildProcess): number {
  try {
    const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

const children: ChildProcess[] = [];
const dataDir = mkdtempSync(path.join(tmpdir(), 'konbit-load-'));
try {
  const ceilingPort = await freePort();
  const ceiling = spawn(process.execPath, ['-e', `require('fastify')().get('/', async () => ({ ok: true })).listen({ port: ${ceilingPort}, host: '${LOOPBACK}' })`], { stdio: 'inherit' });
  children.push(ceiling);
  const port = await freePort();
  const { DATABASE_URL: _sqlite, ...env } = process.env;
  const konbit = spawn(process.execPath, [KONBIT_BIN, 'serve'], {
    env: { ...env, HOST: LOOPBACK, PORT: String(port), KONBIT_DATA_DIR: dataDir, KONBIT_DEMO_PASSWORD: PASSWORD, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(konbit);
  const base = `http://${LOOPBACK}:${port}`;
  await ready(`${base}/readyz`, 300_000);
  await ready(`http://${LOOPBACK}:${ceilingPort}/`, 30_000);
  const session = await signIn(base, 'hq.analyst', PASSWORD);
  const figures: Figure[] = [];

  figures.push(await cannon('ceiling: constant from bare Fastify', { url: `http://${LOOPBACK}:${ceilingPort}/` }, ceiling));
  const cookie = { cookie: session.cookie };
  figures.push(await cannon('Konbit GET /healthz (its own constant)', { url: `${base}/healthz` }, konbit));
  figures.push(await cannon('incident bbox query, public', { url: `${base}/api/v1/incidents?bbox=-72.36,18.52,-72.30,18.58&limit=50` }, konbit));
  figures.push(await cannon('incident bbox query', { url: `${base}/api/v1/incidents?bbox=-72.36,18.52,-72.30,18.58&limit=50`, headers: cookie }, konbit));
  // Browsers always ask for gzip; the cached answer keeps its gzip bytes, so this is what a map client costs.
  figures.push(await cannon('incident bbox query, gzip (as browsers ask)', { url: `${base}/api/v1/incidents?bbox=-72.36,18.52,-72.30,18.58&limit=50`, headers: { ...cookie, 'accept-encoding': 'gzip' } }, konbit));
  const mapUrl = `${base}/api/v1/incidents.geojson?bbox=-72.45,18.45,-72.18,18.65`;
  const etag = (await fetch(mapUrl, { headers: cookie })).headers.get('etag');
  if (etag) figures.push(await cannon('map layer polling with its ETag (304)', { url: mapUrl, headers: { ...cookie, 'if-none-match': etag } }, konbit));
  const routeBody = JSON.stringify({ network: 'pap-metro', from: { lat: 18.5445, lon: -72.3386 }, to: { lat: 18.534, lon: -72.41 }, alternatives: 0 });
  const probe = await fetch(`${base}/api/v1/routes`, { method: 'POST', headers: { ...cookie, 'content-type': 'application/json', 'x-csrf-token': session.csrf }, body: routeBody });
  if (probe.status === 200) figures.push(await cannon('route query (pap-metro)', { url: `${base}/api/v1/routes`, method: 'POST', headers: { ...cookie, 'content-type': 'application/json', 'x-csrf-token': session.csrf }, body: routeBody }, konbit));
  else console.log(`route query skipped: ${probe.status} ${await probe.text()} (the demo's road network needs KONBIT_DATASETS)`);
  const report = JSON.stringify(reportFor('load'));
  figures.push(await cannon('field report POST (durable commit)', {
    url: `${base}/api/v1/incidents`, method: 'POST', body: report,
    headers: { ...cookie, 'content-type': 'application/json', 'x-csrf-token': session.csrf },
    requests: [{ setupRequest: (request: Record<string, any>) => ({ ...request, headers: { ...request.headers, 'idempotency-key': randomUUID() } }) }],
  }, konbit));
  const stream = await streamBurst(base, session);

  const top = figures[0]!.rps;
  console.log(`\nKonbit load, ${SECONDS} s per run, ${CONNECTIONS} connections, loopback, SQLite (WAL, synchronous=FULL); load average ${os.loadavg().map((l) => l.toFixed(1)).join(', ')} on ${os.cpus().length} cores`);
  console.log('| what | req/s | p50 ms | p99 ms | of ceiling | server CPU per request | errors |\n|---|---:|---:|---:|---:|---:|---:|');
  for (const f of figures) console.log(`| ${f.name} | ${f.rps.toFixed(0)} | ${f.p50} | ${f.p99} | ${((100 * f.rps) / top).toFixed(1)} % | ${f.cpuMs.toFixed(2)} ms | ${f.errors} |`);
  console.log(`| live stream: ${READERS} readers, burst of ${BURST} reports | ${stream.eventsPerSecond.toFixed(0)} events delivered/s | ${stream.p50.toFixed(0)} | ${stream.p99.toFixed(0)} | — | — | ${stream.missing} missing |`);
  const ratio = (name: string) => (figures.find((f) => f.name === name)?.rps ?? 0) / top;
  console.log(`\ngoals: field report ${(100 * ratio('field report POST (durable commit)')).toFixed(0)} % of the ceiling (goal ≥ 40 %), bbox ${(100 * ratio('incident bbox query')).toFixed(0)} % plain, ${(100 * ratio('incident bbox query, gzip (as browsers ask)')).toFixed(0)} % gzip (goal ≥ 30 %)`);
} finally {
  for (const child of children) child.kill('SIGTERM');
  await Promise.all(children.map((child) => (child.exitCode === null ? once(child, 'exit') : null)));
  rmSync(dataDir, { recursive: true, force: true });
}

async function ready(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(url)).status === 200) return;
    } catch {
      // not yet
    }
    if (Date.now() > deadline) throw new Error(`${url} not ready`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function cannon(name: string, options: Record<string, unknown>, server: ChildProcess): Promise<Figure> {
  const cpuBefore = cpuMsOf(server);
  const result = await autocannon({ connections: CONNECTIONS, duration: SECONDS, ...options });
  // A 304 is the answer a poller with a current ETag wants; every other non-2xx is an error.
  const notModified = result.statusCodeStats?.['304']?.count ?? 0;
  const figure = { name, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx - notModified, cpuMs: (cpuMsOf(server) - cpuBefore) / result.requests.total };
  console.log(`${name}: ${figure.rps.toFixed(0)} req/s, p50 ${figure.p50} ms, p99 ${figure.p99} ms, ${figure.cpuMs.toFixed(2)} ms server CPU per request, ${figure.errors} errors or non-2xx`);
  return figure;
}

/** READERS stream connections, then BURST reports as fast as one client sends them; latency from each report's answer to its arrival at each reader. */
async function streamBurst(base: string, session: Session): Promise<{ eventsPerSecond: number; p50: number; p99: number; missing: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: READERS + 10 });
  const arrivals = new Map<string, number[]>();
  const requests: http.ClientRequest[] = [];
  let opened = 0;
  await new Promise<void>((resolve, reject) => {
    for (let i = 0; i < READERS; i++) {
      const request = http.get(`${base}/api/v1/stream`, { agent, headers: { cookie: session.cookie } }, (response) => {
        if (++opened === READERS) resolve();
        let buffer = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          buffer += chunk;
          for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
            const id = /"id":"([^"]+)"/.exec(buffer.slice(0, end))?.[1];
            if (id && buffer.slice(0, end).includes('event: incident.created')) arrivals.set(id, [...(arrivals.get(id) ?? []), performance.now()]);
            buffer = buffer.slice(end + 2);
          }
        });
      });
      request.on('error', reject);
      requests.push(request);
    }
  });
  const answered = new Map<string, number>();
  const started = performance.now();
  for (let i = 0; i < BURST; i++) {
    const response = await fetch(`${base}/api/v1/incidents`, {
      method: 'POST', headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'application/json', 'idempotency-key': randomUUID() }, body: JSON.stringify(reportFor(`burst-${i}`)),
    });
    answered.set(((await response.json()) as { id: string }).id, performance.now());
  }
  const deadline = performance.now() + 30_000;
  while ([...answered.keys()].some((id) => (arrivals.get(id)?.length ?? 0) < READERS) && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  const lastArrival = Math.max(...[...arrivals.values()].flat());
  const latencies = [...answered].flatMap(([id, at]) => (arrivals.get(id) ?? []).map((arrived) => Math.max(0, arrived - at))).sort((a, b) => a - b);
  for (const request of requests) request.destroy();
  agent.destroy();
  const delivered = latencies.length;
  return {
    eventsPerSecond: delivered / ((lastArrival - started) / 1000),
    p50: latencies[Math.floor(delivered * 0.5)] ?? Number.NaN,
    p99: latencies[Math.floor(delivered * 0.99)] ?? Number.NaN,
    missing: BURST * READERS - delivered,
  };
}
