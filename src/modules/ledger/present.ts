import {
  DatePrecision, EventKind, FundingChannel, InKindCategory, PledgeKind, UnitKind,
  type CurrencyCode, type Pledge, type PledgeEvent, type Source,
} from '../../shared/ledger.ts';
import { Classification } from '../../shared/access.ts';
import type { PledgeEventsTable } from '../../db/tables/ledger.ts';
import { progressOf, type ReplayEvent } from './derive.ts';
import { centsToUsd, fromMinorUnits } from './money.ts';
import type { PledgeRow } from './pledges.repo.ts';

/** Rows as the API shows them. */

export function sourceOf(row: { source_announced_by: string | null; source_title: string | null; source_url: string | null; illustrative: number }): Source | null {
  if (row.source_announced_by === null || row.source_title === null) return null;
  return { announcedBy: row.source_announced_by, title: row.source_title, url: row.source_url, illustrative: row.illustrative === 1 };
}

export function toReplayEvent(row: PledgeEventsTable): ReplayEvent {
  return { id: row.id, kind: row.kind, occurredOn: row.occurred_on, officers: row.officers, amountMinor: row.amount_minor, overPledge: row.over_pledge === 1, createdAt: row.created_at };
}

export function presentEvent(row: PledgeEventsTable, currency: CurrencyCode | null): PledgeEvent {
  return {
    id: row.id,
    pledgeId: row.pledge_id,
    kind: EventKind.parse(row.kind),
    occurredOn: row.occurred_on,
    officers: row.officers,
    amount: row.amount_minor !== null && currency ? fromMinorUnits(Number(row.amount_minor), currency) : null,
    usdValue: row.usd_cents !== null ? centsToUsd(Number(row.usd_cents)) : null,
    quantity: row.quantity,
    overPledge: row.over_pledge === 1,
    note: row.note,
    source: sourceOf(row),
    voided: row.voided_at !== null ? { at: row.voided_at, reason: row.void_reason ?? '' } : null,
    createdAt: row.created_at,
  };
}

/** A pledge with its progress, derived from its (non-voided) events. */
export function presentPledge(row: PledgeRow, events: readonly PledgeEventsTable[], releasableTo: string[]): Pledge {
  const currency = row.currency as CurrencyCode | null;
  const live = events.filter((e) => e.voided_at === null);
  const progress = progressOf(live.map(toReplayEvent));
  const usdOf = (kind: string) => centsToUsd(live.filter((e) => e.kind === kind).reduce((sum, e) => sum + Number(e.usd_cents ?? 0), 0));
  const money = (minor: number) => (currency ? fromMinorUnits(minor, currency) : '0');
  return {
    id: row.id,
    kind: PledgeKind.parse(row.kind),
    organisation: row.organisation_code,
    organisationName: row.organisation_name,
    title: row.title,
    description: row.description,
    pledgedOn: row.pledged_on,
    datePrecision: DatePrecision.parse(row.date_precision),
    source: sourceOf(row)!,
    officers: row.officers,
    unitKind: row.unit_kind === null ? null : UnitKind.parse(row.unit_kind),
    amount: row.amount_minor !== null && currency ? fromMinorUnits(Number(row.amount_minor), currency) : null,
    currency,
    usdRate: row.usd_rate,
    usdValue: row.usd_cents !== null ? centsToUsd(Number(row.usd_cents)) : null,
    channel: row.channel === null ? null : FundingChannel.parse(row.channel),
    category: row.category === null ? null : InKindCategory.parse(row.category),
    quantity: row.quantity,
    unit: row.unit,
    progress: {
      confirmedOfficers: progress.confirmedOfficers,
      deployedOfficers: progress.deployedOfficers,
      committed: { amount: money(progress.committedMinor), usd: usdOf('committed') },
      paid: { amount: money(progress.paidMinor), usd: usdOf('disbursed') },
      inKindStatus: row.kind === 'in_kind' ? progress.inKindStatus : null,
    },
    classification: Classification.parse(row.classification),
    owner: row.owner_code,
    releasableTo,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
