import { randomUUID } from 'node:crypto';
import { AppError, notFound } from '../../shared/errors.ts';
import { PledgeInput, PledgePatch, type CurrencyCode, type Pledge, type PledgeDetail, type PledgeInputParsed, type PledgeKind } from '../../shared/ledger.ts';
import { lockForSerialWrite, type Db } from '../../db/index.ts';
import type { PledgesTable } from '../../db/tables/ledger.ts';
import { appendAudit, organisationIdsForCodes, releasableToCodes, setReleasableTo, type Actor, type Viewer } from '../auth/index.ts';
import { replayPledge } from './derive.ts';
import { assertMayChange, assertMayRecordFor } from './ledger.policy.ts';
import { fromMinorUnits, normaliseRate, toMinorUnits, usdCents } from './money.ts';
import { presentEvent, presentPledge, toReplayEvent } from './present.ts';
import * as repo from './pledges.repo.ts';

/*
 * Pledges: record, correct, read. Writers are an Actor, or null for the
 * system (command line, demo), whose records belong to the pledging
 * organisation.
 */

/** Serialises writers of one pledge on PostgreSQL, so two deployments cannot both pass the ceiling. */
export async function lockPledge(trx: Db, pledgeId: string): Promise<void> {
  let hash = 0x811c9dc5;
  for (const char of `pledge:${pledgeId}`) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193);
  await lockForSerialWrite(trx, hash | 0);
}

/** Reads as the writer: the actor, or for the system the record's owner. */
export function viewerOf(actor: Actor | null, ownerOrgId: string): Viewer {
  return actor ?? { organisationId: ownerOrgId, isMissionMember: false };
}

async function present(db: Db, rows: repo.PledgeRow[]): Promise<Pledge[]> {
  const ids = rows.map((r) => r.id);
  const lists = await releasableToCodes(db, 'pledges', ids);
  const events = await repo.eventsOf(db, ids, { includeVoided: false });
  const byPledge = new Map<string, typeof events>();
  for (const event of events) byPledge.set(event.pledge_id, [...(byPledge.get(event.pledge_id) ?? []), event]);
  return rows.map((row) => presentPledge(row, byPledge.get(row.id) ?? [], lists.get(row.id) ?? []));
}

export interface ListPledgesProps {
  db: Db;
  viewer: Viewer;
  kind?: PledgeKind | undefined;
  /** Organisation code of the pledging organisation. */
  organisation?: string | undefined;
  limit?: number;
}

export async function listPledges({ db, viewer, kind, organisation, limit = 500 }: ListPledgesProps): Promise<Pledge[]> {
  const organisationId = organisation ? (await organisationIdsForCodes(db, [organisation], 'organisation'))[0] : undefined;
  return present(db, await repo.listVisible(db, viewer, { kind, organisationId, limit }));
}

export async function countPledges({ db, viewer, kind }: { db: Db; viewer: Viewer; kind?: PledgeKind }): Promise<number> {
  return repo.countVisible(db, viewer, kind);
}

/** One pledge with its whole history, voided events included; 404 when absent or not visible. */
export async function getPledge({ db, viewer, id }: { db: Db; viewer: Viewer; id: string }): Promise<PledgeDetail> {
  const row = await repo.findVisible(db, viewer, id);
  if (!row) throw notFound('pledge');
  const [pledge] = await present(db, [row]);
  const events = await repo.eventsOf(db, [id], { includeVoided: true });
  return { ...pledge!, events: events.map((e) => presentEvent(e, row.currency as CurrencyCode | null)) };
}

type PledgeColumns = Omit<PledgesTable, 'id' | 'organisation_id' | 'owner_org_id' | 'created_by' | 'created_at' | 'updated_at'>;

