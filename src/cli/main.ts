import { Command } from 'commander';
import { registerAccountability } from './commands/accountability.ts';
import { registerAdmin } from './commands/admin.ts';
import { registerIdempotency } from './commands/idempotency.ts';
import { registerImportExport } from './commands/import-export.ts';
import { registerIncidents } from './commands/incidents.ts';
import { registerLedger } from './commands/ledger.ts';
import { registerNews } from './commands/news.ts';
import { registerReport } from './commands/report.ts';
import { registerRoads } from './commands/roads.ts';
import { registerServe } from './commands/serve.ts';
import { registerSites } from './commands/sites.ts';
import { registerSms } from './commands/sms.ts';
import { reportError } from './context.ts';

const program = new Command()
  .name('konbit')
  .description('Konbit: the operations platform of a multinational police support mission')
  .showHelpAfterError()
  .configureHelp({ sortSubcommands: true });

registerServe(program);
registerAdmin(program);
registerIdempotency(program);
registerAccountability(program);
registerIncidents(program);
registerLedger(program);
registerNews(program);
registerRoads(program);
registerSites(program);
registerSms(program);
registerImportExport(program);
registerReport(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  reportError(error);
}
