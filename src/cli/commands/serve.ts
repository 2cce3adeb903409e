import type { Command } from 'commander';
import { isEmpty, seedDemo } from '../../modules/demo/index.ts';
import { startServer } from '../../server/main.ts';
import { commandConfig } from '../context.ts';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('start the Konbit server (HOST, PORT, DATABASE_URL, KONBIT_DATA_DIR); seeds the demo mission on first start')
    .option('--no-demo', 'do not seed the demo mission into an empty database')
    .action(async (options: { demo: boolean }) => {
      const config = commandConfig();
      await startServer(config, {
        beforeListen: async (db) => {
          if (!options.demo || !(await isEmpty(db))) return;
          const demo = await seedDemo({ db, password: config.demoPassword, datasetsDir: config.datasetsDir, log: console.log });
          printDemoAccounts(demo.usernames, demo.generated ? demo.password : null);
        },
      });
      console.log(`Konbit is listening on http://${config.host}:${config.port} (API docs at /docs)`);
    });
}

export function printDemoAccounts(usernames: string[], generatedPassword: string | null): void {
  console.log(`demo accounts: ${usernames.join(', ')}`);
  if (generatedPassword) {
    console.log(`demo password (shown once; set KONBIT_DEMO_PASSWORD to choose it): ${generatedPassword}`);
  } else {
    console.log('demo password: the value of KONBIT_DEMO_PASSWORD');
  }
}
