import type { Command } from 'commander';
import type { Db } from '../../db/index.ts';
import {
  actorForUsername, addNote, addReferral, assignInvestigators, complaintStatistics, createGateway, getCase, getSettings, listCases, listDetentions, listGateways, requireOversight,
  setGatewayDisabled, transitionCase, triageCase, updateSettings,
} from '../../modules/accountability/index.ts';
import type { Actor } from '../../modules/auth/index.ts';
import {
  ComplaintCategory, ComplaintStatus, Outcome, ReferralKind, Severity, type CaseDetail, type CaseSummary, type ComplaintStatistics, type Detention,
} from '../../shared/accountability.ts';
import { commandConfig, fail, withDb } from '../context.ts';

/*
 * `konbit complaints …` and `konbit detentions …`: the oversight body's work
 * from the command line, through the same services as the API. Every command
 * but `complaints stats` acts as a named user (--as), whom the services check
 * is in the oversight body, and whom the audit log records.
 */

type Options = { as?: string; json?: boolean } & Record<string, string | boolean | undefined>;

async function asOversight<T>(options: Options, body: (db: Db, actor: Actor) => Promise<T>): Promise<T> {
  if (!options.as) fail('say who you are: --as <username> (a user of the oversight body)');
  return withDb(commandConfig(), async (db) => {
    const actor = await actorForUsername(db, options.as!);
    await requireOversight(db, actor);
    return body(db, actor);
  });
}

function print(options: Options, value: unknown, text: () => string): void {
  console.log(options.json ? JSON.stringify(value, null, 2) : text());
}

const row = (c: CaseSummary) =>
  [c.id, c.receivedAt.slice(0, 10), c.status.padEnd(19), (c.category ?? '(untriaged)').padEnd(25), (c.severity ?? '').padEnd(8), c.overdue ? 'OVERDUE' : '', c.illustrative ? '(illustrative)' : ''].join('  ').trimEnd();

function caseText(c: CaseDetail): string {
  const lines = [
    `case ${c.id}${c.illustrative ? ' (illustrative)' : ''}`,
    `  status      ${c.status}${c.outcome ? ` (${c.outcome})` : ''}${c.overdue ? `  OVERDUE since ${c.stageDueAt}` : c.stageDueAt ? `  due ${c.stageDueAt}` : ''}`,
    `  received    ${c.receivedAt} by ${c.channel}${c.language ? ` in ${c.language}` : ''}`,
    `  category    ${c.category ?? '(untriaged)'}${c.complainantKind ? ` (complainant said ${c.complainantKind})` : ''}, severity ${c.severity ?? '-'}`,
    `  concerns    ${c.concernedOrganisation ?? '-'} ${c.concernedUnit ?? ''}`.trimEnd(),
    `  assigned    ${c.assignedTo.join(', ') || '-'}`,
    `  contact     ${c.contact ? `${c.contact.name} ${c.contact.phone} ${c.contact.email} (prefers ${c.contact.preferred})` : c.contactWithheld ? '(given; shown to assigned investigators only)' : '(none given)'}`,
    `  what        ${c.what}`,
    `  when/where  ${c.when || '-'} / ${c.place || '-'}${c.point ? ` (${c.point.lat}, ${c.point.lon})` : ''}`,
    `  accused     ${[c.accused.contingent, c.accused.unit, c.accused.vehicle, c.accused.description].filter(Boolean).join('; ') || '-'}`,
  ];
  for (const a of c.additions) lines.push(`  + ${a.at} ${a.source}: ${a.text}`);
  for (const f of c.attachments) lines.push(`  file ${f.id} ${f.mediaType} ${f.sizeBytes} bytes "${f.originalName}" removed: ${f.metadataRemoved.join(', ') || 'nothing'}`);
  for (const r of c.referrals) lines.push(`  referred ${r.at} to ${r.kind}: ${r.recipient}`);
  for (const n of c.notes) lines.push(`  note ${n.at} ${n.author}${n.toComplainant ? ' (to complainant)' : ''}: ${n.text}`);
  if (c.survivorReferralNeeded) lines.push('  ! the survivor’s referral to services is not recorded yet');
  return lines.join('\n');
}

