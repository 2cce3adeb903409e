import { randomUUID } from 'node:crypto';
import { Classification } from '../../shared/access.ts';
import { DetentionGrounds, DetentionInput, DetentionQuery, DetentionStatus, HandoverInput, ReleaseInput, type Detention } from '../../shared/accountability.ts';
import { AppError, notFound } from '../../shared/errors.ts';
import type { Db } from '../../db/index.ts';
import type { DetaineeIdentitiesTable } from '../../db/tables/accountability.ts';
import { PUBLIC_VIEWER, appendAudit, organisationIdsForCodes, releasableToCodes, setReleasableTo, type Actor, type Viewer } from '../auth/index.ts';
import { isOversight, requireDetentionWriter } from './accountability.policy.ts';
import { sha256 } from './complaints.service.ts';
import * as repo from './detentions.repo.ts';
import { getSettings } from './settings.service.ts';

/*
 * The detention register. A mission unit that detains someone records it at
 * once; the person must be handed over to the HNP within the deadline in
 * force (24 hours unless the oversight body sets another), and a detention
 * still open past it is flagged as overdue, a late handover as late. The
 * record is read through releasability (MISSION by default); who was
 * detained is a separate RESTRICTED record, seen by the detaining
 * organisation, the organisations it names (e.g. the HNP) and the oversight
 * body, which reads the whole register.
 */

const HOUR_MS = 3_600_000;

function present(row: repo.DetentionRow, identity: DetaineeIdentitiesTable | undefined, releasableTo: string[], now: Date): Detention {
  const ended = row.handed_over_at ?? row.released_at;
  return {
    id: row.id,
    owner: row.owner_code,
    unit: row.unit,
    detainedAt: row.detained_at,
    place: row.place,
    point: row.lat !== null && row.lon !== null ? { lat: row.lat, lon: row.lon } : null,
    grounds: DetentionGrounds.parse(row.grounds),
    legalBasis: row.legal_basis,
    condition: row.condition,
    status: DetentionStatus.parse(row.status),
    handoverDueAt: row.handover_due_at,
    handedOverAt: row.handed_over_at,
    handedOverTo: row.handed_over_to,
    handoverCondition: row.handover_condition,
    releasedAt: row.released_at,
    releaseReason: row.release_reason,
    overdue: row.status === 'held' && row.handover_due_at < now.toISOString(),
    late: ended !== null && ended > row.handover_due_at,
    classification: Classification.parse(row.classification),
    releasableTo,
    person: identity ? { name: identity.name, sex: identity.sex, age: identity.age, description: identity.description, identityDocument: identity.identity_document } : null,
    illustrative: row.illustrative === 1,
  };
}

async function presentAll(db: Db, viewer: Viewer, everything: boolean, rows: repo.DetentionRow[], now: Date): Promise<Detention[]> {
  const ids = rows.map((r) => r.id);
  const [people, lists] = await Promise.all([repo.identities(db, viewer, everything, ids), releasableToCodes(db, 'detentions', ids)]);
  return rows.map((row) => present(row, people.get(row.id), lists.get(row.id) ?? [], now));
}

export async function listDetentions({ db, viewer, query = {}, now = new Date() }: { db: Db; viewer: Viewer; query?: Record<string, unknown>; now?: Date }): Promise<Detention[]> {
  const q = DetentionQuery.parse(query);
  const everything = await isOversight(db, viewer);
  const rows = await repo.listDetentions(db, viewer, everything, { status: q.status, overdueAt: q.overdue ? now.toISOString() : undefined, limit: q.limit });
  return presentAll(db, viewer, everything, rows, now);
}

async function readOne(db: Db, viewer: Viewer, everything: boolean, id: string, now: Date): Promise<Detention> {
  const row = /^[0-9a-f-]{36}$/.test(id) ? await repo.findDetention(db, viewer, everything, id) : undefined;
  if (!row) throw notFound('detention');
  return (await presentAll(db, viewer, everything, [row], now))[0]!;
}

export async function getDetention({ db, viewer, id, now = new Date() }: { db: Db; viewer: Viewer; id: string; now?: Date }): Promise<Detention> {
  return readOne(db, viewer, await isOversight(db, viewer), id, now);
}

/** What the one who wrote it sees: the actor's view, or everything for the system itself. */
async function writerView(db: Db, actor: Actor | null, id: string, now: Date): Promise<Detention> {
  return actor ? getDetention({ db, viewer: actor, id, now }) : readOne(db, PUBLIC_VIEWER, true, id, now);
}

export async function countDetentions({ db, viewer }: { db: Db; viewer: Viewer }): Promise<number> {
  return repo.countDetentions(db, viewer, await isOversight(db, viewer));
}

export interface RecordDetentionProps {
  db: Db;
  /** null: the system (demo loader), which must then give the owner. */
  actor: Actor | null;
  input: DetentionInput;
  ownerOrgId?: string;
  illustrative?: boolean;
  now?: Date;
}

