import { randomUUID } from 'node:crypto';
import { AppError, notFound } from '../../shared/errors.ts';
import { EVENT_KINDS_BY_PLEDGE_KIND, PledgeEventInput, VoidEventInput, type CurrencyCode, type PledgeEvent, type PledgeKind } from '../../shared/ledger.ts';
import type { Db } from '../../db/index.ts';
import type { PledgeEventsTable } from '../../db/tables/ledger.ts';
import { appendAudit, type Actor, type Viewer } from '../auth/index.ts';
import { replayPledge } from './derive.ts';
import { assertMayChange } from './ledger.policy.ts';
import { toMinorUnits, usdCents } from './money.ts';
import { presentEvent, toReplayEvent } from './present.ts';
import { findForWriter, lockPledge, moneyFormatter } from './pledges.service.ts';
import * as repo from './pledges.repo.ts';

/*
 * Fulfilment: dated events against a pledge. The history is kept — a wrong
 * event is voided with a reason, never deleted — and every change replays the
 * pledge's whole history, so strength, commitments and payments always add up.
 */

function invalid(path: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', `invalid input: ${path}: ${message}`, [{ path, message }]);
}

export interface RecordEventProps {
  db: Db;
  actor: Actor | null;
  pledgeId: string;
  input: PledgeEventInput;
}

export async function recordEvent({ db, actor, pledgeId, input }: RecordEventProps): Promise<PledgeEvent> {
  const parsed = PledgeEventInput.parse(input);
  return db.transaction().execute(async (trx) => {
    await lockPledge(trx, pledgeId);
    const pledge = await findForWriter(trx, actor, pledgeId);
    assertMayChange(actor, pledge, 'pledge');
    const kind = pledge.kind as PledgeKind;
    const allowed = EVENT_KINDS_BY_PLEDGE_KIND[kind];
    if (!allowed.includes(parsed.kind)) throw invalid('kind', `a ${kind} pledge takes ${allowed.join(', ')} events, not ${parsed.kind}`);
    if (parsed.occurredOn < pledge.pledged_on) throw invalid('occurredOn', `${parsed.occurredOn} is before the pledge was made (${pledge.pledged_on})`);
    if (parsed.quantity !== undefined && kind !== 'in_kind') throw invalid('quantity', `a ${kind} pledge's events have no quantity`);
    const currency = pledge.currency as CurrencyCode | null;
    const amountMinor = parsed.amount !== undefined && currency ? toMinorUnits(parsed.amount, currency) : null;
    const row: PledgeEventsTable = {
      id: randomUUID(),
      pledge_id: pledgeId,
      kind: parsed.kind,
      occurred_on: parsed.occurredOn,
      officers: parsed.officers ?? null,
      amount_minor: amountMinor,
      usd_cents: amountMinor !== null && currency ? usdCents(amountMinor, currency, pledge.usd_rate ?? '1') : null,
      quantity: parsed.quantity ?? null,
      over_pledge: parsed.overPledge ? 1 : 0,
      note: parsed.note,
      source_announced_by: parsed.source?.announcedBy ?? null,
      source_title: parsed.source?.title ?? null,
      source_url: parsed.source?.url ?? null,
      illustrative: parsed.source?.illustrative ? 1 : 0,
      voided_at: null,
      void_reason: null,
      created_by: actor?.userId ?? null,
      created_at: new Date().toISOString(),
    };
    const history = await repo.eventsOf(trx, [pledgeId], { includeVoided: false });
    replayPledge({ officers: pledge.officers, amountMinor: pledge.amount_minor === null ? null : Number(pledge.amount_minor), currency }, [...history, row].map(toReplayEvent), moneyFormatter(currency));
    await repo.insertEvent(trx, row);
    await appendAudit(trx, { actor, action: 'record', entityType: 'pledge_event', entityId: row.id, details: { pledgeId, after: parsed } });
    return presentEvent(row, currency);
  });
}

export interface VoidEventProps {
  db: Db;
  actor: Actor | null;
  pledgeId: string;
  eventId: string;
  input: { reason: string };
}

/** Voids a wrong event; refused when later events need it (a repatriation needs the arrivals before it). */
export async function voidEvent({ db, actor, pledgeId, eventId, input }: VoidEventProps): Promise<PledgeEvent> {
  const { reason } = VoidEventInput.parse(input);
  return db.transaction().execute(async (trx) => {
    await lockPledge(trx, pledgeId);
    const pledge = await findForWriter(trx, actor, pledgeId);
    assertMayChange(actor, pledge, 'pledge');
    const history = await repo.eventsOf(trx, [pledgeId], { includeVoided: true });
    const event = history.find((e) => e.id === eventId);
    if (!event) throw notFound('event');
    if (event.voided_at !== null) throw new AppError('CONFLICT', `this event was voided already on ${event.voided_at}`);
    const currency = pledge.currency as CurrencyCode | null;
    const remaining = history.filter((e) => e.voided_at === null && e.id !== eventId);
    replayPledge({ officers: pledge.officers, amountMinor: pledge.amount_minor === null ? null : Number(pledge.amount_minor), currency }, remaining.map(toReplayEvent), moneyFormatter(currency));
    const at = new Date().toISOString();
    await repo.voidEvent(trx, eventId, at, reason);
    await appendAudit(trx, { actor, action: 'void', entityType: 'pledge_event', entityId: eventId, details: { pledgeId, reason } });
    return presentEvent({ ...event, voided_at: at, void_reason: reason }, currency);
  });
}

/** A pledge's events, voided ones included; 404 when the pledge is absent or not visible. */
export async function listEvents({ db, viewer, pledgeId }: { db: Db; viewer: Viewer; pledgeId: string }): Promise<PledgeEvent[]> {
  const pledge = await repo.findVisible(db, viewer, pledgeId);
  if (!pledge) throw notFound('pledge');
  const events = await repo.eventsOf(db, [pledgeId], { includeVoided: true });
  return events.map((e) => presentEvent(e, pledge.currency as CurrencyCode | null));
}
