import type { Command } from 'commander';
import { pruneIdempotencyKeys } from '../../modules/idempotency/index.ts';
import { commandConfig, fail, optionNumber, withDb } from '../context.ts';

/*
 * `konbit idempotency prune`: forgets the Idempotency-Keys (and the first answers kept with them)
 * of roadblock reports and task status changes once past their retention. A listening server
 * does the same every hour; this is for an instance that is not running, or to prune at once.
 */

export function registerIdempotency(program: Command): void {
  const idempotency = program.command('idempotency').description('the Idempotency-Key store of writes a device may send again');
  idempotency
    .command('prune')
    .description('forget keys older than the retention (KONBIT_IDEMPOTENCY_RETENTION_DAYS, 30 days by default)')
    .option('--older-than-days <days>', 'forget keys older than this many days instead')
    .option('--json', 'print the result as JSON')
    .action(async (options: { olderThanDays?: string; json?: boolean }) => {
      const config = commandConfig();
      const retentionDays = optionNumber(options.olderThanDays, 'older-than-days') ?? config.idempotencyRetentionDays;
      if (retentionDays < 0) fail(`--older-than-days must be 0 or more, got ${retentionDays}`);
      const result = await withDb(config, (db) => pruneIdempotencyKeys({ db, retentionDays }));
      if (options.json) console.log(JSON.stringify({ ...result, retentionDays }));
      else console.log(`forgot ${result.forgotten} idempotency ${result.forgotten === 1 ? 'key' : 'keys'} stored before ${result.before} (older than ${retentionDays} days)`);
    });
}
