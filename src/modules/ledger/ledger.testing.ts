import type { Db } from '../../db/index.ts';
import { countRows } from '../refusals.testing.ts';
import type { PledgeInput, MilestoneInput, Source } from '../../shared/ledger.ts';

/** Small builders for the ledger's tests. */

export const TEST_SOURCE: Source = { announcedBy: 'Test announcer', title: 'Test document', url: 'https://example.org/pledge', illustrative: false };

type Label = Pick<PledgeInput, 'classification' | 'releasableTo'>;

export function personnelPledge(officers: number | null, extra: Partial<Extract<PledgeInput, { kind: 'personnel' }>> = {}): PledgeInput {
  return { kind: 'personnel', title: 'Police officers', pledgedOn: '2024-01-01', officers, source: TEST_SOURCE, classification: 'PUBLIC', ...extra };
}

export function fundsPledge(amount: string | number, currency = 'USD', extra: Partial<Extract<PledgeInput, { kind: 'funds' }>> & Label = { classification: 'PUBLIC' }): PledgeInput {
  return { kind: 'funds', title: 'Funding', pledgedOn: '2024-01-01', amount, currency: currency as 'USD', source: TEST_SOURCE, ...extra };
}

export function inKindPledge(category: 'airlift' | 'medical' | 'intelligence' | 'communications', extra: Partial<Extract<PledgeInput, { kind: 'in_kind' }>> = {}): PledgeInput {
  return { kind: 'in_kind', title: `Support: ${category}`, pledgedOn: '2024-01-01', category, source: TEST_SOURCE, classification: 'PUBLIC', ...extra };
}

export function milestone(extra: Partial<MilestoneInput> = {}): MilestoneInput {
  return { kind: 'deployment_start', title: 'Deployment starts', status: 'planned', plannedStart: '2024-03-01', source: TEST_SOURCE, classification: 'PUBLIC', ...extra };
}

/** Rows in the ledger's tables and the audit log: what a refused request must leave unchanged. */
const COUNTED = ['pledges', 'pledge_events', 'mandate_milestones', 'record_releases', 'audit_log'] as const;

export const rowCounts = (db: Db) => countRows(db, COUNTED);
