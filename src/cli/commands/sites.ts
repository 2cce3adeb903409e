import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { Classification } from '../../shared/access.ts';
import { SiteKind, TaskKind, TaskStatus, type Site, type SiteInput, type SiteThreat, type Task } from '../../shared/sites.ts';
import { TrainingTopic, type Course, type Trainee } from '../../shared/training.ts';
import type { Db } from '../../db/index.ts';
import { PUBLIC_VIEWER, type Actor, type Viewer } from '../../modules/auth/index.ts';
import { actorForUsername, useDatasets } from '../../modules/incidents/index.ts';
import {
  changeTaskStatus, createAssignment, createSite, createTask, getSite, getSiteThreat, importSites, listAssignments, listSites, listSiteThreats, listTasks, protectionGaps,
  refreshThreatHistory, threatHistory,
} from '../../modules/sites/index.ts';
import { certify, createCourse, enrol, listCourses, listTrainees, registerTrainee, trainingTotals } from '../../modules/training/index.ts';
import { commandConfig, fail, optionNumber as int, optionText as str, withDb } from '../context.ts';

/*
 * `konbit sites …` and `konbit training …`: the same services as the API.
 * Reads are as the public unless --as names a user; changes need --as (an
 * import may instead name the owning organisation with --org, as the system).
 */

type Options = Record<string, string | boolean | undefined>;

const list = (value: string | boolean | undefined) => (typeof value === 'string' ? value.split(',').map((s) => s.trim().toUpperCase()).filter(Boolean) : []);
const json = (value: unknown) => console.log(JSON.stringify(value, null, 2));
const label = (o: Options) => ({ classification: Classification.parse((str(o.classification) ?? 'MISSION').toUpperCase()), releasableTo: list(o.releaseTo) });

function run<T>(body: (db: Db) => Promise<T>): Promise<T> {
  const config = commandConfig();
  useDatasets(config.datasetsDir);
  return withDb(config, body);
}

async function viewerFor(db: Db, username: string | boolean | undefined): Promise<Viewer> {
  return typeof username === 'string' ? actorForUsername(db, username) : PUBLIC_VIEWER;
}

async function actorFor(db: Db, username: string | boolean | undefined, what: string): Promise<Actor> {
  if (typeof username !== 'string') fail(`say who ${what}: --as USERNAME`);
  return actorForUsername(db, username);
}

async function geometryFrom(o: Options): Promise<SiteInput['geometry'] | null> {
  const file = str(o.geometry);
  if (file) return JSON.parse(await readFile(file, 'utf8')) as SiteInput['geometry'];
  const lon = int(o.lon, 'lon'), lat = int(o.lat, 'lat');
  return lon === undefined || lat === undefined ? null : { type: 'Point', coordinates: [lon, lat] };
}

const siteLine = (s: Site) => [s.id, `c${s.criticality}`, s.kind.padEnd(20), s.classification.padEnd(10), s.commune?.name ?? '', '—', s.name, s.illustrative ? '(illustrative)' : ''].join('  ');
const threatLine = (t: SiteThreat) => `${t.label.toUpperCase().padEnd(8)} ${String(t.score).padStart(6)}  ${t.siteName}${t.reasons.length ? `: ${t.reasons.map((r) => r.text).join('; ')}` : ''}`;
const taskLine = (t: Task) => [t.id, t.status.padEnd(9), t.kind.padEnd(13), `${t.startsAt.slice(0, 16)}–${t.endsAt.slice(0, 16)}`, `${t.unit.name} (${t.unit.organisation})`, '—', t.title].join('  ');