/** The columns a validated pledge fills; fields of the other kinds stay null. */
function columnsOf(parsed: PledgeInputParsed): PledgeColumns {
  const common = {
    kind: parsed.kind,
    title: parsed.title,
    description: parsed.description,
    pledged_on: parsed.pledgedOn,
    date_precision: parsed.datePrecision,
    source_announced_by: parsed.source.announcedBy,
    source_title: parsed.source.title,
    source_url: parsed.source.url,
    illustrative: parsed.source.illustrative ? 1 : 0,
    classification: parsed.classification,
    officers: null, unit_kind: null, amount_minor: null, currency: null, usd_rate: null, usd_cents: null, channel: null, category: null, quantity: null, unit: null,
  };
  switch (parsed.kind) {
    case 'personnel':
      return { ...common, officers: parsed.officers, unit_kind: parsed.unitKind };
    case 'funds': {
      const amountMinor = toMinorUnits(parsed.amount, parsed.currency);
      const rate = normaliseRate(parsed.usdRate, parsed.currency);
      return { ...common, amount_minor: amountMinor, currency: parsed.currency, usd_rate: rate, usd_cents: usdCents(amountMinor, parsed.currency, rate), channel: parsed.channel };
    }
    case 'in_kind':
      return { ...common, category: parsed.category, quantity: parsed.quantity, unit: parsed.unit };
  }
}

/** A RESTRICTED pledge is always released to the organisation that made it. */
async function releaseIdsFor(trx: Db, parsed: { classification: string; releasableTo: string[] }, pledgerId: string, ownerId: string): Promise<string[]> {
  if (parsed.classification !== 'RESTRICTED') return [];
  const ids = await organisationIdsForCodes(trx, parsed.releasableTo, 'releasableTo');
  return pledgerId === ownerId ? ids : [...ids, pledgerId];
}

export interface CreatePledgeProps {
  db: Db;
  /** null for the system (command line, demo). */
  actor: Actor | null;
  input: PledgeInput;
}

export async function createPledge({ db, actor, input }: CreatePledgeProps): Promise<PledgeDetail> {
  const parsed = PledgeInput.parse(input);
  const pledgerCode = parsed.organisation ?? actor?.organisationCode;
  if (!pledgerCode) throw new AppError('VALIDATION_FAILED', 'invalid input: organisation: name the pledging organisation', [{ path: 'organisation', message: 'name the pledging organisation' }]);
  const columns = columnsOf(parsed);
  const { id, ownerId } = await db.transaction().execute(async (trx) => {
    const [pledgerId] = await organisationIdsForCodes(trx, [pledgerCode], 'organisation');
    assertMayRecordFor(actor, pledgerId!, pledgerCode);
    const ownerId = actor?.organisationId ?? pledgerId!;
    const now = new Date().toISOString();
    const row: PledgesTable = { id: randomUUID(), ...columns, organisation_id: pledgerId!, owner_org_id: ownerId, created_by: actor?.userId ?? null, created_at: now, updated_at: now };
    await repo.insertPledge(trx, row);
    await setReleasableTo(trx, 'pledges', row.id, await releaseIdsFor(trx, parsed, pledgerId!, ownerId));
    await appendAudit(trx, { actor, action: 'create', entityType: 'pledge', entityId: row.id, details: { after: { ...parsed, organisation: pledgerCode } } });
    return { id: row.id, ownerId };
  });
  return getPledge({ db, viewer: viewerOf(actor, ownerId), id });
}

const FIELDS_BY_KIND: Record<PledgeKind, readonly string[]> = {
  personnel: ['officers', 'unitKind'],
  funds: ['amount', 'currency', 'usdRate', 'channel'],
  in_kind: ['category', 'quantity', 'unit'],
};

/** The pledge as an input again, so a correction is validated by the same schema as a new pledge. */
function inputOf(row: repo.PledgeRow, releasableTo: string[]): Record<string, unknown> {
  const currency = row.currency as CurrencyCode | null;
  const base = {
    kind: row.kind, organisation: row.organisation_code, title: row.title, description: row.description, pledgedOn: row.pledged_on, datePrecision: row.date_precision,
    source: { announcedBy: row.source_announced_by, title: row.source_title, url: row.source_url, illustrative: row.illustrative === 1 },
    classification: row.classification, releasableTo,
  };
  if (row.kind === 'personnel') return { ...base, officers: row.officers, unitKind: row.unit_kind };
  if (row.kind === 'funds') return { ...base, amount: fromMinorUnits(Number(row.amount_minor), currency!), currency, usdRate: row.usd_rate, channel: row.channel };
  return { ...base, category: row.category, quantity: row.quantity, unit: row.unit };
}

