import { AppError } from '../../shared/errors.ts';
import { CLOSED_MILESTONE_STATUSES, type EventKind, type MilestoneStatus, type SeriesPoint } from '../../shared/ledger.ts';

/*
 * The ledger's derivations, pure and in memory: what a pledge's events add up
 * to (and whether they may), strength over time, and lateness. Nothing here is
 * typed in by a user: strength is always the sum of arrivals less departures.
 */

export interface ReplayPledge {
  /** Personnel: null when unspecified, which sets no ceiling. */
  officers: number | null;
  /** Funds: the pledged amount in minor units. */
  amountMinor: number | null;
  currency: string | null;
}

export interface ReplayEvent {
  id: string;
  kind: EventKind | string;
  occurredOn: string;
  officers: number | null;
  amountMinor: number | null;
  overPledge: boolean;
  createdAt: string;
}

export interface PledgeProgress {
  confirmedOfficers: number;
  /** Current strength: arrivals less rotations and repatriations. */
  deployedOfficers: number;
  committedMinor: number;
  paidMinor: number;
  inKindStatus: 'pledged' | 'delivered' | 'in_service' | 'ended';
}

/** Events in the order they happened; same-day events in the order they were recorded. */
export function inOrder<E extends Pick<ReplayEvent, 'occurredOn' | 'createdAt' | 'id'>>(events: readonly E[]): E[] {
  return [...events].sort((a, b) => a.occurredOn.localeCompare(b.occurredOn) || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

const formatNumber = (n: number) => n.toLocaleString('en-US');

/**
 * Replays a pledge's events and returns what they add up to, or throws at the
 * first event that breaks a rule: strength or commitments beyond the pledge
 * without the over-pledge flag, departures beyond strength, payments beyond
 * commitments. Replaying the whole history catches a back-dated event that
 * would make a later one impossible.
 */
export function replayPledge(pledge: ReplayPledge, events: readonly ReplayEvent[], formatMoney: (minor: number) => string = String): PledgeProgress {
  const progress: PledgeProgress = { confirmedOfficers: 0, deployedOfficers: 0, committedMinor: 0, paidMinor: 0, inKindStatus: 'pledged' };
  const ceiling = pledge.officers;
  for (const event of inOrder(events)) {
    const officers = event.officers ?? 0;
    const amount = event.amountMinor ?? 0;
    const on = `on ${event.occurredOn}`;
    switch (event.kind) {
      case 'confirmed':
        progress.confirmedOfficers += officers;
        if (ceiling !== null && progress.confirmedOfficers > ceiling && !event.overPledge) {
          throw new AppError('OVER_PLEDGE', `${on}, confirming ${formatNumber(officers)} officers would bring confirmed officers to ${formatNumber(progress.confirmedOfficers)}, beyond the ${formatNumber(ceiling)} pledged: set overPledge to true to record more than was pledged`, { occurredOn: event.occurredOn, pledged: ceiling, wouldBe: progress.confirmedOfficers });
        }
        break;
      case 'deployed':
        progress.deployedOfficers += officers;
        if (ceiling !== null && progress.deployedOfficers > ceiling && !event.overPledge) {
          throw new AppError('OVER_PLEDGE', `${on}, deploying ${formatNumber(officers)} officers would bring strength under this pledge to ${formatNumber(progress.deployedOfficers)}, beyond the ${formatNumber(ceiling)} pledged: set overPledge to true to deploy more than was pledged`, { occurredOn: event.occurredOn, pledged: ceiling, wouldBe: progress.deployedOfficers });
        }
        break;
      case 'rotated_out':
      case 'repatriated':
        if (officers > progress.deployedOfficers) {
          throw new AppError('OVER_REPATRIATION', `${on}, ${event.kind === 'repatriated' ? 'repatriating' : 'rotating out'} ${formatNumber(officers)} officers is more than the ${formatNumber(progress.deployedOfficers)} deployed under this pledge at that date`, { occurredOn: event.occurredOn, deployed: progress.deployedOfficers, leaving: officers });
        }
        progress.deployedOfficers -= officers;
        break;
      case 'committed':
        progress.committedMinor += amount;
        if (pledge.amountMinor !== null && progress.committedMinor > pledge.amountMinor && !event.overPledge) {
          throw new AppError('OVER_PLEDGE', `${on}, committing ${formatMoney(amount)} would bring commitments to ${formatMoney(progress.committedMinor)}, beyond the ${formatMoney(pledge.amountMinor)} pledged: set overPledge to true to commit more than was pledged`, { occurredOn: event.occurredOn });
        }
        break;
      case 'disbursed':
        progress.paidMinor += amount;
        if (progress.paidMinor > progress.committedMinor) {
          throw new AppError('OVER_DISBURSEMENT', `${on}, disbursing ${formatMoney(amount)} would bring payments to ${formatMoney(progress.paidMinor)}, more than the ${formatMoney(progress.committedMinor)} committed by that date: record the commitment first`, { occurredOn: event.occurredOn });
        }
        break;
      case 'delivered':
      case 'in_service':
      case 'ended':
        progress.inKindStatus = event.kind;
        break;
      default:
        throw new AppError('INTERNAL', `unknown ledger event kind ${event.kind}`);
    }
  }
  return progress;
}

/** What stored events add up to, without judging them again: they were checked when written. */
export function progressOf(events: readonly Pick<ReplayEvent, 'kind' | 'occurredOn' | 'createdAt' | 'id' | 'officers' | 'amountMinor'>[]): PledgeProgress {
  const progress: PledgeProgress = { confirmedOfficers: 0, deployedOfficers: 0, committedMinor: 0, paidMinor: 0, inKindStatus: 'pledged' };
  for (const event of inOrder(events)) {
    const officers = event.officers ?? 0;
    if (event.kind === 'confirmed') progress.confirmedOfficers += officers;
    else if (event.kind === 'deployed') progress.deployedOfficers += officers;
    else if (event.kind === 'rotated_out' || event.kind === 'repatriated') progress.deployedOfficers -= officers;
    else if (event.kind === 'committed') progress.committedMinor += event.amountMinor ?? 0;
    else if (event.kind === 'disbursed') progress.paidMinor += event.amountMinor ?? 0;
    else if (event.kind === 'delivered' || event.kind === 'in_service' || event.kind === 'ended') progress.inKindStatus = event.kind;
  }
  return progress;
}

// ---- Dates ------------------------------------------------------------------

const DAY_MS = 86_400_000;
const toDays = (isoDate: string) => Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS);
const fromDays = (days: number) => new Date(days * DAY_MS).toISOString().slice(0, 10);

export function addDays(isoDate: string, days: number): string {
  return fromDays(toDays(isoDate) + days);
}

export function daysBetween(from: string, to: string): number {
  return toDays(to) - toDays(from);
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export const MAX_SERIES_POINTS = 3700;

/** The dates of a series: every day or every 7 days from `from`, and `to` itself last. */
export function seriesDates(from: string, to: string, interval: 'day' | 'week'): string[] {
  const step = interval === 'day' ? 1 : 7;
  const span = daysBetween(from, to);
  if (span < 0) throw new AppError('VALIDATION_FAILED', `invalid querystring: to (${to}) is before from (${from})`, [{ path: 'to', message: `to (${to}) is before from (${from})` }]);
  if (span / step + 1 > MAX_SERIES_POINTS) {
    const message = `${Math.ceil(span / step) + 1} points asked, at most ${MAX_SERIES_POINTS}: shorten the range or use interval=week`;
    throw new AppError('VALIDATION_FAILED', `invalid querystring: to: ${message}`, [{ path: 'to', message }]);
  }
  const dates: string[] = [];
  for (let offset = 0; offset <= span; offset += step) dates.push(addDays(from, offset));
  if (dates.at(-1) !== to) dates.push(to);
  return dates;
}

/** One day's change for one organisation: officers pledged, confirmed, arrived less departed. */
export interface DailyDelta {
  organisationCode: string;
  date: string;
  pledged: number;
  confirmed: number;
  deployed: number;
}

/**
 * Cumulates daily changes into points at the given dates, each the state at
 * the end of that day. Changes before the first date count towards it.
 */
export function cumulate(deltas: readonly DailyDelta[], dates: readonly string[]): SeriesPoint[] {
  const sorted = [...deltas].sort((a, b) => a.date.localeCompare(b.date));
  const points: SeriesPoint[] = [];
  const running = { pledged: 0, confirmed: 0, deployed: 0 };
  let next = 0;
  for (const date of dates) {
    for (; next < sorted.length && sorted[next]!.date <= date; next += 1) {
      running.pledged += sorted[next]!.pledged;
      running.confirmed += sorted[next]!.confirmed;
      running.deployed += sorted[next]!.deployed;
    }
    points.push({ date, ...running });
  }
  return points;
}

// ---- Milestones ---------------------------------------------------------------

export interface MilestoneTiming {
  status: MilestoneStatus | string;
  plannedStart: string | null;
  plannedEnd: string | null;
  actualStart: string | null;
  actualEnd: string | null;
}

/**
 * A milestone is late when it is still open and its planned date (the end of
 * the planned window, else its start) has passed. daysLate also says how late
 * a closed milestone came: its actual date after the planned one.
 */
export function lateness(m: MilestoneTiming, asOf: string): { late: boolean; daysLate: number } {
  const due = m.plannedEnd ?? m.plannedStart;
  if (due === null) return { late: false, daysLate: 0 };
  const closed = CLOSED_MILESTONE_STATUSES.includes(m.status as MilestoneStatus);
  if (closed) {
    const happened = m.actualEnd ?? m.actualStart;
    return { late: false, daysLate: happened === null || m.status === 'cancelled' ? 0 : Math.max(0, daysBetween(due, happened)) };
  }
  const days = daysBetween(due, asOf);
  return { late: days > 0, daysLate: Math.max(0, days) };
}
