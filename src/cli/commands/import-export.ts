import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { Classification } from '../../shared/access.ts';
import { IncidentType, type ImportMode } from '../../shared/incidents.ts';
import { PUBLIC_VIEWER, type Viewer } from '../../modules/auth/index.ts';
import { useDatasets } from '../../modules/incidents/index.ts';
import { actorForUsername, exportTo, FORMAT_NAMES, FORMATS, importFile, rejectsCsv, type EncodingChoice, type FormatName, type ImportProgress } from '../../modules/incidents/formats/index.ts';
import { commandConfig, fail, withDb } from '../context.ts';

const MODES: readonly ImportMode[] = ['all-or-nothing', 'commit-valid'];
/** Rejected rows printed on the terminal; the rest go to --rejects. */
const SHOWN_REJECTS = 20;

function formatOf(name: string): FormatName {
  if (!(FORMAT_NAMES as readonly string[]).includes(name)) fail(`unknown format ${name}: use one of ${FORMAT_NAMES.join(', ')}`);
  return name as FormatName;
}

interface ImportOptions { mode: string; rejects?: string; as?: string; classification: string; encoding: string }
interface ExportOptions { out?: string; as?: string; from?: string; to?: string; types?: string }

export function registerImportExport(program: Command): void {
  program
    .command('import <format> <file>')
    .description(`import incidents from a file: ${FORMAT_NAMES.map((f) => `${f} (${FORMATS[f].label})`).join(', ')}`)
    .option('--mode <mode>', 'all-or-nothing (a bad row stops everything) or commit-valid (keep the good rows)', 'all-or-nothing')
    .option('--rejects <file.csv>', 'write the rejected rows (line, column, value, reason) to this CSV file')
    .option('--as <username>', 'the user who imports (an analyst); required')
    .option('--classification <label>', 'classification of records the file does not label: PUBLIC, MISSION or RESTRICTED', 'MISSION')
    .option('--encoding <encoding>', 'auto, utf-8, latin1 or windows-1252', 'auto')
    .action(async (formatName: string, file: string, options: ImportOptions) => {
      const format = formatOf(formatName);
      if (!MODES.includes(options.mode as ImportMode)) fail(`unknown mode ${options.mode}: use all-or-nothing or commit-valid`);
      if (!options.as) fail('say who imports: --as USERNAME (a user with the analyst role)');
      const classification = Classification.parse(options.classification.toUpperCase());
      const config = commandConfig();
      useDatasets(config.datasetsDir);
      const result = await withDb(config, async (db) => {
        const actor = await actorForUsername(db, options.as!);
        const bar = progressBar();
        try {
          return await importFile({ db, actor, format, source: file, mode: options.mode as ImportMode, classification, encoding: options.encoding as EncodingChoice, onProgress: bar.update });
        } finally {
          bar.stop();
        }
      });
      const rejected = result.rejected;
      if (options.rejects && rejected.length > 0) await writeFile(options.rejects, rejectsCsv(rejected));
      for (const row of rejected.slice(0, SHOWN_REJECTS)) console.error(`  line ${row.line}${row.column ? `, ${row.column}` : ''}${row.value === undefined ? '' : ` (${JSON.stringify(row.value)})`}: ${row.reason}`);
      if (rejected.length > SHOWN_REJECTS) console.error(`  … and ${rejected.length - SHOWN_REJECTS} more${options.rejects ? ` in ${options.rejects}` : ' (write them all with --rejects FILE.csv)'}`);
      const read = result.encoding ? ` (read as ${result.encoding})` : '';
      if (options.mode === 'all-or-nothing' && rejected.length > 0) {
        fail(`${rejected.length} row${rejected.length > 1 ? 's were' : ' was'} rejected, so nothing was imported${read}: fix the file, or import with --mode commit-valid to keep the valid rows`);
      }
      console.log(`${result.created} incidents created, ${result.updated} updated, ${rejected.length} rows rejected${read}`);
    });

  program
    .command('export <format>')
    .description(`export the incidents a user may see: ${FORMAT_NAMES.join(', ')}`)
    .option('--out <file>', 'write to this file (default: standard output)')
    .option('--as <username>', 'export what this user may see (default: only what the public may see)')
    .option('--from <time>', 'occurred at or after (ISO-8601, e.g. 2024-01-01T00:00:00Z)')
    .option('--to <time>', 'occurred before (ISO-8601)')
    .option('--types <types>', `comma-separated: ${IncidentType.options.join(', ')}`)
    .action(async (formatName: string, options: ExportOptions) => {
      const format = formatOf(formatName);
      const config = commandConfig();
      const filter = {
        ...(options.from ? { from: options.from } : {}),
        ...(options.to ? { to: options.to } : {}),
        ...(options.types ? { types: IncidentType.array().parse(options.types.split(',').map((t) => t.trim())) } : {}),
      };
      const out = options.out ? createWriteStream(options.out) : process.stdout;
      const { count } = await withDb(config, async (db) => {
        let viewer: Viewer = PUBLIC_VIEWER;
        if (options.as) viewer = await actorForUsername(db, options.as);
        else console.error('konbit: exporting only what the public may see; use --as USERNAME for more');
        return exportTo({ db, viewer, format, filter, out });
      });
      if (options.out) {
        out.end();
        await once(out, 'finish');
        console.error(`${count} incidents written to ${options.out}`);
      }
    });
}

/** A progress bar on standard error, by bytes when the size is known; silent when not on a terminal. */
function progressBar(): { update: (progress: ImportProgress) => void; stop: () => void } {
  if (!process.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    { format: 'importing [{bar}] {percentage}% | {rows} rows | {mb} MB', stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update: ({ bytesRead, totalBytes, rows }) => {
      const payload = { rows, mb: (bytesRead / 1_048_576).toFixed(1) };
      if (!started) {
        bar.start(totalBytes ?? 0, bytesRead, payload);
        started = true;
      } else {
        bar.update(bytesRead, payload);
      }
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}
