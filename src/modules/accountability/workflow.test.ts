import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { AccountabilitySettings } from '../../shared/accountability.ts';
import { checkTransition, isOverdue, stageDeadline, type CaseFacts } from './workflow.ts';

const settings: AccountabilitySettings = { handoverDeadlineHours: 24, stageDays: { received: 7, urgentTriage: 2, triaged: 14, under_investigation: 90, referred: 60 } };
const base: CaseFacts = { status: 'under_investigation', category: 'excessive_force', complainantKind: null, investigators: 1, referrals: [] };

describe('case workflow', () => {
  test('moves only along the defined steps, each with what it needs', () => {
    assert.throws(() => checkTransition({ ...base, status: 'received' }, 'under_investigation', undefined), /cannot move to under_investigation/);
    assert.throws(() => checkTransition({ ...base, status: 'triaged', investigators: 0 }, 'under_investigation', undefined), /assign at least one investigator/);
    assert.doesNotThrow(() => checkTransition({ ...base, status: 'triaged' }, 'under_investigation', undefined));
    assert.throws(() => checkTransition(base, 'referred', undefined), /record the referral first/);
    assert.doesNotThrow(() => checkTransition({ ...base, referrals: ['hnp_inspectorate'] }, 'referred', undefined));
    assert.throws(() => checkTransition(base, 'closed', undefined), /needs an outcome/);
    assert.doesNotThrow(() => checkTransition(base, 'closed', 'unsubstantiated'));
    assert.throws(() => checkTransition({ ...base, status: 'received' }, 'closed', 'substantiated'), /only be closed as withdrawn/);
    assert.doesNotThrow(() => checkTransition({ ...base, status: 'received' }, 'closed', 'withdrawn'));
    assert.throws(() => checkTransition({ ...base, referrals: ['hnp_inspectorate'] }, 'referred', 'substantiated'), /only when closing/);
    assert.doesNotThrow(() => checkTransition({ ...base, status: 'closed' }, 'under_investigation', undefined));
  });

  test('a sexual abuse case is closed only after the survivor’s referral is recorded', () => {
    const sea: CaseFacts = { ...base, category: 'sexual_exploitation_abuse' };
    assert.throws(() => checkTransition(sea, 'closed', 'substantiated'), /survivor’s referral/);
    assert.doesNotThrow(() => checkTransition(sea, 'closed', 'withdrawn'));
    assert.doesNotThrow(() => checkTransition({ ...sea, referrals: ['psychosocial'] }, 'closed', 'substantiated'));
    assert.doesNotThrow(() => checkTransition({ ...sea, referrals: ['survivor_declined'] }, 'closed', 'substantiated'));
  });

  test('deadlines per stage, shorter for urgent categories; overdue once passed', () => {
    const from = new Date('2025-03-01T00:00:00Z');
    assert.equal(stageDeadline('received', null, from, settings), '2025-03-08T00:00:00.000Z');
    assert.equal(stageDeadline('received', 'sexual_exploitation_abuse', from, settings), '2025-03-03T00:00:00.000Z');
    assert.equal(stageDeadline('under_investigation', 'other', from, settings), '2025-05-30T00:00:00.000Z');
    assert.equal(stageDeadline('closed', 'other', from, settings), null);
    assert.equal(isOverdue('triaged', '2025-03-08T00:00:00.000Z', new Date('2025-03-09T00:00:00Z')), true);
    assert.equal(isOverdue('triaged', '2025-03-08T00:00:00.000Z', new Date('2025-03-07T00:00:00Z')), false);
    assert.equal(isOverdue('closed', null, new Date()), false);
  });
});
