import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { z } from 'zod';
import { Classification } from '../../shared/access.ts';
import { IncidentFilterQuery, IncidentType, type HistoryEntry, type Incident, type IncidentInput } from '../../shared/incidents.ts';
import { PUBLIC_VIEWER, type Viewer } from '../../modules/auth/index.ts';
import {
  actorForUsername,
  decideVerification,
  getIncident,
  incidentHistory,
  listIncidents,
  mergeIncidents,
  reportIncident,
  useDatasets,
} from '../../modules/incidents/index.ts';
import type { Db } from '../../db/index.ts';
import { commandConfig, fail, withDb } from '../context.ts';

/*
 * `konbit incidents list|show|report|verify|merge`: the same services as the
 * API. Reads are as the public unless --as names a user; changes need --as.
 */

async function viewerFor(db: Db, username: string | undefined): Promise<Viewer> {
  return username ? actorForUsername(db, username) : PUBLIC_VIEWER;
}

function line(incident: Incident): string {
  const where = incident.location.placeName ?? incident.admin?.adm2Name ?? `${incident.location.lon.toFixed(4)},${incident.location.lat.toFixed(4)}`;
  return [incident.id, incident.occurredAt.slice(0, 16).replace('T', ' '), incident.type.padEnd(24), incident.verification.status.padEnd(10), incident.classification.padEnd(10), where, '—', incident.title].join('  ');
}

function describeIncident(incident: Incident, history: HistoryEntry[] | null): string {
  const counts = Object.entries(incident.counts).filter(([, n]) => n > 0).map(([what, n]) => `${n} ${what}`).join(', ') || 'no casualties reported';
  const rows = [
    `${incident.title} (${incident.type}, ${incident.verification.status}, version ${incident.version})`,
    `id:          ${incident.id}`,
    `occurred:    ${incident.occurredAt} (${incident.occurredPrecision})   reported: ${incident.reportedAt} by ${incident.reportedBy.username ?? '?'} (${incident.reportedBy.organisation})`,
    `where:       ${incident.location.lon}, ${incident.location.lat} (${incident.location.precision})${incident.location.placeName ? ` — ${incident.location.placeName}` : ''}`,
    `admin:       ${incident.admin ? `${incident.admin.adm3Name}, ${incident.admin.adm2Name}, ${incident.admin.adm1Name} (${incident.admin.adm3Pcode})` : 'unknown'}`,
    `counts:      ${counts}`,
    `actors:      ${incident.actors.map((a) => `${a.name} (${a.role})`).join('; ') || 'none named'}`,
    `sources:     ${incident.sources.map((s) => `${s.name} [${s.reliability}${s.credibility}]`).join('; ') || 'none'}`,
    `label:       ${incident.classification}${incident.releasableTo.length ? ` releasable to ${incident.releasableTo.join(', ')}` : ''}, owner ${incident.owner}${incident.illustrative ? ', ILLUSTRATIVE' : ''}`,
    ...(incident.mergedInto ? [`merged into: ${incident.mergedInto}`] : []),
    ...(incident.description ? ['', incident.description] : []),
  ];
  if (history) rows.push('', 'history:', ...history.map((h) => `  v${h.version} ${h.at} ${h.action} by ${h.by ? `${h.by.username ?? '?'} (${h.by.organisation})` : 'the system'}`));
  return rows.join('\n');
}

const collect = (value: string, previous: string[]) => [...previous, value];

interface ListOptions { as?: string; bbox?: string; from?: string; to?: string; types?: string; actors?: string; area?: string; verification?: string; q?: string; limit: string; json?: boolean }
interface ReportOptions {
  as?: string; file?: string; type?: string; title?: string; description?: string; at?: string; lon?: string; lat?: string; place?: string;
  classification: string; releaseTo?: string; killed: string; injured: string; abducted: string; displaced: string; actor: string[]; source: string[]; idempotencyKey?: string; json?: boolean;
}

