#!/usr/bin/env node
// `npm test`: runs every *.test.ts beside the code under Node's test runner.
// Database tests run on SQLite, and on PostgreSQL too when KONBIT_TEST_PG_URL is
// set; the dialect reporter prints how many ran on each.
// Usage: npm test [-- FILTER…]   (FILTER: substrings of test file paths)
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

const roots = ['src', 'test'];
const skipDirs = new Set(['node_modules', 'e2e']);

function findTests(dir) {
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!skipDirs.has(entry.name)) found.push(...findTests(full));
    } else if (entry.name.endsWith('.test.ts')) {
      found.push(full);
    }
  }
  return found;
}

const filters = process.argv.slice(2);
const files = roots
  .flatMap((root) => findTests(root))
  .filter((file) => filters.length === 0 || filters.some((f) => file.includes(f)))
  .sort();

if (files.length === 0) {
  console.error(`no test files match ${filters.join(' ') || 'src/**/*.test.ts'}`);
  process.exit(1);
}

const result = spawnSync(
  process.execPath,
  [
    '--import', 'tsx',
    '--test',
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=./scripts/dialect-reporter.js', '--test-reporter-destination=stdout',
    ...files,
  ],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
