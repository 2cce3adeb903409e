import type { Command } from 'commander';
import { Classification } from '../../shared/access.ts';
import type { Db } from '../../db/index.ts';
import type { Actor } from '../../modules/auth/index.ts';
import {
  accuracyTable, addReporter, readCorpus, createSmsGateway, findSmsGateway, listReporters, listSmsGateways, measureAccuracy, parseSms, removeReporter, setSmsGatewayDisabled, smsActorFor, smsPlacesIn,
} from '../../modules/sms/index.ts';
import { commandConfig, fail, withDb } from '../context.ts';

/*
 * `konbit sms …`: the reporters' phone registry and the gateways, as an
 * administrator named with --as, through the same services as the API; and
 * the parser, to try a message or measure its accuracy on the corpus.
 */

type Options = { as?: string; json?: boolean } & Record<string, string | boolean | undefined>;

async function asUser<T>(options: Options, body: (db: Db, actor: Actor) => Promise<T>): Promise<T> {
  if (!options.as) fail('say who you are: --as <username> (an administrator)');
  return withDb(commandConfig(), async (db) => {
    const actor = await smsActorFor(db, { username: options.as! });
    if (!actor) fail(`no user ${options.as}: list users or add one with konbit user add`);
    return body(db, actor);
  });
}

const print = (options: Options, value: unknown, text: () => string) => console.log(options.json ? JSON.stringify(value, null, 2) : text());
const list = (value: string | boolean | undefined) => (typeof value === 'string' ? value.split(',').map((s) => s.trim().toUpperCase()).filter(Boolean) : []);

export function registerSms(program: Command): void {
  const sms = program.command('sms').description('incident reports by SMS: reporters’ phones, gateways, the parser');
  const withAs = (command: Command) => command.requiredOption('--as <username>', 'act as this administrator').option('--json', 'print JSON');

  const reporters = sms.command('reporters').description('phone numbers registered to accounts of your organisation');
  withAs(reporters.command('add <phone> <username>').description('register a number (E.164; a Haitian number is +509 and 8 digits) to an account'))
    .option('--classification <label>', 'label of the reports it sends: PUBLIC, MISSION or RESTRICTED', 'MISSION')
    .option('--release-to <codes>', 'organisation codes a RESTRICTED report is released to, comma-separated')
    .option('--reliability <A-F>', 'the reporter graded as a source', 'F')
    .option('--credibility <1-6>', 'credibility of what the reporter sends', '6')
    .action((phone: string, username: string, o: Options) =>
      asUser(o, async (db, actor) => {
        const credibility = Number(o.credibility);
        const reporter = await addReporter({
          db,
          actor,
          input: {
            phone,
            username,
            classification: Classification.parse(String(o.classification).toUpperCase()),
            releasableTo: list(o.releaseTo),
            reliability: String(o.reliability).toUpperCase() as 'F',
            credibility: credibility as 6,
          },
        });
        print(o, reporter, () => `registered ${reporter.phone} to ${reporter.username} (${reporter.organisation}), reports ${reporter.classification}, graded ${reporter.reliability}${reporter.credibility}`);
      }),
    );
  withAs(reporters.command('list').description('numbers registered to your organisation’s accounts')).action((o: Options) =>
    asUser(o, async (db, actor) => {
      const rows = await listReporters({ db, actor });
      print(o, rows, () => (rows.length ? rows.map((r) => `${r.phone.padEnd(16)} ${r.username.padEnd(24)} ${r.classification.padEnd(10)} ${r.reliability}${r.credibility}`).join('\n') : 'no numbers registered'));
    }),
  );
  withAs(reporters.command('remove <phone>').description('stop taking reports from a number')).action((phone: string, o: Options) =>
    asUser(o, async (db, actor) => {
      await removeReporter({ db, actor, phone });
      print(o, { removed: phone }, () => `removed ${phone}`);
    }),
  );

  const gateway = sms.command('gateway').description('SMS gateways that post messages to Konbit');
  withAs(gateway.command('add <name>').description('add a gateway; its secret is printed this once')).action((name: string, o: Options) =>
    asUser(o, async (db, actor) => {
      const created = await createSmsGateway({ db, actor, input: { name } });
      print(o, created, () => [`gateway ${created.gateway.id} ${created.gateway.name}`, `url     ${created.url}`, `secret  ${created.secret}`, 'keep the secret now: Konbit stores only its digest'].join('\n'));
    }),
  );
  withAs(gateway.command('list')).action((o: Options) =>
    asUser(o, async (db, actor) => {
      const rows = await listSmsGateways({ db, actor });
      print(o, rows, () => rows.map((g) => `${g.id}  ${g.name}${g.disabled ? '  (disabled)' : ''}`).join('\n') || 'no gateways');
    }),
  );
  for (const [verb, disabled] of [['disable', true], ['enable', false]] as const) {
    withAs(gateway.command(`${verb} <idOrName>`)).action((idOrName: string, o: Options) =>
      asUser(o, async (db, actor) => {
        const found = await findSmsGateway({ db, actor, idOrName });
        const changed = await setSmsGatewayDisabled({ db, actor, id: found.id, disabled });
        print(o, changed, () => `${changed.name} ${changed.disabled ? 'disabled' : 'enabled'}`);
      }),
    );
  }

  sms
    .command('parse <text>')
    .description('what Konbit reads in a message (type, place, counts, language)')
    .action(async (text: string) => console.log(JSON.stringify(parseSms(text, await smsPlacesIn(commandConfig().datasetsDir)), null, 2)));
  sms
    .command('accuracy')
    .description('parse accuracy on the corpus of messages, per language and field')
    .option('--misses', 'list the messages read wrong')
    .action(async (o: Options) => {
      const places = await smsPlacesIn(commandConfig().datasetsDir);
      for (const [name, title] of [['tuning', 'corpus.json (the vocabulary was tuned on it)'], ['heldout', 'corpus.heldout.json (written after the tuning, measured untuned)']] as const) {
        const report = measureAccuracy(places, readCorpus(name));
        console.log(`${title}\n\n${accuracyTable(report)}\n`);
        if (o.misses) for (const miss of report.misses) console.log(`${miss.fields.join(',')}: ${miss.text} -> ${JSON.stringify(miss.got)}`);
      }
    });
}
