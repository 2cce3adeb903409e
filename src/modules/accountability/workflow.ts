import { AUTHORITY_REFERRALS, SURVIVOR_REFERRALS, URGENT_CATEGORIES, type AccountabilitySettings, type ComplaintCategory, type ComplaintStatus, type Outcome, type ReferralKind } from '../../shared/accountability.ts';
import { AppError } from '../../shared/errors.ts';

/*
 * The case workflow: received -> triaged -> under investigation -> referred
 * -> closed, each open stage with a deadline. Pure rules; the service applies
 * them inside its transaction.
 */

const NEXT: Record<ComplaintStatus, readonly ComplaintStatus[]> = {
  received: ['triaged', 'closed'],
  triaged: ['under_investigation', 'closed'],
  under_investigation: ['referred', 'closed'],
  referred: ['under_investigation', 'closed'],
  closed: ['under_investigation'],
};

export interface CaseFacts {
  status: ComplaintStatus;
  category: ComplaintCategory | null;
  complainantKind: ComplaintCategory | null;
  investigators: number;
  referrals: readonly ReferralKind[];
}

/** Throws a CONFLICT naming what is missing when the case may not move to `to`. */
export function checkTransition(facts: CaseFacts, to: ComplaintStatus, outcome: Outcome | undefined): void {
  if (!NEXT[facts.status].includes(to)) {
    throw new AppError('CONFLICT', `a ${facts.status} case cannot move to ${to}; from ${facts.status} it can move to ${NEXT[facts.status].join(' or ')}`);
  }
  if (to === 'triaged') throw new AppError('CONFLICT', 'triage a case with POST …/triage, which records its category and severity');
  if (to === 'under_investigation' && facts.investigators === 0) throw new AppError('CONFLICT', 'assign at least one investigator before the investigation starts');
  if (to === 'referred' && !facts.referrals.some((k) => AUTHORITY_REFERRALS.includes(k))) {
    throw new AppError('CONFLICT', 'record the referral first (to the contributing nation’s authorities or the HNP inspectorate)');
  }
  if (to === 'closed') {
    if (!outcome) throw new AppError('CONFLICT', 'closing a case needs an outcome: substantiated, unsubstantiated or withdrawn');
    if (facts.status === 'received' && outcome !== 'withdrawn') throw new AppError('CONFLICT', 'a case not yet triaged can only be closed as withdrawn');
    if (outcome !== 'withdrawn' && survivorReferralNeeded(facts)) {
      throw new AppError('CONFLICT', 'a sexual exploitation and abuse case is closed only once the survivor’s referral to services (or their refusal) is recorded');
    }
  }
  if (to !== 'closed' && outcome) throw new AppError('CONFLICT', 'an outcome is given only when closing a case');
}

/** A sexual exploitation and abuse case with no survivor referral recorded yet. */
export function survivorReferralNeeded(facts: Pick<CaseFacts, 'category' | 'complainantKind' | 'referrals'>): boolean {
  const sea = (facts.category ?? facts.complainantKind) === 'sexual_exploitation_abuse';
  return sea && !facts.referrals.some((k) => SURVIVOR_REFERRALS.includes(k));
}

const DAY_MS = 86_400_000;

/** When the stage the case enters must be done, or null for a closed case. */
export function stageDeadline(status: ComplaintStatus, category: ComplaintCategory | null, from: Date, settings: AccountabilitySettings): string | null {
  if (status === 'closed') return null;
  const days = status === 'received' && category && URGENT_CATEGORIES.includes(category) ? settings.stageDays.urgentTriage : settings.stageDays[status];
  return new Date(from.getTime() + days * DAY_MS).toISOString();
}

export function isOverdue(status: string, stageDueAt: string | null, now: Date): boolean {
  return status !== 'closed' && stageDueAt !== null && stageDueAt < now.toISOString();
}
