import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import {
  correctMilestone, createMilestone, createPledge, exportFts, exportHxl, getPledge, getSeries, getSummary, listMilestones, listPledges, recordEvent, voidEvent,
} from '../../modules/ledger/index.ts';
import type { LedgerSummary, MilestoneInput, MilestonePatch, PledgeEventInput, PledgeInput, Source } from '../../shared/ledger.ts';
import { fail, optionNumber as int, optionText as str, viewerForOrganisation, withCommandDb } from '../context.ts';

/*
 * `konbit ledger …`: the mission ledger from the command line, through the
 * same services as the API. Writes are made by the system (audited with no
 * user); reads see what the organisation named by --as-org may see, or only
 * public records without it.
 */

type Options = Record<string, string | boolean | undefined>;

const list = (value: string | boolean | undefined) => (typeof value === 'string' ? value.split(',').map((s) => s.trim()).filter(Boolean) : []);

function sourceFrom(o: Options): Source {
  return { announcedBy: str(o.announcedBy) ?? '', title: str(o.sourceTitle) ?? '', url: str(o.url) ?? null, illustrative: o.illustrative === true };
}

const label = (o: Options) => ({ classification: (str(o.classification) ?? 'MISSION') as 'MISSION', releasableTo: list(o.releaseTo) });

function pledgeFrom(o: Options): PledgeInput {
  const common = { organisation: str(o.org), title: str(o.title) ?? '', description: str(o.description), pledgedOn: str(o.date) ?? '', datePrecision: str(o.precision) as 'day' | undefined, source: sourceFrom(o), ...label(o) };
  const kind = str(o.kind);
  if (kind === 'personnel') {
    return { kind, ...common, officers: o.officers === 'unspecified' ? null : (int(o.officers, 'officers') ?? fail('give --officers N or --officers unspecified')), unitKind: str(o.unitKind) as 'trainers' | undefined };
  }
  if (kind === 'funds') {
    return { kind, ...common, amount: str(o.amount) ?? '', currency: (str(o.currency) ?? 'USD') as 'USD', usdRate: str(o.usdRate), channel: str(o.channel) as 'bilateral' | undefined };
  }
  if (kind === 'in_kind') return { kind, ...common, category: str(o.category) as 'airlift', quantity: int(o.quantity, 'quantity') ?? null, unit: str(o.unit) ?? null };
  return fail('--kind is personnel, funds or in_kind');
}

function printSummary(summary: LedgerSummary): void {
  const usd = (n: number) => `$${n.toLocaleString('en-US')}`;
  console.log(`Mission ledger as of ${summary.asOf}`);
  for (const row of [...summary.byOrganisation, { organisation: 'MISSION', ...summary.mission }]) {
    const { officers, usd: money } = row;
    const unspecified = officers.unspecifiedPledges > 0 ? ` (+${officers.unspecifiedPledges} unspecified)` : '';
    console.log(`  ${row.organisation.padEnd(10)} officers pledged ${officers.pledged}${unspecified}, confirmed ${officers.confirmed}, deployed ${officers.deployed}; pledged ${usd(money.pledged)}, committed ${usd(money.committed)}, paid ${usd(money.paid)}`);
  }
  console.log(`  milestones: ${summary.milestones.total} (${summary.milestones.open} open); late: ${summary.milestones.late.map((m) => `${m.title} (${m.daysLate} days)`).join(', ') || 'none'}`);
}

const json = (value: unknown) => console.log(JSON.stringify(value, null, 2));

function labelOptions(command: Command): Command {
  return command
    .option('--classification <label>', 'PUBLIC, MISSION or RESTRICTED', 'MISSION')
    .option('--release-to <codes>', 'comma-separated organisation codes a RESTRICTED record is released to')
    .option('--announced-by <who>', 'who announced it')
    .option('--source-title <title>', 'the document or article it comes from')
    .option('--url <url>', 'where it was published')
    .option('--illustrative', 'marks a demo or training record that goes beyond its source');
}

