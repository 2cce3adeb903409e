import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { apiTargets, runTarget, type TargetResult } from './fuzz/run.ts';
import { IMPORT_TARGETS } from './fuzz/targets.ts';
import { buildFuzzWorld } from './fuzz/world.ts';

/*
 * Hostile and malformed input, a CI-sized run: 200 generated cases for each importer (ACLED,
 * Ushahidi, HXL, CoT, GeoJSON incidents; OSM XML, OSM PBF, GeoJSON road networks) and 600 for the
 * JSON request bodies and the query strings of every route. No case may be answered 5xx; every
 * refusal is a 4xx with a code and a message and writes nothing. `bench/fuzz.bench.ts` runs
 * 100,000 cases. KONBIT_FUZZ_SEED replays a run.
 */

const SEED = Number(process.env.KONBIT_FUZZ_SEED ?? Date.now() % 1_000_000);

describe('hostile and malformed input', () => {
  test(`no crash, no 5xx, clear 4xx, no partial write (seed ${SEED})`, async () => {
    const world = await buildFuzzWorld();
    const results: TargetResult[] = [];
    try {
      for (const target of IMPORT_TARGETS) results.push(await runTarget(world, target, 200, SEED));
      for (const target of await apiTargets(world)) results.push(await runTarget(world, target, 600, SEED));
    } finally {
      await world.close();
    }
    for (const r of results) console.log(`${r.name}: ${r.cases} cases, answers ${JSON.stringify(r.statuses)}${r.failure ? ` — FAILED: ${r.failure}` : ''}`);
    console.log(`fuzzing: ${results.reduce((n, r) => n + r.cases, 0)} cases (replay with KONBIT_FUZZ_SEED=${SEED})`);
    assert.deepEqual(results.filter((r) => r.failure).map((r) => `${r.name}: ${r.failure}`), []);
  });
});