function registerSiteCommands(program: Command): void {
  const sites = program.command('sites').description('critical sites, their threat, protection assignments and patrol tasks');
  const asReader = (command: Command) => command.option('--as <username>', 'read as this user (default: as the public)').option('--json', 'print JSON');

  asReader(sites.command('list').description('sites the reader may see, most critical first'))
    .option('--kind <kind>', SiteKind.options.join(', '))
    .option('--min-criticality <n>', '1 to 5')
    .option('-q, --q <text>', 'words in the name')
    .option('--limit <n>', 'how many', '1000')
    .action(async (o: Options) => {
      const query = { kind: str(o.kind) as SiteInput['kind'] | undefined, minCriticality: int(o.minCriticality, 'min-criticality'), q: str(o.q), limit: int(o.limit, 'limit') };
      const found = await run(async (db) => listSites({ db, viewer: await viewerFor(db, o.as), query }));
      if (o.json) json(found);
      else console.log(found.length ? found.map(siteLine).join('\n') : 'no sites match');
    });

  asReader(sites.command('show <id>').description('one site, its threat with reasons, and the history of its threat level'))
    .action(async (id: string, o: Options) => {
      const { site, threat, history } = await run(async (db) => {
        const viewer = await viewerFor(db, o.as);
        return { site: await getSite({ db, viewer, id }), threat: await getSiteThreat({ db, viewer, id }), history: await threatHistory({ db, viewer, id }) };
      });
      if (o.json) return json({ ...site, threat, history });
      console.log([siteLine(site), `operator: ${site.operator || '—'}; required strength: ${site.requiredStrength ?? 'not shown'}; source: ${site.source?.name ?? '—'}`, `threat: ${threatLine(threat)}`,
        ...history.map((h) => `  ${h.at.slice(0, 16)} ${h.label}: ${h.reasons.join('; ') || 'nothing around'}`)].join('\n'));
    });

  sites.command('add').description('record a site: --lon/--lat for a point, or --geometry FILE with a GeoJSON Point or Polygon')
    .option('--as <username>', 'the recorder (required)').option('--name <name>').option('--kind <kind>', SiteKind.options.join(', ')).option('--lon <degrees>').option('--lat <degrees>')
    .option('--geometry <file>', 'a GeoJSON geometry').option('--criticality <1-5>').option('--operator <name>').option('--required-strength <n>', 'officers the site needs')
    .option('--classification <label>', 'PUBLIC, MISSION or RESTRICTED', 'MISSION').option('--release-to <codes>', 'organisations a RESTRICTED site is released to').option('--json', 'print JSON')
    .action(async (o: Options) => {
      const geometry = (await geometryFrom(o)) ?? fail('give --lon and --lat, or --geometry FILE');
      const input: SiteInput = { name: str(o.name) ?? fail('give --name'), kind: SiteKind.parse(o.kind), geometry, criticality: int(o.criticality, 'criticality') ?? fail('give --criticality 1-5'), operator: str(o.operator), requiredStrength: int(o.requiredStrength, 'required-strength'), ...label(o) };
      const site = await run(async (db) => createSite({ db, actor: await actorFor(db, o.as, 'records the site'), input }));
      if (o.json) json(site);
      else console.log(`recorded: ${siteLine(site)}${site.repairs?.length ? `\nrepaired: ${site.repairs.join('; ')}` : ''}`);
    });

  sites.command('import <file>').description('import sites from GeoJSON (Konbit, MSPP health facilities, OurAirports) or CSV; per-row errors')
    .option('--as <username>', 'the importer').option('--org <code>', 'or: import as the system, owned by this organisation')
    .option('--format <format>', 'geojson or csv (default: from the file name)').option('--mode <mode>', 'all-or-nothing or commit-valid', 'all-or-nothing')
    .option('--kind <kind>', 'kind of rows that name none').option('--criticality <1-5>', 'criticality of rows that give none')
    .option('--classification <label>', 'label of rows that carry none', 'MISSION').option('--release-to <codes>').option('--source-name <text>', 'attribution of the data').option('--json', 'print JSON')
    .action(async (file: string, o: Options) => {
      const format = z.enum(['geojson', 'csv']).parse(str(o.format) ?? (path.extname(file).toLowerCase() === '.csv' ? 'csv' : 'geojson'));
      const content = await readFile(file, 'utf8');
      const options = { mode: z.enum(['all-or-nothing', 'commit-valid']).parse(o.mode), kind: str(o.kind) as SiteInput['kind'] | undefined, criticality: int(o.criticality, 'criticality'), sourceName: str(o.sourceName), ...label(o) };
      const result = await run(async (db) => {
        const actor = typeof o.as === 'string' ? await actorForUsername(db, o.as) : null;
        if (!actor && !str(o.org)) fail('say who imports: --as USERNAME, or --org CODE to import as the system');
        return importSites({ db, actor, ownerCode: str(o.org), format, content, options });
      });
      if (o.json) return json(result);
      console.log(`${result.profile}: ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged, ${result.rejected.length} rejected`);
      for (const r of result.rejected) console.log(`  row ${r.row}${r.column ? ` ${r.column}` : ''}: ${r.reason}`);
    });

  asReader(sites.command('threats').description('derived threat levels, highest first'))
    .option('--radius <m>', 'metres around each site').option('--days <n>', 'days back').option('--refresh', 'recompute the mission and public pictures and record changes in the history')
    .action(async (o: Options) => {
      const { threats, refreshed } = await run(async (db) => {
        const refreshed = o.refresh ? await refreshThreatHistory({ db }) : null;
        const params = { radiusMeters: int(o.radius, 'radius'), windowDays: int(o.days, 'days') };
        return { threats: await listSiteThreats({ db, viewer: await viewerFor(db, o.as), params }), refreshed };
      });
      if (refreshed) console.error(`history: ${refreshed.recorded} changes recorded over ${refreshed.sites} sites`);
      if (o.json) return json(threats);
      // Sites with nothing around them are left out of the printout (--json has them all).
      console.log(threats.filter((t) => t.level > 1).map(threatLine).join('\n') || 'no site under threat');
    });

  asReader(sites.command('gaps').description('critical sites nobody guards, and sites guarded below their required strength'))
    .option('--min-criticality <n>', 'sites at or above this must be guarded', '4').option('--as-of <iso>', 'the instant to check (default: now)')
    .action(async (o: Options) => {
      const gaps = await run(async (db) => protectionGaps({ db, viewer: await viewerFor(db, o.as), minCriticality: int(o.minCriticality, 'min-criticality'), asOf: str(o.asOf) }));
      if (o.json) return json(gaps);
      console.log(gaps.map((g) => `${g.gap.padEnd(14)} c${g.criticality}  ${g.assignedStrength}/${g.requiredStrength} (short ${g.shortfall})  ${g.siteName}${g.units.length ? ` — ${g.units.join(', ')}` : ''}`).join('\n') || 'no gaps');
    });

  sites.command('assign <siteId>').description('assign a unit to guard a site (a unit guards one site at a time)')
    .option('--as <username>', 'the commander (required)').option('--unit-org <code>', 'the unit’s organisation, e.g. KEN or HNP').option('--unit <name>', 'the unit’s name')
    .option('--strength <n>', 'officers').option('--from <iso>', 'start (default: now)').option('--to <iso>', 'end (default: open-ended)')
    .option('--classification <label>', 'PUBLIC, MISSION or RESTRICTED', 'MISSION').option('--release-to <codes>').option('--json', 'print JSON')
    .action(async (siteId: string, o: Options) => {
      const input = { siteId, unit: { organisation: (str(o.unitOrg) ?? fail('give --unit-org CODE')).toUpperCase(), name: str(o.unit) ?? fail('give --unit NAME') }, strength: int(o.strength, 'strength') ?? fail('give --strength N'), startsAt: str(o.from) ?? new Date().toISOString(), endsAt: str(o.to) ?? null, ...label(o) };
      const assignment = await run(async (db) => createAssignment({ db, actor: await actorFor(db, o.as, 'assigns'), input }));
      if (o.json) json(assignment);
      else console.log(`assigned: ${assignment.unit.name} (${assignment.unit.organisation}), ${assignment.strength} officers, to ${assignment.siteName} from ${assignment.startsAt}${assignment.endsAt ? ` to ${assignment.endsAt}` : ''} [${assignment.id}]`);
    });

  asReader(sites.command('assignments').description('protection assignments the reader may see')).option('--site <id>').option('--active-at <iso>')
    .action(async (o: Options) => {
      const found = await run(async (db) => listAssignments({ db, viewer: await viewerFor(db, o.as), siteId: str(o.site), activeAt: str(o.activeAt) }));
      if (o.json) return json(found);
      console.log(found.map((a) => `${a.id}  ${a.startsAt.slice(0, 10)}–${a.endsAt?.slice(0, 10) ?? '…'}  ${String(a.strength).padStart(4)}  ${a.unit.name} (${a.unit.organisation}) — ${a.siteName}`).join('\n') || 'no assignments');
    });

  const tasks = sites.command('tasks').description('patrol, escort and guard tasks');
  asReader(tasks.command('list').description('tasks the reader may see, newest first')).option('--status <status>', TaskStatus.options.join(', '))
    .action(async (o: Options) => {
      const found = await run(async (db) => listTasks({ db, viewer: await viewerFor(db, o.as), query: { status: str(o.status) as Task['status'] | undefined } }));
      if (o.json) return json(found);
      console.log(found.map(taskLine).join('\n') || 'no tasks');
    });
  tasks.command('add').description('task a unit: --geometry FILE (a LineString for a route or escort, a Polygon for an area), or --site for a guard task')
    .option('--as <username>', 'the commander (required)').option('--kind <kind>', TaskKind.options.join(', ')).option('--title <text>')
    .option('--unit-org <code>').option('--unit <name>').option('--site <id>').option('--geometry <file>').option('--from <iso>').option('--to <iso>')
    .option('--classification <label>', 'PUBLIC, MISSION or RESTRICTED', 'MISSION').option('--release-to <codes>').option('--json', 'print JSON')
    .action(async (o: Options) => {
      const geometry = str(o.geometry) ? ((await geometryFrom(o)) as Task['geometry']) : null;
      const input = {
        kind: TaskKind.parse(o.kind), title: str(o.title) ?? fail('give --title'), unit: { organisation: (str(o.unitOrg) ?? fail('give --unit-org CODE')).toUpperCase(), name: str(o.unit) ?? fail('give --unit NAME') },
        siteId: str(o.site) ?? null, geometry, startsAt: str(o.from) ?? fail('give --from'), endsAt: str(o.to) ?? fail('give --to'), ...label(o),
      };
      const task = await run(async (db) => createTask({ db, actor: await actorFor(db, o.as, 'tasks the unit'), input }));
      if (o.json) json(task);
      else console.log(`tasked: ${taskLine(task)}`);
    });
  tasks.command('status <taskId>').description('move a task on: under_way, done or aborted, with an after-action note')
    .option('--as <username>', 'the commander (required)').option('--status <status>', 'under_way, done or aborted').option('--note <text>', 'after-action note (required to abort)').option('--version <n>', 'the version read (default: the current one)')
    .action(async (taskId: string, o: Options) => {
      const task = await run(async (db) => {
        const actor = await actorFor(db, o.as, 'reports on the task');
        const version = int(o.version, 'version') ?? (await listTasks({ db, viewer: actor, query: { limit: 5000 } })).find((t) => t.id === taskId)?.version ?? 1;
        return changeTaskStatus({ db, actor, id: taskId, change: { version, status: TaskStatus.parse(o.status), ...(str(o.note) ? { afterAction: str(o.note) } : {}) } });
      });
      console.log(taskLine(task));
    });
}

