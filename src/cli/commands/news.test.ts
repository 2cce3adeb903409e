import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import type { IngestResult } from '../../shared/osint.ts';
import { konbitCli } from '../testing.ts';

const { dataDir, run } = konbitCli('news-cli', { KONBIT_DEMO_PASSWORD: 'demo-password-1' });
const article = path.resolve(import.meta.dirname, '..', '..', '..', '..', 'shared', 'fixtures', 'news', 'kenya-to-lead-multinational-police-force-in-haiti.txt');

describe('konbit news [sqlite]', () => {
  test('ingest the fixture, review the queue, accept into the ledger', () => {
    for (const [code, kind] of [['MSS-HQ', 'mission_hq'], ['KEN', 'contingent']]) assert.equal(run(['org', 'add', code!, `Organisation ${code}`, '--kind', kind!]).code, 0);
    assert.equal(run(['user', 'add', 'hq.analyst', '--org', 'MSS-HQ', '--roles', 'analyst', '--password', 'test-password-1']).code, 0);
    assert.equal(run(['user', 'add', 'ken.commander', '--org', 'KEN', '--roles', 'commander', '--password', 'test-password-1']).code, 0);
    const undated = run(['news', 'ingest', article]);
    assert.equal(undated.code, 1);
    assert.match(undated.err, /konbit: the article carries no date.*--date YYYY-MM-DD.*\(NEWS_UNDATED\)/);

    const ingested = run(['news', 'ingest', article, '--date', '2023-09-29', '--json']);
    assert.equal(ingested.code, 0, ingested.err);
    const result = JSON.parse(ingested.out) as IngestResult;
    assert.equal(result.duplicate, 'new');
    assert.equal(result.article.outlet.name, 'Qonversations');
    assert.equal(result.proposals.length, 12);

    const queue = run(['news', 'proposals', '--kind', 'personnel']);
    assert.match(queue.out, /personnel +KEN 1000 officers +\(2023-07-01\) +— Qonversations \[F\]/);
    const kenyaId = queue.out.split('\n').find((l) => l.includes('KEN 1000'))!.split(' ')[0]!;

    assert.equal(run(['news', 'grade', 'Qonversations', 'C', '--note', 'aggregator']).code, 0);
    const refused = run(['news', 'proposal', 'accept', kenyaId, '--as', 'ken.commander']);
    assert.equal(refused.code, 1);
    assert.match(refused.err, /needs the analyst role \(FORBIDDEN\)/);
    const accepted = run(['news', 'proposal', 'accept', kenyaId, '--as', 'hq.analyst', '--classification', 'PUBLIC']);
    assert.equal(accepted.code, 0, accepted.err);
    const [type, pledgeId] = accepted.out.trim().split(' ');
    assert.equal(type, 'pledge');
    const pledge = JSON.parse(run(['ledger', 'pledge', 'show', pledgeId!]).out) as { officers: number; source: { announcedBy: string } };
    assert.equal(pledge.officers, 1000);
    assert.equal(pledge.source.announcedBy, 'Kenyan Foreign Minister Alfred Mutua (reported by Qonversations [C])');

    const again = run(['news', 'ingest', article, '--date', '2023-09-29']);
    assert.match(again.out, /already ingested/);
    assert.equal(run(['audit', 'verify']).code, 0);
  });

  test('a file that is not UTF-8 and declares no encoding is refused, and read with --encoding', () => {
    const file = path.join(dataDir, 'benin.txt');
    writeFileSync(file, Buffer.from('Le Bénin va envoyer des soldats\n\nLe Bénin enverra 2 000 militaires en Haïti pour soutenir la police nationale, a annoncé le gouvernement béninois vendredi.', 'latin1'));
    const refused = run(['news', 'ingest', file, '--date', '2024-02-16']);
    assert.equal(refused.code, 1);
    assert.match(refused.err, /not UTF-8 \(byte 0xe9 at offset 4\) and declares no encoding/);
    const read = run(['news', 'ingest', file, '--date', '2024-02-16', '--encoding', 'latin1']);
    assert.equal(read.code, 0, read.err);
    assert.match(read.out, /personnel +BEN 2000 officers/);
  });
});
