import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { cumulate, lateness, progressOf, replayPledge, seriesDates, type ReplayEvent } from './derive.ts';

let seq = 0;
function event(kind: string, occurredOn: string, amounts: { officers?: number; amountMinor?: number; overPledge?: boolean } = {}): ReplayEvent {
  seq += 1;
  return { id: `e${seq}`, kind, occurredOn, officers: amounts.officers ?? null, amountMinor: amounts.amountMinor ?? null, overPledge: amounts.overPledge ?? false, createdAt: `2024-01-01T00:00:${String(seq).padStart(2, '0')}Z` };
}
const officers = (n: number | null) => ({ officers: n, amountMinor: null, currency: null });
const code = (expected: string) => (error: { code?: string }) => error.code === expected;

describe('ledger derivations', () => {
  test('strength is arrivals less rotations and repatriations, in date order', () => {
    const events = [event('deployed', '2024-06-25', { officers: 400 }), event('deployed', '2024-07-16', { officers: 200 }), event('rotated_out', '2024-12-01', { officers: 150 }), event('repatriated', '2025-01-10', { officers: 50 }), event('confirmed', '2024-05-01', { officers: 1000 })];
    const progress = replayPledge(officers(1000), events);
    assert.equal(progress.deployedOfficers, 400);
    assert.equal(progress.confirmedOfficers, 1000);
    assert.deepEqual(progressOf(events), progress);
  });

  test('deploying beyond the pledge needs the over-pledge flag', () => {
    const waves = [event('deployed', '2024-06-25', { officers: 800 })];
    assert.throws(() => replayPledge(officers(1000), [...waves, event('deployed', '2024-07-01', { officers: 300 })]), (e: Error & { code?: string }) => code('OVER_PLEDGE')(e) && /1,100, beyond the 1,000 pledged: set overPledge/.test(e.message));
    assert.equal(replayPledge(officers(1000), [...waves, event('deployed', '2024-07-01', { officers: 300, overPledge: true })]).deployedOfficers, 1100);
    // Rotation replaces officers: arrivals beyond the pledge are fine while strength stays within it.
    assert.equal(replayPledge(officers(1000), [...waves, event('rotated_out', '2024-09-01', { officers: 500 }), event('deployed', '2024-09-01', { officers: 500 })]).deployedOfficers, 800);
    // An unspecified pledge sets no ceiling.
    assert.equal(replayPledge(officers(null), [event('deployed', '2024-06-25', { officers: 5000 })]).deployedOfficers, 5000);
    assert.throws(() => replayPledge(officers(100), [event('confirmed', '2024-06-25', { officers: 101 })]), code('OVER_PLEDGE'));
  });

  test('departures beyond strength are refused, also when a back-dated event makes a later one impossible', () => {
    assert.throws(() => replayPledge(officers(1000), [event('deployed', '2024-06-25', { officers: 400 }), event('repatriated', '2024-07-01', { officers: 401 })]), (e: Error & { code?: string }) => code('OVER_REPATRIATION')(e) && /more than the 400 deployed/.test(e.message));
    const history = [event('deployed', '2024-06-25', { officers: 400 }), event('repatriated', '2024-08-01', { officers: 400 })];
    assert.throws(() => replayPledge(officers(1000), [...history, event('rotated_out', '2024-07-01', { officers: 1 })]), /on 2024-08-01, repatriating 400 officers is more than the 399 deployed/);
    assert.throws(() => replayPledge(officers(1000), [event('repatriated', '2024-06-24', { officers: 1 }), event('deployed', '2024-06-25', { officers: 400 })]), code('OVER_REPATRIATION'));
  });

  test('payments never exceed commitments, and commitments need the flag beyond the pledge', () => {
    const funds = { officers: null, amountMinor: 100_00, currency: 'USD' };
    assert.throws(() => replayPledge(funds, [event('committed', '2024-02-01', { amountMinor: 50_00 }), event('disbursed', '2024-02-02', { amountMinor: 60_00 })]), code('OVER_DISBURSEMENT'));
    assert.throws(() => replayPledge(funds, [event('disbursed', '2024-01-31', { amountMinor: 10_00 }), event('committed', '2024-02-01', { amountMinor: 50_00 })]), code('OVER_DISBURSEMENT'));
    assert.throws(() => replayPledge(funds, [event('committed', '2024-02-01', { amountMinor: 120_00 })]), code('OVER_PLEDGE'));
    const ok = replayPledge(funds, [event('committed', '2024-02-01', { amountMinor: 60_00 }), event('disbursed', '2024-03-01', { amountMinor: 25_00 }), event('disbursed', '2024-04-01', { amountMinor: 35_00 })]);
    assert.deepEqual([ok.committedMinor, ok.paidMinor], [60_00, 60_00]);
  });

  test('series: daily changes cumulate into points at the end of each day or week', () => {
    assert.deepEqual(seriesDates('2024-01-01', '2024-01-03', 'day'), ['2024-01-01', '2024-01-02', '2024-01-03']);
    assert.deepEqual(seriesDates('2024-01-01', '2024-01-20', 'week'), ['2024-01-01', '2024-01-08', '2024-01-15', '2024-01-20']);
    assert.deepEqual(seriesDates('2024-02-28', '2024-03-01', 'day'), ['2024-02-28', '2024-02-29', '2024-03-01']);
    assert.throws(() => seriesDates('2024-02-01', '2024-01-01', 'day'), /to \(2024-01-01\) is before from \(2024-02-01\)/);
    assert.throws(() => seriesDates('1900-01-01', '2024-01-01', 'day'), /at most/);
    const points = cumulate(
      [
        { organisationCode: 'KEN', date: '2023-07-01', pledged: 1000, confirmed: 0, deployed: 0 },
        { organisationCode: 'KEN', date: '2024-01-02', pledged: 0, confirmed: 0, deployed: 400 },
        { organisationCode: 'KEN', date: '2024-01-03', pledged: 0, confirmed: 0, deployed: -100 },
      ],
      ['2024-01-01', '2024-01-02', '2024-01-03'],
    );
    assert.deepEqual(points.map((p) => [p.pledged, p.deployed]), [[1000, 0], [1000, 400], [1000, 300]]);
  });

  test('a milestone is late when open past its planned date; a closed one says how late it came', () => {
    const base = { plannedStart: '2024-01-01', plannedEnd: null, actualStart: null, actualEnd: null };
    assert.deepEqual(lateness({ ...base, status: 'planned' }, '2024-01-11'), { late: true, daysLate: 10 });
    assert.deepEqual(lateness({ ...base, status: 'planned' }, '2024-01-01'), { late: false, daysLate: 0 });
    assert.deepEqual(lateness({ ...base, plannedEnd: '2024-01-31', status: 'in_progress' }, '2024-01-11'), { late: false, daysLate: 0 });
    assert.deepEqual(lateness({ ...base, status: 'completed', actualStart: '2024-06-25' }, '2025-01-01'), { late: false, daysLate: 176 });
    assert.deepEqual(lateness({ ...base, status: 'cancelled' }, '2025-01-01'), { late: false, daysLate: 0 });
    assert.deepEqual(lateness({ ...base, plannedStart: null, status: 'pending' }, '2025-01-01'), { late: false, daysLate: 0 });
  });
});
