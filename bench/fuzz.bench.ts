// Fuzzing bench: 100,000 generated hostile cases (fast-check) against the whole application on a
// fresh SQLite database — the five incident importers, the three road-network readers, every JSON
// request body and every query string of the API — each answered below 500, every refusal a 4xx
// with a code and a message that wrote nothing, every import's count matching what it wrote.
// The test suite runs the same targets with 200 cases each (test/reliability/fuzz.test.ts).
//   node bin/run-ts.js bench/fuzz.bench.ts [--cases 100000] [--seed N]
import { apiTargets, runTarget, type TargetResult } from '../test/reliability/fuzz/run.ts';
import { IMPORT_TARGETS } from '../test/reliability/fuzz/targets.ts';
import { buildFuzzWorld } from '../test/reliability/fuzz/world.ts';

const argv = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const at = argv.indexOf(name);
  return at >= 0 ? argv[at + 1] : undefined;
};
const TOTAL = Number(option('--cases') ?? 100_000);
const SEED = Number(option('--seed') ?? 20_240_601);

// Share of the cases: importers 48 % (6 % each), JSON bodies 32 %, query strings 20 %.
const world = await buildFuzzWorld();
const started = performance.now();
const results: TargetResult[] = [];
try {
  const perImporter = Math.round(TOTAL * 0.06);
  for (const target of IMPORT_TARGETS) {
    results.push(await runTarget(world, target, perImporter, SEED));
    print(results.at(-1)!);
  }
  const [bodies, queries] = await apiTargets(world);
  for (const [target, share] of [[bodies!, 0.32], [queries!, 0.2]] as const) {
    results.push(await runTarget(world, target, Math.round(TOTAL * share), SEED));
    print(results.at(-1)!);
  }
} finally {
  await world.close();
}
const cases = results.reduce((n, r) => n + r.cases, 0);
const failed = results.filter((r) => r.failure);
console.log(`\n${cases} cases in ${((performance.now() - started) / 1000).toFixed(0)} s (seed ${SEED}); ${failed.length === 0 ? 'no rule broken' : `${failed.length} targets broke a rule`}`);
if (failed.length > 0) process.exitCode = 1;

function print(r: TargetResult): void {
  const statuses = Object.entries(r.statuses).sort().map(([status, n]) => `${status}×${n}`).join(' ');
  console.log(`${r.name.padEnd(40)} ${String(r.cases).padStart(7)} cases  ${statuses}${r.failure ? `\n  FAILED: ${r.failure}` : ''}`);
}
