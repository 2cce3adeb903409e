import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { dbTest } from '../../db/testing.ts';
import type { Db } from '../../db/index.ts';
import { buildOrganisation, buildUser } from '../auth/testing.ts';
import { countMilestones, getPledge } from '../ledger/index.ts';
import { getIncident } from '../incidents/index.ts';
import { acceptProposal, editProposal, getArticle, gradeOutlet, ingestArticle, listOutlets, listProposals, PlaceIndex, rejectProposal } from './index.ts';
import { FIXTURE_ARTICLE, newsFixture } from './osint.testing.ts';

const places = new PlaceIndex();
const ARTICLE = newsFixture(FIXTURE_ARTICLE);

async function mission(db: Db) {
  for (const code of ['MSS-HQ', 'KEN', 'JAM', 'BHS', 'ATG', 'USA']) await buildOrganisation(db, code, code === 'MSS-HQ' ? 'mission_hq' : code === 'USA' ? 'donor' : 'contingent');
  return { analyst: await buildUser(db, 'hq.analyst', 'MSS-HQ', ['analyst', 'reporter']), commander: await buildUser(db, 'ken.commander', 'KEN', ['commander']) };
}

const ingestFixture = (db: Db, actor: null | Parameters<typeof ingestArticle>[0]['actor'] = null, outlet?: string) =>
  ingestArticle({ db, actor, places, input: { source: { kind: 'text', text: ARTICLE }, publishedOn: '2023-09-29', ...(outlet ? { outlet } : {}) } });

async function rows(db: Db, table: 'news_articles' | 'news_proposals' | 'news_stories' | 'audit_log' | 'pledges' | 'news_outlets'): Promise<number> {
  return Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
}

