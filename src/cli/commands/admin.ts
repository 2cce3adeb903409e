import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { Role, ROLES } from '../../shared/access.ts';
import { OrganisationKind, ORGANISATION_KINDS } from '../../shared/access.ts';
import { changePassword, createOrganisation, createUser, verifyAuditChain } from '../../modules/auth/index.ts';
import { resetToDemo } from '../../modules/demo/index.ts';
import { migrateToLatest, createDb } from '../../db/index.ts';
import { commandConfig, fail, withDb } from '../context.ts';
import { printDemoAccounts } from './serve.ts';

async function readPassword(given: string | undefined): Promise<string> {
  if (given) return given;
  if (!process.stdin.isTTY) {
    const lines = createInterface({ input: process.stdin });
    for await (const line of lines) return line;
    fail('no password on standard input');
  }
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  const password = await prompt.question('password: ');
  prompt.close();
  return password;
}

export function registerAdmin(program: Command): void {
  program
    .command('migrate')
    .description('apply pending database migrations')
    .action(async () => {
      const config = commandConfig();
      const db = createDb({ url: config.databaseUrl });
      await migrateToLatest(db);
      await db.destroy();
      console.log('migrations are current');
    });

  const user = program.command('user').description('manage user accounts');
  user
    .command('add <username>')
    .description('add a user (password from --password, standard input or a prompt)')
    .requiredOption('--org <code>', 'organisation code, e.g. KEN')
    .requiredOption('--roles <roles>', `comma-separated roles: ${Object.keys(ROLES).join(', ')}`)
    .option('--name <display name>', 'display name (default: the username)')
    .option('--locale <locale>', 'en, fr or ht', 'en')
    .option('--password <password>', 'the password (prefer standard input: command lines are visible to others)')
    .action(async (username: string, options: { org: string; roles: string; name?: string; locale: 'en' | 'fr' | 'ht'; password?: string }) => {
      const config = commandConfig();
      const roles = Role.array().parse(options.roles.split(',').map((r) => r.trim()));
      const password = await readPassword(options.password);
      await withDb(config, (db) =>
        createUser({ db, actor: null, input: { username, displayName: options.name ?? username, organisationCode: options.org, roles, password, locale: options.locale } }),
      );
      console.log(`user ${username} added`);
    });
  user
    .command('passwd <username>')
    .description('set a user’s password and end their sessions')
    .option('--password <password>', 'the new password (else standard input or a prompt)')
    .action(async (username: string, options: { password?: string }) => {
      const config = commandConfig();
      const password = await readPassword(options.password);
      await withDb(config, (db) => changePassword({ db, actor: null, username, newPassword: password }));
      console.log(`password of ${username} changed; their sessions are ended`);
    });

  const org = program.command('org').description('manage organisations');
  org
    .command('add <code> <name>')
    .description('add an organisation')
    .requiredOption('--kind <kind>', Object.keys(ORGANISATION_KINDS).join(', '))
    .option('--iso3 <code>', 'ISO 3166 alpha-3 code of a nation')
    .option('--lead', 'the lead nation')
    .action(async (code: string, name: string, options: { kind: string; iso3?: string; lead?: boolean }) => {
      const config = commandConfig();
      const kind = OrganisationKind.parse(options.kind);
      await withDb(config, (db) => createOrganisation({ db, actor: null, input: { code, name, kind, iso3: options.iso3 ?? null, isLeadNation: options.lead ?? false } }));
      console.log(`organisation ${code} added`);
    });

  const audit = program.command('audit').description('the tamper-evident audit log');
  audit
    .command('verify')
    .description('check the audit log’s hash chain; exits 1 at the first broken link')
    .option('--json', 'print the verdict as JSON')
    .action(async (options: { json?: boolean }) => {
      const config = commandConfig();
      const verdict = await withDb(config, (db) => verifyAuditChain(db));
      if (options.json) console.log(JSON.stringify(verdict));
      else if (verdict.ok) console.log(`audit log intact: ${verdict.rows} rows, last hash ${verdict.lastHash}`);
      else console.log(`audit log BROKEN at row ${verdict.brokenAtSeq}: ${verdict.reason} (${verdict.rows} rows intact before it)`);
      if (!verdict.ok) process.exitCode = 1;
    });

  program
    .command('demo')
    .description('erase the database and load the demo mission (KONBIT_DEMO_PASSWORD or a generated password)')
    .option('--yes', 'confirm erasing every record')
    .action(async (options: { yes?: boolean }) => {
      if (!options.yes) fail('this erases every record in the database: run again with --yes');
      const config = commandConfig();
      const demo = await withDb(config, (db) => resetToDemo({ db, password: config.demoPassword, datasetsDir: config.datasetsDir, log: console.log }));
      printDemoAccounts(demo.usernames, demo.generated ? demo.password : null);
    });
}
