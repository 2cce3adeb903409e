import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe } from 'node:test';
import { dbTest } from '../../db/testing.ts';
import { createOrganisation, PUBLIC_VIEWER } from '../auth/index.ts';
import { DEMO_ORGANISATIONS } from '../demo/index.ts';
import { getSummary, listMilestones, listPledges, loadLedgerDemo } from './index.ts';
import { ARTICLE_TITLE } from './ledger.demo.ts';

const ARTICLE = path.resolve(import.meta.dirname, '..', '..', '..', '..', 'shared', 'fixtures', 'news', 'kenya-to-lead-multinational-police-force-in-haiti.txt');

describe('ledger demo', () => {
  dbTest('the demo ledger is the mission as the news article describes it; anything more says illustrative', async ({ db }) => {
    for (const organisation of DEMO_ORGANISATIONS) await createOrganisation({ db, actor: null, input: organisation });
    const line = await loadLedgerDemo({ db, datasetsDir: null });
    assert.match(line, /9 pledges, 6 fulfilment events, 6 milestones/);
    try {
      assert.equal(readFileSync(ARTICLE, 'utf8').split('\n')[0], ARTICLE_TITLE, 'the cited title is the article’s');
    } catch (error) {
      if ((error as { code?: string }).code !== 'ENOENT') throw error;
    }

    const pledges = await listPledges({ db, viewer: PUBLIC_VIEWER });
    const personnel = Object.fromEntries(pledges.filter((p) => p.kind === 'personnel').map((p) => [p.organisation, p.officers]));
    assert.deepEqual(personnel, { KEN: 1000, JAM: null, BHS: null, ATG: null }, 'numbers the article does not give stay unspecified');
    const funds = pledges.filter((p) => p.kind === 'funds');
    assert.deepEqual(funds.map((p) => [p.organisation, p.amount, p.currency, p.usdValue]), [['USA', '100000000.00', 'USD', 100_000_000]]);
    assert.deepEqual(pledges.filter((p) => p.kind === 'in_kind').map((p) => p.category).sort(), ['airlift', 'communications', 'intelligence', 'medical']);
    for (const pledge of pledges) {
      assert.equal(pledge.source.title, ARTICLE_TITLE);
      assert.equal(pledge.source.illustrative, false, `${pledge.title} is from the article`);
    }

    const milestones = await listMilestones({ db, viewer: PUBLIC_VIEWER, asOf: '2025-06-01' });
    const byKind = Object.fromEntries(milestones.map((m) => [m.kind, m]));
    assert.equal(byKind.authorisation!.status, 'pending');
    assert.deepEqual([byKind.assessment_mission!.organisation, byKind.assessment_mission!.location, byKind.assessment_mission!.metWith.length], ['KEN', 'Port-au-Prince, Haiti', 3]);
    assert.equal(byKind.election!.status, 'planned');
    for (const m of milestones) assert.equal(m.source.illustrative, m.source.title !== ARTICLE_TITLE, m.title);
    assert.ok(milestones.filter((m) => m.source.illustrative).every((m) => m.classification === 'MISSION'), 'illustrative milestones are for the mission only');

    const summary = await getSummary({ db, viewer: PUBLIC_VIEWER, asOf: '2025-06-01' });
    assert.deepEqual(summary.mission.officers, { pledged: 1000, unspecifiedPledges: 3, confirmed: 1000, deployed: 600 });
    assert.deepEqual(summary.mission.usd, { pledged: 100_000_000, committed: 50_000_000, paid: 20_000_000 });
    const missionView = await getSummary({ db, viewer: { organisationId: (await db.selectFrom('organisations').select('id').where('code', '=', 'JAM').executeTakeFirstOrThrow()).id, isMissionMember: true }, asOf: '2025-06-01' });
    assert.deepEqual(missionView.milestones.late.map((m) => m.kind), ['full_operating_capability']);
  });
});