function statsText(s: ComplaintStatistics): string {
  return [
    `complaints ${s.from} to ${s.to}: ${s.total}`,
    ...s.byCategory.map((c) => `  ${c.category.padEnd(26)} ${c.count}`),
    ...s.byMonth.map((m) => `  ${m.month.padEnd(26)} ${m.count}`),
    ...s.byOutcome.map((o) => `  ${o.outcome.padEnd(26)} ${o.count}`),
    s.note,
  ].join('\n');
}

const detentionRow = (d: Detention) =>
  [d.id, d.owner.padEnd(6), d.detainedAt.slice(0, 16), d.status.padEnd(11), `due ${d.handoverDueAt.slice(0, 16)}`, d.overdue ? 'OVERDUE' : d.late ? 'LATE' : '', d.person ? d.person.name : '', d.illustrative ? '(illustrative)' : ''].join('  ').trimEnd();

export function registerAccountability(program: Command): void {
  const complaints = program.command('complaints').description('complaints from the public: case handling by the oversight body (--as <user>)');
  const withAs = (command: Command) => command.requiredOption('--as <username>', 'act as this user of the oversight body').option('--json', 'print JSON');

  withAs(complaints.command('list').description('cases, newest first'))
    .option('--status <status>', Object.keys(ComplaintStatus.enum).join(', '))
    .option('--overdue', 'only cases past their stage deadline')
    .action((o: Options) =>
      asOversight(o, async (db, actor) => {
        const cases = await listCases({ db, actor, query: { status: o.status ? ComplaintStatus.parse(o.status) : undefined, overdue: o.overdue === true, limit: 500 } });
        print(o, cases, () => (cases.length ? cases.map(row).join('\n') : 'no cases'));
      }),
    );
  withAs(complaints.command('show <id>').description('a case in full')).action((id: string, o: Options) =>
    asOversight(o, async (db, actor) => {
      const c = await getCase({ db, actor, id });
      print(o, c, () => caseText(c));
    }),
  );
  withAs(complaints.command('triage <id>').description('record category, severity and the organisation concerned'))
    .requiredOption('--category <category>', Object.keys(ComplaintCategory.enum).join(', '))
    .requiredOption('--severity <severity>', Object.keys(Severity.enum).join(', '))
    .option('--org <code>', 'organisation concerned')
    .option('--unit <unit>', 'unit concerned')
    .action((id: string, o: Options) =>
      asOversight(o, async (db, actor) => {
        const input = { category: ComplaintCategory.parse(o.category), severity: Severity.parse(o.severity), concernedOrganisation: (o.org as string | undefined) ?? null, concernedUnit: (o.unit as string | undefined) ?? null };
        const c = await triageCase({ db, actor, id, input });
        print(o, c, () => row(c));
      }),
    );
  withAs(complaints.command('assign <id> <usernames...>').description('assign investigators')).action((id: string, usernames: string[], o: Options) =>
    asOversight(o, async (db, actor) => {
      const c = await assignInvestigators({ db, actor, id, input: { usernames } });
      print(o, c, () => `${c.id} assigned to ${c.assignedTo.join(', ')}`);
    }),
  );
  withAs(complaints.command('move <id> <status>').description('under_investigation, referred, or closed (with --outcome)'))
    .option('--outcome <outcome>', Object.keys(Outcome.enum).join(', '))
    .option('--reason <text>', 'why')
    .action((id: string, status: string, o: Options) =>
      asOversight(o, async (db, actor) => {
        const c = await transitionCase({ db, actor, id, input: { to: ComplaintStatus.parse(status), outcome: o.outcome ? Outcome.parse(o.outcome) : undefined, reason: o.reason as string | undefined } });
        print(o, c, () => row(c));
      }),
    );
  withAs(complaints.command('note <id> <text>').description('add a note to a case'))
    .option('--to-complainant', 'show it to whoever holds the receipt code')
    .action((id: string, text: string, o: Options) =>
      asOversight(o, async (db, actor) => {
        const c = await addNote({ db, actor, id, input: { text, toComplainant: o.toComplainant === true } });
        print(o, c, () => `note added to ${c.id}`);
      }),
    );
  withAs(complaints.command('refer <id> <kind> <recipient>').description(`record a referral: ${Object.keys(ReferralKind.enum).join(', ')}`))
    .option('--note <text>', 'details')
    .action((id: string, kind: string, recipient: string, o: Options) =>
      asOversight(o, async (db, actor) => {
        const c = await addReferral({ db, actor, id, input: { kind: ReferralKind.parse(kind), recipient, note: (o.note as string | undefined) ?? '' } });
        print(o, c, () => `referral recorded on ${c.id}`);
      }),
    );
  complaints
    .command('stats')
    .description('public statistics (counts below 5 shown as "<5")')
    .option('--months <n>', 'months back', '12')
    .option('--json', 'print JSON')
    .action((o: Options) =>
      withDb(commandConfig(), async (db) => {
        const stats = await complaintStatistics({ db, query: { months: o.months as string } });
        print(o, stats, () => statsText(stats));
      }),
    );

  const gateway = complaints.command('gateway').description('SMS and WhatsApp gateways that post complaints');
  withAs(gateway.command('add <name>').description('add a gateway; prints its URL and secret once'))
    .requiredOption('--channel <channel>', 'sms or whatsapp')
    .action((name: string, o: Options) =>
      asOversight(o, async (db, actor) => {
        const created = await createGateway({ db, actor, input: { name, channel: o.channel as 'sms' } });
        print(o, created, () => `gateway ${name} added\n  url     POST ${created.url}\n  secret  ${created.secret}\n  (shown once: give it to the gateway as "Authorization: Bearer <secret>")`);
      }),
    );
  withAs(gateway.command('list').description('gateways')).action((o: Options) =>
    asOversight(o, async (db, actor) => {
      const gateways = await listGateways({ db, actor });
      print(o, gateways, () => gateways.map((g) => `${g.id}  ${g.name.padEnd(20)} ${g.channel.padEnd(9)} ${g.disabled ? 'disabled' : 'active'}`).join('\n') || 'no gateways');
    }),
  );
  for (const action of ['disable', 'enable'] as const) {
    withAs(gateway.command(`${action} <id>`).description(`${action} a gateway`)).action((id: string, o: Options) =>
      asOversight(o, async (db, actor) => {
        const g = await setGatewayDisabled({ db, actor, id, disabled: action === 'disable' });
        print(o, g, () => `gateway ${g.name} ${g.disabled ? 'disabled' : 'enabled'}`);
      }),
    );
  }

  const settings = complaints.command('deadlines').description('deadlines: detainee handover (hours), days per case stage');
  withAs(settings)
    .option('--handover-hours <n>', 'hours within which a detainee must be handed to the HNP')
    .option('--stage <stage=days...>', 'e.g. received=7 urgentTriage=2 triaged=14 under_investigation=90 referred=60')
    .action((o: Options & { stage?: string[] }) =>
      asOversight(o, async (db, actor) => {
        const stageDays = Object.fromEntries((o.stage ?? []).map((pair) => {
          const [stage, days] = pair.split('=');
          return [stage, Number(days)];
        }));
        const changed = o.handoverHours !== undefined || Object.keys(stageDays).length > 0;
        const result = changed ? await updateSettings({ db, actor, input: { handoverDeadlineHours: o.handoverHours === undefined ? undefined : Number(o.handoverHours), stageDays } }) : await getSettings(db);
        print(o, result, () => `handover within ${result.handoverDeadlineHours} h; stage days ${Object.entries(result.stageDays).map(([k, v]) => `${k}=${v}`).join(' ')}`);
      }),
    );

  const detentions = program.command('detentions').description('the register of persons detained by mission units');
  const listDetentionsCommand = (name: string, overdueOnly: boolean, description: string) =>
    detentions
      .command(name)
      .description(description)
      .requiredOption('--as <username>', 'read as this user (the oversight body sees the whole register)')
      .option('--json', 'print JSON')
      .action((o: Options) =>
        withDb(commandConfig(), async (db) => {
          const viewer = await actorForUsername(db, o.as!);
          const list = await listDetentions({ db, viewer, query: { overdue: overdueOnly || undefined, limit: 500 } });
          print(o, list, () => list.map(detentionRow).join('\n') || (overdueOnly ? 'no one is held past the handover deadline' : 'no detentions'));
        }),
      );
  listDetentionsCommand('list', false, 'detentions the user may see, newest first');
  listDetentionsCommand('overdue', true, 'persons still held past the handover deadline');
}
