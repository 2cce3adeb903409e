// Extraction quality of news monitoring against the gold set (src/modules/osint/gold/):
// precision and recall of pledges, milestones and incidents, per split, and the dates of the facts found.
// Run: node bin/run-ts.js bench/osint-quality.ts [--json] [--verbose]
// Uses the admin boundaries of the datasets folder (KONBIT_DATASETS or ../shared/data) when present.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { placeIndexFor } from '../src/modules/osint/index.ts';
import { scoreGoldSet } from '../src/modules/osint/quality.ts';

const datasets = path.resolve(process.env.KONBIT_DATASETS ?? path.join(import.meta.dirname, '..', '..', 'shared', 'data'));
const places = await placeIndexFor(existsSync(datasets) ? datasets : null);
const report = scoreGoldSet(places);

if (process.argv.includes('--json')) {
  console.log(JSON.stringify(report, null, 2));
} else {
  const pct = (x: number) => `${(100 * x).toFixed(0)}%`;
  console.log(`Gold set: ${report.articles.length} articles (${['en', 'fr', 'ht', 'es'].map((l) => `${report.articles.filter((a) => a.language === l).length} ${l}`).join(', ')}); places: ${places.size}${places.withBoundaries ? ' (with communes from the admin boundaries)' : ' (built-in list only)'}`);
  console.log('');
  console.log('| split | articles | group | true pos. | false pos. | false neg. | precision | recall |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const split of ['dev', 'held-out'] as const) {
    const s = report.bySplit[split];
    const n = report.articles.filter((a) => a.split === split).length;
    for (const group of ['pledges', 'milestones', 'incidents', 'all'] as const) {
      const g = s[group];
      console.log(`| ${split} | ${n} | ${group} | ${g.truePositives} | ${g.falsePositives} | ${g.falseNegatives} | ${pct(g.precision)} | ${pct(g.recall)} |`);
    }
    console.log(`| ${split} | ${n} | dates of facts found | ${s.datesRight} of ${s.datesChecked} right | | | | |`);
  }
  const wrongLanguage = report.articles.filter((a) => a.language !== a.detectedLanguage);
  console.log('');
  console.log(`language detected right: ${report.articles.length - wrongLanguage.length} of ${report.articles.length}${wrongLanguage.length ? ` (wrong: ${wrongLanguage.map((a) => a.name).join(', ')})` : ''}`);
  if (process.argv.includes('--verbose')) {
    for (const a of report.articles) {
      if (a.missed.length + a.invented.length + a.wrongDates.length === 0) continue;
      console.log(`\n${a.name} (${a.split})`);
      for (const m of a.missed) console.log(`  missed:   ${m}`);
      for (const i of a.invented) console.log(`  invented: ${i}`);
      for (const d of a.wrongDates) console.log(`  date:     ${d}`);
    }
  }
}