const courseLine = (c: Course) => [c.id, `${c.startsOn}–${c.endsOn}`, c.topic.padEnd(26), c.trainer.padEnd(8), `${c.certified}/${c.enrolled} certified`, '—', c.title].join('  ');
const traineeLine = (t: Trainee) => [t.id, t.serviceNumber.padEnd(12), t.unit.padEnd(20), t.fullName, t.vetting.flagged ? '(vetting flag)' : ''].join('  ');

function registerTrainingCommands(program: Command): void {
  const training = program.command('training').description('courses, trainees, attendance, certification and totals of the training of the national police');

  training.command('courses').description('courses the reader may see').option('--as <username>').option('--topic <topic>', TrainingTopic.options.join(', ')).option('--json', 'print JSON')
    .action(async (o: Options) => {
      const found = await run(async (db) => listCourses({ db, viewer: await viewerFor(db, o.as), topic: str(o.topic) }));
      if (o.json) return json(found);
      console.log(found.map(courseLine).join('\n') || 'no courses');
    });
  training.command('add-course').description('record a course').option('--as <username>', 'the recorder (required)').option('--title <text>').option('--topic <topic>', TrainingTopic.options.join(', '))
    .option('--trainer <code>', 'the organisation that trains (default: yours)').option('--place <text>').option('--from <date>', 'YYYY-MM-DD').option('--to <date>', 'YYYY-MM-DD')
    .option('--capacity <n>').option('--classification <label>', 'PUBLIC, MISSION or RESTRICTED', 'MISSION').option('--release-to <codes>')
    .action(async (o: Options) => {
      const input = { title: str(o.title) ?? fail('give --title'), topic: TrainingTopic.parse(o.topic), trainer: str(o.trainer)?.toUpperCase(), place: str(o.place), startsOn: str(o.from) ?? fail('give --from'), endsOn: str(o.to) ?? fail('give --to'), capacity: int(o.capacity, 'capacity') ?? null, ...label(o) };
      const course = await run(async (db) => createCourse({ db, actor: await actorFor(db, o.as, 'records the course'), input }));
      console.log(`recorded: ${courseLine(course)}`);
    });
  training.command('trainees').description('trainees the reader may see (never public)').option('--as <username>').option('--unit <name>').option('--json', 'print JSON')
    .action(async (o: Options) => {
      const found = await run(async (db) => listTrainees({ db, viewer: await viewerFor(db, o.as), unit: str(o.unit) }));
      if (o.json) return json(found);
      console.log(found.map(traineeLine).join('\n') || 'no trainees visible');
    });
  training.command('add-trainee').description('register a trainee by HNP service number').option('--as <username>', 'the recorder (required)').option('--service-number <n>').option('--name <full name>')
    .option('--unit <name>').option('--rank <rank>').option('--classification <label>', 'MISSION or RESTRICTED', 'MISSION').option('--release-to <codes>')
    .action(async (o: Options) => {
      const { classification, releasableTo } = label(o);
      const input = { serviceNumber: str(o.serviceNumber) ?? fail('give --service-number'), fullName: str(o.name) ?? fail('give --name'), unit: str(o.unit) ?? fail('give --unit'), rank: str(o.rank), classification: classification as 'MISSION', releasableTo };
      const trainee = await run(async (db) => registerTrainee({ db, actor: await actorFor(db, o.as, 'registers the trainee'), input }));
      console.log(`registered: ${traineeLine(trainee)}`);
    });
  training.command('enrol <courseId> <traineeId>').description('enrol a trainee on a course').option('--as <username>', 'the trainer (required)')
    .action(async (courseId: string, traineeId: string, o: Options) => {
      const enrolment = await run(async (db) => enrol({ db, actor: await actorFor(db, o.as, 'enrols'), courseId, traineeId }));
      console.log(`enrolled: ${enrolment.serviceNumber} ${enrolment.fullName}`);
    });
  training.command('certify <courseId> <traineeId>').description('certify a trainee on a course').option('--as <username>', 'the trainer (required)').option('--on <date>', 'YYYY-MM-DD (default: today)').option('--note <text>')
    .action(async (courseId: string, traineeId: string, o: Options) => {
      const certifiedOn = str(o.on) ?? new Date().toISOString().slice(0, 10);
      const enrolment = await run(async (db) => certify({ db, actor: await actorFor(db, o.as, 'certifies'), courseId, input: { traineeId, certifiedOn, note: str(o.note) } }));
      console.log(`certified on ${enrolment.certifiedOn}: ${enrolment.serviceNumber} ${enrolment.fullName}`);
    });
  training.command('totals').description('enrolments, attendance and certifications by period, topic and unit').option('--as <username>')
    .option('--interval <interval>', 'month, quarter or year', 'month').option('--from <date>').option('--to <date>').option('--json', 'print JSON')
    .action(async (o: Options) => {
      const totals = await run(async (db) => trainingTotals({ db, viewer: await viewerFor(db, o.as), query: { interval: str(o.interval) as 'month', from: str(o.from), to: str(o.to) } }));
      if (o.json) return json(totals);
      console.log(totals.rows.map((r) => `${r.period.padEnd(8)} ${r.topic.padEnd(26)} ${r.unit.padEnd(26)} enrolled ${r.enrolled}, attended ${r.attendances}, certified ${r.certified}`).join('\n') || 'nothing visible');
      console.log(`total: ${totals.totals.trainees} trainees, ${totals.totals.enrolled} enrolments, ${totals.totals.attendances} attendances, ${totals.totals.certified} certifications`);
    });
}

export function registerSites(program: Command): void {
  registerSiteCommands(program);
  registerTrainingCommands(program);
}
