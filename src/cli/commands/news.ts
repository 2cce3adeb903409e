import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import type { Db } from '../../db/index.ts';
import { actorForUsername, useDatasets } from '../../modules/incidents/index.ts';
import {
  acceptProposal, addFeed, DEFAULT_FETCH_POLICY, editProposal, getProposal, gradeOutlet, ingestArticle, listFeeds, listOutlets, listProposals, pollDueFeeds, pollFeed, rejectProposal,
  type FetchPolicy,
} from '../../modules/osint/index.ts';
import { ProposalDraft, Reliability, type IngestResult, type IngestSource, type Proposal } from '../../shared/osint.ts';
import { commandConfig, fail, withDb } from '../context.ts';

/*
 * `konbit news …`: news monitoring from the command line, through the same
 * services as the API. Ingesting, following feeds and grading outlets are
 * done by the system; deciding a proposal needs an analyst (--as USERNAME).
 */

const json = (value: unknown) => console.log(JSON.stringify(value, null, 2));

function run<T>(body: (db: Db, datasetsDir: string | null) => Promise<T>): Promise<T> {
  const config = commandConfig();
  useDatasets(config.datasetsDir);
  return withDb(config, (db) => body(db, config.datasetsDir));
}

const policyOf = (options: { allowPrivate?: boolean }): FetchPolicy => ({ ...DEFAULT_FETCH_POLICY, allowPrivateAddresses: options.allowPrivate === true });

/** One line for a proposal: id, status, kind and what it says. */
export function proposalLine(p: Proposal): string {
  const d = p.draft;
  const what = d.kind === 'personnel' ? `${d.organisation ?? '?'} ${d.officers ?? 'unspecified'} officers`
    : d.kind === 'funds' ? `${d.organisation ?? '?'} ${d.amount ?? 'unspecified'} ${d.currency ?? ''}`.trim()
      : d.kind === 'in_kind' ? `${d.organisation ?? '?'} ${d.category}`
        : d.kind === 'milestone' ? `${d.milestoneKind} ${d.status}${d.organisation ? ` ${d.organisation}` : ''}${d.location ? ` at ${d.location}` : ''}`
          : `${d.type} at ${d.place?.name ?? '?'}`;
  const date = 'pledgedOn' in d ? d.pledgedOn : d.kind === 'milestone' ? (d.actualStart ?? d.plannedStart) : d.occurredOn;
  const outlets = p.sources.map((s) => `${s.outlet} [${s.reliability}]`).join(', ');
  return `${p.id}  ${p.status.padEnd(8)}  ${p.kind.padEnd(10)}  ${what}${date ? `  (${date})` : ''}  — ${outlets}`;
}

function printIngest(result: IngestResult): void {
  const a = result.article;
  const story = result.duplicate === 'same-article' ? 'already ingested' : result.duplicate === 'same-story' ? `joins a story now told by ${result.storySources} outlets` : 'new story';
  console.log(`${a.id}  ${a.title}`);
  console.log(`  ${a.outlet.name} [${a.outlet.reliability}], ${a.publishedOn}, ${a.language}: ${story}`);
  for (const note of result.notes) console.log(`  note: ${note}`);
  console.log(result.proposals.length > 0 ? `proposals (${result.proposals.length}):` : 'no proposals');
  for (const p of result.proposals) console.log(`  ${proposalLine(p)}`);
}

