import { randomUUID } from 'node:crypto';
import { AppError, notFound } from '../../shared/errors.ts';
import { ActorInput, ActorKind, ActorPatch, type RegisteredActor } from '../../shared/incidents.ts';
import type { Db } from '../../db/index.ts';
import { appendAudit, type Actor, type Viewer } from '../auth/index.ts';
import * as actorsRepo from './actors.repo.ts';
import { assertMayCurateActors } from './incidents.policy.ts';
import { actorNameKey } from './text.ts';

/*
 * The actor registry: gangs and coalitions (as ACLED names them), state
 * forces, civilians. Reports register the names they use; analysts curate.
 */

function present(row: actorsRepo.ActorListRow): RegisteredActor {
  return { id: row.id, name: row.name, kind: ActorKind.parse(row.kind), incidents: row.incidents };
}

export async function listActors({ db, viewer, q, kind, limit = 200 }: { db: Db; viewer: Viewer; q?: string | undefined; kind?: string | undefined; limit?: number }): Promise<RegisteredActor[]> {
  const key = q ? actorNameKey(q) : undefined;
  return (await actorsRepo.listVisible(db, viewer, { q: key || undefined, kind, limit })).map(present);
}

export async function getActor({ db, viewer, id }: { db: Db; viewer: Viewer; id: string }): Promise<RegisteredActor> {
  const row = await actorsRepo.findVisible(db, viewer, id);
  if (!row) throw notFound('actor');
  return present(row);
}

export async function createActor({ db, actor, input }: { db: Db; actor: Actor; input: ActorInput }): Promise<RegisteredActor> {
  assertMayCurateActors(actor);
  const parsed = ActorInput.parse(input);
  const key = actorNameKey(parsed.name);
  if (!key) throw new AppError('VALIDATION_FAILED', 'an actor name needs letters or digits', [{ path: 'name', message: 'no letters or digits' }]);
  const id = await db.transaction().execute(async (trx) => {
    const existing = (await actorsRepo.findByKeys(trx, [key])).get(key);
    if (existing) throw new AppError('CONFLICT', `the registry has this actor already as "${existing.name}" (${existing.id})`);
    const now = new Date().toISOString();
    const row = { id: randomUUID(), name: parsed.name, name_key: key, kind: parsed.kind, created_by: actor.userId, created_at: now, updated_at: now };
    await actorsRepo.insertActors(trx, [row]);
    await appendAudit(trx, { actor, action: 'create', entityType: 'actor', entityId: row.id, details: { after: { name: row.name, kind: row.kind } } });
    return row.id;
  });
  return getActor({ db, viewer: actor, id });
}

export async function updateActor({ db, actor, id, patch }: { db: Db; actor: Actor; id: string; patch: ActorPatch }): Promise<RegisteredActor> {
  assertMayCurateActors(actor);
  const parsed = ActorPatch.parse(patch);
  await db.transaction().execute(async (trx) => {
    const before = await actorsRepo.findVisible(trx, actor, id);
    if (!before) throw notFound('actor');
    const key = parsed.name ? actorNameKey(parsed.name) : before.name_key;
    if (!key) throw new AppError('VALIDATION_FAILED', 'an actor name needs letters or digits', [{ path: 'name', message: 'no letters or digits' }]);
    const clash = key !== before.name_key ? (await actorsRepo.findByKeys(trx, [key])).get(key) : undefined;
    if (clash) throw new AppError('CONFLICT', `the registry has another actor with this name: "${clash.name}" (${clash.id})`);
    const now = new Date().toISOString();
    await actorsRepo.updateActor(trx, id, { ...(parsed.name ? { name: parsed.name, name_key: key } : {}), ...(parsed.kind ? { kind: parsed.kind } : {}), updated_at: now });
    await appendAudit(trx, { actor, action: 'update', entityType: 'actor', entityId: id, details: { before: { name: before.name, kind: before.kind }, after: parsed } });
  });
  return getActor({ db, viewer: actor, id });
}