describe('news ingest and review', () => {
  dbTest('the fixture becomes one article with its twelve proposals in the queue, and nothing in the ledger', async ({ db }) => {
    await mission(db);
    const result = await ingestFixture(db);
    assert.equal(result.duplicate, 'new');
    assert.equal(result.article.outlet.name, 'Qonversations');
    assert.equal(result.article.outlet.reliability, 'F');
    assert.equal(result.article.language, 'en');
    assert.equal(result.proposals.length, 12);
    assert.ok(result.proposals.every((p) => p.status === 'pending' && p.sources.length === 1));
    const kenya = result.proposals.find((p) => p.draft.kind === 'personnel' && p.draft.organisation === 'KEN')!;
    assert.match(kenya.sources[0]!.quote, /prepared to deploy 1,000 police officers/);
    const article = await getArticle({ db, id: result.article.id });
    assert.doesNotMatch(article.body, /Ecuador|Macron|Sudan|shutterstock/);
    assert.ok(article.mentions.some((m) => m.code === 'BHS' && m.surface === 'the Bahamas'));
    assert.equal(await rows(db, 'pledges'), 0, 'nothing reaches the ledger without an analyst');
    assert.equal(await countMilestones({ db, viewer: { organisationId: null, isMissionMember: false } }), 0);
  });

  dbTest('the same article again is recognised and writes nothing; a syndicated copy joins the story as a second source', async ({ db }) => {
    await mission(db);
    const first = await ingestFixture(db);
    const before = { articles: await rows(db, 'news_articles'), audit: await rows(db, 'audit_log') };
    const again = await ingestFixture(db);
    assert.equal(again.duplicate, 'same-article');
    assert.equal(again.article.id, first.article.id);
    assert.deepEqual({ articles: await rows(db, 'news_articles'), audit: await rows(db, 'audit_log') }, before);

    const syndicated = `Kenya to lead Haiti force, Caribbean partners join\n\nBy Staff Writer\n\n${ARTICLE.split('More from')[0]!.split('\n').slice(4).join('\n')}\nShare this article`;
    const copy = await ingestArticle({ db, actor: null, places, input: { source: { kind: 'text', text: syndicated }, publishedOn: '2023-09-30', outlet: 'Caribbean Times' } });
    assert.equal(copy.duplicate, 'same-story');
    assert.equal(copy.storySources, 2);
    assert.equal(copy.article.storyId, first.article.storyId);
    assert.equal(await rows(db, 'news_stories'), 1);
    assert.equal(await rows(db, 'news_proposals'), 12, 'one story, one proposal per fact');
    const queue = await listProposals({ db, status: 'pending' });
    assert.ok(queue.every((p) => p.sources.length === 2), 'each proposal has both outlets as sources');

    const other = await ingestArticle({ db, actor: null, places, input: { source: { kind: 'text', text: 'Gangs block the road to Cap-Haïtien\n\nArmed men set up roadblocks on National Road 1 near Saint-Marc on Monday, stopping lorries of food for most of the day, the police said in a statement.' }, publishedOn: '2023-10-02' } });
    assert.equal(other.duplicate, 'new');
    assert.equal(await rows(db, 'news_stories'), 2);
  });

  dbTest('an analyst accepts: the ledger records the pledge with the article as its graded source', async ({ db }) => {
    const { analyst } = await mission(db);
    const result = await ingestFixture(db);
    const outlet = (await listOutlets({ db }))[0]!;
    await gradeOutlet({ db, actor: analyst.actor, id: outlet.id, input: { reliability: 'C', note: 'Aggregator; checks its facts' } });
    const kenya = result.proposals.find((p) => p.draft.kind === 'personnel' && p.draft.organisation === 'KEN')!;
    const accepted = await acceptProposal({ db, actor: analyst.actor, id: kenya.id, input: { version: kenya.version, classification: 'PUBLIC' } });
    assert.equal(accepted.record.type, 'pledge');
    assert.equal(accepted.proposal.status, 'accepted');
    const pledge = await getPledge({ db, viewer: analyst.actor, id: accepted.record.id });
    assert.deepEqual([pledge.organisation, pledge.officers, pledge.pledgedOn, pledge.datePrecision, pledge.classification], ['KEN', 1000, '2023-07-01', 'month', 'PUBLIC']);
    assert.equal(pledge.source.announcedBy, 'Kenyan Foreign Minister Alfred Mutua (reported by Qonversations [C])');
    assert.equal(pledge.source.title, 'Kenya to lead multinational police force in Haiti');
    assert.match(pledge.description, /Admiralty credibility 3/);
    await assert.rejects(acceptProposal({ db, actor: analyst.actor, id: kenya.id, input: { version: kenya.version } }), { code: 'CONFLICT', message: /was accepted already/ });

    const us = result.proposals.find((p) => p.draft.kind === 'funds')!;
    const funds = await acceptProposal({ db, actor: analyst.actor, id: us.id, input: { version: 1 } });
    const usPledge = await getPledge({ db, viewer: analyst.actor, id: funds.record.id });
    assert.deepEqual([usPledge.amount, usPledge.currency, usPledge.usdValue], ['100000000.00', 'USD', 100_000_000]);

    const mission_ = result.proposals.find((p) => p.draft.kind === 'milestone' && p.draft.milestoneKind === 'assessment_mission')!;
    assert.equal((await acceptProposal({ db, actor: analyst.actor, id: mission_.id, input: { version: 1 } })).record.type, 'milestone');
  });

  dbTest('a refused acceptance writes nothing; edits are versioned; rejection keeps the reason; only analysts decide', async ({ db }) => {
    const { analyst, commander } = await mission(db);
    const result = await ingestFixture(db);
    const election = result.proposals.find((p) => p.draft.kind === 'milestone' && p.draft.milestoneKind === 'election')!;
    const jamaica = result.proposals.find((p) => p.draft.kind === 'personnel' && p.draft.organisation === 'JAM')!;
    await assert.rejects(acceptProposal({ db, actor: commander.actor, id: jamaica.id, input: { version: 1 } }), { code: 'FORBIDDEN' });
    await assert.rejects(acceptProposal({ db, actor: null, id: jamaica.id, input: { version: 1 } }), { code: 'FORBIDDEN', message: /--as USERNAME/ });

    // An edit naming an organisation Konbit does not know: the ledger refuses, and nothing at all is written.
    assert.ok(jamaica.draft.kind === 'personnel');
    const edited = await editProposal({ db, actor: analyst.actor, id: jamaica.id, input: { version: 1, draft: { ...jamaica.draft, organisation: 'XYZ', officers: 200 } } });
    assert.equal(edited.version, 2);
    assert.equal(edited.extracted.kind === 'personnel' && edited.extracted.officers, null, 'what extraction proposed is kept');
    await assert.rejects(editProposal({ db, actor: analyst.actor, id: jamaica.id, input: { version: 1, draft: jamaica.draft } }), { code: 'CONFLICT', message: /version 1, it is now at version 2/ });
    const before = { pledges: await rows(db, 'pledges'), audit: await rows(db, 'audit_log') };
    await assert.rejects(acceptProposal({ db, actor: analyst.actor, id: jamaica.id, input: { version: 2 } }), { code: 'VALIDATION_FAILED', message: /unknown organisation XYZ/ });
    assert.deepEqual({ pledges: await rows(db, 'pledges'), audit: await rows(db, 'audit_log') }, before);
    assert.equal((await listProposals({ db, status: 'pending' })).some((p) => p.id === jamaica.id), true);

    const rejected = await rejectProposal({ db, actor: analyst.actor, id: election.id, input: { version: 1, reason: 'a promise, not a date' } });
    assert.deepEqual([rejected.status, rejected.note, rejected.decidedBy], ['rejected', 'a promise, not a date', 'hq.analyst']);
    await assert.rejects(editProposal({ db, actor: analyst.actor, id: jamaica.id, input: { version: 2, draft: { ...election.draft } } }), { code: 'VALIDATION_FAILED', message: /stays a personnel/ });
  });

  dbTest('an incident proposal becomes an incident with each outlet as a graded source', async ({ db }) => {
    const { analyst } = await mission(db);
    const text = 'Gang attack in Solino\n\nOn Sunday, members of the 5 Segonn gang killed at least seven people and wounded 12 others in Solino, residents told reporters. Several houses were set on fire.';
    const result = await ingestArticle({ db, actor: analyst.actor, places, input: { source: { kind: 'text', text }, publishedOn: '2024-05-08', outlet: 'Haiti Daily' } });
    const [proposal] = result.proposals;
    assert.ok(proposal?.draft.kind === 'incident');
    assert.deepEqual([proposal.draft.type, proposal.draft.place?.name, proposal.draft.counts.killed, proposal.draft.counts.injured, proposal.draft.occurredOn], ['killing', 'Solino', 7, 12, '2024-05-05']);
    const accepted = await acceptProposal({ db, actor: analyst.actor, id: proposal.id, input: { version: 1, credibility: 2 } });
    const incident = await getIncident({ db, viewer: analyst.actor, id: accepted.record.id });
    assert.deepEqual(incident.sources.map((s) => [s.name, s.reliability, s.credibility]), [['Haiti Daily', 'F', 2]]);
    assert.equal(incident.location.placeName, 'Solino');
    assert.deepEqual(incident.actors.map((a) => [a.name, a.role]), [['5 Segonn', 'perpetrator']]);
  });

  dbTest('bad input is refused with a clear error and stores nothing', async ({ db }) => {
    await mission(db);
    const refuse = async (input: Parameters<typeof ingestArticle>[0]['input'], code: string, message: RegExp) => {
      await assert.rejects(ingestArticle({ db, actor: null, places, input }), (error: { code?: string; message?: string }) => error.code === code && message.test(error.message ?? ''));
    };
    await refuse({ source: { kind: 'text', text: ARTICLE } }, 'NEWS_UNDATED', /carries no date/);
    await refuse({ source: { kind: 'file', filename: 'latin1.txt', contentBase64: Buffer.from('Le Bénin enverra des policiers en Haïti', 'latin1').toString('base64') }, publishedOn: '2024-01-01' }, 'NEWS_UNREADABLE', /not UTF-8/);
    await refuse({ source: { kind: 'file', filename: 'feed.xml', contentBase64: Buffer.from('<?xml version="1.0"?><rss><channel></channel></rss>').toString('base64') }, publishedOn: '2024-01-01' }, 'NEWS_UNREADABLE', /feed, not an article/);
    await refuse({ source: { kind: 'text', text: 'Share\nTweet\nMore from Us' }, publishedOn: '2024-01-01' }, 'NEWS_UNREADABLE', /no article text/);
    await refuse({ source: { kind: 'file', filename: 'page.html', contentBase64: Buffer.from('<html><body><script>alert("Kenya pledged 1000 officers to Haiti, the minister said in Nairobi today, with more to come")</script></body></html>').toString('base64') }, publishedOn: '2024-01-01' }, 'NEWS_UNREADABLE', /no article text/);
    for (const table of ['news_articles', 'news_proposals', 'news_stories', 'news_outlets'] as const) assert.equal(await rows(db, table), 0, table);
  });

  dbTest('a Latin-1 file with its encoding named is read', async ({ db }) => {
    await mission(db);
    const text = 'Le Bénin va envoyer des soldats\n\nLe Bénin enverra 2 000 militaires en Haïti pour soutenir la police nationale, a annoncé le gouvernement béninois vendredi.';
    const result = await ingestArticle({ db, actor: null, places, input: { source: { kind: 'file', filename: 'benin.txt', contentBase64: Buffer.from(text, 'latin1').toString('base64') }, publishedOn: '2024-02-16', encoding: 'iso-8859-1' } });
    assert.equal(result.article.language, 'fr');
    assert.deepEqual(result.proposals.map((p) => p.draft.kind === 'personnel' && [p.draft.organisation, p.draft.officers]), [['BEN', 2000]]);
    assert.match(result.notes.join(' '), /decoded from iso-8859-1/);
  });
});
