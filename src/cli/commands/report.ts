import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { actorForUsername } from '../../modules/incidents/index.ts';
import { produceSitrep, type Requester } from '../../modules/reports/index.ts';
import { ReportFormat, type SitrepQuery } from '../../shared/reports.ts';
import { commandConfig, fail, withDb } from '../context.ts';

/*
 * `konbit report sitrep`: a situation report for a period and an audience,
 * written as PDF, HTML or JSON by the same service as the API. The command
 * line runs on the server and may produce any edition; with --as, only the
 * editions that user could ask for over HTTP.
 */

interface SitrepOptions {
  from: string;
  to: string;
  audience: string;
  lang: string;
  out: string;
  format?: string;
  as?: string;
}

function formatOf(options: SitrepOptions): ReportFormat {
  const wanted = options.format ?? path.extname(options.out).slice(1).toLowerCase();
  const parsed = ReportFormat.safeParse(wanted === 'htm' ? 'html' : wanted);
  if (!parsed.success) fail(`say which format to write: --out FILE.pdf, FILE.html or FILE.json (or --format pdf|html|json); got ${JSON.stringify(options.out)}`);
  return parsed.data;
}

export function registerReport(program: Command): void {
  const report = program.command('report').description('situation reports for a period and an audience, as PDF, HTML or JSON');
  report
    .command('sitrep')
    .description('write a situation report: what the audience may see, over whole UTC days from --from to --to (both included)')
    .requiredOption('--from <date>', 'first day, YYYY-MM-DD')
    .requiredOption('--to <date>', 'last day, YYYY-MM-DD (included)')
    .option('--audience <audience>', 'PUBLIC, MISSION or an organisation code (e.g. KEN)', 'PUBLIC')
    .option('--lang <lang>', 'en, fr or ht', 'en')
    .requiredOption('--out <file>', 'where to write it: FILE.pdf, FILE.html or FILE.json')
    .option('--format <format>', 'pdf, html or json (default: from --out)')
    .option('--as <user>', 'produce it as this user would over HTTP: only the editions they may ask for')
    .action(async (options: SitrepOptions) => {
      const format = formatOf(options);
      const config = commandConfig();
      const produced = await withDb(config, async (db) => {
        const requester: Requester = options.as ? await actorForUsername(db, options.as) : 'system';
        const query = { from: options.from, to: options.to, audience: options.audience, lang: options.lang as SitrepQuery['lang'], format };
        return produceSitrep({ db, requester, query, datasetsDir: config.datasetsDir });
      });
      await writeFile(options.out, produced.body);
      const { report: r } = produced;
      const unavailable = (['security', 'roads', 'force', 'sites', 'operations', 'training', 'accountability'] as const).filter((key) => r[key].status !== 'available');
      console.log(`wrote ${options.out} (${format.toUpperCase()}, ${produced.body.length.toLocaleString('en-US')} bytes): situation report ${r.period.from} to ${r.period.to} for ${r.audience.code}, in ${r.lang}`);
      if (unavailable.length > 0) console.log(`sections not available: ${unavailable.map((key) => `${key} (${(r[key] as { reason?: string }).reason ?? ''})`).join('; ')}`);
      console.log(`content hash ${r.contentHash}`);
    });
}