export interface CorrectPledgeProps {
  db: Db;
  actor: Actor | null;
  id: string;
  input: PledgePatch;
}

/** Corrects a pledge; its events must still add up under the corrected values. */
export async function correctPledge({ db, actor, id, input }: CorrectPledgeProps): Promise<PledgeDetail> {
  const { reason, ...patch } = PledgePatch.parse(input);
  const ownerId = await db.transaction().execute(async (trx) => {
    await lockPledge(trx, id);
    const before = await findForWriter(trx, actor, id);
    assertMayChange(actor, before, 'pledge');
    const kind = before.kind as PledgeKind;
    for (const field of Object.keys(patch)) {
      const owner = (Object.keys(FIELDS_BY_KIND) as PledgeKind[]).find((k) => FIELDS_BY_KIND[k].includes(field));
      if (owner && owner !== kind) throw new AppError('VALIDATION_FAILED', `invalid input: ${field}: does not apply to a ${kind} pledge`, [{ path: field, message: `does not apply to a ${kind} pledge` }]);
    }
    const current = inputOf(before, (await releasableToCodes(trx, 'pledges', [id])).get(id) ?? []);
    // A new currency needs its own rate: the old one would silently convert at the wrong value.
    if (patch.currency !== undefined && patch.currency !== current.currency && patch.usdRate === undefined) delete current.usdRate;
    if (patch.currency === 'USD') delete current.usdRate;
    const parsed = PledgeInput.parse({ ...current, ...patch });
    const columns = columnsOf(parsed);
    const events = await repo.eventsOf(trx, [id], { includeVoided: true });
    const live = events.filter((e) => e.voided_at === null);
    if (columns.currency !== before.currency && live.length > 0) {
      throw new AppError('CONFLICT', `this pledge's events are in ${before.currency}: void them before changing its currency`);
    }
    const earliest = live.map((e) => e.occurred_on).sort()[0];
    if (earliest !== undefined && earliest < parsed.pledgedOn) {
      const message = `${parsed.pledgedOn} is after the pledge's first event (${earliest})`;
      throw new AppError('VALIDATION_FAILED', `invalid input: pledgedOn: ${message}`, [{ path: 'pledgedOn', message }]);
    }
    const currency = columns.currency as CurrencyCode | null;
    replayPledge({ officers: columns.officers, amountMinor: columns.amount_minor, currency }, live.map(toReplayEvent), moneyFormatter(currency));
    if (currency && columns.usd_rate !== before.usd_rate) {
      for (const event of events) if (event.amount_minor !== null) await repo.setEventUsdCents(trx, event.id, usdCents(Number(event.amount_minor), currency, columns.usd_rate!));
    }
    await repo.updatePledge(trx, id, { ...columns, updated_at: new Date().toISOString() });
    await setReleasableTo(trx, 'pledges', id, await releaseIdsFor(trx, parsed, before.organisation_id, before.owner_org_id));
    await appendAudit(trx, { actor, action: 'correct', entityType: 'pledge', entityId: id, details: { before: current, after: parsed, reason } });
    return before.owner_org_id;
  });
  return getPledge({ db, viewer: viewerOf(actor, ownerId), id });
}

/** "1,250,000.50 KES": amounts in messages. */
export function moneyFormatter(currency: CurrencyCode | null): (minor: number) => string {
  return (minor) => (currency ? `${fromMinorUnits(minor, currency)} ${currency}` : String(minor));
}

/**
 * The pledge a writer acts on: for a user, only one they can see (404
 * otherwise, like an absent one); for the system (command line, demo: whoever
 * holds the database), any.
 */
export async function findForWriter(db: Db, actor: Actor | null, id: string): Promise<repo.PledgeRow> {
  const row = actor ? await repo.findVisible(db, actor, id) : await repo.findAnyForSystem(db, id);
  if (!row) throw notFound('pledge');
  return row;
}
