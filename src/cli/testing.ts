import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after } from 'node:test';

/*
 * The `konbit` command as a user runs it, in a process of its own, over a data folder of the
 * test file's own (removed when its tests end): what the command-line tests drive.
 */

/** The `konbit` executable script. */
export const konbit = path.resolve(import.meta.dirname, '..', '..', 'bin', 'konbit.js');

export interface CliResult {
  code: number | null;
  out: string;
  err: string;
}

/** A fresh data folder (konbit-NAME-…) and a `run(args, stdin?)` over it; `env` adds to the quiet default. */
export function konbitCli(name: string, env: Record<string, string> = {}): { dataDir: string; run: (args: string[], input?: string) => CliResult } {
  const dataDir = mkdtempSync(path.join(tmpdir(), `konbit-${name}-`));
  after(() => rmSync(dataDir, { recursive: true, force: true }));
  const run = (args: string[], input?: string): CliResult => {
    // eslint-disable-next-line no-restricted-properties -- the command runs on the test's own PATH, nothing else of its environment
    const result = spawnSync(process.execPath, [konbit, ...args], { env: { PATH: process.env.PATH, KONBIT_DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env }, encoding: 'utf8', input });
    return { code: result.status, out: result.stdout, err: result.stderr };
  };
  return { dataDir, run };
}