/** An incident from --file (JSON, '-' for standard input) or from the flags. */
async function inputFrom(options: ReportOptions): Promise<IncidentInput> {
  if (options.file) return JSON.parse(options.file === '-' ? await readStdin() : await readFile(options.file, 'utf8')) as IncidentInput;
  if (!options.type || !options.title || !options.lon || !options.lat) fail('give --type, --title, --lon and --lat (and --at), or --file INCIDENT.json');
  return {
    type: IncidentType.parse(options.type),
    title: options.title,
    description: options.description ?? '',
    occurredAt: options.at ?? new Date().toISOString(),
    location: { lon: Number(options.lon), lat: Number(options.lat), ...(options.place ? { placeName: options.place } : {}) },
    classification: Classification.parse(options.classification.toUpperCase()),
    releasableTo: options.releaseTo ? options.releaseTo.split(',').map((c) => c.trim().toUpperCase()) : [],
    counts: { killed: Number(options.killed), injured: Number(options.injured), abducted: Number(options.abducted), displaced: Number(options.displaced) },
    actors: options.actor.map((spec) => {
      const [name, role = 'perpetrator'] = spec.split(':');
      return { name: name!, role: z.enum(['perpetrator', 'target', 'associated']).parse(role) };
    }),
    sources: options.source.map((spec) => {
      const match = /^(.*):([A-F])([1-6])$/.exec(spec);
      if (!match) fail(`--source ${spec}: write NAME:GRADE, e.g. "HNP sitrep:B2" (reliability A–F, credibility 1–6)`);
      return { name: match[1]!, reliability: match[2] as 'A', credibility: Number(match[3]) as 1 };
    }),
  };
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export function registerIncidents(program: Command): void {
  const incidents = program.command('incidents').description('report, read, verify and merge incidents');

  incidents
    .command('list')
    .description('incidents the reader may see, newest first')
    .option('--as <username>', 'read as this user (default: as the public)')
    .option('--bbox <w,s,e,n>', 'bounding box in degrees')
    .option('--from <iso>', 'occurred at or after')
    .option('--to <iso>', 'occurred before')
    .option('--types <list>', `comma-separated: ${IncidentType.options.join(', ')}`)
    .option('--actors <list>', 'comma-separated actor names or ids')
    .option('--area <pcode>', 'department, commune or communal section P-code')
    .option('--verification <list>', 'unverified, verified, disputed, rejected')
    .option('-q, --q <text>', 'words to search for')
    .option('--limit <n>', 'how many', '50')
    .option('--json', 'print JSON')
    .action(async ({ as, limit, json, ...query }: ListOptions) => {
      const config = commandConfig();
      const filter = IncidentFilterQuery.parse(Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined)));
      const page = await withDb(config, async (db) => listIncidents({ db, viewer: await viewerFor(db, as), filter, limit: z.coerce.number().int().min(1).max(500).parse(limit) }));
      if (json) console.log(JSON.stringify(page, null, 2));
      else console.log(page.items.length === 0 ? 'no incidents match' : page.items.map(line).join('\n'));
    });

  incidents
    .command('show <id>')
    .description('one incident, with --history its versions')
    .option('--as <username>', 'read as this user (default: as the public)')
    .option('--history', 'list every version')
    .option('--json', 'print JSON')
    .action(async (id: string, options: { as?: string; history?: boolean; json?: boolean }) => {
      const config = commandConfig();
      const { incident, history } = await withDb(config, async (db) => {
        const viewer = await viewerFor(db, options.as);
        return { incident: await getIncident({ db, viewer, id }), history: options.history ? await incidentHistory({ db, viewer, id }) : null };
      });
      console.log(options.json ? JSON.stringify(history ? { ...incident, history } : incident, null, 2) : describeIncident(incident, history));
    });

  incidents
    .command('report')
    .description('report an incident, from flags or from a JSON file')
    .option('--as <username>', 'the reporter (required)')
    .option('--file <file.json>', "the incident as the API takes it ('-' for standard input)")
    .option('--type <type>', IncidentType.options.join(', '))
    .option('--title <text>')
    .option('--description <text>')
    .option('--at <iso>', 'when it occurred, with its zone (default: now)')
    .option('--lon <degrees>')
    .option('--lat <degrees>')
    .option('--place <name>', 'place name')
    .option('--classification <label>', 'PUBLIC, MISSION or RESTRICTED', 'MISSION')
    .option('--release-to <codes>', 'organisations a RESTRICTED report is released to, e.g. KEN,HNP')
    .option('--killed <n>', 'people killed', '0')
    .option('--injured <n>', 'people injured', '0')
    .option('--abducted <n>', 'people abducted', '0')
    .option('--displaced <n>', 'people displaced', '0')
    .option('--actor <name:role>', 'an actor and its role (perpetrator, target, associated); repeatable', collect, [])
    .option('--source <name:grade>', 'a source graded NATO/Admiralty, e.g. "HNP sitrep:B2"; repeatable', collect, [])
    .option('--idempotency-key <key>', 'makes a retry of this command return the first report')
    .option('--json', 'print JSON')
    .action(async (options: ReportOptions) => {
      if (!options.as) fail('say who reports: --as USERNAME');
      const config = commandConfig();
      useDatasets(config.datasetsDir);
      const input = await inputFrom(options);
      const { incident, replayed } = await withDb(config, async (db) => reportIncident({ db, actor: await actorForUsername(db, options.as!), input, idempotencyKey: options.idempotencyKey }));
      console.log(options.json ? JSON.stringify(incident, null, 2) : `${replayed ? 'already reported' : 'reported'}: ${line(incident)}`);
    });

  incidents
    .command('verify <id>')
    .description('verify (or dispute, reject, reopen) someone else’s report')
    .option('--as <username>', 'the analyst (required)')
    .option('--status <status>', 'verified, disputed, rejected or unverified', 'verified')
    .option('--note <text>', 'why')
    .action(async (id: string, options: { as?: string; status: string; note?: string }) => {
      if (!options.as) fail('say who decides: --as USERNAME (an analyst who did not report it)');
      const status = z.enum(['verified', 'disputed', 'rejected', 'unverified']).parse(options.status);
      const config = commandConfig();
      const incident = await withDb(config, async (db) => decideVerification({ db, actor: await actorForUsername(db, options.as!), id, decision: { status, ...(options.note ? { note: options.note } : {}) } }));
      console.log(`${incident.verification.status}: ${line(incident)}`);
    });

  incidents
    .command('merge <survivor> <duplicate>')
    .description('merge a duplicate into the incident that remains')
    .option('--as <username>', 'the analyst (required)')
    .option('--note <text>', 'why they are the same')
    .action(async (survivorId: string, duplicateId: string, options: { as?: string; note?: string }) => {
      if (!options.as) fail('say who merges: --as USERNAME (an analyst)');
      const config = commandConfig();
      const incident = await withDb(config, async (db) => mergeIncidents({ db, actor: await actorForUsername(db, options.as!), survivorId, request: { duplicateId, ...(options.note ? { note: options.note } : {}) } }));
      console.log(`merged ${duplicateId} into: ${line(incident)}`);
    });
}