export function registerLedger(program: Command): void {
  const ledger = program.command('ledger').description('the mission ledger: pledges, fulfilment, milestones, summary and exports');

  ledger
    .command('pledges')
    .description('list pledges with their progress')
    .option('--kind <kind>', 'personnel, funds or in_kind')
    .option('--org <code>', 'only this pledging organisation')
    .option('--as-org <code>', 'read as this organisation (default: public records only)')
    .action(async (o: Options) => {
      const pledges = await withCommandDb(async (db) => listPledges({ db, viewer: await viewerForOrganisation(db, str(o.asOrg)), kind: str(o.kind) as 'funds' | undefined, organisation: str(o.org) }));
      for (const p of pledges) {
        const what = p.kind === 'personnel' ? `${p.officers ?? 'unspecified'} officers, ${p.progress.deployedOfficers} deployed` : p.kind === 'funds' ? `${p.amount} ${p.currency} (US$${p.usdValue}), paid ${p.progress.paid.amount}` : `${p.category}, ${p.progress.inKindStatus}`;
        console.log(`${p.id}  ${p.pledgedOn}  ${p.organisation.padEnd(6)} ${p.kind.padEnd(9)} ${what}  ${p.title}`);
      }
    });

  const pledge = ledger.command('pledge').description('record and read one pledge');
  labelOptions(
    pledge
      .command('add')
      .description('record a pledge (prints its id)')
      .requiredOption('--org <code>', 'the pledging organisation')
      .requiredOption('--kind <kind>', 'personnel, funds or in_kind')
      .requiredOption('--title <title>', 'a short title')
      .requiredOption('--date <YYYY-MM-DD>', 'when it was pledged')
      .option('--precision <p>', 'day, month or approximate', 'day')
      .option('--description <text>', 'details')
      .option('--officers <n|unspecified>', 'personnel: officers pledged')
      .option('--unit-kind <kind>', 'personnel: formed_police_unit, individual_police_officers, trainers, medical_staff, specialists')
      .option('--amount <decimal>', 'funds: amount in the currency')
      .option('--currency <ISO 4217>', 'funds: currency', 'USD')
      .option('--usd-rate <decimal>', 'funds: US dollars for 1 unit of the currency on the pledge date')
      .option('--channel <channel>', 'funds: bilateral, un_trust_fund, other')
      .option('--category <category>', 'in-kind: intelligence, airlift, communications, medical, equipment, training, logistics, other')
      .option('--quantity <n>', 'in-kind: how many')
      .option('--unit <unit>', 'in-kind: of what'),
  ).action(async (o: Options) => {
    const created = await withCommandDb((db) => createPledge({ db, actor: null, input: pledgeFrom(o) }));
    console.log(created.id);
  });
  pledge
    .command('show <id>')
    .description('one pledge with its events, as JSON')
    .option('--as-org <code>', 'read as this organisation')
    .action(async (id: string, o: Options) => json(await withCommandDb(async (db) => getPledge({ db, viewer: await viewerForOrganisation(db, str(o.asOrg)), id }))));

  const event = ledger.command('event').description('fulfilment events: confirmed, deployed, rotated_out, repatriated, committed, disbursed, delivered, in_service, ended');
  event
    .command('add <pledgeId>')
    .description('record an event against a pledge (prints its id)')
    .requiredOption('--kind <kind>', 'the event')
    .requiredOption('--date <YYYY-MM-DD>', 'when it happened')
    .option('--officers <n>', 'personnel events: how many officers')
    .option('--amount <decimal>', 'money events: amount in the pledge’s currency')
    .option('--quantity <n>', 'in-kind events: how many')
    .option('--over-pledge', 'allow strength or commitments beyond the pledge')
    .option('--note <text>', 'a note')
    .action(async (pledgeId: string, o: Options) => {
      const input: PledgeEventInput = { kind: str(o.kind) as 'deployed', occurredOn: str(o.date) ?? '', officers: int(o.officers, 'officers'), amount: str(o.amount), quantity: int(o.quantity, 'quantity'), overPledge: o.overPledge === true, note: str(o.note) };
      console.log((await withCommandDb((db) => recordEvent({ db, actor: null, pledgeId, input }))).id);
    });
  event
    .command('void <pledgeId> <eventId>')
    .description('void a wrong event (it stays in the history)')
    .requiredOption('--reason <text>', 'why')
    .action(async (pledgeId: string, eventId: string, o: Options) => {
      await withCommandDb((db) => voidEvent({ db, actor: null, pledgeId, eventId, input: { reason: str(o.reason) ?? '' } }));
      console.log(`event ${eventId} voided`);
    });

  const milestone = ledger.command('milestone').description('the mandate’s milestones');
  const milestoneFields = (o: Options) => ({
    title: str(o.title), status: str(o.status) as 'planned' | undefined, location: str(o.location), resolution: str(o.resolution), description: str(o.description),
    plannedStart: str(o.plannedStart), plannedEnd: str(o.plannedEnd), actualStart: str(o.actualStart), actualEnd: str(o.actualEnd),
    ...(o.metWith ? { metWith: String(o.metWith).split(';').map((s) => s.trim()).filter(Boolean) } : {}),
  });
  labelOptions(
    milestone
      .command('add')
      .description('record a milestone (prints its id)')
      .requiredOption('--kind <kind>', 'assessment_mission, authorisation, deployment_start, initial_operating_capability, full_operating_capability, mandate_renewal, election, other')
      .requiredOption('--title <title>', 'a short title')
      .requiredOption('--status <status>', 'planned, pending, in_progress, completed, adopted, rejected, postponed, cancelled')
      .requiredOption('--owner <code>', 'the organisation that owns the record')
      .option('--org <code>', 'the organisation it concerns')
      .option('--location <place>', 'where')
      .option('--met-with <list>', 'whom an assessment mission met, separated by ;')
      .option('--resolution <ref>', 'e.g. S/RES/2699 (2023)')
      .option('--planned-start <date>').option('--planned-end <date>').option('--actual-start <date>').option('--actual-end <date>')
      .option('--description <text>', 'details'),
  ).action(async (o: Options) => {
    const input = { kind: str(o.kind), organisation: str(o.org) ?? null, source: sourceFrom(o), ...label(o), ...milestoneFields(o) } as MilestoneInput;
    console.log((await withCommandDb((db) => createMilestone({ db, actor: null, input, owner: str(o.owner) }))).id);
  });
  milestone
    .command('update <id>')
    .description('update a milestone: status, dates, place…')
    .requiredOption('--reason <text>', 'why')
    .option('--title <title>').option('--status <status>').option('--location <place>').option('--met-with <list>').option('--resolution <ref>')
    .option('--planned-start <date>').option('--planned-end <date>').option('--actual-start <date>').option('--actual-end <date>').option('--description <text>')
    .action(async (id: string, o: Options) => {
      const patch = Object.fromEntries(Object.entries({ ...milestoneFields(o), reason: str(o.reason) }).filter(([, v]) => v !== undefined)) as unknown as MilestonePatch;
      const updated = await withCommandDb((db) => correctMilestone({ db, actor: null, id, input: patch }));
      console.log(`${updated.title}: ${updated.status}${updated.late ? ` (late by ${updated.daysLate} days)` : ''}`);
    });
  ledger
    .command('milestones')
    .description('the mandate timeline, with what is late')
    .option('--as-of <date>', 'judge lateness on this day (default today)')
    .option('--as-org <code>', 'read as this organisation')
    .action(async (o: Options) => {
      const milestones = await withCommandDb(async (db) => listMilestones({ db, viewer: await viewerForOrganisation(db, str(o.asOrg)), asOf: str(o.asOf) }));
      for (const m of milestones) console.log(`${m.id}  ${(m.actualStart ?? m.plannedStart ?? 'undated').padEnd(10)}  ${m.status.padEnd(11)} ${m.late ? `LATE ${m.daysLate}d ` : ''}${m.title}`);
    });

  ledger
    .command('summary')
    .description('officers, money and in-kind support per nation and mission-wide')
    .option('--as-of <date>', 'totals as of this day (default today)')
    .option('--as-org <code>', 'read as this organisation')
    .option('--json', 'print JSON')
    .action(async (o: Options) => {
      const summary = await withCommandDb(async (db) => getSummary({ db, viewer: await viewerForOrganisation(db, str(o.asOrg)), asOf: str(o.asOf) }));
      if (o.json) json(summary);
      else printSummary(summary);
    });
  ledger
    .command('series')
    .description('officers pledged, confirmed and deployed over time, as JSON')
    .requiredOption('--from <date>').requiredOption('--to <date>')
    .option('--interval <day|week>', 'point spacing', 'week')
    .option('--org <code>', 'only this nation')
    .option('--as-org <code>', 'read as this organisation')
    .action(async (o: Options) =>
      json(await withCommandDb(async (db) => getSeries({ db, viewer: await viewerForOrganisation(db, str(o.asOrg)), query: { from: str(o.from) ?? '', to: str(o.to) ?? '', interval: str(o.interval) as 'week', organisation: str(o.org) } }))),
    );
  ledger
    .command('export <format>')
    .description('hxl: pledges as HXL-tagged CSV; fts: funding flows in the UN FTS shape')
    .option('--out <file>', 'write to a file instead of standard output')
    .option('--as-org <code>', 'export what this organisation may see')
    .action(async (format: string, o: Options) => {
      if (format !== 'hxl' && format !== 'fts') fail(`unknown export format ${format}: use hxl or fts`);
      const csv = await withCommandDb(async (db) => {
        const viewer = await viewerForOrganisation(db, str(o.asOrg));
        return format === 'hxl' ? exportHxl({ db, viewer }) : exportFts({ db, viewer });
      });
      if (typeof o.out === 'string') writeFileSync(o.out, csv);
      else process.stdout.write(csv);
    });
}