async function sourceOf(target: string): Promise<IngestSource> {
  if (/^https?:\/\//i.test(target)) return { kind: 'url', url: target };
  let bytes: Buffer;
  try {
    bytes = await readFile(target);
  } catch {
    return fail(`cannot read ${target}: give a file that exists or an http(s) URL`);
  }
  return { kind: 'file', filename: path.basename(target), contentBase64: bytes.toString('base64') };
}

/** "officers=1000", "organisation=KEN", "metWith=[\"x\"]": JSON values, else strings; null clears. */
function applySets(draft: ProposalDraft, sets: string[]): ProposalDraft {
  const next: Record<string, unknown> = { ...draft };
  for (const set of sets) {
    const at = set.indexOf('=');
    if (at < 1) fail(`--set takes field=value, got ${JSON.stringify(set)}`);
    const field = set.slice(0, at);
    const raw = set.slice(at + 1);
    let value: unknown = raw;
    try {
      value = JSON.parse(raw);
    } catch {
      // a bare word is a string
    }
    next[field] = value;
  }
  return ProposalDraft.parse(next);
}

const collect = (value: string, previous: string[]) => [...previous, value];

export function registerNews(program: Command): void {
  const news = program.command('news').description('news monitoring: ingest articles and feeds, review what Konbit proposes from them');

  news
    .command('ingest <fileOrUrl>')
    .description('ingest an article from a file (HTML or text) or a URL; its proposals go to the review queue')
    .option('--date <YYYY-MM-DD>', "the article's date, when it carries none")
    .option('--outlet <name>', 'the outlet, when the article does not say')
    .option('--encoding <name>', 'the encoding of a file that declares none (e.g. windows-1252)')
    .option('--allow-private', 'allow fetching from loopback and private addresses')
    .option('--json', 'print the result as JSON')
    .action(async (target: string, options: { date?: string; outlet?: string; encoding?: string; allowPrivate?: boolean; json?: boolean }) => {
      const source = await sourceOf(target);
      const result = await run((db, datasetsDir) => ingestArticle({
        db, actor: null, datasetsDir, fetchPolicy: policyOf(options),
        input: { source, ...(options.date ? { publishedOn: options.date } : {}), ...(options.outlet ? { outlet: options.outlet } : {}), ...(options.encoding ? { encoding: options.encoding } : {}) },
      }));
      if (options.json) json(result);
      else printIngest(result);
    });

  news
    .command('proposals')
    .description('the review queue')
    .option('--status <status>', 'pending, accepted or rejected', 'pending')
    .option('--kind <kind>', 'personnel, funds, in_kind, milestone or incident')
    .option('--json', 'print JSON')
    .action(async (options: { status: string; kind?: string; json?: boolean }) => {
      const list = await run((db) => listProposals({ db, status: options.status as 'pending', kind: options.kind as 'personnel' | undefined }));
      if (options.json) json(list);
      else for (const p of list) console.log(proposalLine(p));
    });

  const proposal = news.command('proposal').description('show, accept, edit or reject one proposal');
  proposal.command('show <id>').option('--json', 'print JSON').action(async (id: string, options: { json?: boolean }) => {
    const p = await run((db) => getProposal({ db, id }));
    if (options.json) return json(p);
    console.log(proposalLine(p));
    console.log(`  draft: ${JSON.stringify(p.draft)}`);
    for (const s of p.sources) console.log(`  ${s.outlet} [${s.reliability}] ${s.publishedOn} "${s.title}":\n    ${s.quote}`);
  });
  proposal
    .command('accept <id>')
    .requiredOption('--as <username>', 'the analyst who accepts')
    .option('--classification <label>', 'PUBLIC, MISSION or RESTRICTED', 'MISSION')
    .option('--release-to <codes>', 'organisations a RESTRICTED record is released to (comma-separated)')
    .option('--credibility <1-6>', 'Admiralty credibility of the information')
    .option('--note <text>', 'a note kept with the decision')
    .action(async (id: string, options: { as: string; classification: string; releaseTo?: string; credibility?: string; note?: string }) => {
      const result = await run(async (db) => {
        const current = await getProposal({ db, id });
        return acceptProposal({
          db, actor: await actorForUsername(db, options.as), id,
          input: {
            version: current.version, classification: options.classification as 'MISSION', releasableTo: options.releaseTo?.split(',').map((s) => s.trim()).filter(Boolean) ?? [],
            ...(options.credibility ? { credibility: Number(options.credibility) as 1 } : {}), ...(options.note ? { note: options.note } : {}),
          },
        });
      });
      console.log(`${result.record.type} ${result.record.id}`);
    });
  proposal
    .command('reject <id>')
    .requiredOption('--as <username>', 'the analyst who rejects')
    .requiredOption('--reason <text>', 'why')
    .action(async (id: string, options: { as: string; reason: string }) => {
      const p = await run(async (db) => rejectProposal({ db, actor: await actorForUsername(db, options.as), id, input: { version: (await getProposal({ db, id })).version, reason: options.reason } }));
      console.log(proposalLine(p));
    });
  proposal
    .command('edit <id>')
    .requiredOption('--as <username>', 'the analyst who edits')
    .option('--set <field=value>', 'a field of the draft (repeatable; JSON values)', collect, [])
    .action(async (id: string, options: { as: string; set: string[] }) => {
      const p = await run(async (db) => {
        const current = await getProposal({ db, id });
        return editProposal({ db, actor: await actorForUsername(db, options.as), id, input: { version: current.version, draft: applySets(current.draft, options.set) } });
      });
      console.log(proposalLine(p));
    });

  news.command('outlets').description('outlets and their reliability grades').option('--json', 'print JSON').action(async (options: { json?: boolean }) => {
    const outlets = await run((db) => listOutlets({ db }));
    if (options.json) return json(outlets);
    for (const o of outlets) console.log(`${o.id}  [${o.reliability}]  ${o.name}${o.domain ? ` (${o.domain})` : ''}  ${o.articles} articles${o.note ? `  — ${o.note}` : ''}`);
  });
  news
    .command('grade <outlet> <grade>')
    .description("set an outlet's reliability grade, A (completely reliable) to F (cannot be judged); the outlet by id, name or domain")
    .option('--note <text>', 'why')
    .action(async (outlet: string, grade: string, options: { note?: string }) => {
      const reliability = Reliability.safeParse(grade.toUpperCase());
      if (!reliability.success) fail(`the grade is one letter from A to F, got ${JSON.stringify(grade)}`);
      const graded = await run((db) => gradeOutlet({ db, actor: null, id: outlet, input: { reliability: reliability.data, note: options.note ?? '' } }));
      console.log(`[${graded.reliability}] ${graded.name}`);
    });

  news
    .command('feed-add <url>')
    .description('follow an RSS or Atom feed')
    .option('--every <minutes>', 'minutes between polls', '60')
    .option('--outlet <name>', 'the outlet that publishes it')
    .action(async (url: string, options: { every: string; outlet?: string }) => {
      const feed = await run((db) => addFeed({ db, actor: null, input: { url, pollMinutes: Number(options.every), ...(options.outlet ? { outlet: options.outlet } : {}) } }));
      console.log(feed.id);
    });
  news.command('feeds').description('followed feeds').option('--json', 'print JSON').action(async (options: { json?: boolean }) => {
    const feeds = await run((db) => listFeeds({ db }));
    if (options.json) return json(feeds);
    for (const f of feeds) console.log(`${f.id}  every ${f.pollMinutes} min  ${f.lastStatus ?? 'never polled'}${f.lastError ? ` (${f.lastError})` : ''}  ${f.url}`);
  });
  news
    .command('poll [feedId]')
    .description('poll one feed now, or every feed that is due')
    .option('--allow-private', 'allow fetching from loopback and private addresses')
    .option('--json', 'print JSON')
    .action(async (feedId: string | undefined, options: { allowPrivate?: boolean; json?: boolean }) => {
      const reports = await run(async (db, datasetsDir) => {
        if (feedId) return [await pollFeed({ db, id: feedId, force: true, fetchPolicy: policyOf(options), datasetsDir })].filter((r) => r !== null);
        return pollDueFeeds({ db, fetchPolicy: policyOf(options), datasetsDir });
      });
      if (options.json) return json(reports);
      for (const r of reports) {
        console.log(`${r.feedId}  ${r.status}: ${r.items} items, ${r.ingested} ingested, ${r.duplicates} already held, ${r.failed.length} failed${r.error ? ` — ${r.error}` : ''}`);
        for (const f of r.failed) console.log(`  failed: ${f.item}: ${f.reason}`);
      }
      if (reports.some((r) => r.status === 'failed')) process.exitCode = 1;
    });
}