/** Records a detention by the actor's organisation; the handover deadline is the one in force now. */
export async function recordDetention({ db, actor, input, ownerOrgId, illustrative = false, now = new Date() }: RecordDetentionProps): Promise<Detention> {
  await requireDetentionWriter(db, actor);
  const parsed = DetentionInput.parse(input);
  const owner = actor?.organisationId ?? ownerOrgId;
  if (!owner) throw new Error('recordDetention: the system must name the owner organisation');
  const detainedAt = new Date(parsed.detainedAt);
  if (detainedAt.getTime() > now.getTime() + 5 * 60_000) throw new AppError('VALIDATION_FAILED', 'detainedAt is in the future', [{ path: 'detainedAt', message: 'in the future' }]);
  const id = await db.transaction().execute(async (trx) => {
    const settings = await getSettings(trx);
    const releaseIds = await organisationIdsForCodes(trx, parsed.classification === 'RESTRICTED' ? parsed.releasableTo : []);
    const identityReleaseIds = await organisationIdsForCodes(trx, parsed.identityReleasableTo);
    const at = now.toISOString();
    const row = {
      id: randomUUID(),
      classification: parsed.classification,
      owner_org_id: owner,
      unit: parsed.unit,
      detained_at: detainedAt.toISOString(),
      place: parsed.place,
      lat: parsed.point?.lat ?? null,
      lon: parsed.point?.lon ?? null,
      grounds: parsed.grounds,
      legal_basis: parsed.legalBasis,
      condition: parsed.condition,
      handover_due_at: new Date(detainedAt.getTime() + settings.handoverDeadlineHours * HOUR_MS).toISOString(),
      handed_over_at: null,
      handed_over_to: null,
      handover_condition: null,
      released_at: null,
      release_reason: null,
      status: 'held',
      created_by: actor?.userId ?? null,
      created_at: at,
      updated_at: at,
      illustrative: illustrative ? 1 : 0,
    };
    const person = parsed.person;
    await repo.insertDetention(trx, row, { id: row.id, classification: 'RESTRICTED', owner_org_id: owner, name: person.name, sex: person.sex, age: person.age, description: person.description, identity_document: person.identityDocument });
    await setReleasableTo(trx, 'detentions', row.id, releaseIds);
    await setReleasableTo(trx, 'detainee_identities', row.id, identityReleaseIds);
    await appendAudit(trx, {
      actor,
      action: 'create',
      entityType: 'detention',
      entityId: row.id,
      details: { unit: row.unit, detainedAt: row.detained_at, grounds: row.grounds, handoverDueAt: row.handover_due_at, classification: row.classification, personSha256: sha256(JSON.stringify(person)) },
    });
    return row.id;
  });
  return writerView(db, actor, id, now);
}

async function closeDetention(db: Db, actor: Actor | null, id: string, now: Date, body: (trx: Db, row: repo.DetentionRow) => Promise<Record<string, unknown>>): Promise<Detention> {
  await db.transaction().execute(async (trx) => {
    const row = await repo.findDetention(trx, actor ?? PUBLIC_VIEWER, actor === null, id);
    if (!row) throw notFound('detention');
    await requireDetentionWriter(trx, actor, row.owner_org_id);
    if (row.status !== 'held') throw new AppError('CONFLICT', `the person is no longer held (${row.status.replace('_', ' ')})`);
    const details = await body(trx, row);
    await appendAudit(trx, { actor, action: 'close', entityType: 'detention', entityId: id, details });
  });
  return writerView(db, actor, id, now);
}

function notBefore(row: repo.DetentionRow, at: Date, field: string): string {
  if (at.getTime() < new Date(row.detained_at).getTime()) throw new AppError('VALIDATION_FAILED', `${field} is before the detention`, [{ path: field, message: 'before detainedAt' }]);
  return at.toISOString();
}

/** Records the handover to the HNP; a handover after the deadline stays flagged as late. */
export async function recordHandover({ db, actor, id, input, now = new Date() }: { db: Db; actor: Actor | null; id: string; input: HandoverInput; now?: Date }): Promise<Detention> {
  const parsed = HandoverInput.parse(input);
  return closeDetention(db, actor, id, now, async (trx, row) => {
    const at = notBefore(row, new Date(parsed.handedOverAt), 'handedOverAt');
    await repo.updateDetention(trx, id, { status: 'handed_over', handed_over_at: at, handed_over_to: parsed.handedOverTo, handover_condition: parsed.condition, updated_at: now.toISOString() });
    return { status: 'handed_over', handedOverAt: at, late: at > row.handover_due_at, recipientSha256: sha256(parsed.handedOverTo) };
  });
}

/** Records a release without handover (e.g. no grounds to hold the person). */
export async function recordRelease({ db, actor, id, input, now = new Date() }: { db: Db; actor: Actor | null; id: string; input: ReleaseInput; now?: Date }): Promise<Detention> {
  const parsed = ReleaseInput.parse(input);
  return closeDetention(db, actor, id, now, async (trx, row) => {
    const at = notBefore(row, new Date(parsed.releasedAt), 'releasedAt');
    await repo.updateDetention(trx, id, { status: 'released', released_at: at, release_reason: parsed.reason, updated_at: now.toISOString() });
    return { status: 'released', releasedAt: at, late: at > row.handover_due_at, reasonSha256: sha256(parsed.reason) };
  });
}
