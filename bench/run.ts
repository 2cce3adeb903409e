// `npm run bench [-- ARGS]`: runs every *.bench.ts under bench/ in sequence, each in its own
// process (so one bench's memory and JIT state do not colour the next), passing ARGS through
// (e.g. --write to record the figures). A bench that fails is reported and the others still run.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

const root = import.meta.dirname;
const runner = path.resolve(root, '..', 'bin', 'run-ts.js');

function benches(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return benches(full);
    return entry.name.endsWith('.bench.ts') ? [full] : [];
  }).sort();
}

const args = process.argv.slice(2);
const failed: string[] = [];
for (const file of benches(root)) {
  const name = path.relative(path.resolve(root, '..'), file);
  console.log(`\n=== ${name} ===`);
  const result = spawnSync(process.execPath, [runner, file, ...args], { stdio: 'inherit' });
  if (result.status !== 0) failed.push(name);
}
if (failed.length > 0) {
  console.error(`\nbenches that failed: ${failed.join(', ')}`);
  process.exit(1);
}
