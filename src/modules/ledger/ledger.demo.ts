import type { InKindCategory, MilestoneInput, PledgeEventInput, Source } from '../../shared/ledger.ts';
import type { Db } from '../../db/index.ts';
import { recordEvent } from './events.service.ts';
import { createMilestone } from './milestones.service.ts';
import { createPledge } from './pledges.service.ts';

/*
 * The demo ledger: the mission as the news article "Kenya to lead multinational
 * police force in Haiti" (Qonversations; shared/fixtures/news/) describes it.
 * The article is undated; it reports the 78th UN General Assembly debate
 * (September 2023) as "last week", so its "last week" and "in July" are dated
 * from that, with the date's precision saying so. Numbers the article does
 * not give are left unspecified. The few records beyond it, there to show
 * fulfilment and lateness, say "illustrative" in their source.
 */

export const ARTICLE_TITLE = 'Kenya to lead multinational police force in Haiti';
const ARTICLE_NOTE = 'Qonversations news article, shared/fixtures/news/kenya-to-lead-multinational-police-force-in-haiti.txt';

const article = (announcedBy: string): Source => ({ announcedBy: `${announcedBy} (reported by Qonversations)`, title: ARTICLE_TITLE, url: null, illustrative: false });
const ILLUSTRATIVE: Source = { announcedBy: 'Konbit demo data', title: `Illustrative record, not from the article (${ARTICLE_TITLE})`, url: null, illustrative: true };

/** Around the article's "last week": the week of the UN General Assembly debate, September 2023. */
const ARTICLE_WEEK = '2023-09-22';

