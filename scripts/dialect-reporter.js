// A node:test reporter that counts passing tests per database. Database tests
// are named with their dialect in brackets ("[sqlite]", "[postgres]").
export default async function* dialectReporter(source) {
  const passed = { sqlite: 0, postgres: 0 };
  let failed = 0;
  let total = 0;
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    if (event.data.details?.type === 'suite') continue;
    total += 1;
    if (event.type === 'test:fail') {
      failed += 1;
      continue;
    }
    for (const dialect of Object.keys(passed)) {
      if (event.data.name.includes(`[${dialect}]`)) passed[dialect] += 1;
    }
  }
  yield `\ntests on SQLite: ${passed.sqlite} passed; on PostgreSQL: ${passed.postgres} passed` +
    ` (${total} tests in all, ${failed} failed)\n`;
}
