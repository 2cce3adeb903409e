import type { AccountabilitySection } from '../../../shared/reports.ts';
import { complaintStatistics, listDetentions } from '../../accountability/index.ts';
import { within } from '../period.ts';
import type { SectionContext } from './context.ts';

/*
 * Accountability: the public complaint statistics (small numbers suppressed by
 * the accountability module itself) for the whole months the period spans,
 * and the detentions by mission units the audience may see.
 */

/** The register is read newest first, up to the module's page limit. */
const DETENTION_LIMIT = 500;

function monthsSpanned(fromDay: string, toDay: string): number {
  const months = (Number(toDay.slice(0, 4)) - Number(fromDay.slice(0, 4))) * 12 + Number(toDay.slice(5, 7)) - Number(fromDay.slice(5, 7)) + 1;
  return Math.min(60, Math.max(1, months));
}

export async function accountabilitySection({ db, viewer, period }: SectionContext): Promise<AccountabilitySection> {
  const months = monthsSpanned(period.fromDay, period.toDay);
  const end = new Date(period.endAt);
  const [complaints, detentions] = await Promise.all([
    complaintStatistics({ db, query: { months }, now: new Date(`${period.toDay}T12:00:00Z`) }),
    listDetentions({ db, viewer, query: { limit: DETENTION_LIMIT }, now: end }),
  ]);
  const inPeriod = detentions.filter((d) => within(d.detainedAt, period));
  const endedBy = (at: string | null) => at !== null && at <= period.endAt;
  const handedOver = inPeriod.filter((d) => endedBy(d.handedOverAt));
  const released = inPeriod.filter((d) => !endedBy(d.handedOverAt) && endedBy(d.releasedAt));
  const held = inPeriod.filter((d) => !endedBy(d.handedOverAt) && !endedBy(d.releasedAt));
  return {
    status: 'available',
    complaints: {
      from: complaints.from, to: complaints.to, total: complaints.total,
      byCategory: complaints.byCategory, byOutcome: complaints.byOutcome, note: complaints.note,
    },
    detentions: {
      recorded: inPeriod.length,
      handedOverInTime: handedOver.filter((d) => d.handedOverAt! <= d.handoverDueAt).length,
      handedOverLate: handedOver.filter((d) => d.handedOverAt! > d.handoverDueAt).length,
      released: released.length,
      stillHeld: held.length,
      overdue: held.filter((d) => d.handoverDueAt < period.endAt).length,
    },
    queries: [
      { service: 'accountability.complaintStatistics', params: { months, through: period.toDay } },
      { service: 'accountability.listDetentions', params: { detainedFrom: period.fromIso, detainedBefore: period.toIso, asOf: period.endAt } },
    ],
  };
}