export async function loadLedgerDemo({ db }: { db: Db; datasetsDir?: string | null }): Promise<string> {
  const personnel = async (organisation: string, officers: number | null, pledgedOn: string, datePrecision: 'month' | 'approximate', announcedBy: string, description: string) =>
    createPledge({
      db, actor: null,
      input: { kind: 'personnel', organisation, title: `${organisation} police personnel for the mission`, description, pledgedOn, datePrecision, officers, unitKind: 'unspecified', source: article(announcedBy), classification: 'PUBLIC' },
    });

  const kenya = await personnel('KEN', 1000, '2023-07-01', 'month', 'Kenyan Foreign Minister Alfred Mutua, on X',
    `Kenya offered to lead the force and, in July 2023, said it was prepared to deploy 1,000 police officers to train and support Haiti's police, restore stability and safeguard critical infrastructure. Source: ${ARTICLE_NOTE}.`);
  for (const code of ['JAM', 'BHS', 'ATG']) {
    await personnel(code, null, ARTICLE_WEEK, 'approximate', 'News report',
      `Committed to sending personnel; the article gives no number and no date (dated to the article's week). Source: ${ARTICLE_NOTE}.`);
  }
  const usFunds = await createPledge({
    db, actor: null,
    input: {
      kind: 'funds', organisation: 'USA', title: 'United States funding for the mission', pledgedOn: ARTICLE_WEEK, datePrecision: 'approximate',
      description: `"The United States committed $100 million last week to support the initiative." The channel is not stated. Source: ${ARTICLE_NOTE}.`,
      amount: '100000000', currency: 'USD', channel: 'unspecified', source: article('Government of the United States'), classification: 'PUBLIC',
    },
  });
  const support: [InKindCategory, string][] = [['intelligence', 'Intelligence'], ['airlift', 'Airlift capabilities'], ['communications', 'Communications'], ['medical', 'Medical assistance']];
  const inKind = new Map<InKindCategory, string>();
  for (const [category, title] of support) {
    const pledge = await createPledge({
      db, actor: null,
      input: {
        kind: 'in_kind', organisation: 'USA', category, title: `${title} (US logistical support)`, pledgedOn: ARTICLE_WEEK, datePrecision: 'approximate',
        description: `Part of the logistical support the United States announced with its $100 million. Source: ${ARTICLE_NOTE}.`, source: article('Government of the United States'), classification: 'PUBLIC',
      },
    });
    inKind.set(category, pledge.id);
  }

  const events: [string, PledgeEventInput][] = [
    [kenya.id, { kind: 'confirmed', occurredOn: '2023-10-16', officers: 1000, note: 'Illustrative confirmation of the full pledge.', source: ILLUSTRATIVE }],
    [kenya.id, { kind: 'deployed', occurredOn: '2024-06-25', officers: 400, note: 'Illustrative first wave: 400 of 1,000 arrived.', source: ILLUSTRATIVE }],
    [kenya.id, { kind: 'deployed', occurredOn: '2024-07-16', officers: 200, note: 'Illustrative second wave.', source: ILLUSTRATIVE }],
    [usFunds.id, { kind: 'committed', occurredOn: '2023-11-15', amount: '50000000', note: 'Illustrative partial commitment.', source: ILLUSTRATIVE }],
    [usFunds.id, { kind: 'disbursed', occurredOn: '2024-02-01', amount: '20000000', note: 'Illustrative first disbursement.', source: ILLUSTRATIVE }],
    [inKind.get('airlift')!, { kind: 'delivered', occurredOn: '2024-06-25', note: 'Illustrative: the first wave flown in.', source: ILLUSTRATIVE }],
  ];
  for (const [pledgeId, input] of events) await recordEvent({ db, actor: null, pledgeId, input });

  const milestones: [owner: string, MilestoneInput][] = [
    ['KEN', {
      kind: 'assessment_mission', title: 'Kenyan assessment mission to Port-au-Prince', status: 'completed', organisation: 'KEN', location: 'Port-au-Prince, Haiti',
      metWith: ['High-ranking officials of the de-facto government led by Ariel Henry', 'The Haitian police', 'Diplomatic representatives of other countries'],
      actualStart: '2023-08-21', datePrecision: 'approximate',
      description: `Assessed the security situation. The article says "late August"; the day is approximate. Source: ${ARTICLE_NOTE}.`, source: article('News report'), classification: 'PUBLIC',
    }],
    ['MSS-HQ', {
      kind: 'authorisation', title: 'UN Security Council authorisation of the mission', status: 'pending',
      description: `Pending approval by the U.N. Security Council; Haiti's Prime Minister asked for it "as quickly as possible". Source: ${ARTICLE_NOTE}.`, source: article('News report'), classification: 'PUBLIC',
    }],
    ['MSS-HQ', {
      kind: 'initial_operating_capability', title: 'Force operational', status: 'planned',
      description: `Haiti's Prime Minister set the goal of making the force operational "in the coming months". Source: ${ARTICLE_NOTE}.`, source: article('Haitian Prime Minister Ariel Henry, at the 78th UN General Assembly'), classification: 'PUBLIC',
    }],
    ['MSS-HQ', {
      kind: 'election', title: 'Elections in Haiti', status: 'planned', location: 'Haiti',
      description: `Haiti's Prime Minister pledged to hold elections as soon as possible and to seek electoral consensus with international support. Source: ${ARTICLE_NOTE}.`, source: article('Haitian Prime Minister Ariel Henry, at the 78th UN General Assembly'), classification: 'PUBLIC',
    }],
    ['MSS-HQ', { kind: 'deployment_start', title: 'First contingent deployed (illustrative)', status: 'completed', organisation: 'KEN', plannedStart: '2024-01-01', actualStart: '2024-06-25', description: 'Illustrative: shows a milestone reached late.', source: ILLUSTRATIVE, classification: 'MISSION' }],
    ['MSS-HQ', { kind: 'full_operating_capability', title: 'Full operating capability (illustrative)', status: 'planned', plannedStart: '2024-12-31', description: 'Illustrative: shows a milestone that is late.', source: ILLUSTRATIVE, classification: 'MISSION' }],
  ];
  for (const [owner, input] of milestones) await createMilestone({ db, actor: null, input, owner });

  return `ledger: ${4 + 1 + support.length} pledges, ${events.length} fulfilment events, ${milestones.length} milestones (from "${ARTICLE_TITLE}"; records beyond it marked illustrative)`;
}
